"""Leave-one-out of the min–max bounds and the winsorised what-if."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from srb_core import build_kita_data, compute, parse_konzeption
from srb_core.robustness.extremes import capped_values, leave_one_out, left_out, sole_bound_holders, winsorised
from tests.demos import SMALL_TOML


def test_a_kita_that_is_neither_minimum_nor_maximum_changes_nothing_exactly(bk):
    result, _ = bk
    holders = sole_bound_holders(result.data.values)
    inner = [i for i in range(result.data.n) if i not in holders]
    assert len(inner) >= 5
    for i in inner[:5]:  # the full engine run on the capped answers, not a shortcut
        other = left_out(result, i)
        assert np.array_equal(other.shares, result.shares)
        assert np.array_equal(other.euros_cents, result.euros_cents)
        assert np.array_equal(other.kita_overall, result.kita_overall)
    loo = leave_one_out(result)
    assert np.all(loo.max_abs_change_pp[inner] == 0)
    assert np.all(loo.shares[inner] == result.shares[None, :])


def test_leave_one_out_table_equals_one_engine_run_per_kita(bk):
    result, _ = bk
    loo = leave_one_out(result)
    for i in range(result.data.n):
        assert np.array_equal(loo.shares[i], left_out(result, i).shares)
    assert np.any(loo.max_abs_change_pp > 0)
    assert np.all(loo.cents.sum(axis=1) == result.params.budget_cents)


def test_hand_example_of_one_extreme_kita(small):
    """Variable a = 0, 10, 5, 10 (k1 is the only minimum); b = 1, 5, 3, 1 (less is need; k2 the only max).

    Leaving k1 out: a's bounds become 5…10, k1's own 0 is capped to 5, so its score goes from 0 to 0
    (still the minimum) while k3's a-score goes from 50 to 0: (5 − 5)/(10 − 5)·100."""
    konz, data = small
    result = compute(data, konz, konz.default_params().with_(budget_cents=10_000))
    # sole holders: k1 the minimum of a; k2 the maximum of b; k4 the maximum of c = 2, 2, 4, 6.
    # a's maximum 10 is shared by k2 and k4, b's minimum 1 by k1 and k4, c's minimum 2 by k1 and k2.
    assert sole_bound_holders(data.values) == {0: [0], 1: [1], 3: [2]}
    capped = capped_values(data.values, 0)
    assert capped[0, 0] == 5.0 and np.array_equal(capped[1:], data.values[1:])
    other = left_out(result, 0)
    assert other.scores[2, 0] == 0.0 and result.scores[2, 0] == 50.0
    assert not np.array_equal(other.shares, result.shares)


def test_winsorised_bounds_cap_only_the_tails():
    konz = parse_konzeption(SMALL_TOML, "klein.toml")
    n = 21
    frame = pd.DataFrame({"kita_id": [f"k{i}" for i in range(n)], "name": [f"K {i}" for i in range(n)],
                          "sozialraum": ["Ost"] * 10 + ["West"] * 11, "a": list(range(n)), "b": [1.0] * (n - 1) + [2.0],
                          "c": [float(i % 7) for i in range(n)]})
    data = build_kita_data(frame, konz, "w.csv")
    base = compute(data, konz)
    what_if = winsorised(base)
    # a = 0…20: 5th/95th percentile are 1 and 19, so 0 scores like 1 (0 points) and 20 like 19 (100 points)
    assert what_if.scores[0, 0] == 0.0 and what_if.scores[1, 0] == 0.0 and what_if.scores[20, 0] == 100.0
    assert what_if.scores[10, 0] == pytest.approx((10 - 1) / 18 * 100)
