"""Rules that used to live in the pages, now in srb_core, each with hand-derived numbers."""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from srb_core.classbreaks import change_step, class_of, equal_width_edges
from srb_core.funding import Adjustment, Eligibility, Plan
from srb_core.pipeline import (
    adjustable_rows,
    adjustments_from_edits,
    cents_from_euros,
    fte_from_input,
    is_amount,
    share_from_percent,
)
from srb_core.report import comparison_totals, delta_pp, sozialraum_comparison
from srb_core.step1 import effective_weights

PLAN = Plan(strands=("a", "b"), kita_ids=("K1", "K2"), cents=((100_00, 0), (0, 0)), sozialraum_budget=(100_00,),
            unallocated=(0,))
ELIGIBLE = (Eligibility("a", ("eligible", "not"), (True, False), ("", "")),
            Eligibility("b", ("not", "eligible"), (False, True), ("", "")))


def test_euro_fields_become_the_cents_they_show():
    assert cents_from_euros(1234.5) == 123_450
    assert cents_from_euros(0.125) == 12  # the field shows 0,12 (two decimals, half to even)
    assert cents_from_euros(488_897.0) == 48_889_700
    assert cents_from_euros(0.1 + 0.2) == 30  # no float dust: 0.30000000000000004 € is 30 cents


def test_fte_and_percent_fields_become_exact_fractions():
    assert fte_from_input(0.5) == Fraction(1, 2)
    assert fte_from_input(0.333) == Fraction(33, 100)
    assert share_from_percent(62.5) == Fraction(5, 8)
    assert share_from_percent(33.33333) == Fraction(333_333, 10**6)  # four decimals of a percent: 33,3333 %
    assert is_amount(0.0) and is_amount(2) and not is_amount(None) and not is_amount(float("nan"))


def test_rows_to_adjust_are_those_with_money_or_eligibility():
    assert adjustable_rows(PLAN, ELIGIBLE) == [(0, 0), (1, 1)]


def test_an_edit_becomes_an_adjustment_only_if_the_amount_or_a_reason_changed():
    rows = [(0, 0), (1, 1)]
    assert adjustments_from_edits(PLAN, rows, [100.0, 0.0], ["", None]) == ()
    assert adjustments_from_edits(PLAN, rows, [60.0, 40.0], ["weniger", "mehr"]) == (
        Adjustment("a", "K1", 60_00, "weniger"), Adjustment("b", "K2", 40_00, "mehr"))
    # the same amount with a reason is kept (the reason is the record); a blank reason alone is not
    assert adjustments_from_edits(PLAN, rows, [100.0, 0.0], ["bestätigt", "  "]) == (
        Adjustment("a", "K1", 100_00, "bestätigt"),)
    # a changed amount without reason is still an adjustment: apply_adjustments flags it
    assert adjustments_from_edits(PLAN, rows, [99.99, 0.0], [None, None]) == (Adjustment("a", "K1", 99_99, ""),)


def test_effective_weights_are_shares_of_the_weight_sum():
    assert effective_weights((1.0, 2.0, 1.0, 1.0)).tolist() == [0.2, 0.4, 0.2, 0.2]
    assert effective_weights((0.0, 0.0)).tolist() == [0.0, 0.0]


def test_change_in_percentage_points_and_the_sum_row(small):
    from srb_core import compute

    konz, data = small
    base = compute(data, konz)
    moved = compute(data, konz, konz.default_params().with_(weights=(1.0, 3.0)))
    assert abs(float(delta_pp(moved, base).sum())) < 1e-9  # both sets of shares add up to 100 %
    assert np.all(delta_pp(moved, base) * (moved.shares - base.shares) >= 0)  # same sign as the change
    assert delta_pp(base, base).tolist() == [0.0] * len(data.sozialraum_names)
    totals = comparison_totals(sozialraum_comparison(moved, base))
    assert totals["share"] == pytest.approx(1.0)
    assert totals["overall"] == pytest.approx(float(moved.sr_overall.sum()))
    if moved.euros_cents is not None:
        assert totals["euros_cents"] == moved.params.budget_cents  # whole cents add up to the budget


def test_class_breaks_are_equal_width_and_values_beyond_fall_into_the_outer_classes():
    edges = equal_width_edges(np.array([10.0, 20.0, 60.0]), 5)
    assert edges.tolist() == [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
    assert class_of(np.array([5.0, 10.0, 19.99, 20.0, 45.0, 60.0, 99.0]), edges).tolist() == [0, 0, 0, 1, 3, 4, 4]
    assert equal_width_edges(np.array([7.0, 7.0]), 2).tolist() == [6.0, 7.0, 8.0]  # constant: ±1 around it


def test_change_steps_are_symmetric():
    steps = np.array([0.05, 0.5, 1.0, 2.0])
    assert change_step(np.array([0.0, 0.04, -0.05, 0.7, -1.5, 9.0]), steps).tolist() == [-1, -1, 0, 1, 2, 3]


def test_a_change_in_euros_is_formatted_from_whole_cents():
    from srb_core.money import format_eur_change

    assert format_eur_change(123_456) == "+1.234,56 €"
    assert format_eur_change(-5) == "−0,05 €"
    assert format_eur_change(0) == "±0,00 €"
    assert format_eur_change(-100_000_000_00) == "−100.000.000,00 €"
