"""AppTest: a stored dataset is in the menu, opens by ?ds=lib:<id>, and the page 'Daten' manages it."""
from __future__ import annotations

import os

from srb_core.library import LibraryStore, StoredFiles
from tests.app.helpers import current_dataset, dataset_menu, new_app, on_page, slider_values, wall_table
from tests.library.foreign import KONZEPTION, kitas_csv, map_25832
from ui import texts as T
from ui.escape import md


def _stored():
    library = LibraryStore(os.environ["SRB_BIBLIOTHEK_DB"])
    return library, library.store(StoredFiles(kitas_csv(), "kitas.csv", KONZEPTION.encode(), "konzeption.toml",
                                              map_25832(), "karte.geojson"), "Landkreis <Süd> 2023", "2023-07-31",
                                  "Stand „Juli“")


def test_link_opens_a_stored_dataset_in_a_fresh_session():
    _, stored = _stored()
    at = new_app({"ds": stored.key})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    menu = dataset_menu(at)
    assert menu.value == stored.key and "Landkreis <Süd> 2023" in menu.format_func(stored.key)
    assert not at.warning  # no "link invalid" message
    assert "Neubau `West` ${x}" in wall_table(at).index  # the wall's table cells are text, shown as typed


def test_unknown_library_link_falls_back_with_a_message():
    at = new_app({"ds": "lib:000000000000"})
    at.run()
    assert not at.exception
    assert current_dataset(at) == "bad_kreuznach"
    assert any("Datensatz" in w.value for w in at.warning)


def test_daten_page_lists_renames_deletes_and_undoes():
    library, stored = _stored()
    at = on_page("app_pages/daten.py")
    frame = at.dataframe[0].value
    assert list(frame["Name"]) == ["Landkreis <Süd> 2023"] and list(frame["Stichtag"]) == ["31.07.2023"]
    [delete] = [b for b in at.button if b.label == "Löschen"]
    delete.click().run()
    assert library.list() == [] and any("gelöscht" in i.value for i in at.info)
    [undo] = [b for b in at.button if b.label == "Rückgängig"]
    undo.click().run()
    assert [d.id for d in library.list()] == [stored.id]
    at.text_input(key=f"lib_rename_{stored.id}").input("Neu & <anders>").run()
    [rename] = [b for b in at.button if b.label == "Umbenennen"]
    rename.click().run()
    assert library.get(stored.id).name == "Neu & <anders>"
    assert not at.exception
    # a name is the user's text: in the messages it is escaped for Markdown (no link, no bold, no code, no field)
    hostile = "**fett** [klick](http://example.org) `x` ${y}"
    at.text_input(key=f"lib_rename_{stored.id}").input(hostile).run()
    next(b for b in at.button if b.label == "Umbenennen").click().run()
    assert any(m.value == T.LIB_RENAMED.format(name=md(hostile)) for m in at.success), [m.value for m in at.success]
    next(b for b in at.button if b.label == "Löschen").click().run()
    assert not at.exception and any(m.value == T.LIB_DELETED.format(name=md(hostile)) for m in at.info)


def test_scenario_on_stored_data_reopens_by_its_link():
    """The issue's case: a scenario on own data, opened by its link on another day (a fresh session)."""
    from srb_core.scenarios import Scenario, ScenarioStore

    _, stored = _stored()
    report = LibraryStore(os.environ["SRB_BIBLIOTHEK_DB"]).open(stored.id)
    params = report.konzeption.default_params().with_(weights=(2.0, 1.0))
    saved = ScenarioStore(os.environ["SRB_SZENARIO_DB"]).save(Scenario(
        name="Lage doppelt", params=params, dataset=stored.key, konzeption=report.konzeption.name,
        data_fingerprint=report.data.fingerprint))
    at = new_app({"sc": saved.id})
    at.run()
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert dataset_menu(at).value == stored.key
    assert slider_values(at)[:2] == [2.0, 1.0]


def test_a_damaged_stored_dataset_is_named_not_a_crash():
    import sqlite3

    library, stored = _stored()
    at = new_app({"ds": stored.key})
    at.run()
    assert dataset_menu(at).value == stored.key
    other = library.store(StoredFiles(kitas_csv(), "k.csv", KONZEPTION.encode(), "konzeption.toml"), "Zweiter",
                          "2024-07-31")
    with sqlite3.connect(library.path) as con:  # damaged outside the app
        con.execute("UPDATE dataset SET kitas = X'00' WHERE id = ?", (other.id,))
    fresh = new_app({"ds": other.key})
    fresh.run()
    assert not fresh.exception
    assert current_dataset(fresh) == "bad_kreuznach"
    assert any("Datensatz" in w.value for w in fresh.warning)  # the link is named as not usable
    at.run()  # the running session's menu now lists the second dataset too
    dataset_menu(at).set_value(other.key).run()  # chosen in the menu
    assert not at.exception and current_dataset(at) == "bad_kreuznach"
    assert any("beschädigt" in w.value for w in at.warning)
