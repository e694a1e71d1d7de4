"""Datasets in an embedded SQLite file beside the scenarios (default var/bibliothek.sqlite).

A stored dataset is the files exactly as uploaded (Kita table, Konzeption, optional map) plus a name,
a reference date (Stichtag) and a note. The files are checked before they are stored and again when
they are opened, so what the app shows is always what the checks accept today. One row per dataset,
written in one transaction with a checksum over every byte; deleting only marks the row (undo).
"""
from __future__ import annotations

import builtins
import os
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import ParameterError, Problem, SrbInputError
from ..io.validation import ValidationReport, validate_upload
from ..sqlite_store import StoreError, checksum, connect, initialise, now

SCHEMA = """
CREATE TABLE IF NOT EXISTS dataset (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    stichtag TEXT NOT NULL,
    note TEXT NOT NULL,
    kitas BLOB NOT NULL,
    kitas_name TEXT NOT NULL,
    konzeption BLOB NOT NULL,
    konzeption_name TEXT NOT NULL,
    map BLOB,
    map_name TEXT,
    title TEXT NOT NULL,
    n_kitas INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    checksum TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS dataset_name ON dataset(name) WHERE deleted IS NULL;
"""
DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "var" / "bibliothek.sqlite"
ENV_PATH = "SRB_BIBLIOTHEK_DB"
WHAT = "Datenbibliothek"
MAX_BYTES = 50_000_000  # all files of one dataset together; checked before anything is parsed
_META = "id, name, stichtag, note, kitas_name, konzeption_name, map_name, title, n_kitas, fingerprint, created, updated"


def default_path() -> Path:
    """The library's SQLite file: $SRB_BIBLIOTHEK_DB, else the default under var/."""
    return Path(os.environ.get(ENV_PATH) or DEFAULT_PATH)


@dataclass(frozen=True)
class StoredFiles:
    """The files of a stored data set as uploaded: Kita table, Konzeption and map, with their names."""

    kitas: bytes
    kitas_name: str
    konzeption: bytes
    konzeption_name: str
    map: bytes | None = None
    map_name: str | None = None

    def parts(self) -> tuple:
        """(kitas, kitas_name, konzeption, konzeption_name, map, map_name), as validate_upload takes them."""
        return (self.kitas, self.kitas_name, self.konzeption, self.konzeption_name, self.map, self.map_name)


@dataclass(frozen=True)
class StoredDataset:
    """What the list shows; the files themselves are read only when a dataset is opened."""

    id: str
    name: str
    stichtag: str  # ISO date
    note: str
    kitas_name: str
    konzeption_name: str
    map_name: str | None
    title: str  # the Konzeption's name
    n_kitas: int
    fingerprint: str  # of the Kita table, as scenarios record it
    created: str
    updated: str

    @property
    def key(self) -> str:
        """The dataset key in the app and in links (?ds=lib:<id>)."""
        return f"lib:{self.id}"


def check_stichtag(text: str) -> str:
    """A Stichtag as ISO date text (2023-07-31); anything else is a ParameterError in German."""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ParameterError(Problem("Der Stichtag ist kein Datum.", column="Stichtag", value=text,
                                     expected="Datum wie 2023-07-31")) from None


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ParameterError(Problem("Ein Datensatz braucht einen Namen.", column="Name", value=name))
    if len(name) > 120:
        raise ParameterError(Problem("Der Name ist zu lang.", column="Name", value=name[:40] + "…",
                                     expected="höchstens 120 Zeichen"))
    return name


