"""AppTest: saving, loading, renaming, deleting with undo, importing; the comparison page; the link."""
import pandas as pd

from srb_core import compute
from srb_core.funding import Adjustment
from srb_core.pipeline import evaluate
from srb_core.scenarios import ScenarioStore, baseline_scenario, dumps, loads
from tests.app.helpers import move, new_app, on_page, sent_bytes, slider_value, wall_table

SZ, VG = "app_pages/szenarien.py", "app_pages/vergleich.py"


def button(at, key):
    return next(b for b in at.button if b.key == key)


def save(at, name, author="Kernteam", note=""):
    at.text_input(key="sc_name").input(name)
    at.text_input(key="sc_author").input(author)
    at.text_area(key="sc_note").input(note)
    at.run()
    next(b for b in at.button if b.label == "Als neues Szenario speichern").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_save_puts_the_slider_state_into_the_database(scenario_db, bk_data, bk_konzeption):
    at = on_page(SZ)
    move(at, "w1", 2.0)
    save(at, "Soziale Lage doppelt", note="Frage aus dem Ausschuss")
    assert any("Gespeichert: „Soziale Lage doppelt“" in s.value for s in at.success)
    [stored] = ScenarioStore(scenario_db).list("bad_kreuznach")
    assert stored.params.weights == (1.0, 2.0, 1.0, 1.0) and stored.author == "Kernteam"
    assert stored.data_fingerprint == bk_data.fingerprint and stored.note == "Frage aus dem Ausschuss"
    assert "Soziale Lage doppelt" in at.dataframe[0].value["Name"].tolist()


def test_load_sets_every_slider_and_the_shares_follow(scenario_db, bk_data, bk_konzeption):
    at = on_page(SZ)
    move(at, "w1", 2.0)
    move(at, "k", 0.5)
    save(at, "Variante")
    next(b for b in at.sidebar.button if b.label.startswith("Auf beschlossene")).click().run()
    assert slider_value(at, "w1") == 1.0
    stored = ScenarioStore(scenario_db).list()[0]
    at.selectbox(key="sc_pick").set_value(stored.id).run()
    button(at, "sc_do_load").click().run()
    assert slider_value(at, "w1") == 2.0 and slider_value(at, "k") == 0.5
    at.switch_page("app_pages/uebersicht.py").run()
    expected = compute(bk_data, bk_konzeption, stored.params)
    shown = {n: r["Anteil"].replace("\u00a0", " ") for n, r in wall_table(at).iterrows() if n != "Summe"}
    assert shown == {n: f"{s * 100:.2f}".replace(".", ",") + " %" for n, s in
                     zip(expected.sozialraum_names if hasattr(expected, "sozialraum_names") else
                         bk_data.sozialraum_names, expected.shares, strict=False)}


def test_rename_duplicate_delete_and_undo(scenario_db):
    at = save(on_page(SZ), "Erstes")
    sid = ScenarioStore(scenario_db).list()[0].id
    at.selectbox(key="sc_pick").set_value(sid).run()
    at.text_input(key=f"sc_rename_{sid}").input("Umbenannt").run()
    button(at, "sc_do_rename").click().run()
    assert ScenarioStore(scenario_db).get(sid).name == "Umbenannt"
    button(at, "sc_do_dup").click().run()
    assert sorted(s.name for s in ScenarioStore(scenario_db).list()) == ["Kopie von Umbenannt", "Umbenannt"]
    at.selectbox(key="sc_pick").set_value(sid).run()
    button(at, "sc_do_del").click().run()
    assert [s.name for s in ScenarioStore(scenario_db).list()] == ["Kopie von Umbenannt"]
    assert any("gelöscht" in i.value for i in at.info)
    next(b for b in at.button if b.label == "Rückgängig").click().run()
    assert sorted(s.name for s in ScenarioStore(scenario_db).list()) == ["Kopie von Umbenannt", "Umbenannt"]


def test_renaming_the_loaded_scenario_renames_its_badge(scenario_db):
    at = save(on_page(SZ), "Erstes")
    sid = ScenarioStore(scenario_db).list()[0].id
    at.selectbox(key="sc_pick").set_value(sid).run()
    button(at, "sc_do_load").click().run()
    assert any("Szenario: Erstes" in h.value for h in at.get("html"))
    at.text_input(key=f"sc_rename_{sid}").input("Zweites & <drittes>").run()
    button(at, "sc_do_rename").click().run()
    badges = " ".join(h.value for h in at.get("html"))
    assert "Szenario: Zweites &amp; &lt;drittes&gt;" in badges and "Szenario: Erstes" not in badges
    assert any("Umbenannt in" in s.value for s in at.success)


