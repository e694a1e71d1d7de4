"""Shared guarantees of the app's SQLite files (scenarios, data library).

WAL journal (kept in the file) so several app processes write at once; synchronous=FULL so a
finished transaction survives a power cut; BEGIN IMMEDIATE so a writer takes the lock at the start
instead of failing half-way; a SHA-256 checksum per row so damage from outside is noticed.
"""
from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from .errors import SrbError


class StoreError(SrbError):
    """A store operation was refused; the text says why in German."""


def now() -> str:
    """The current UTC time as ISO text to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def checksum(*parts: bytes | str | None) -> str:
    """SHA-256 over the parts, each prefixed with its length, so moving bytes between parts changes it."""
    h = hashlib.sha256()
    for part in parts:
        raw = b"" if part is None else (part.encode("utf-8") if isinstance(part, str) else part)
        h.update(len(raw).to_bytes(8, "big") + (b"\x01" if part is not None else b"\x00") + raw)
    return h.hexdigest()


def connect(path: Path, timeout: float, what: str) -> sqlite3.Connection:
    """Connection in autocommit mode whose `with con:` blocks run as BEGIN IMMEDIATE … COMMIT."""
    try:
        con = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        con.execute("PRAGMA synchronous=FULL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Die {what} „{path}“ kann nicht geöffnet werden: {exc}.") from None
    con.isolation_level = "IMMEDIATE"
    return con


def initialise(path: Path, schema: str, timeout: float, what: str, env: str) -> None:
    """Create folder, file and tables if needed; refuse an unusable place in German, naming the variable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(connect(path, timeout, what)) as con:
            con.execute("PRAGMA journal_mode=WAL")
            with con:
                con.executescript(schema)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Die {what} „{path}“ kann nicht geöffnet werden ({exc}). Pfad in {env} prüfen.") from None
