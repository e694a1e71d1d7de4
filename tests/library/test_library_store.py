"""The data library keeps every stored dataset: transactions, checksums, concurrent writers, killed writers."""
from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from srb_core.errors import SrbInputError
from srb_core.library import LibraryStore, StoredFiles
from srb_core.sqlite_store import StoreError
from tests.demos import BK, ROOT


def demo_files(map_bytes: bytes | None = None) -> StoredFiles:
    return StoredFiles((BK / "kitas.csv").read_bytes(), "kitas.csv", (BK / "konzeption.toml").read_bytes(),
                       "konzeption.toml", map_bytes, "karte.geojson" if map_bytes else None)


@pytest.fixture()
def library(tmp_path):
    return LibraryStore(tmp_path / "bibliothek.sqlite")


def test_store_list_reopen_rename_delete_undo(library, bk_data):
    geo = (ROOT / "geodata" / "bad_kreuznach.geojson").read_bytes()
    first = library.store(demo_files(geo), "Befragung 2021 <T0> & \"Test\"", "2021-07-31", "T0, Stand Juli")
    second = library.store(StoredFiles((BK / "waves" / "T1.csv").read_bytes(), "T1.csv",
                                       (BK / "konzeption.toml").read_bytes(), "konzeption.toml"), "T1", "2022-07-31")
    assert [d.name for d in library.list()] == ["T1", "Befragung 2021 <T0> & \"Test\""]  # newest Stichtag first
    assert first.n_kitas == 31 and first.fingerprint == bk_data.fingerprint and first.key == f"lib:{first.id}"
    report = library.open(first.id)
    assert report.ok and report.data.fingerprint == bk_data.fingerprint and report.geo is not None
    assert library.files(first.id).map == geo  # byte for byte

    library.rename(second.id, "Befragung 2022")
    assert library.get(second.id).name == "Befragung 2022"
    library.delete(second.id)
    assert [d.id for d in library.list()] == [first.id] and [d.id for d in library.list(deleted=True)] == [second.id]
    with pytest.raises(StoreError, match="gibt es in dieser Bibliothek nicht"):
        library.open(second.id)
    library.undo_delete(second.id)
    assert library.open(second.id).ok and library.check() == []


def test_names_are_unique_and_dates_are_dates(library):
    library.store(demo_files(), "A", "2021-07-31")
    with pytest.raises(StoreError, match="gibt es schon"):
        library.store(demo_files(), " A ", "2022-07-31")
    with pytest.raises(SrbInputError, match="Stichtag"):
        library.store(demo_files(), "B", "31.07.2021")


def test_a_file_the_checks_refuse_is_not_stored(library):
    bad = (BK / "kitas.csv").read_bytes().replace(b"BK02,", b"BK01,", 1)
    with pytest.raises(SrbInputError) as info:
        library.store(StoredFiles(bad, "kitas.csv", (BK / "konzeption.toml").read_bytes(), "konzeption.toml"),
                      "Kaputt", "2021-07-31")
    assert "Zeile 3" in info.value.text() and "kita_id" in info.value.text() and "BK01" in info.value.text()
    assert library.list() == [] and library.list(deleted=True) == []


def test_damage_from_outside_is_noticed(library):
    stored = library.store(demo_files(), "A", "2021-07-31")
    with sqlite3.connect(library.path) as con:
        con.execute("UPDATE dataset SET kitas = replace(kitas, 'Nord', 'Nordd') WHERE id = ?", (stored.id,))
    assert library.check() == [f"Datensatz {stored.id}: Prüfsumme stimmt nicht."]
    with pytest.raises(StoreError, match="beschädigt"):
        library.files(stored.id)


def _store_many(path: str, tag: str, n: int, start) -> None:
    sys.path.insert(0, str(ROOT))
    start.wait()
    library = LibraryStore(path)
    for i in range(n):
        library.store(demo_files(), f"{tag}-{i:02d}", f"2021-07-{1 + i % 28:02d}", tag * 1000)


def test_two_processes_storing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "parallel.sqlite")
    LibraryStore(path)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=_store_many, args=(path, tag, 25, start)) for tag in ("A", "B")]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(180)
        assert p.exitcode == 0
    library = LibraryStore(path)
    stored = library.list()
    assert {d.name for d in stored} == {f"{t}-{i:02d}" for t in "AB" for i in range(25)}
    assert all(d.note == d.name[0] * 1000 for d in stored)
    assert library.check() == []


CRASHER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from srb_core.library import LibraryStore, StoredFiles
bk = Path({bk!r})
files = StoredFiles((bk / "kitas.csv").read_bytes(), "kitas.csv", (bk / "konzeption.toml").read_bytes(),
                    "konzeption.toml", b'{{"type": "FeatureCollection", "features": []}}' + b" " * 3_000_000,
                    "leer.geojson")
library = LibraryStore({path!r})
i = 0
while True:
    try:
        stored = library.store(files, f"S{{i}}", "2023-07-31", "x" * 2_000_000)
    except Exception as exc:  # an empty map is refused by the checks: store without it
        files = StoredFiles(files.kitas, files.kitas_name, files.konzeption, files.konzeption_name)
        continue
    print(stored.id, flush=True)  # only after the transaction has committed
    i += 1
"""


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.6])
def test_a_killed_writer_loses_nothing_it_stored(tmp_path, delay):
    path = str(tmp_path / "crash.sqlite")
    proc = subprocess.Popen([sys.executable, "-c", CRASHER.format(root=str(ROOT), bk=str(BK), path=path)],
                            stdout=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    committed = out.decode().split()
    library = LibraryStore(path)
    assert library.check() == []
    stored = library.list()
    assert set(committed) <= {d.id for d in stored}  # everything the writer was told is stored, is stored
    assert all(len(d.note) == 2_000_000 for d in stored)  # and nothing half-written exists
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM dataset").fetchone()[0] == len(stored)
    for d in stored[:2]:
        assert library.open(d.id).ok
    assert library.store(demo_files(), "danach", "2024-07-31").name == "danach"


def test_library_in_an_unusable_place_is_refused_in_german(tmp_path):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    with pytest.raises(StoreError, match="SRB_BIBLIOTHEK_DB"):
        LibraryStore(blocker / "unter" / "b.sqlite")
