"""Laws of the index: invariances and monotonicity, over any table Hypothesis can think of."""
import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from srb_core import ParameterError, build_kita_data
from srb_core import compute as _compute
from srb_core.index import standard_scores
from srb_core.konzeption import Konzeption
from tests.strategies import datasets, spread

FAST = settings(max_examples=60, deadline=None)


def compute(data, konz, params=None):
    """The engine refuses shares when every Sozialraum has 0 points; such tables say nothing here."""
    try:
        return _compute(data, konz, params)
    except ParameterError as exc:
        assume("0 Punkte" not in str(exc))
        raise


@FAST
@given(datasets(), st.data())
def test_positive_affine_change_leaves_scores_unchanged(ds, draw):
    konz, frame, data = ds
    column = draw.draw(st.sampled_from([v.column for v in konz.variables]))
    assume(spread(frame, column) >= 1)
    a = draw.draw(st.floats(0.1, 10))
    b = draw.draw(st.floats(-100, 100))
    changed = frame.copy()
    changed[column] = a * frame[column] + b
    before = compute(data, konz)
    after = compute(build_kita_data(changed, konz), konz)
    np.testing.assert_allclose(after.scores, before.scores, atol=1e-7)
    np.testing.assert_allclose(after.shares, before.shares, atol=1e-10)


@FAST
@given(st.lists(st.floats(0, 100), min_size=2, max_size=40))
def test_flipping_direction_turns_s_into_100_minus_s(values):
    x = np.array(values)[:, None]
    assume(np.ptp(x) > 0)
    more = standard_scores(x, np.array([True])).scores
    less = standard_scores(x, np.array([False])).scores
    np.testing.assert_allclose(less, 100 - more, atol=1e-9)


@FAST
@given(datasets(), st.data())
def test_raising_one_kitas_need_never_lowers_its_sub_index(ds, draw):
    konz, frame, data = ds
    j = draw.draw(st.integers(0, len(konz.variables) - 1))
    var = konz.variables[j]
    i = draw.draw(st.integers(0, len(frame) - 1))
    step = draw.draw(st.floats(0.01, 50))
    changed = frame.copy()
    changed.loc[i, var.column] += step if var.more_is_need else -step  # more need, in either direction
    before = compute(data, konz)
    after = compute(build_kita_data(changed, konz), konz)
    g = konz.sub_indices.index(var.index)
    assert after.kita_sub[i, g] >= before.kita_sub[i, g] - 1e-9


@FAST
@given(datasets(), st.randoms(use_true_random=False))
def test_row_order_changes_nothing(ds, rnd):
    konz, frame, data = ds
    order = list(range(len(frame)))
    rnd.shuffle(order)
    shuffled = build_kita_data(frame.iloc[order], konz)
    a, b = compute(data, konz), compute(shuffled, konz)
    assert a.data.sozialraum_names == b.data.sozialraum_names
    pos = [b.data.row_of(k) for k in a.data.kita_ids]
    np.testing.assert_allclose(b.kita_overall[pos], a.kita_overall, atol=1e-9)
    np.testing.assert_array_equal(b.kita_class[pos], a.kita_class)
    np.testing.assert_allclose(b.shares, a.shares, atol=1e-12)
    assert a.data.fingerprint == b.data.fingerprint


@FAST
@given(datasets(), st.integers(0, 10**11))
def test_pipeline_shares_sum_to_one_and_euros_to_the_budget(ds, cents):
    konz, frame, data = ds
    result = compute(data, konz, konz.default_params().with_(budget_cents=cents))
    assert abs(result.shares.sum() - 1) < 1e-12
    assert np.all(result.shares >= 0)
    assert int(result.euros_cents.sum()) == cents


@FAST
@given(datasets())
def test_scores_are_within_0_and_100_and_extremes_are_hit(ds):
    konz, frame, data = ds
    result = compute(data, konz)
    assert np.all((result.scores >= 0) & (result.scores <= 100))
    for j in range(len(konz.variables)):
        if not result.constant[j]:
            assert result.scores[:, j].min() == 0 and result.scores[:, j].max() == 100
        else:
            assert np.all(result.scores[:, j] == 0)
    assert isinstance(konz, Konzeption)
