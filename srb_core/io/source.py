"""Inputs arrive as a path (command line, demos) or as bytes with a name (browser upload)."""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem, SrbInputError


def read_source(content: bytes | str | Path, filename: str | None, default_name: str,
                error: type[SrbInputError]) -> tuple[bytes, str, str]:
    """(bytes, display name, lower-case suffix); a missing file raises `error` naming the path."""
    if isinstance(content, (str, Path)):
        path = Path(content)
        filename = filename or path.name
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            raise error(Problem("Die Datei wurde nicht gefunden.", file=str(path))) from None
    name = filename or default_name
    return content, name, Path(name).suffix.lower()
