"""Laws of the "why did it move?" split and the band comparison."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from srb_core import ParameterError, compute
from srb_core.explain import Player, band_changes, band_counts, players, shapley_shares
from tests.strategies import datasets

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WEIGHT = st.sampled_from([0.0, 0.5, 1.0, 1.33, 2.0, 3.5])


@FAST
@given(datasets(), st.data())
def test_contributions_sum_to_the_change_and_unchanged_parameters_are_no_players(ds, draw):
    konz, _, data = ds
    a = konz.default_params()
    new = tuple(draw.draw(WEIGHT) if draw.draw(st.booleans()) else w for w in a.weights)
    b = a.with_(weights=new, k=draw.draw(st.sampled_from([a.k, 0.5, 2.0])))
    try:
        c = shapley_shares(data, konz, a, b)
    except ParameterError:
        assume(False)  # an intermediate setting with every weight 0 has no shares
    expected = compute(data, konz, b).shares - compute(data, konz, a).shares
    np.testing.assert_allclose(c.phi.sum(axis=0), expected, atol=1e-12)
    np.testing.assert_allclose(c.delta, expected, atol=1e-15)
    changed = {i for i, (x, y) in enumerate(zip(a.weights, b.weights, strict=True)) if x != y}
    assert {p.index for p in c.players if p.field == "weight"} == changed
    assert (Player("k") in c.players) == (a.k != b.k)


def test_k_alone_moves_no_share_and_gets_zero(bk_data, bk_konzeption):
    """Shares follow the Sozialraum values, not the Kitas' norm band: k is a dummy player (φ = 0)."""
    a = bk_konzeption.default_params()
    b = a.with_(weights=(1.0, 2.0, 1.0, 1.0), k=0.5)
    c = shapley_shares(bk_data, bk_konzeption, a, b)
    assert c.players == (Player("weight", 1), Player("k"))
    np.testing.assert_allclose(c.phi[1], 0.0, atol=1e-15)
    np.testing.assert_allclose(c.phi[0], c.delta, atol=1e-15)


def test_two_weights_hand_checked(bk_data, bk_konzeption):
    """n = 2: φ_1 = ½(v({1}) − v(∅)) + ½(v({1,2}) − v({2}))."""
    a = bk_konzeption.default_params()
    b = a.with_(weights=(2.0, 1.0, 3.0, 1.0))
    v0 = compute(bk_data, bk_konzeption, a).shares
    v1 = compute(bk_data, bk_konzeption, a.with_(weights=(2.0, 1.0, 1.0, 1.0))).shares
    v2 = compute(bk_data, bk_konzeption, a.with_(weights=(1.0, 1.0, 3.0, 1.0))).shares
    v12 = compute(bk_data, bk_konzeption, b).shares
    c = shapley_shares(bk_data, bk_konzeption, a, b)
    np.testing.assert_allclose(c.phi[0], 0.5 * (v1 - v0) + 0.5 * (v12 - v2), atol=1e-15)
    np.testing.assert_allclose(c.phi[1], 0.5 * (v2 - v0) + 0.5 * (v12 - v1), atol=1e-15)


def test_no_change_no_players():
    from srb_core import Params
    p = Params(weights=(1.0, 2.0))
    assert players(p, p) == ()


def test_band_counts_and_changes_at_k_half(bk_data, bk_konzeption):
    """Narrowing the band (k 1 → 0,5) only moves Kitas out of it; the counts change by the listed moves."""
    base = compute(bk_data, bk_konzeption)
    res = compute(bk_data, bk_konzeption, base.params.with_(k=0.5))
    counts = band_counts(res, base)
    moves = band_changes(res, base)
    assert sum(counts.now.values()) == sum(counts.before.values()) == bk_data.n
    assert counts.delta(0) == -len(moves) < 0
    assert all(m.before == 0 and m.now != 0 for m in moves)
    lower, upper = res.kita_band.lower, res.kita_band.upper
    for m in moves:
        x = res.kita_overall[m.row]
        assert (x > upper) if m.now == 1 else (x < lower)


def test_eligibility_changes_are_listed_even_without_a_band_move(bk_data, bk_konzeption):
    base = compute(bk_data, bk_konzeption)
    before = [True] * bk_data.n
    now = [i != 3 for i in range(bk_data.n)]
    moves = band_changes(base, base, now, before)
    assert [(m.row, m.moved, m.eligibility_changed) for m in moves] == [(3, False, True)]
