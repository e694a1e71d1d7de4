"""The SQLite store: round trips, the baseline rule, undo, concurrency and crashes."""
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from srb_core.pipeline import evaluate
from srb_core.scenarios import BASELINE_ID, ScenarioStore, StoreError
from tests.strategies import scenarios

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_save_load_reproduces_every_number(store, doubled, bk_data, bk_konzeption):
    saved = store.save(doubled)
    loaded = ScenarioStore(store.path).get(saved.id)  # a fresh connection, as after a restart
    assert loaded == saved and loaded.id and loaded.created
    before, after = evaluate(bk_data, bk_konzeption, doubled), evaluate(bk_data, bk_konzeption, loaded)
    np.testing.assert_array_equal(before.result.kita_overall, after.result.kita_overall)
    np.testing.assert_array_equal(before.result.shares, after.result.shares)
    np.testing.assert_array_equal(before.result.euros_cents, after.result.euros_cents)
    assert before.plan.cents == after.plan.cents
    assert before.plan.sozialraum_budget == after.plan.sozialraum_budget
    # and it is really another scenario than the Konzeption: Soziale Lage has twice the weight
    assert loaded.params.weights[1] == 2 * bk_konzeption.weights[1] and loaded.params.k == 0.5


def test_list_rename_duplicate_delete_undo(store, doubled):
    a = store.save(doubled)
    b = store.save(doubled.with_(name="Zweites"))
    assert [s.name for s in store.list("bad_kreuznach")] == ["Zweites", "Soziale Lage doppelt"] or \
        {s.name for s in store.list("bad_kreuznach")} == {"Zweites", "Soziale Lage doppelt"}
    renamed = store.rename(a.id, "Umbenannt")
    assert store.get(a.id).name == "Umbenannt" and renamed.params == a.params
    copy = store.duplicate(a.id)
    assert copy.name == "Kopie von Umbenannt" and copy.id != a.id and copy.params == a.params
    assert store.duplicate(a.id).name == "Kopie von Umbenannt (2)"
    store.delete(b.id)
    assert b.id not in {s.id for s in store.list()}
    with pytest.raises(StoreError, match="gibt es"):
        store.get(b.id)
    assert store.undo_delete(b.id) == store.get(b.id)
    assert len(store.list()) == 4


def test_names_are_unique_per_dataset(store, doubled):
    store.save(doubled)
    with pytest.raises(StoreError, match="gibt es für diese Daten schon"):
        store.save(doubled)
    store.save(doubled.with_(dataset="mayen_koblenz"))  # same name, other data: allowed


def test_undo_is_refused_when_the_name_was_taken_meanwhile(store, doubled):
    a = store.save(doubled)
    store.delete(a.id)
    store.save(doubled)
    with pytest.raises(StoreError, match="denselben Namen"):
        store.undo_delete(a.id)


def test_baseline_cannot_be_overwritten_renamed_or_deleted(store, bk_baseline, doubled):
    with pytest.raises(StoreError, match="nicht überschrieben"):
        store.save(doubled, replace_id=BASELINE_ID)
    with pytest.raises(StoreError, match="reserviert"):
        store.save(doubled.with_(name=bk_baseline.name))
    with pytest.raises(StoreError, match="nicht umbenannt"):
        store.rename(BASELINE_ID, "x")
    with pytest.raises(StoreError, match="nicht gelöscht"):
        store.delete(BASELINE_ID)
    # saving the baseline's parameters under a new name is the way to start from it
    copy = store.save(bk_baseline.with_(name="Ausgangspunkt"))
    assert copy.id != BASELINE_ID and copy.params == bk_baseline.params


def test_overwrite_keeps_id_and_creation_time(store, doubled):
    a = store.save(doubled)
    time.sleep(1.1)
    b = store.save(doubled.with_(note="geändert"), replace_id=a.id)
    assert (b.id, b.created) == (a.id, a.created) and b.updated > a.updated
    assert store.get(a.id).note == "geändert" and len(store.list()) == 1


def _save_many(path: str, tag: str, n: int, start) -> None:
    sys.path.insert(0, ROOT)
    from srb_core import Params
    from srb_core.scenarios import Scenario, ScenarioStore

    store = ScenarioStore(path)
    start.wait()
    for i in range(n):
        store.save(Scenario(name=f"{tag}-{i:03d}", params=Params(weights=(1.0, float(i % 4), 1.0, 1.0)),
                            dataset="bad_kreuznach", note=tag * 50))


def test_two_processes_saving_100_each_leave_exactly_200(tmp_path):
    path = str(tmp_path / "parallel.sqlite")
    ScenarioStore(path)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=_save_many, args=(path, tag, 100, start)) for tag in ("A", "B")]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    store = ScenarioStore(path)
    scenarios = store.list()
    assert len(scenarios) == 200
    assert {s.name for s in scenarios} == {f"{t}-{i:03d}" for t in "AB" for i in range(100)}
    assert all(s.params.weights[1] == int(s.name[2:]) % 4 for s in scenarios)
    assert store.check() == []


CRASHER = """
import sys
sys.path.insert(0, {root!r})
from srb_core import Params
from srb_core.scenarios import Scenario, ScenarioStore
store = ScenarioStore({path!r})
print("bereit", flush=True)
i = 0
while True:
    store.save(Scenario(name=f"S{{i}}", params=Params(weights=(1.0,)), dataset="d", note="x" * 2_000_000))
    i += 1
"""


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.45, 0.8])
def test_killed_process_leaves_no_half_scenario(tmp_path, delay):
    path = str(tmp_path / "crash.sqlite")
    proc = subprocess.Popen([sys.executable, "-c", CRASHER.format(root=ROOT, path=path)], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"bereit"
    time.sleep(delay)  # 2 MB notes: each save takes a while, so the kill lands inside one
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = ScenarioStore(path)
    assert store.check() == []
    scenarios = store.list()
    assert all(len(s.note) == 2_000_000 for s in scenarios)
    with sqlite3.connect(path) as con:  # no row exists that `list` would have skipped
        assert con.execute("SELECT count(*) FROM scenario").fetchone()[0] == len(scenarios)
    assert store.save(scenarios[0].with_(name="danach")).name == "danach" if scenarios else True


def test_unreadable_database_file_is_refused_with_its_path(tmp_path):
    path = tmp_path / "kaputt.sqlite"
    path.write_bytes(b"das ist keine Datenbank" * 100)
    with pytest.raises(Exception) as err:
        ScenarioStore(path)
    assert "kaputt.sqlite" in str(err.value)


def test_database_in_an_unusable_place_is_refused_in_german(tmp_path):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    with pytest.raises(StoreError, match="kann nicht geöffnet werden"):
        ScenarioStore(blocker / "unter_einer_datei" / "s.sqlite")


@given(scenarios())
@settings(max_examples=40, deadline=None)
def test_any_scenario_survives_the_database_unchanged(s):
    with tempfile.TemporaryDirectory() as folder:  # a new database per example: Hypothesis replays examples
        store = ScenarioStore(Path(folder) / "s.sqlite")
        saved = store.save(s)
        assert store.get(saved.id) == saved == s.with_(id=saved.id, created=saved.created, updated=saved.updated)
