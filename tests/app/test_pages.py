"""AppTest: every page renders; sliders give exactly the engine's numbers; anonymised mode; URL round trip."""
import numpy as np
import pytest

from srb_core import compute
from srb_core.privacy import pseudonyms
from tests.app.helpers import (
    PAGES,
    choose_dataset,
    current_dataset,
    dataset_menu,
    move,
    new_app,
    sent_bytes,
    slider_label,
    slider_value,
    wall_html,
    wall_table,
)


def shares_shown(at):
    table = wall_table(at)
    return {name: row["Anteil"] for name, row in table.iterrows() if name != "Summe"}


def expected_shares(result):
    # formatted here, independently of ui/views.py: two decimals, decimal comma, unit after a space
    return {name: f"{s * 100:.2f}".replace(".", ",") + " %" for name, s in
            zip(result.data.sozialraum_names, result.shares, strict=False)}


def normalise(values: dict) -> dict:
    return {k: v.replace("\u00a0", " ") for k, v in values.items()}


@pytest.mark.parametrize("dataset", ["bad_kreuznach", "mayen_koblenz"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(page, dataset):
    at = new_app({"ds": dataset})
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"
    assert "Demo-Daten (synthetisch)" in sent_bytes(at).decode("utf-8", "replace") or page.endswith("daten.py")


def test_moving_a_weight_slider_shows_exactly_the_engines_shares(bk_data, bk_konzeption):
    at = new_app()
    at.run()
    base = compute(bk_data, bk_konzeption)
    assert normalise(shares_shown(at)) == expected_shares(base)
    move(at, "w1", 2.0)  # "Soziale Lage" counts double
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 2.0, 1.0, 1.0)))
    shown = normalise(shares_shown(at))
    assert shown == expected_shares(moved)
    assert shown != expected_shares(base)
    # value and effective weight in the slider's label: 2 / 5 = 40 %
    assert "2,00 · wirksam: 40,0 %" in slider_label(at, 1)
    # Δ column against the adopted Konzeption, in percentage points
    delta = wall_table(at).loc["Pariser Viertel", "Δ Anteil"].replace("\u00a0", " ")
    expected = (moved.shares - base.shares)[bk_data.sozialraum_names.index("Pariser Viertel")] * 100
    assert delta == ("+" if expected > 0 else "−") + f"{abs(expected):.2f}".replace(".", ",") + " pp"


def test_band_width_slider_changes_the_band(bk_data, bk_konzeption):
    at = new_app()
    at.run()
    move(at, "k", 0.5)
    result = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(k=0.5))
    counts = {v: int((result.kita_class == c).sum()) for v, c in (("above", 1), ("within", 0), ("below", -1))}
    base = compute(bk_data, bk_konzeption)
    before = {v: int((base.kita_class == c).sum()) for v, c in (("above", 1), ("within", 0), ("below", -1))}
    strip = wall_html(at)
    # issue 13: the strip shows each count with its change against the Beschluss, e.g. "innerhalb 12 (−10)"
    for v, label in (("above", "oberhalb"), ("within", "innerhalb"), ("below", "unterhalb")):
        d = counts[v] - before[v]
        change = "±0" if d == 0 else ("+" if d > 0 else "−") + str(abs(d))
        assert f"{label} <b>{counts[v]}</b> <span class=\"srb-count-delta\">({change})</span>" in strip


def test_all_weights_zero_gives_a_clear_message_not_a_crash():
    at = new_app()
    at.run()
    move(at, {f"w{i}": 0.0 for i in range(4)})
    assert not at.exception
    assert any("Alle Gewichte sind 0" in e.value for e in at.error)


@pytest.mark.parametrize("page", PAGES)
def test_anonymised_mode_leaves_no_kita_name_anywhere(page, bk_data):
    at = new_app({"anon": "1"})
    at.run()
    at.switch_page(page)
    at.run()
    if page.endswith("rechenweg.py"):
        assert at.selectbox(key="rw_kita").options[0].startswith("Kita ")
    sent = sent_bytes(at)
    leaked = [n for n in bk_data.names if n.encode() in sent or n.split()[-1].encode() in sent]
    assert leaked == []
    lists_kitas = not page.endswith(("daten.py", "szenarien.py", "vergleich.py"))  # these list no Kita here
    codes = pseudonyms(bk_data, at.session_state["_srb_pseudonym_key"]).values()
    assert any(code.encode() in sent for code in codes) or not lists_kitas


