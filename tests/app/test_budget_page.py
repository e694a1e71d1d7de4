"""AppTest for 'Budget & Stellen', and the eligibility reasons in the Kita table and the Rechenweg."""
from fractions import Fraction

import pandas as pd
import pytest

from srb_core import compute
from srb_core.funding import Choices, budget_years, load_funding, propose
from srb_core.money import format_eur
from tests.app.helpers import new_app, on_page

BUDGET = "app_pages/budget.py"


def eur(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", ".") + f",{rest:02d} €"


@pytest.mark.parametrize("dataset", ["bad_kreuznach", "mayen_koblenz"])
def test_budget_page_shows_the_engines_plan(dataset, bk_data, bk_konzeption, myk_data, myk_konzeption):
    data, konz = (bk_data, bk_konzeption) if dataset == "bad_kreuznach" else (myk_data, myk_konzeption)
    at = on_page(BUDGET, {"ds": dataset})
    plan = propose(compute(data, konz), load_funding(konz)).plan
    metrics = {m.label: m.value.replace("\u00a0", " ") for m in at.metric}
    assert metrics["verteilt"] == eur(sum(map(sum, plan.cents))) == eur(konz.budget_cents)
    sr_table = at.table[0].value
    assert list(sr_table.index) == list(data.sozialraum_names)
    first = data.sozialraum_names[0]
    column = "Budget" if dataset == "bad_kreuznach" else "Schritt 2 (Summe der Kitas)"  # MYK: step 1 next to it
    assert sr_table.loc[first, column].replace("\u00a0", " ") == eur(plan.sozialraum_budget[0])
    years = at.table[-2].value  # the Budgetjahre table
    assert years.loc["2022", "Sozialraumbudget"].replace("\u00a0", " ") == "1.002.238,85 €"


def test_request_above_the_cap_is_refused_with_a_message():
    at = new_app()
    at.run()
    at.session_state["fund_bad_kreuznach_req_betriebserlaubnis__saved"] = pd.DataFrame(
        {"Kita": ["Kita 01 · x", "Kita 02 · y"], "beantragte VZÄ": [3.0, 2.5]})
    at.switch_page(BUDGET)
    at.run()
    assert any("5,50 VZÄ beantragt; die Obergrenze des Jugendamts ist 5,00 VZÄ" in e.value for e in at.error)


def test_a_request_within_the_cap_is_funded(bk_data, bk_konzeption):
    at = new_app()
    at.run()
    at.session_state["fund_bad_kreuznach_req_betriebserlaubnis__saved"] = pd.DataFrame(
        {"Kita": ["Kita 01"], "beantragte VZÄ": [0.5]})
    at.switch_page(BUDGET)
    at.run()
    from srb_core.privacy import pseudonyms
    key = at.session_state["_srb_pseudonym_key"]  # the session's secret for its codes
    kita = {v: k for k, v in pseudonyms(bk_data, key).items()}["Kita 01"]
    plan = propose(compute(bk_data, bk_konzeption), load_funding(bk_konzeption),
                   Choices(requests=(("betriebserlaubnis", kita, Fraction(1, 2)),))).plan
    assert plan.cents[bk_data.row_of(kita)][3] == 2_160_000
    table = at.dataframe[0].value
    name = bk_data.names[bk_data.row_of(kita)]
    assert table.loc[table["Kita"] == name, "Betriebserlaubnisrelevantes Zusatzpersonal"].iloc[0].replace(
        "\u00a0", " ") == "✓ 21.600,00 €"


def test_adjustment_that_breaks_a_total_is_flagged(bk_data, bk_konzeption):
    plan = propose(compute(bk_data, bk_konzeption), load_funding(bk_konzeption)).plan
    at = on_page(BUDGET)
    key = f"fund_bad_kreuznach_adjust_{hash(plan.cents)}"
    edited = at.session_state[f"{key}__saved"].copy()  # the editor's table as the page built it
    edited.loc[0, "angepasst (€)"] = edited.loc[0, "Vorschlag (€)"] + 1000  # +1,000 € and no reason
    at.session_state[f"{key}__input"] = edited  # what the editor shows when it is mounted again
    at.session_state[f"{key}__saved"] = edited
    at.run()
    text = "\n".join(e.value for e in at.error)
    assert "ohne Begründung" in text and "weicht um +1.000,00 € von seinem Budget" in text


def test_eligibility_reasons_in_the_kita_table_and_the_rechenweg(bk_data, bk_konzeption):
    result = compute(bk_data, bk_konzeption)
    proposal = propose(result, load_funding(bk_konzeption))
    e = proposal.eligibility[0]  # Kita-Sozialarbeit: Gesamtindex ≥ lower bound
    at = on_page("app_pages/kitas.py")
    table = at.dataframe[0].value
    column = "Individuelle Kita-Sozialarbeit"
    for i, kita_id in enumerate(bk_data.kita_ids):
        row = table[table["Kennung"] == kita_id].iloc[0]
        assert row[column].endswith(e.reasons[i])
        assert row[column].startswith("✓" if e.eligible[i] else "–")
    at.switch_page("app_pages/rechenweg.py")
    at.run()
    at.selectbox(key="rw_kita").set_value("BK05").run()
    step5 = at.table[-1].value
    assert step5.loc[column, "Begründung"] == e.reasons[bk_data.row_of("BK05")]
    assert "unterer Normwert" in e.reasons[0]


def test_returning_to_the_budget_page_keeps_working():
    """Regression: a download button's key carried a 'keep' prefix and broke the second visit."""
    at = on_page(BUDGET)
    at.switch_page("app_pages/uebersicht.py").run()
    at.switch_page(BUDGET).run()
    assert not at.exception, [e.value for e in at.exception]


def test_euro_fields_are_typed_and_shown_in_german():
    at = on_page(BUDGET)
    years = at.text_input(key="fund_bad_kreuznach_years_first_ct_txt")
    assert years.value == "488.897,00"
    years.input("500.000,50").run()
    table = at.table[-2].value  # the Budgetjahre table
    expected = dict(budget_years(50_000_050))
    assert table.loc["2022", "Sozialraumbudget"].replace("\u00a0", " ") == format_eur(expected["2022"])
    assert at.text_input(key="fund_bad_kreuznach_years_first_ct_txt").value == "500.000,50"
    at.text_input(key="fund_bad_kreuznach_years_first_ct_txt").input("1.000,001").run()  # three decimals
    assert any("„1.000,001“" in e.value and "Sozialraumbudget 2. Halbjahr 2021" in e.value for e in at.error)
    assert at.text_input(key="fund_bad_kreuznach_years_first_ct_txt").value == "500.000,50"  # the amount stays
    unused = at.text_input(key="fund_bad_kreuznach_unused_ct_txt")
    unused.input("99.999.999").run()  # more than the Sozialraum's budget
    assert any("Höchstbetrag" in e.value for e in at.error)
    assert at.text_input(key="fund_bad_kreuznach_unused_ct_txt").value == "0,00"


def test_strand_shares_are_typed_in_german_and_bad_text_is_refused():
    at = on_page(BUDGET)
    key = "fund_bad_kreuznach_share_kita_sozialarbeit_txt"
    assert at.text_input(key=key).value == "55,0"
    at.text_input(key=key).input("55,555").run()  # three decimals
    assert any("„55,555“" in e.value and "Individuelle Kita-Sozialarbeit" in e.value for e in at.error)
    assert at.text_input(key=key).value == "55,0"
    assert at.session_state["fund_bad_kreuznach_share_kita_sozialarbeit"] == 55.0