def test_baseline_cannot_be_deleted_or_renamed():
    at = on_page(SZ)
    assert at.selectbox(key="sc_pick").value == "beschluss"
    assert button(at, "sc_do_del").disabled and button(at, "sc_do_dup").disabled
    assert not [t for t in at.text_input if t.key and t.key.startswith("sc_rename_")]
    assert "Beschluss (Konzeption)" in at.dataframe[0].value["Name"].tolist()


def test_saving_under_an_existing_name_is_refused_in_german(scenario_db):
    at = save(on_page(SZ), "Doppelt")
    save(at, "Doppelt")
    assert any("gibt es für diese Daten schon" in e.value for e in at.error)
    assert len(ScenarioStore(scenario_db).list()) == 1


def test_link_opens_the_app_in_the_scenario(scenario_db, bk_data, bk_konzeption):
    at = on_page(SZ)
    move(at, "w0", 3.0)
    save(at, "Für den Link")
    stored = ScenarioStore(scenario_db).list()[0]
    link = at.code[0].value
    assert link.endswith(f"?sc={stored.id}")
    fresh = new_app({"sc": stored.id})
    fresh.run()
    assert not fresh.exception
    assert slider_value(fresh, "w0") == 3.0
    expected = compute(bk_data, bk_konzeption, stored.params)
    shown = [r["Anteil"].replace("\u00a0", " ") for n, r in wall_table(fresh).iterrows() if n != "Summe"]
    assert shown == [f"{s * 100:.2f}".replace(".", ",") + " %" for s in expected.shares]
    assert fresh.query_params["sc"] == stored.id


def test_unknown_link_says_so():
    at = new_app({"sc": "gibtsnicht"})
    at.run()
    assert any("konnte nicht geladen werden" in w.value for w in at.warning)


def test_json_export_and_import(scenario_db, tmp_path):
    save(on_page(SZ), "Zum Weitergeben")
    stored = ScenarioStore(scenario_db).list()[0]
    exported = loads(dumps(stored))
    other = tmp_path / "anderer_laptop.sqlite"
    assert ScenarioStore(other).save(exported.with_(id="")).params == stored.params


def test_comparison_page_shows_the_engines_differences(scenario_db, bk_data, bk_konzeption):
    at = on_page(SZ)
    move(at, "w1", 2.0)
    move(at, "k", 0.5)
    save(at, "Variante")
    at.switch_page(VG).run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.table[0].value
    base = compute(bk_data, bk_konzeption)
    other = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 2.0, 1.0, 1.0), k=0.5))
    r = bk_data.sozialraum_names.index("Pariser Viertel")
    delta = (other.shares - base.shares)[r] * 100
    assert table.loc["Pariser Viertel", "Δ Variante"].replace("\u00a0", " ") == \
        ("+" if delta > 0 else "−") + f"{abs(delta):.2f}".replace(".", ",") + " pp"
    changed = {bk_data.names[i] for i in range(bk_data.n) if base.kita_class[i] != other.kita_class[i]}
    shown = set(at.table[1].value["Kita"])
    assert changed <= shown


def test_anonymised_scenario_pages_show_no_kita_name(scenario_db, bk_data):
    at = on_page(SZ, {"anon": "1"})
    move(at, "k", 0.5)
    save(at, "Anonym")
    for page in (SZ, VG):
        at.switch_page(page).run()
        text = sent_bytes(at).decode("utf-8", "replace")
        assert not [n for n in bk_data.names if n in text], page


BUDGET = "app_pages/budget.py"


def test_strand_decisions_survive_save_and_load(scenario_db, bk_data, bk_konzeption):
    at = on_page(BUDGET)
    key = next(s.key for s in at.selectbox if s.key and "centre_nachbarschaftszentrum_0" in s.key)
    suggested = at.selectbox(key=key).value
    other = next(k for i, k in enumerate(bk_data.kita_ids) if bk_data.sozialraum[i] == 0 and k != suggested)
    at.selectbox(key=key).set_value(other).run()
    chosen_value = at.selectbox(key=key).value
    assert chosen_value == other
    plan_shown = at.table[0].value.copy()
    at.switch_page(SZ).run()
    save(at, "Anderes Zentrum")
    stored = ScenarioStore(scenario_db).list()[0]
    assert ("nachbarschaftszentrum", chosen_value) in stored.choices.centres
    at.selectbox(key="sc_pick").set_value("beschluss").run()
    button(at, "sc_do_load").click().run()
    at.switch_page(BUDGET).run()
    assert at.selectbox(key=key).value != chosen_value  # back to the suggested centre
    at.switch_page(SZ).run()
    at.selectbox(key="sc_pick").set_value(stored.id).run()
    button(at, "sc_do_load").click().run()
    at.switch_page(BUDGET).run()
    assert not at.exception and not at.warning
    assert at.selectbox(key=key).value == chosen_value
    pd.testing.assert_frame_equal(at.table[0].value, plan_shown)


