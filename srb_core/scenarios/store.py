"""Scenarios in an embedded SQLite file.

Each scenario is one row whose payload is the complete JSON, written in one transaction, so a
crash leaves either the whole scenario or none. A checksum over the payload catches a row that
was damaged outside the app. Deleting only marks the row, so it can be undone. WAL mode lets two
app processes (two browser sessions, or the app and a script) save at the same time.
"""
from __future__ import annotations

import builtins
import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import ParameterError, Problem, SrbError
from . import codec
from .model import BASELINE_ID, BASELINE_NAME, Scenario

SCHEMA = """
CREATE TABLE IF NOT EXISTS scenario (
    id TEXT PRIMARY KEY,
    dataset TEXT NOT NULL,
    name TEXT NOT NULL,
    payload TEXT NOT NULL,
    checksum TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS scenario_name ON scenario(dataset, name) WHERE deleted IS NULL;
"""
DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "var" / "szenarien.sqlite"
ENV_PATH = "SRB_SZENARIO_DB"


class StoreError(SrbError):
    """A store operation was refused; the text says why in German."""


@dataclass(frozen=True)
class Unreadable:
    """A stored row that cannot be read: shown in the list with its reason, never hidden or fatal."""

    id: str
    name: str
    dataset: str
    updated: str
    reason: str  # German, e.g. "Prüfsumme stimmt nicht (außerhalb der App verändert)"


def _damaged(path: Path, exc: sqlite3.Error) -> StoreError:
    """The German message for a database SQLite cannot read, naming the file and what to do."""
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return StoreError(f"Die Szenario-Datenbank „{path}“ ist gerade gesperrt (ein anderes Programm schreibt). "
                          "Bitte in einer Minute erneut versuchen.")
    return StoreError(f"Die Szenario-Datenbank „{path}“ ist beschädigt oder keine SQLite-Datenbank. Was tun: die "
                      "App beenden, die Datei umbenennen (z. B. in „….kaputt“) oder aus einer Sicherung "
                      "zurückholen; beim nächsten Start legt die App eine neue, leere Datenbank an. Die umbenannte "
                      "Datei kann eine Fachperson mit „sqlite3 … .recover“ oft noch retten.")


