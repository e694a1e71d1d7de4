"""Shared fixtures: the two demos and a small hand-made Konzeption for exact hand calculations."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `import strategies`

from srb_core import build_kita_data, load_kitas, load_konzeption  # noqa: E402

BK = ROOT / "data" / "demo" / "bad_kreuznach"
MYK = ROOT / "data" / "demo" / "mayen_koblenz"

# The published step-1 table (Bad Kreuznach Konzeption 2021, ch. 3.4), copied from the document.
PUBLISHED = {
    "Pariser Viertel": (53.0, 17.37), "Ost": (43.2, 14.15), "Nord": (39.8, 13.04), "Winzenheim": (37.5, 12.29),
    "Süd-West": (36.6, 11.98), "Planig / Ippesheim / Bosenheim": (33.5, 10.98),
    "Bad Münster am Stein-Ebernburg": (31.0, 10.16), "Innenstadt": (30.6, 10.03),
}
UNROUNDED = {"Pariser Viertel": 53.035, "Ost": 43.203, "Nord": 39.814, "Winzenheim": 37.524, "Süd-West": 36.578,
             "Planig / Ippesheim / Bosenheim": 33.525, "Bad Münster am Stein-Ebernburg": 31.021,
             "Innenstadt": 30.624}

SMALL_TOML = """
[konzeption]
name = "Klein"
[[variables]]
column = "a"
index = "A"
[[variables]]
column = "b"
index = "A"
direction = "higher_is_less_need"
[[variables]]
column = "c"
index = "B"
"""


@pytest.fixture(scope="session")
def bk_konzeption():
    return load_konzeption(BK / "konzeption.toml")


@pytest.fixture(scope="session")
def bk_data(bk_konzeption):
    return load_kitas(BK / "kitas.csv", bk_konzeption)


@pytest.fixture(scope="session")
def myk_konzeption():
    return load_konzeption(MYK / "konzeption.toml")


@pytest.fixture(scope="session")
def myk_data(myk_konzeption):
    return load_kitas(MYK / "kitas.csv", myk_konzeption)


@pytest.fixture()
def small():
    """Four Kitas in two Sozialräume; numbers small enough to compute by hand."""
    from srb_core import parse_konzeption

    konz = parse_konzeption(SMALL_TOML, "klein.toml")
    frame = pd.DataFrame({
        "kita_id": ["k1", "k2", "k3", "k4"], "name": ["Eins", "Zwei", "Drei", "Vier"],
        "sozialraum": ["Ost", "Ost", "West", "West"],
        "a": [0, 10, 5, 10], "b": [1, 5, 3, 1], "c": [2, 2, 4, 6],
    })
    return konz, build_kita_data(frame, konz, "klein.csv")
