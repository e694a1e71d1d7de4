"""A damaged scenario database: a German message naming the file and what to do; rows that fail their
checksum or come from a newer format version are listed as unreadable, never hidden, never fatal."""
import hashlib
import json
import sqlite3

import pytest

from srb_core.scenarios import ScenarioStore, StoreError


def _fill(store, doubled, n):
    for i in range(n):
        store.save(doubled.with_(name=f"S{i:03d}", note="x" * 3000))


def test_malformed_page_gives_german_message_naming_file_and_remedy(tmp_path, doubled):
    path = tmp_path / "szenarien.sqlite"
    _fill(ScenarioStore(path), doubled, 40)
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    page = 4096
    assert len(raw) > 6 * page
    raw[3 * page:5 * page] = b"\xa5" * (2 * page)  # two pages in the middle of the table: garbage
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreError) as err:
        store = ScenarioStore(path)
        store.list()
    text = str(err.value)
    assert f"„{path}“ ist beschädigt" in text
    assert "umbenennen" in text and "neue, leere Datenbank" in text
    rest = text.replace(str(path), "")
    assert "malformed" not in rest and "DatabaseError" not in rest


def test_file_that_is_no_database_gives_the_same_message(tmp_path):
    path = tmp_path / "kaputt.sqlite"
    path.write_bytes(b"das ist keine Datenbank" * 100)
    with pytest.raises(StoreError, match="kaputt.sqlite“ ist beschädigt oder keine SQLite-Datenbank"):
        ScenarioStore(path)


def _tamper(path, scenario_id, payload, fix_checksum):
    checksum = hashlib.sha256(payload.encode("utf-8")).hexdigest() if fix_checksum else "0" * 64
    with sqlite3.connect(path) as con:
        con.execute("UPDATE scenario SET payload = ?, checksum = ? WHERE id = ?", (payload, checksum, scenario_id))


def test_bad_checksum_and_newer_version_are_listed_as_unreadable(store, doubled):
    good = store.save(doubled)
    changed = store.save(doubled.with_(name="Von Hand geändert"))
    newer = store.save(doubled.with_(name="Aus der Zukunft"))
    with sqlite3.connect(store.path) as con:
        old = con.execute("SELECT payload FROM scenario WHERE id = ?", (newer.id,)).fetchone()[0]
        tampered = con.execute("SELECT payload FROM scenario WHERE id = ?", (changed.id,)).fetchone()[0]
    payload = json.loads(old)
    payload["version"] = 2
    _tamper(store.path, newer.id, json.dumps(payload), fix_checksum=True)
    _tamper(store.path, changed.id, tampered.replace('"k": 0.5', '"k": 0.6'), fix_checksum=False)

    assert [s.id for s in store.list("bad_kreuznach")] == [good.id]  # the list still works
    unreadable = {u.id: u for u in store.unreadable("bad_kreuznach")}
    assert set(unreadable) == {changed.id, newer.id}
    assert unreadable[changed.id].name == "Von Hand geändert"
    assert unreadable[changed.id].reason.startswith("Prüfsumme stimmt nicht")
    assert unreadable[newer.id].name == "Aus der Zukunft"
    assert "Format Version 2; diese Version der App liest Version 1" in unreadable[newer.id].reason
    with pytest.raises(StoreError, match="Prüfsumme stimmt nicht"):
        store.get(changed.id)
    with pytest.raises(StoreError, match="Format Version 2"):
        store.get(newer.id)
