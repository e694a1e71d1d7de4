"""Where waves come from: a folder's waves/waves.toml (the demo), or datasets of the data library."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import KonzeptionError, Problem
from ..io import load_kitas
from ..konzeption.model import Konzeption
from .series import Wave


@dataclass(frozen=True)
class WaveFile:
    """One wave's file with its label and Stichtag."""

    label: str
    stichtag: str
    path: Path


def read_manifest(folder: Path) -> list[WaveFile]:
    """[[waves]] label, stichtag (ISO), file (relative to `folder`); empty if the folder has none."""
    manifest = folder / "waves" / "waves.toml"
    if not manifest.exists():
        return []
    try:
        raw = tomllib.loads(manifest.read_text(encoding="utf-8"))
        return [WaveFile(str(w["label"]), str(w["stichtag"]), folder / str(w["file"])) for w in raw["waves"]]
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise KonzeptionError(Problem(f"Die Liste der Wellen ist nicht lesbar ({exc}).", file=str(manifest))) from None


def load_waves(files: list[WaveFile], konzeption: Konzeption) -> list[Wave]:
    """Read every wave's Kita table against the Konzeption (load_kitas), in the given order."""
    return [Wave(f.label, load_kitas(f.path, konzeption), f.stichtag) for f in files]
