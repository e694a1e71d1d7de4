"""Monte Carlo laws: zero perturbation collapses to the engine's values, symmetric perturbations
contain them, every draw's euros add up to the budget, a seed reproduces a run."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from srb_core import ParameterError, compute
from srb_core.robustness import Settings
from srb_core.robustness.batch import evaluate_draws, prepare
from srb_core.robustness.model import AGGREGATION_CHOICES, RESCALINGS
from srb_core.robustness.sample import inputs_of, monte_carlo
from srb_core.robustness.uncertainty import uncertainty
from tests.strategies import datasets

ALL = ("k", "ddof", "aggregation", "rescaling")


def batch_of(result, funding, params_list):
    """The batch evaluator on rows that each carry the parameters of one engine run."""
    prep = prepare(result.data, result.konzeption, result.params, funding)
    return evaluate_draws(prep, np.array([p.weights for p in params_list], dtype=float),
                    np.array([p.k for p in params_list]), np.array([p.ddof for p in params_list]),
                    np.array([AGGREGATION_CHOICES.index(p.aggregation) for p in params_list]),
                    np.zeros(len(params_list), dtype=int))


@pytest.mark.parametrize("which", ["bk", "myk"])
def test_batch_reproduces_the_engine_bit_for_bit(which, request):
    result, funding = request.getfixturevalue(which)
    base = result.params
    variants = [base, base.with_(weights=(1.0, 2.0, 0.5, 3.0)[:len(base.weights)]), base.with_(k=0.5, ddof=0),
                base.with_(aggregation="children_weighted"),
                base.with_(weights=(0.0,) + base.weights[1:])]
    batch = batch_of(result, funding, variants)
    for row, params in enumerate(variants):
        engine = compute(result.data, result.konzeption, params)
        assert np.array_equal(batch.shares[row], engine.shares)  # exact, not approximately
        assert np.array_equal(batch.cents[row], engine.euros_cents)


@hsettings(max_examples=40, deadline=None)
@given(datasets(), st.lists(st.floats(0.1, 4), min_size=4, max_size=4))
def test_batch_equals_engine_for_any_data_and_weights(dataset, raw_weights):
    konz, _, data = dataset
    params = konz.default_params().with_(weights=tuple(w if konz.weights[i] > 0 else 0.0 for i, w in
                                                       enumerate(raw_weights[:len(konz.weights)])),
                                         budget_cents=12_345_67)
    try:
        engine = compute(data, konz, params)
    except ParameterError:  # all points 0: the engine refuses, nothing to compare
        return
    batch = batch_of(engine, None, [params])
    assert np.array_equal(batch.shares[0], engine.shares)
    assert np.array_equal(batch.cents[0], engine.euros_cents)


@pytest.mark.parametrize("which", ["bk", "myk"])
def test_zero_perturbation_collapses_every_interval_to_the_nominal_value(which, request):
    result, funding = request.getfixturevalue(which)
    u = uncertainty(result, funding, Settings(draws=200, spread=0.0, sobol_n=0))
    for interval in (u.share, u.euros_cents, u.rank):
        for q in (interval.median, interval.p05, interval.p95):
            assert np.array_equal(q, interval.nominal)
    assert np.array_equal(u.share.nominal, result.shares)
    assert np.array_equal(u.euros_cents.nominal, result.euros_cents)
    # every Kita is where the engine puts it, in every draw
    assert np.array_equal(u.above, (result.kita_class == 1).astype(float))
    assert np.array_equal(u.below, (result.kita_class == -1).astype(float))
    assert np.array_equal(u.eligible, u.nominal_eligible.astype(float))


@pytest.mark.parametrize("which", ["bk", "myk"])
@pytest.mark.parametrize("mode", ["uniform", "dirichlet"])
def test_interval_contains_the_nominal_value_for_symmetric_perturbations(which, mode, request):
    result, funding = request.getfixturevalue(which)
    u = uncertainty(result, funding, Settings(draws=2000, spread=0.25, weights=mode, sobol_n=0))
    for interval in (u.share, u.euros_cents, u.rank):
        assert np.all(interval.p05 <= interval.nominal) and np.all(interval.nominal <= interval.p95)
        assert np.all(interval.p05 <= interval.median) and np.all(interval.median <= interval.p95)
    assert np.any(u.share.p95 - u.share.p05 > 0), "the weights must actually move something"


@pytest.mark.parametrize("vary", [(), ALL])
def test_the_euros_of_every_draw_add_up_to_the_budget_to_the_cent(bk, vary):
    result, funding = bk
    settings = Settings(draws=3000, spread=0.5, vary=vary, sobol_n=0)
    draws = monte_carlo(inputs_of(result.konzeption, result.params, result.data, settings), result.params, settings)
    prep = prepare(result.data, result.konzeption, result.params, funding)
    batch = evaluate_draws(prep, draws.weights, draws.k, draws.ddof, draws.aggregation, draws.rescaling)
    assert batch.cents.dtype == np.int64
    assert result.params.budget_cents == 100_224_000
    assert np.all(batch.cents.sum(axis=1) == 100_224_000)
    assert np.all(batch.cents >= 0)
    if vary:
        assert set(np.unique(draws.rescaling)) == {0, 1, 2} and set(np.unique(draws.k)) == {0.5, 1.0, 1.5}


def test_a_seed_reproduces_a_run_and_another_seed_does_not(bk):
    result, funding = bk
    a = uncertainty(result, funding, Settings(draws=300, seed=7, vary=ALL, sobol_n=0))
    b = uncertainty(result, funding, Settings(draws=300, seed=7, vary=ALL, sobol_n=0))
    c = uncertainty(result, funding, Settings(draws=300, seed=8, vary=ALL, sobol_n=0))
    assert np.array_equal(a.shares, b.shares) and np.array_equal(a.eligible, b.eligible)
    assert not np.array_equal(a.shares, c.shares)


def test_uniform_weights_stay_within_the_spread_and_dirichlet_sums_to_one(bk):
    result, _ = bk
    for mode in ("uniform", "dirichlet"):
        s = Settings(draws=5000, spread=0.25, weights=mode)
        w = monte_carlo(inputs_of(result.konzeption, result.params, result.data, s), result.params, s).weights
        if mode == "uniform":
            assert w.min() >= 0.75 and w.max() <= 1.25 and abs(w.mean() - 1.0) < 0.01
        else:  # flat Dirichlet over 4 parts: each effective weight has mean 1/4 and variance 3/80
            eff = w / w.sum(axis=1, keepdims=True)
            assert abs(eff.mean() - 0.25) < 0.01 and abs(eff[:, 0].var() - 3 / 80) < 0.004


def test_probabilities_of_the_band_add_up_to_one(bk):
    result, funding = bk
    u = uncertainty(result, funding, Settings(draws=500, vary=ALL, sobol_n=0))
    assert np.allclose(u.above + u.within + u.below, 1.0)
    assert [key for key, _ in u.strands] == ["kita_sozialarbeit", "interkulturell"]
    assert RESCALINGS == ("minmax", "zscore", "rank")


def test_bad_settings_are_refused_in_german(bk):
    from srb_core import ParameterError
    result, funding = bk
    with pytest.raises(ParameterError, match="Robustheitsanalyse"):
        uncertainty(result, funding, Settings(draws=0))
    with pytest.raises(ParameterError):
        uncertainty(result, funding, Settings(spread=1.5))
