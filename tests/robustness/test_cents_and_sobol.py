"""The batch apportionment equals the scalar one row by row; Sobol indices of an additive model."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srb_core.allocation import apportion_cents
from srb_core.allocation.cents_batch import apportion_cents_rows
from srb_core.robustness.sobol import jansen, sobol_indices

share_rows = st.lists(st.lists(st.integers(0, 50), min_size=1, max_size=9).filter(lambda r: sum(r) > 0),
                      min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(share_rows, st.integers(0, 10**9))
def test_batch_apportionment_is_the_scalar_one_for_every_row(rows, total):
    width = max(len(r) for r in rows)
    matrix = np.array([r + [1] * (width - len(r)) for r in rows], dtype=float)  # ties on purpose (equal ints)
    batch = apportion_cents_rows(total, matrix)
    for row, got in zip(matrix, batch, strict=True):
        assert np.array_equal(got, apportion_cents(total, row))
    assert np.all(batch.sum(axis=1) == total)


def test_one_cent_goes_to_the_largest_remainder_and_ties_to_the_larger_share():
    # 100 cents in thirds: 33.33 each, one cent left → first position (equal remainders and shares)
    assert apportion_cents_rows(100, np.array([[1.0, 1.0, 1.0]])).tolist() == [[34, 33, 33]]
    # 10 cents by 0.15 / 0.35 / 0.5: exact 1.5, 3.5, 5 → one cent left, remainders tie at 0.5 → larger share
    assert apportion_cents_rows(10, np.array([[0.15, 0.35, 0.5]])).tolist() == [[1, 4, 5]]


@pytest.mark.parametrize("a", [(1.0, 2.0, 3.0), (5.0, 0.0, 1.0, 1.0)])
def test_sobol_indices_of_an_additive_model_match_the_analytic_values(a):
    """Y = Σ a_i X_i, X_i ~ U(0, 1) independent: Var Y = Σ a_i²/12, so S_i = S_Ti = a_i² / Σ a_j²."""
    a = np.asarray(a)
    expected = a ** 2 / np.sum(a ** 2)
    res = sobol_indices(lambda u: u @ a, d=len(a), n=20_000, seed=3, bootstrap=100)
    assert np.allclose(res.first, expected, atol=0.02)
    assert np.allclose(res.total, expected, atol=0.02)
    assert res.runs == 20_000 * (len(a) + 2)
    assert abs(res.variance - np.sum(a ** 2) / 12) < 0.02 * np.sum(a ** 2) / 12
    # the bootstrap interval is an interval around the estimate
    assert np.all(res.first_interval[:, 0] <= res.first_interval[:, 1])
    inside = (res.total_interval[:, 0] - 0.01 <= expected) & (expected <= res.total_interval[:, 1] + 0.01)
    assert inside.all()


def test_an_input_without_effect_has_total_index_exactly_zero():
    res = sobol_indices(lambda u: 3 * u[:, 0] + u[:, 1] ** 2, d=3, n=2000, seed=1, bootstrap=0)
    assert res.total[2] == 0.0
    assert res.first[0] > 0.8


def test_nothing_varies_gives_no_indices_rather_than_a_division_by_zero():
    first, total, variance = jansen(np.ones(5), np.ones(5), np.ones((2, 5)))
    assert variance == 0 and np.isnan(first).all() and np.isnan(total).all()
