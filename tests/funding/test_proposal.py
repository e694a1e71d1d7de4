"""Both demos produce complete proposals to the cent; posts never exceed the money; budget years."""
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srb_core import ParameterError, compute
from srb_core.funding import (
    Adjustment,
    Choices,
    StaffType,
    apply_adjustments,
    budget_years,
    instalments,
    load_funding,
    monthly,
    posts_for,
    propose,
    redistribute_unused,
    state_allocation,
)
from srb_core.funding.report import plan_kita_frame, plan_sozialraum_frame


@pytest.mark.parametrize("demo", ["bk", "myk"])
def test_demo_proposal_is_complete_and_adds_up_to_the_budget(demo, bk_data, bk_konzeption, myk_data, myk_konzeption):
    data, konz = (bk_data, bk_konzeption) if demo == "bk" else (myk_data, myk_konzeption)
    result = compute(data, konz)
    proposal = propose(result, load_funding(konz))
    plan = proposal.plan
    total = sum(map(sum, plan.cents))
    assert total == konz.budget_cents  # every cent placed: complete
    assert sum(plan.unallocated) == 0 and proposal.reserve_cents == 0
    areas = plan_sozialraum_frame(result, load_funding(konz), plan)
    assert (areas["remainder_eur"] == 0).all()
    # each Sozialraum's Kitas add up to its budget
    for r in range(len(data.sozialraum_names)):
        members = np.flatnonzero(data.sozialraum == r)
        assert sum(sum(plan.cents[i]) for i in members) == plan.sozialraum_budget[r]
    # money only goes to eligible Kitas
    for s, e in enumerate(proposal.eligibility):
        for i in range(data.n):
            if plan.cents[i][s]:
                assert e.eligible[i]


def test_bad_kreuznach_sozialraum_budgets_are_the_step_1_euros(bk_data, bk_konzeption):
    result = compute(bk_data, bk_konzeption)
    plan = propose(result, load_funding(bk_konzeption)).plan
    assert list(plan.sozialraum_budget) == list(result.euros_cents)


def test_mayen_koblenz_base_plus_topup(myk_data, myk_konzeption):
    result = compute(myk_data, myk_konzeption)
    funding = load_funding(myk_konzeption)
    proposal = propose(result, funding)
    frame = plan_kita_frame(result, funding, proposal.plan, proposal.eligibility)
    eligible = frame[frame["kita_sozialarbeit_eligible"]]
    topped = eligible["kita_id"].map(lambda k: int(myk_data.table.set_index("kita_id").loc[k, "kommune_mehrbedarf"]))
    base = eligible["kita_sozialarbeit_eur"] - 9000 * topped
    assert base.max() - base.min() <= 0.01  # one base amount for all (± the cent balance)
    # base = (budget − number of top-ups × 9,000 €) / number of eligible Kitas
    expected = (2_350_000 - 9000 * topped.sum()) / len(eligible)
    assert abs(base.mean() - expected) < 0.01
    assert (frame.loc[~frame["kita_sozialarbeit_eligible"], "euros"] == 0).all()


def test_licence_relevant_requests_come_off_the_top(bk_data, bk_konzeption):
    funding = load_funding(bk_konzeption)
    result = compute(bk_data, bk_konzeption)
    proposal = propose(result, funding, Choices(requests=(("betriebserlaubnis", "BK07", Fraction(1, 2)),)))
    s = proposal.plan.strands.index("betriebserlaubnis")
    # 0.5 FTE × 72,000 € × 60 % state share = 21,600.00 €
    assert proposal.plan.cents[bk_data.row_of("BK07")][s] == 2_160_000
    assert sum(map(sum, proposal.plan.cents)) == bk_konzeption.budget_cents


def test_requests_larger_than_a_sozialraum_budget_are_refused(bk_data, bk_konzeption):
    funding = load_funding(bk_konzeption)
    result = compute(bk_data, bk_konzeption)
    with pytest.raises(ParameterError, match="mehr als sein Budget"):
        propose(result, funding, Choices(requests=(("betriebserlaubnis", "BK07", Fraction(5)),)))


STAFF = StaffType("sa", "Sozialarbeit", 7_800_000)


@settings(max_examples=300, deadline=None)
@given(
    cents=st.integers(0, 10**9),
    step=st.sampled_from([Fraction(1, 20), Fraction(1, 10), Fraction(1, 4), Fraction(1)]),
    cost=st.integers(100_00, 150_000_00),
)
def test_posts_never_exceed_the_money(cents, step, cost):
    staff = StaffType("x", "x", cost)
    posts = posts_for(cents, staff, Fraction(3, 5), step)
    assert posts.used_cents <= cents and posts.remainder_cents >= 0
    assert posts.fte % step == 0
    # one more step would not fit
    assert (posts.fte + step) * cost * Fraction(3, 5) > cents