def test_loaded_adjustments_appear_on_the_budget_page(scenario_db, bk_data, bk_konzeption):
    base = baseline_scenario(bk_konzeption, "bad_kreuznach", bk_data.fingerprint)
    plan = evaluate(bk_data, bk_konzeption, base).plan
    s = plan.strands.index("kita_sozialarbeit")
    r0 = int(bk_data.sozialraum[0])
    a, b = [i for i in range(bk_data.n) if bk_data.sozialraum[i] == r0 and plan.cents[i][s]][:2]
    moves = (
        Adjustment("kita_sozialarbeit", bk_data.kita_ids[a], plan.cents[a][s] + 100_000, "Mehrbedarf Sprachförderung"),
        Adjustment("kita_sozialarbeit", bk_data.kita_ids[b], plan.cents[b][s] - 100_000, "zugunsten der Nachbar-Kita"),
    )
    stored = ScenarioStore(scenario_db).save(base.with_(id="", name="Mit Anpassung", adjustments=moves))
    assert evaluate(bk_data, bk_konzeption, stored).adjustment_problems == ()
    at = new_app({"sc": stored.id})
    at.run()
    at.switch_page(BUDGET).run()
    assert not at.exception
    assert any("2 geänderte Beträge" in m.value for m in at.success)
    changed = at.table[0].value if "Begründung" in at.table[0].value.columns else \
        next(t.value for t in at.table if "Begründung" in t.value.columns)
    assert set(changed["Begründung"]) == {"Mehrbedarf Sprachförderung", "zugunsten der Nachbar-Kita"}


def test_strand_shares_are_a_what_if_and_part_of_the_scenario(scenario_db, bk_data, bk_konzeption):
    from fractions import Fraction

    from srb_core.funding import load_funding, propose
    from srb_core.pipeline import with_shares

    at = on_page(BUDGET)
    keys = {
        s: f"fund_bad_kreuznach_share_{s}" for s in ("kita_sozialarbeit", "nachbarschaftszentrum", "interkulturell")
    }
    assert [at.text_input(key=k + "_txt").value for k in keys.values()] == ["55,0", "25,0", "20,0"]
    at.text_input(key=keys["kita_sozialarbeit"] + "_txt").input("60").run()
    assert any("100 %" in e.value for e in at.error)  # 105 %: refused, the Konzeption's shares stay in use
    at.text_input(key=keys["nachbarschaftszentrum"] + "_txt").input("20,0").run()
    assert not at.error
    wanted = (("kita_sozialarbeit", Fraction(3, 5)), ("nachbarschaftszentrum", Fraction(1, 5)),
              ("interkulturell", Fraction(1, 5)))
    plan = propose(compute(bk_data, bk_konzeption), with_shares(load_funding(bk_konzeption), wanted)).plan
    kitas = next(d.value for d in at.dataframe if "Individuelle Kita-Sozialarbeit" in d.value.columns)
    s = plan.strands.index("kita_sozialarbeit")
    for i in range(bk_data.n):
        cents = plan.cents[i][s]
        cell = kitas.loc[kitas["Kita"] == bk_data.names[i], "Individuelle Kita-Sozialarbeit"].item()
        expected = f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}\u00a0€"
        assert (expected in cell) == bool(cents), (bk_data.names[i], cell, expected)
    at.switch_page(SZ).run()
    save(at, "Mehr Kita-Sozialarbeit")
    stored = ScenarioStore(scenario_db).list()[0]
    assert stored.strand_shares == wanted
    at.selectbox(key="sc_pick").set_value("beschluss").run()
    button(at, "sc_do_load").click().run()
    at.switch_page(BUDGET).run()
    assert [at.text_input(key=k + "_txt").value for k in keys.values()] == ["55,0", "25,0", "20,0"]
    at.switch_page(SZ).run()
    at.selectbox(key="sc_pick").set_value(stored.id).run()
    button(at, "sc_do_load").click().run()
    at.switch_page(BUDGET).run()
    assert [at.text_input(key=k + "_txt").value for k in keys.values()] == ["60,0", "20,0", "20,0"]


