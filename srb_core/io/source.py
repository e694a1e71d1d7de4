"""Inputs arrive as a path (command line, demos) or as bytes with a name (browser upload)."""
from __future__ import annotations

from pathlib import Path

from .. import limits
from ..errors import Problem, SrbInputError


def read_source(content: bytes | str | Path, filename: str | None, default_name: str,
                error: type[SrbInputError], limit: int = limits.MAX_FILE_BYTES) -> tuple[bytes, str, str]:
    """(bytes, display name, lower-case suffix); a missing or too large file raises `error` naming it.

    The size of a file on disk is checked before it is read, so a huge file is refused at once.
    """
    if isinstance(content, (str, Path)):
        path = Path(content)
        filename = filename or path.name
        try:
            if path.stat().st_size > limit:
                raise error(Problem(f"Die Datei ist zu groß ({path.stat().st_size // limits.MB} MB).", file=filename,
                                    expected=f"höchstens {limit // limits.MB} MB"))
            content = path.read_bytes()
        except FileNotFoundError:
            raise error(Problem("Die Datei wurde nicht gefunden.", file=str(path))) from None
        except IsADirectoryError:
            raise error(Problem("Das ist ein Ordner, keine Datei.", file=str(path))) from None
        except OSError as exc:
            raise error(Problem(f"Die Datei kann nicht gelesen werden ({exc.strerror}).", file=str(path))) from None
    name = filename or default_name
    limits.check_size(content, name, error, limit)
    return content, name, Path(name).suffix.lower()