def test_posts_by_hand():
    # 46,800 € of SRB money finance 46,800 / 0.6 = 78,000 € of personnel costs: exactly 1.0 FTE at 78,000 €
    posts = posts_for(4_680_000, STAFF, Fraction(3, 5), Fraction(1, 20))
    assert posts.fte == 1 and posts.hours == 39 and posts.remainder_cents == 0
    # one cent less: 0.95 FTE (0.95 × 78,000 × 0.6 = 44,460 €), remainder 2,339.99 €
    posts = posts_for(4_679_999, STAFF, Fraction(3, 5), Fraction(1, 20))
    assert posts.fte == Fraction(19, 20) and posts.remainder_cents == 233_999


def test_dynamisation_2021_h2_to_2022():
    years = dict(budget_years(48_889_700))
    # 2 × 488,897 € × 1.025 = 1,002,238.85 € – the published 1,002,240 € to about a euro
    assert years["2022"] == 100_223_885
    assert abs(years["2022"] / 100 - 1_002_240) < 2
    assert years["2027"] == round(2 * 488_897 * 1.025 ** 6 * 100)
    assert list(years)[0] == "2021 (2. Halbjahr)" and list(years)[-1] == "2027"


def test_state_formula():
    # 40 % × 1/40 + 60 % × 1/20 = 0.01 + 0.03 = 4 % of 50,000,000 € = 2,000,000 €
    cents, share = state_allocation(5_000_000_000, 1000, 40_000, 500, 10_000)
    assert share == Fraction(1, 25) and cents == 200_000_000
    with pytest.raises(ValueError):
        state_allocation(100, 5, 4, 1, 1)


def test_unused_funds_move_by_shares():
    cents = np.array([50_000, 30_000, 20_000])
    shares = np.array([0.5, 0.3, 0.2])
    moved = redistribute_unused(cents, {0: 10_000}, shares)
    assert list(redistribute_unused(cents, {0: 10_000})) == [40_000, 36_000, 24_000]  # default: budget shares
    # 10,000 cents to the others by 0.3 : 0.2 → 6,000 and 4,000
    assert list(moved) == [40_000, 36_000, 24_000]
    assert moved.sum() == cents.sum()


def test_monthly_instalments_add_up():
    parts = monthly(100_001)
    assert sum(parts) == 100_001 and len(parts) == 12 and parts[0] == 8_334 and parts[-1] == 8_333


def test_adjustments_that_break_a_total_are_flagged(bk_data, bk_konzeption):
    result = compute(bk_data, bk_konzeption)
    plan = propose(result, load_funding(bk_konzeption)).plan
    s = plan.strands.index("kita_sozialarbeit")
    i = next(i for i in range(bk_data.n) if plan.cents[i][s] > 0)
    kita = bk_data.kita_ids[i]
    broken = apply_adjustments(
        plan, (Adjustment("kita_sozialarbeit", kita, plan.cents[i][s] + 100_000, "mehr Bedarf"),), bk_data
    )
    assert not broken.accepted
    area = bk_data.sozialraum_names[bk_data.sozialraum[i]]
    assert any(f"Sozialraum „{area}“" in p and "+1.000,00 €" in p for p in broken.problems)
    # moving the same amount between two Kitas of the Sozialraum keeps the total: accepted with reasons
    j = next(j for j in range(bk_data.n) if j != i and bk_data.sozialraum[j] == bk_data.sozialraum[i]
             and plan.cents[j][s] >= 100_000)
    moved = apply_adjustments(plan, (
        Adjustment("kita_sozialarbeit", kita, plan.cents[i][s] + 100_000, "Absprache mit dem Träger"),
        Adjustment("kita_sozialarbeit", bk_data.kita_ids[j], plan.cents[j][s] - 100_000, "Absprache mit dem Träger")),
        bk_data)
    assert moved.accepted and len(moved.changed) == 2
    unexplained = apply_adjustments(plan, (
        Adjustment("kita_sozialarbeit", kita, plan.cents[i][s] + 100_000, ""),
        Adjustment("kita_sozialarbeit", bk_data.kita_ids[j], plan.cents[j][s] - 100_000, "x")), bk_data)
    assert any("ohne Begründung" in p for p in unexplained.problems)


def test_instalments_per_provider():
    rows = instalments([(1200, 0), (0, 0), (1201, 12)], ["Träger A", "Träger B", "Träger A"])
    assert rows == [("Träger A", 2413, [202] * 1 + [201] * 11)]