def test_scenario_from_other_data_says_so(scenario_db, bk_data, bk_konzeption):
    base = baseline_scenario(bk_konzeption, "bad_kreuznach", "0123456789abcdef")  # saved on an older Kita table
    stored = ScenarioStore(scenario_db).save(base.with_(id="", name="Alt", params=base.params.with_(k=0.5)))
    at = new_app({"sc": stored.id})
    at.run()
    assert any("mit anderen Daten gespeichert" in w.value and "0123456789ab" in w.value for w in at.warning)
    assert slider_value(at, "k") == 0.5  # loaded all the same, computed on today's data
    assert "Szenario: Alt" in sent_bytes(at).decode("utf-8", "replace")
    at.switch_page(SZ).run()
    assert any("mit anderen Daten gespeichert" in w.value for w in at.warning)
    assert "⚠ andere Daten" in at.dataframe[0].value["Daten"].tolist()


def test_unusable_database_gives_a_message_not_a_crash(tmp_path, monkeypatch):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    monkeypatch.setenv("SRB_SZENARIO_DB", str(blocker / "x" / "s.sqlite"))
    for page in (SZ, VG):
        at = on_page(page)
        assert any("kann nicht geöffnet werden" in e.value for e in at.error)


def test_scenario_that_does_not_fit_the_konzeption_is_refused_on_load(scenario_db, bk_data, bk_konzeption):
    base = baseline_scenario(bk_konzeption, "bad_kreuznach", bk_data.fingerprint)
    odd = ScenarioStore(scenario_db).save(base.with_(id="", name="Drei Gewichte",
                                                     params=base.params.with_(weights=(1.0, 2.0, 1.0))))
    at = on_page(SZ)
    at.selectbox(key="sc_pick").set_value(odd.id).run()
    button(at, "sc_do_load").click().run()
    assert not at.exception
    assert any("3 Gewichte" in e.value and "4 Teilindizes" in e.value for e in at.error)
    assert slider_value(at, "w1") == 1.0  # nothing was changed


def test_overwrite_keeps_the_scenario_and_its_link(scenario_db):
    at = save(on_page(SZ), "Wird verbessert")
    first = ScenarioStore(scenario_db).list()[0]
    move(at, "k", 0.7)
    at.text_input(key="sc_name").input("").run()  # an empty field keeps the saved name
    next(b for b in at.button if b.label == "„Wird verbessert“ überschreiben").click().run()
    [again] = ScenarioStore(scenario_db).list()
    assert again.id == first.id and again.params.k == 0.7 and first.params.k == 1.0
    assert again.name == "Wird verbessert" and again.author == "Kernteam"


def test_aggregation_and_off_grid_weights_of_a_scenario(scenario_db, bk_data, bk_konzeption):
    base = baseline_scenario(bk_konzeption, "bad_kreuznach", bk_data.fingerprint)
    odd = ScenarioStore(scenario_db).save(base.with_(id="", name="Von Hand", params=base.params.with_(
        weights=(1.0, 1.33, 1.0, 1.0), aggregation="children_weighted")))
    at = on_page(SZ)
    at.selectbox(key="sc_pick").set_value(odd.id).run()
    button(at, "sc_do_load").click().run()
    # the sliders' grid is the loader's (two decimals): 1.33 is shown and computed exactly, nothing is rounded
    assert not any("zwischen den Stufen der Regler" in w.value for w in at.warning)
    assert any("nach Kinderzahl gewichteter Mittelwert" in c.value for c in at.sidebar.caption)
    at.switch_page("app_pages/uebersicht.py").run()
    shown = [r["Anteil"].replace("\u00a0", " ") for n, r in wall_table(at).iterrows() if n != "Summe"]
    on_screen = compute(bk_data, bk_konzeption, odd.params.with_(weights=(1.0, 1.33, 1.0, 1.0)))
    assert shown == [f"{s * 100:.2f}".replace(".", ",") + " %" for s in on_screen.shares]
    next(b for b in at.sidebar.button if b.label.startswith("Auf beschlossene")).click().run()
    assert not [c for c in at.sidebar.caption if "Abweichendes Verfahren" in c.value]
