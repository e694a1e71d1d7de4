"""AppTest of the page 'Robustheit': the engine's numbers, the form, cancel state, content cache."""
from __future__ import annotations

import numpy as np

from srb_core import compute
from srb_core.funding import load_funding
from srb_core.robustness import Settings, analyse
from tests.app.helpers import on_page

PAGE = "app_pages/robustheit.py"


def pct(fraction: float) -> str:  # formatted here, independently of ui/robust_views.py
    return f"{fraction * 100:.2f}".replace(".", ",") + "\u00a0%"


def test_first_visit_shows_the_default_analysis_with_the_engines_numbers(bk_data, bk_konzeption):
    at = on_page(PAGE)
    table = at.table[0].value
    result = compute(bk_data, bk_konzeption)
    expected = analyse(result, load_funding(bk_konzeption), Settings(draws=1000, seed=1, spread=0.25))
    for r, name in enumerate(bk_data.sozialraum_names):
        assert table.loc[name, "eingestellt"] == pct(result.shares[r])
        lo, hi = expected.uncertainty.share.p05[r], expected.uncertainty.share.p95[r]
        assert table.loc[name, "90 % der Varianten"] == f"{pct(lo)} – {pct(hi)}"
        assert lo <= result.shares[r] <= hi
    assert any("1.000 Varianten, Startwert 1" in c.value for c in at.caption)
    assert len(at.get("vega_lite_chart")) == 3  # whiskers, flip bars, Sobol bars


def test_spread_zero_collapses_every_range_on_screen():
    at = on_page(PAGE)
    at.slider(key="rb_spread").set_value(0)
    next(b for b in at.button if b.label == "Berechnen").click().run()  # the form's submit button
    assert not at.exception
    table = at.table[0].value
    for _, row in table.iterrows():
        lo, hi = row["90 % der Varianten"].split(" – ")
        assert lo == hi == row["eingestellt"] == row["Median"]
        assert "(" not in row["Rang (90 % der Varianten)"]  # one rank, no range
    assert any("Keine Sensitivitätsanalyse" in i.value for i in at.info)


def test_method_choices_widen_the_ranges_and_name_them():
    at = on_page(PAGE)
    at.multiselect(key="rb_vary").set_value(["rescaling", "k"])
    next(b for b in at.button if b.label == "Berechnen").click().run()
    assert not at.exception
    assert any("variiert: Umrechnung (Min–Max / z-Wert / Rang), Breite k des Normbereichs" in c.value
               or "variiert: Breite k des Normbereichs, Umrechnung (Min–Max / z-Wert / Rang)" in c.value
               for c in at.caption)


def test_a_cancelled_run_says_so_and_shows_no_old_result():
    at = on_page(PAGE)
    at.session_state["rb_cancelled"] = True
    del at.session_state["rb_request"]
    at.run()
    assert any("abgebrochen" in i.value for i in at.info)
    assert len(at.table) == 0
    next(b for b in at.button if b.label == "Berechnen").click().run()
    assert not any("abgebrochen" in i.value for i in at.info)
    assert len(at.table) >= 1


def test_borderline_table_lists_the_least_certain_kita_first(bk_data, bk_konzeption):
    at = on_page(PAGE)
    frame = at.dataframe[0].value
    result = compute(bk_data, bk_konzeption)
    expected = analyse(result, load_funding(bk_konzeption), Settings())
    eligible = expected.uncertainty.eligible[:, 0]
    nominal = expected.uncertainty.nominal_eligible[:, 0]
    same = np.where(nominal, eligible, 1 - eligible)
    first = int(np.argmin(same))
    assert frame.iloc[0]["Kita"] == bk_data.names[first]
    assert frame.iloc[0]["gleich in"] == f"{same[first] * 100:.1f}".replace(".", ",") + "\u00a0%"
    assert (frame["gleich in"] != "100,0\u00a0%").all()  # only the uncertain ones by default


def test_mayen_koblenz_without_index_strands_explains_why():
    at = on_page(PAGE, {"ds": "mayen_koblenz"})
    assert any("keinen Förderstrang, der vom Index abhängt" in i.value for i in at.info)