def test_without_anonymised_mode_names_are_shown(bk_data):
    at = new_app()
    at.run()
    at.switch_page("app_pages/kitas.py")
    at.run()
    assert bk_data.names[0].encode() in sent_bytes(at)


def test_url_round_trip_restores_the_sliders():
    at = new_app({"ds": "bad_kreuznach", "w": "2,1,0.5,1", "k": "0.5", "b": "488897.00", "proj": "1"})
    at.run()
    assert [slider_value(at, f"w{i}") for i in range(4)] == [2.0, 1.0, 0.5, 1.0]
    assert slider_value(at, "k") == 0.5
    assert at.sidebar.text_input(key="budget_cents_txt").value == "488.897,00"
    assert at.sidebar.toggle(key="projector").value is True
    # and the other way: moving a slider writes the URL
    move(at, "w3", 3.0)
    assert at.query_params["w"] == ["2,1,0.5,3"] or at.query_params["w"] == "2,1,0.5,3"


def test_bad_url_values_fall_back_with_a_warning():
    at = new_app({"w": "1,abc", "k": "9"})
    at.run()
    assert [slider_value(at, f"w{i}") for i in range(4)] == [1.0] * 4
    assert any("ungültige Werte" in w.value for w in at.warning)


def test_a_link_to_a_dataset_not_here_uses_none_of_its_values():
    # uploaded data live only in the session that loaded them; the link's k and budget belong to them
    at = new_app({"ds": "upload", "w": "1.6,1,0.5", "k": "0.75", "b": "1234567.89"})
    at.run()
    assert current_dataset(at) == "bad_kreuznach"
    assert slider_value(at, "k") == 1.0
    assert at.sidebar.text_input(key="budget_cents_txt").value == "1.002.240,00"
    assert any("ungültige Werte (Datensatz, Gewichte, k, Budget)" in w.value for w in at.warning)


def test_dataset_menu_opens_on_demand_closes_after_a_choice_and_the_choice_stays():
    at = new_app()
    at.run()
    assert not [b for b in at.sidebar.selectbox if b.key == "_srb_dataset_menu"]  # closed
    assert at.sidebar.button(key="sb_pick_dataset").label == "Datensatz: Demo\\: Bad Kreuznach"
    choose_dataset(at, "mayen_koblenz")
    assert not at.exception and not [b for b in at.sidebar.selectbox if b.key == "_srb_dataset_menu"]
    assert at.sidebar.button(key="sb_pick_dataset").label == "Datensatz: Demo\\: Mayen-Koblenz"
    # runs with the menu closed (a slider, a page) keep the choice: Streamlit drops the key of a widget not drawn
    move(at, "w0", 2.0)
    at.run()
    assert current_dataset(at) == "mayen_koblenz" and len(wall_table(at)) == 9
    assert dataset_menu(at).value == "mayen_koblenz"  # opened again, it shows the dataset in use
    at.sidebar.button(key="sb_pick_dataset").click().run()  # "Auswahl schließen"
    assert current_dataset(at) == "mayen_koblenz"


def test_switching_dataset_resets_weights_to_its_konzeption():
    at = new_app()
    at.run()
    move(at, "w0", 3.0)
    choose_dataset(at, "mayen_koblenz")
    assert not at.exception
    assert [slider_value(at, f"w{i}") for i in range(2)] == [1.0, 1.0]
    assert len(wall_table(at)) == 9  # 8 Sozialräume + sum


def test_kitas_page_filters_and_offers_downloads():
    at = new_app()
    at.run()
    at.switch_page("app_pages/kitas.py")
    at.run()
    at.multiselect(key="kt_areas").set_value(["Ost"]).run()
    assert len(at.dataframe[0].value) == 4
    assert set(at.dataframe[0].value["Sozialraum"]) == {"Ost"}


def test_rechenweg_shows_the_engines_overall(bk_data, bk_konzeption):
    at = new_app()
    at.run()
    at.switch_page("app_pages/rechenweg.py")
    at.run()
    at.selectbox(key="rw_kita").set_value("BK07").run()
    result = compute(bk_data, bk_konzeption)
    overall = result.kita_overall[bk_data.row_of("BK07")]
    text = f"{overall:.1f}".replace(".", ",")
    assert any(m.value.startswith("**Gesamtindex** =") and m.value.endswith(text) for m in at.markdown)
    assert np.isfinite(overall)
