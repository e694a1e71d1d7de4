"""Axioms every step-1 method must satisfy, and the euro apportionment to the cent."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srb_core.allocation import METHODS, apportion_cents, compute_shares

points = st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=12).filter(lambda p: sum(p) > 1e-6)
AXIOMS = settings(max_examples=150, deadline=None)


def _children(n, seed=0):
    return np.random.default_rng(seed).integers(1, 500, n).astype(float)


@pytest.mark.parametrize("method", list(METHODS))
@AXIOMS
@given(p=points)
def test_shares_non_negative_and_sum_to_one(method, p):
    shares = compute_shares(np.array(p), method, _children(len(p)))
    assert np.all(shares >= 0)
    assert abs(shares.sum() - 1) < 1e-12


@pytest.mark.parametrize("method", list(METHODS))
@AXIOMS
@given(p=points, rnd=st.randoms(use_true_random=False))
def test_shares_do_not_depend_on_order(method, p, rnd):
    p, c = np.array(p), _children(len(p))
    order = list(range(len(p)))
    rnd.shuffle(order)
    np.testing.assert_allclose(compute_shares(p[order], method, c[order]), compute_shares(p, method, c)[order],
                               atol=1e-14)


@pytest.mark.parametrize("method", list(METHODS))
@AXIOMS
@given(p=points, factor=st.floats(0.01, 100))
def test_shares_are_scale_invariant(method, p, factor):
    p, c = np.array(p), _children(len(p))
    np.testing.assert_allclose(compute_shares(p * factor, method, c), compute_shares(p, method, c), atol=1e-12)


@pytest.mark.parametrize("method", list(METHODS))
@AXIOMS
@given(p=points, data=st.data())
def test_more_points_never_lower_the_share(method, p, data):
    p, c = np.array(p), _children(len(p))
    i = data.draw(st.integers(0, len(p) - 1))
    raised = p.copy()
    raised[i] += data.draw(st.floats(0.001, 50))
    assert compute_shares(raised, method, c)[i] >= compute_shares(p, method, c)[i] - 1e-15


@settings(max_examples=300, deadline=None)
@given(p=points, cents=st.integers(0, 10**12))
def test_euros_add_up_to_the_cent(p, cents):
    euros = apportion_cents(cents, compute_shares(np.array(p)))
    assert int(euros.sum()) == cents
    assert np.all(euros >= 0)


@settings(max_examples=300, deadline=None)
@given(p=points, cents=st.integers(0, 10**12))
def test_each_part_within_one_cent_of_its_exact_amount(p, cents):
    shares = compute_shares(np.array(p))
    euros = apportion_cents(cents, shares)
    assert np.all(np.abs(euros - shares * cents) < 1 + 1e-6 * max(1, cents) * 1e-6)


def test_unknown_method_is_refused():
    from srb_core import ParameterError

    with pytest.raises(ParameterError, match="Unbekanntes Verteilungsverfahren"):
        compute_shares(np.array([1.0]), "dhondt")
