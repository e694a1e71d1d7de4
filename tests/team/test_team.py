"""The Sozialraumteam's numbers worked out by hand: rank, area comparison and path, knapp, both amounts."""
import numpy as np
import pandas as pd
import pytest

from srb_core import compute
from srb_core.funding import load_funding, propose
from srb_core.konzeption import Params
from srb_core.scenarios import baseline_scenario, change_line
from srb_core.team import area_amounts, area_path, compare_areas, is_knapp, kita_decisions, ranks
from tests.demos import MYK


def test_ranks_are_competition_ranks_highest_first():
    assert list(ranks(np.array([3.0, 5.0, 5.0, 1.0]))) == [3, 1, 1, 4]
    assert list(ranks(np.array([2.0]))) == [1]


def test_knapp_includes_exactly_the_margin():
    assert is_knapp(1.0, 1.0) and is_knapp(-1.0, 1.0) and is_knapp(0.6) and is_knapp(0.0, 0.0)
    assert not is_knapp(1.001, 1.0) and not is_knapp(-1.5)


def test_area_comparison_and_path_by_hand(small):
    konz, data = small
    res = compute(data, konz, Params(weights=(3.0, 1.0), budget_cents=100001))
    # Kitas: A = [50,50,50,100], B = [0,0,50,100]; Ost = k1,k2 → A 50, B 0, overall 0.75·50 = 37.5
    # West = k3,k4 → A 75, B 75, overall 75; shares 1/3, 2/3 of 100001 cents = 33333,67 / 66667,33:
    # floors 33333 + 66667 leave 1 cent, which goes to the larger remainder (Ost) → 33334 / 66667
    c = compare_areas(res, "Ost", "West")
    assert c.labels == ("A", "B", "Gesamtindex", "Anteil am Budget", "Betrag Schritt 1")
    assert c.first == pytest.approx((50, 0, 37.5, 1 / 3, 33334))
    assert c.second == pytest.approx((75, 75, 75, 2 / 3, 66667))
    assert c.average == pytest.approx((62.5, 37.5, 56.25, 0.5, 50000.5))
    assert c.delta == pytest.approx((-25, -75, -37.5, -1 / 3, -33333))
    assert (c.rank_first, c.rank_second, c.n_areas) == (2, 1, 2)
    path = area_path(res, "Ost")
    assert path.kita_rows == (0, 1) and path.rank == 2
    assert path.sub_formulas[0][2] == "(50,0 + 50,0) ÷ 2 = 50,0"
    assert path.overall_formula == "75,0 % × 50,0 + 25,0 % × 0,0 = 37,5"
    assert path.share_formula == "37,5 ÷ 112,5 Punkte aller Sozialräume = 33,33 %"
    assert path.euros_cents == 33334 and "1.000,01 €" in path.euro_formula
    assert "Normbereichs der Sozialräume" in path.band_text


def test_distances_and_knapp_at_the_margin_by_hand(small):
    konz, data = small
    # k = 0: the band is the mean 50 of [25, 25, 50, 100]; distances −25, −25, 0, +50
    res = compute(data, konz, Params(weights=(1.0, 1.0), k=0.0))
    d = kita_decisions(res, [0, 1, 2, 3], margin=25.0)
    assert [x.to_lower for x in d] == pytest.approx([-25, -25, 0, 50])
    assert [x.band_knapp for x in d] == [True, True, True, False]  # exactly 25 from the bound is knapp
    assert [x.band_knapp for x in kita_decisions(res, [0, 1, 2, 3], margin=24.99)] == [False, False, True, False]


def test_strand_bounds_agree_with_eligibility(bk_data, bk_konzeption):
    res = compute(bk_data, bk_konzeption)
    funding = load_funding(bk_konzeption)
    proposal = propose(res, funding)
    for dec in kita_decisions(res, range(bk_data.n), funding, proposal.eligibility, margin=1.0):
        kiso = dec.strands[0]  # index_at_least_lower on the Gesamtindex
        (_, dist), = kiso.bounds
        assert kiso.eligible == (dist >= -1e-9)
        assert dist == pytest.approx(dec.to_lower)
        assert kiso.knapp == (abs(dist) <= 1.0)


def test_mayen_koblenz_step2_is_base_plus_topup_not_the_step1_share(myk_data, myk_konzeption):
    res = compute(myk_data, myk_konzeption)
    funding = load_funding(myk_konzeption)
    amounts = area_amounts(res, funding, propose(res, funding).plan)
    raw = pd.read_csv(MYK / "kitas.csv", sep=None, engine="python", decimal=",")
    r = myk_data.sozialraum_names.index("Maifeld")
    own = raw[raw["sozialraum"] == "Maifeld"]
    eligible = (own["kein_zugang_beratung"] == 1) | (own["wohngebiet_entwicklungsbedarf"] == 1)
    topped = eligible & (own[funding.step2.topup_column] == 1)
    assert amounts.step1_cents[r] == 40989413  # 409.894,13 € as seen on "Übersicht"
    assert amounts.topup_cents[r] == 900000 * int(topped.sum())
    assert amounts.step2_cents[r] == amounts.base_cents[r] + amounts.topup_cents[r]
    assert amounts.base_cents[r] % int(eligible.sum()) == 0  # the same base amount for every eligible Kita
    assert amounts.differs(r) and "Sockelbetrag" in amounts.reasons[r] and "409.894,13 €" in amounts.reasons[r]
    assert sum(amounts.step1_cents) == myk_konzeption.budget_cents


def test_bad_kreuznach_has_one_amount_per_area(bk_data, bk_konzeption):
    res = compute(bk_data, bk_konzeption)
    funding = load_funding(bk_konzeption)
    amounts = area_amounts(res, funding, propose(res, funding).plan)
    assert not amounts.any_differs and set(amounts.reasons) == {""}


def test_change_line(bk_konzeption):
    base = baseline_scenario(bk_konzeption, "bad_kreuznach", "")
    assert change_line(base, bk_konzeption) == "wie der Beschluss"
    s = base.with_(params=base.params.with_(weights=(1.0, 2.0, 1.0, 1.0), k=0.5))
    assert change_line(s, bk_konzeption) == "Soziale Lage × 2 · k = 0,5 · Budget unverändert"
    params = base.params.with_(weights=(1.0, 1.0, 0.5, 1.0), budget_cents=bk_konzeption.budget_cents + 100)
    s = base.with_(params=params)
    assert change_line(s, bk_konzeption) == "Flucht und Migration × 0,5 · Budget 1.002.241,00 € (+1,00 €)"
