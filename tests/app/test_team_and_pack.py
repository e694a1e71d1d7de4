"""AppTest for issue 15: two areas side by side, the knapp flag at the margin, both amounts in Mayen-Koblenz,
the change line of a saved scenario, saving with one click, the pack only for saved scenarios."""
from srb_core import compute
from srb_core.scenarios import ScenarioStore
from tests.app.helpers import choose_dataset, move, on_page, wall_parts, wall_table

SR, SZ, VG = "app_pages/sozialraum.py", "app_pages/szenarien.py", "app_pages/vergleich.py"
NB = "\u00a0"


def _table(at, first_column, column=None):
    return next(t.value for t in at.table if t.value.index.name == first_column
                and (column is None or column in t.value.columns))


def test_innenstadt_next_to_pariser_viertel():
    at = on_page(SR)
    at.selectbox(key="sr_pick").set_value("Innenstadt").run()
    at.selectbox(key="sr_other").set_value("Pariser Viertel").run()
    table = _table(at, "Kennzahl")
    assert list(table.columns) == ["Innenstadt", "Pariser Viertel", "Durchschnitt der Sozialräume", "Unterschied"]
    # the published table: Innenstadt 30,6 points = 10,03 %, rank 8; Pariser Viertel 53,0 = 17,37 %, rank 1
    assert table.loc["Gesamtindex"].tolist()[:2] == ["30,6", "53,0"]
    assert table.loc["Rang (von 8)"].tolist()[:2] == ["8", "1"]
    assert [v.replace(NB, " ") for v in table.loc["Anteil am Budget"].tolist()] == [
        "10,03 %", "17,37 %", "12,50 %", "−7,34 Prozentpunkte"]
    assert any(m.label == "Rang" and m.value == "8 von 8" for m in at.metric)
    # the area's own path ends in its euros: 10,03 % of 1.002.240,00 €
    assert any("1.002.240,00 € = 100.528,21 €" in m.value.replace("\\", "") for m in at.markdown)


def test_knapp_flag_includes_exactly_the_margin(bk_data, bk_konzeption):
    res = compute(bk_data, bk_konzeption)
    i = bk_data.names.index("Demo-Kita Hasenberg")  # Innenstadt, +0,6 above the lower bound (issue 15)
    d = float(res.kita_overall[i] - res.kita_band.lower)
    at = on_page(SR)
    at.selectbox(key="sr_pick").set_value("Innenstadt").run()

    def flag():
        return _table(at, "Kita", "Abstand zur unteren Grenze").loc["Demo-Kita Hasenberg", "knapp?"]

    assert _table(at, "Kita", "Abstand zur unteren Grenze").loc["Demo-Kita Hasenberg", "Abstand zur unteren Grenze"] \
        == "+0,6"
    assert flag() == "⚠" + NB + "knapp"  # default margin 1 point
    at.number_input(key="sr_margin").set_value(abs(d)).run()
    assert flag() == "⚠" + NB + "knapp"  # exactly on the margin counts
    at.number_input(key="sr_margin").set_value(abs(d) - 0.01).run()
    assert flag() == ""
    strands = _table(at, "Kita", "Förderstrang")
    kiso = strands[(strands.index == "Demo-Kita Hasenberg")
                   & (strands["Förderstrang"] == "Individuelle Kita-Sozialarbeit")]
    assert kiso["förderfähig"].tolist() == ["ja"] and kiso["knapp?"].tolist() == [""]
    assert kiso["Abstand zur Grenze (Punkte)"].tolist() == ["+0,6 zur unteren Grenze (Gesamtindex)"]


def test_mayen_koblenz_shows_both_amounts_with_the_reason():
    at = on_page(SR)
    choose_dataset(at, "mayen_koblenz")
    at.selectbox(key="sr_pick").set_value("Maifeld").run()
    metrics = {m.label: m.value.replace(NB, " ") for m in at.metric}
    # issue 15: 409.894,13 € on "Übersicht" and 422.460,00 € on "Budget & Stellen"
    assert metrics["Betrag Schritt 1"] == "409.894,13 €" and metrics["Betrag Schritt 2"] == "422.460,00 €"
    [info] = [i.value for i in at.info if "zwei Beträge" in i.value]
    assert "Sockelbetrag plus Aufstockung" in info and "nicht seinen Anteil aus Schritt 1" in info
    at.switch_page("app_pages/uebersicht.py").run()
    row = wall_table(at).loc["Maifeld"]
    assert row["Betrag Schritt 1"].replace(NB, " ") == "409.894,13 €"
    assert row["Betrag Schritt 2"].replace(NB, " ") == "422.460,00 €"
    assert "Sockelbetrag plus Aufstockung" in wall_parts(at)["two"]
    at.switch_page("app_pages/budget.py").run()
    row = _table(at, "Sozialraum").loc["Maifeld"]
    assert row["Schritt 1 (Anteil × Budget)"].replace(NB, " ") == "409.894,13 €"
    assert row["Schritt 2 (Summe der Kitas)"].replace(NB, " ") == "422.460,00 €"


def test_saved_scenario_tells_what_it_changes_and_saves_with_one_click(scenario_db):
    at = on_page(SZ)
    move(at, "w1", 2.0)
    move(at, "k", 0.5)
    at.button(key="sc_do_save").click().run()  # no name yet: a message, nothing saved
    assert any("Bitte einen Namen" in e.value for e in at.error) and not ScenarioStore(scenario_db).list()
    at.text_input(key="sc_name").input("Soziale Lage doppelt")
    at.button(key="sc_do_save").click().run()  # typed and clicked in one go
    [stored] = ScenarioStore(scenario_db).list("bad_kreuznach")
    assert stored.name == "Soziale Lage doppelt"
    table = at.dataframe[0].value.set_index("Name")
    assert table.loc["Soziale Lage doppelt", "Ändert gegenüber dem Beschluss"] == \
        "Soziale Lage × 2 · k = 0,5 · Budget unverändert"
    assert table.loc["Beschluss (Konzeption)", "Ändert gegenüber dem Beschluss"] == "wie der Beschluss"


def test_pack_only_for_saved_scenarios_chosen_explicitly(scenario_db):
    at = on_page(SZ)
    assert not [b for b in at.get("download_button") if b.proto.label == "PDF"]
    assert any("Noch kein gespeichertes Szenario" in c.value for c in at.caption)
    move(at, "w1", 2.0)
    assert any("nur für gespeicherte Szenarien" in i.value for i in at.info)  # offers to save first
    at.text_input(key="sc_name").input("Variante")
    at.button(key="sc_do_save").click().run()
    assert not any("nur für gespeicherte Szenarien" in i.value for i in at.info)
    assert not [b for b in at.get("download_button") if b.proto.label == "PDF"]  # nothing chosen yet
    sid = ScenarioStore(scenario_db).list()[0].id
    at.multiselect(key="sc_pack_for").set_value([sid]).run()
    assert [b for b in at.get("download_button") if b.proto.label == "PDF"]
    assert any("Paket für: „Variante“" in t.value for t in at.text)


def test_comparison_does_not_preselect_settings_equal_to_the_beschluss():
    at = on_page(VG)
    assert at.multiselect(key="cp_pick").value == []