def default_path() -> Path:
    """The scenario database: $SRB_SZENARIO_DB, else the default under var/."""
    return Path(os.environ.get(ENV_PATH) or DEFAULT_PATH)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ScenarioStore:
    """Saved scenarios in SQLite with checksums, unique names, soft delete and undo; the Beschluss is never stored."""

    def __init__(self, path: str | Path | None = None, timeout: float = 30.0):
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Die Szenario-Datenbank „{self.path}“ kann nicht geöffnet werden "
                             f"({exc.strerror}). Pfad in SRB_SZENARIO_DB prüfen.") from None
        with self._reading() as con:
            con.execute("PRAGMA journal_mode=WAL")  # kept in the file; lets two processes save at once
            with con:
                con.executescript(SCHEMA)
            # A damaged page must give this message now, not a traceback on the first list.
            result = con.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise _damaged(self.path, sqlite3.DatabaseError(result))

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A connection whose SQLite errors become a German StoreError naming the file."""
        try:
            with closing(self._connect()) as con:
                yield con
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "malformed" in str(exc) or "not a database" in str(exc):
                raise _damaged(self.path, exc) from None
            raise StoreError(f"Die Szenario-Datenbank „{self.path}“ kann nicht geöffnet werden. Pfad in "
                             "SRB_SZENARIO_DB und die Schreibrechte prüfen.") from None
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from None

    def _connect(self) -> sqlite3.Connection:
        try:
            con = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            con.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from None
        con.isolation_level = "IMMEDIATE"  # take the write lock at BEGIN, not half-way through
        return con

    # --- reading ------------------------------------------------------------------------------
    def list(self, dataset: str | None = None, deleted: bool = False) -> list[Scenario]:
        """Newest first; only readable rows. The others are listed by `unreadable`."""
        return self._scan(dataset, deleted)[0]

    def unreadable(self, dataset: str | None = None, deleted: bool = False) -> builtins.list[Unreadable]:
        """Rows whose checksum fails or whose content this version cannot read (e.g. a newer format
        version), newest first, each with a German reason — so a page can show them instead of hiding them."""
        return self._scan(dataset, deleted)[1]

    def _scan(self, dataset: str | None, deleted: bool) -> tuple[builtins.list[Scenario], builtins.list[Unreadable]]:
        query = "SELECT payload, checksum, id, created, updated, name, dataset FROM scenario WHERE " + \
            ("deleted IS NOT NULL" if deleted else "deleted IS NULL")
        args: tuple = ()
        if dataset is not None:
            query += " AND dataset = ?"
            args = (dataset,)
        with self._reading() as con:
            rows = con.execute(query + " ORDER BY updated DESC, rowid DESC", args).fetchall()
        readable: builtins.list[Scenario] = []
        broken: builtins.list[Unreadable] = []
        for row in rows:
            reason = None
            if not isinstance(row[0], str) or _checksum(row[0]) != row[1]:
                reason = "Prüfsumme stimmt nicht: Der Eintrag wurde außerhalb der App verändert oder beschädigt."
            else:
                try:
                    readable.append(self._row(row[:5]))
                except SrbError as exc:
                    reason = _reason(exc, row[0])
            if reason is not None:
                broken.append(Unreadable(str(row[2]), str(row[5]), str(row[6]), str(row[4]), reason))
        return readable, broken

    def get(self, scenario_id: str) -> Scenario:
        """The scenario with this id; StoreError in German if unknown, deleted or damaged (checksum)."""
        with self._reading() as con:
            row = con.execute("SELECT payload, checksum, id, created, updated FROM scenario WHERE id = ? "
                              "AND deleted IS NULL", (scenario_id,)).fetchone()
        if row is None:
            raise StoreError(f"Ein Szenario mit der Kennung „{scenario_id}“ gibt es in dieser Datenbank nicht "
                             "(gelöscht, oder der Link stammt von einem anderen Rechner).")
        if _checksum(row[0]) != row[1]:
            raise StoreError(f"Das Szenario „{scenario_id}“ ist in der Datenbank beschädigt (Prüfsumme stimmt nicht).")
        try:
            return self._row(row)
        except SrbError as exc:
            raise StoreError(f"Das Szenario „{scenario_id}“ kann nicht gelesen werden: "
                             f"{_reason(exc, row[0])}") from None

    def check(self) -> builtins.list[str]:
        """German descriptions of every damaged row; empty if the database is sound."""
        problems = []
        with self._reading() as con:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                problems.append(f"SQLite meldet: {result}")
            for payload, checksum, sid in con.execute("SELECT payload, checksum, id FROM scenario"):
                if _checksum(payload) != checksum:
                    problems.append(f"Szenario {sid}: Prüfsumme stimmt nicht.")
                    continue
                try:
                    codec.loads(payload, f"Datenbank, Szenario {sid}", stored=True)
                except SrbError as exc:
                    problems.append(str(exc))
        return problems

    @staticmethod
    def _row(row) -> Scenario:
        """A stored row as a Scenario; a damaged row raises StoreError instead of a traceback."""
        payload, _, sid, created, updated = row
        scenario = codec.loads(payload, f"Datenbank, Szenario {sid}", stored=True)
        return scenario.with_(id=sid, created=created, updated=updated)

    # --- writing ------------------------------------------------------------------------------
    def save(self, scenario: Scenario, replace_id: str | None = None) -> Scenario:
        """Stores a new scenario, or replaces the one with `replace_id`; returns it with id and times."""
        name = scenario.name.strip()
        self._check_name(name)
        if replace_id == BASELINE_ID:
            raise StoreError(f"„{BASELINE_NAME}“ ist die beschlossene Konzeption und kann nicht überschrieben "
                             "werden. Speichern Sie die Änderungen als neues Szenario.")
        now = _now()
        with self._reading() as con, con:
            if replace_id is not None:
                old = con.execute("SELECT created FROM scenario WHERE id = ? AND deleted IS NULL",
                                  (replace_id,)).fetchone()
                if old is None:
                    raise StoreError(f"Das zu ersetzende Szenario „{replace_id}“ gibt es nicht mehr.")
                saved = scenario.with_(name=name, id=replace_id, created=old[0], updated=now)
                self._write(con, saved, update=True)
            else:
                saved = scenario.with_(name=name, id=uuid.uuid4().hex[:12], created=now, updated=now)
                self._write(con, saved, update=False)
        return saved

    def _write(self, con: sqlite3.Connection, s: Scenario, update: bool) -> None:
        payload = codec.dumps(s)
        try:
            if update:
                con.execute("UPDATE scenario SET name = ?, dataset = ?, payload = ?, checksum = ?, updated = ? "
                            "WHERE id = ?", (s.name, s.dataset, payload, _checksum(payload), s.updated, s.id))
            else:
                con.execute("INSERT INTO scenario (id, dataset, name, payload, checksum, created, updated) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (s.id, s.dataset, s.name, payload, _checksum(payload), s.created, s.updated))
        except sqlite3.IntegrityError:
            raise StoreError(f"Ein Szenario mit dem Namen „{s.name}“ gibt es für diese Daten schon. "
                             "Bitte einen anderen Namen wählen.") from None

    @staticmethod
    def _check_name(name: str) -> None:
        if not name:
            raise ParameterError(Problem("Ein Szenario braucht einen Namen.", column="Name", value=name))
        if name == BASELINE_NAME:
            raise StoreError(f"Der Name „{BASELINE_NAME}“ ist für die beschlossene Konzeption reserviert.")
        if len(name) > 120:
            raise ParameterError(Problem("Der Name ist zu lang.", column="Name", value=name[:40] + "…",
                                         expected="höchstens 120 Zeichen"))

    def rename(self, scenario_id: str, new_name: str) -> Scenario:
        """Give a scenario a new unique name; the Beschluss cannot be renamed."""
        self._refuse_baseline(scenario_id, "umbenannt")
        return self.save(self.get(scenario_id).with_(name=new_name), replace_id=scenario_id)

    def duplicate(self, scenario_id: str, new_name: str | None = None) -> Scenario:
        """Copies a stored scenario (or, with the baseline's id, is refused: save the baseline instead)."""
        self._refuse_baseline(scenario_id, "hier kopiert")
        original = self.get(scenario_id)
        name = new_name or self.free_name(f"Kopie von {original.name}", original.dataset)
        return self.save(original.with_(name=name, id=""))

    def free_name(self, wanted: str, dataset: str, reserved: tuple[str, ...] = ()) -> str:
        """`wanted`, or `wanted (2)`, `(3)` … if a stored scenario or `reserved` already has that name."""
        with self._reading() as con:
            taken = {row[0] for row in con.execute("SELECT name FROM scenario WHERE dataset = ? AND deleted IS NULL",
                                                   (dataset,))}
        taken |= {BASELINE_NAME, *reserved}
        name, n = wanted, 2
        while name in taken:
            name, n = f"{wanted} ({n})", n + 1
        return name

    def delete(self, scenario_id: str) -> None:
        """Marks as deleted; `undo_delete` brings it back."""
        self._refuse_baseline(scenario_id, "gelöscht")
        with self._reading() as con, con:
            cur = con.execute("UPDATE scenario SET deleted = ? WHERE id = ? AND deleted IS NULL", (_now(), scenario_id))
            if cur.rowcount != 1:
                raise StoreError(f"Das Szenario „{scenario_id}“ gibt es nicht (mehr).")

    def undo_delete(self, scenario_id: str) -> Scenario:
        """Bring back a deleted scenario; refused if another one took its name meanwhile."""
        with self._reading() as con, con:
            try:
                cur = con.execute("UPDATE scenario SET deleted = NULL WHERE id = ? AND deleted IS NOT NULL",
                                  (scenario_id,))
            except sqlite3.IntegrityError:
                raise StoreError("Das Szenario kann nicht wiederhergestellt werden: Inzwischen trägt ein anderes "
                                 "Szenario denselben Namen. Bitte jenes zuerst umbenennen.") from None
            if cur.rowcount != 1:
                raise StoreError(f"Es gibt kein gelöschtes Szenario „{scenario_id}“.")
        return self.get(scenario_id)

    @staticmethod
    def _refuse_baseline(scenario_id: str, verb: str) -> None:
        if scenario_id == BASELINE_ID:
            raise StoreError(f"„{BASELINE_NAME}“ ist die beschlossene Konzeption und kann nicht {verb} werden.")


def _reason(exc: SrbError, payload: str) -> str:
    """Why a row with a good checksum cannot be read: a newer format version, or the codec's problems."""
    try:
        version = json.loads(payload).get("version")
    except (ValueError, AttributeError):
        version = None
    if version != codec.VERSION and isinstance(version, int):
        return (f"gespeichert im Format Version {version}; diese Version der App liest Version {codec.VERSION}. "
                "Bitte die App aktualisieren.")
    return str(exc).replace("\n", " ")