class LibraryStore:
    """The data library: named data sets (Kita table, Konzeption, map) in SQLite with checksums, soft delete and
    undo."""

    def __init__(self, path: str | Path | None = None, timeout: float = 30.0):
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        initialise(self.path, SCHEMA, timeout, WHAT, ENV_PATH)

    def _connect(self) -> sqlite3.Connection:
        return connect(self.path, self.timeout, WHAT)

    # --- writing ------------------------------------------------------------------------------
    def store(self, files: StoredFiles, name: str, stichtag: str, note: str = "") -> StoredDataset:
        """Checks the files (as the page 'Daten' does) and stores them; refuses whole with every problem."""
        name, stichtag = _check_name(name), check_stichtag(stichtag)
        size = sum(len(p) for p in (files.kitas, files.konzeption, files.map or b""))
        if size > MAX_BYTES:
            raise ParameterError(Problem("Die Dateien sind zusammen zu groß für die Bibliothek.", value=f"{size} Bytes",
                                         expected=f"höchstens {MAX_BYTES} Bytes"))
        report = open_files(files)
        if not report.ok:
            raise SrbInputError(report.errors, title="Der Datensatz wird nicht gespeichert: Die Prüfung findet Fehler.")
        assert report.data is not None and report.konzeption is not None
        stamp = now()
        row = StoredDataset(uuid.uuid4().hex[:12], name, stichtag, note, files.kitas_name, files.konzeption_name,
                            files.map_name if files.map is not None else None, report.konzeption.name,
                            report.data.n, report.data.fingerprint, stamp, stamp)
        sums = checksum(*files.parts(), row.id)
        try:
            with closing(self._connect()) as con, con:
                con.execute(
                    "INSERT INTO dataset (id, name, stichtag, note, kitas, kitas_name, konzeption, konzeption_name, "
                    "map, map_name, title, n_kitas, fingerprint, checksum, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (row.id, row.name, row.stichtag, row.note, files.kitas, files.kitas_name, files.konzeption,
                     files.konzeption_name, files.map, row.map_name, row.title, row.n_kitas, row.fingerprint, sums,
                     row.created, row.updated))
        except sqlite3.IntegrityError:
            raise StoreError(f"Einen Datensatz mit dem Namen „{name}“ gibt es schon. Bitte einen anderen Namen "
                             "wählen.") from None
        return row

    def rename(self, dataset_id: str, new_name: str, note: str | None = None) -> StoredDataset:
        """Give a data set a new unique name (and optionally a new note); StoreError if the name is taken."""
        new_name = _check_name(new_name)
        try:
            with closing(self._connect()) as con, con:
                cur = con.execute("UPDATE dataset SET name = ?, note = COALESCE(?, note), updated = ? "
                                  "WHERE id = ? AND deleted IS NULL", (new_name, note, now(), dataset_id))
        except sqlite3.IntegrityError:
            raise StoreError(f"Einen Datensatz mit dem Namen „{new_name}“ gibt es schon.") from None
        if cur.rowcount != 1:
            raise StoreError(f"Den Datensatz „{dataset_id}“ gibt es nicht (mehr).")
        return self.get(dataset_id)

    def delete(self, dataset_id: str) -> None:
        """Marks as deleted; `undo_delete` brings it back with every byte."""
        with closing(self._connect()) as con, con:
            cur = con.execute("UPDATE dataset SET deleted = ? WHERE id = ? AND deleted IS NULL", (now(), dataset_id))
        if cur.rowcount != 1:
            raise StoreError(f"Den Datensatz „{dataset_id}“ gibt es nicht (mehr).")

    def undo_delete(self, dataset_id: str) -> StoredDataset:
        """Bring back a deleted data set; refused if another one took its name meanwhile."""
        try:
            with closing(self._connect()) as con, con:
                cur = con.execute("UPDATE dataset SET deleted = NULL WHERE id = ? AND deleted IS NOT NULL",
                                  (dataset_id,))
        except sqlite3.IntegrityError:
            raise StoreError("Der Datensatz kann nicht wiederhergestellt werden: Inzwischen trägt ein anderer "
                             "denselben Namen. Bitte jenen zuerst umbenennen.") from None
        if cur.rowcount != 1:
            raise StoreError(f"Es gibt keinen gelöschten Datensatz „{dataset_id}“.")
        return self.get(dataset_id)

    # --- reading ------------------------------------------------------------------------------
    def list(self, deleted: bool = False) -> list[StoredDataset]:
        """By Stichtag, newest first (then by name)."""
        where = "deleted IS NOT NULL" if deleted else "deleted IS NULL"
        with closing(self._connect()) as con:
            rows = con.execute(f"SELECT {_META} FROM dataset WHERE {where} ORDER BY stichtag DESC, name").fetchall()
        return [StoredDataset(*r) for r in rows]

    def get(self, dataset_id: str) -> StoredDataset:
        """The stored data set with this id; StoreError in German if unknown or deleted."""
        with closing(self._connect()) as con:
            row = con.execute(f"SELECT {_META} FROM dataset WHERE id = ? AND deleted IS NULL",
                              (dataset_id,)).fetchone()
        if row is None:
            raise StoreError(f"Einen Datensatz mit der Kennung „{dataset_id}“ gibt es in dieser Bibliothek nicht "
                             "(gelöscht, oder der Link stammt von einem Rechner mit einer anderen Bibliothek).")
        return StoredDataset(*row)

    def files(self, dataset_id: str) -> StoredFiles:
        """The stored bytes, after checking them against the checksum written with them."""
        with closing(self._connect()) as con:
            row = con.execute("SELECT kitas, kitas_name, konzeption, konzeption_name, map, map_name, checksum "
                              "FROM dataset WHERE id = ? AND deleted IS NULL", (dataset_id,)).fetchone()
        if row is None:
            self.get(dataset_id)  # raises the German message
        files = StoredFiles(_bytes(row[0]), row[1], _bytes(row[2]), row[3], None if row[4] is None else _bytes(row[4]),
                            row[5])
        if checksum(*files.parts(), dataset_id) != row[6]:
            raise StoreError(f"Der Datensatz „{dataset_id}“ ist in der Bibliothek beschädigt (Prüfsumme stimmt "
                             "nicht); er wird nicht verwendet.")
        return files

    def open(self, dataset_id: str) -> ValidationReport:
        """The dataset checked again, as on upload (a report with errors if today's checks refuse it)."""
        return open_files(self.files(dataset_id))

    def check(self) -> builtins.list[str]:
        """German descriptions of every damaged row; empty if the library is sound."""
        problems: builtins.list[str] = []
        with closing(self._connect()) as con:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                problems.append(f"SQLite meldet: {result}")
            rows = con.execute("SELECT id, kitas, kitas_name, konzeption, konzeption_name, map, map_name, checksum "
                               "FROM dataset").fetchall()
        for r in rows:
            parts = [p if p is None or isinstance(p, str) and i % 2 else _bytes(p) for i, p in enumerate(r[1:7])]
            if checksum(*parts, r[0]) != r[7]:
                problems.append(f"Datensatz {r[0]}: Prüfsumme stimmt nicht.")
        return problems


def _bytes(cell: bytes | str) -> bytes:
    """A BLOB cell; text if someone edited the file with a tool that rewrote it (the checksum then decides)."""
    return cell.encode("utf-8", "surrogateescape") if isinstance(cell, str) else bytes(cell)


def open_files(files: StoredFiles) -> ValidationReport:
    """Check stored files like a fresh upload (validate_upload): nothing stored is trusted unchecked."""
    return validate_upload(files.kitas, files.kitas_name, files.konzeption, files.konzeption_name,
                           files.map, files.map_name or "")
