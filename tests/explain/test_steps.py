"""The settings one arrow key away: each parameter alone one grid step down and up, never off its range."""
from hypothesis import given
from hypothesis import strategies as st

from srb_core.explain import state_key, step_neighbours

grid_weight = st.integers(0, 1000).map(lambda c: c / 100)
grid_k = st.integers(0, 300).map(lambda c: c / 100)


def test_bad_kreuznach_defaults_have_ten_neighbours():
    got = step_neighbours((1.0, 1.0, 1.0, 1.0), 1.0)
    assert len(got) == 10
    assert got[2] == ((1.0, 0.99, 1.0, 1.0), 1.0) and got[3] == ((1.0, 1.01, 1.0, 1.0), 1.0)
    assert got[-2:] == [((1.0, 1.0, 1.0, 1.0), 0.99), ((1.0, 1.0, 1.0, 1.0), 1.01)]


def test_the_ends_of_the_ranges_have_one_neighbour_each():
    got = step_neighbours((0.0, 10.0), 3.0)
    assert got == [((0.01, 10.0), 3.0), ((0.0, 9.99), 3.0), ((0.0, 10.0), 2.99)]


@given(st.lists(grid_weight, min_size=1, max_size=8).map(tuple), grid_k)
def test_each_neighbour_differs_in_one_parameter_by_one_step(weights, k):
    for w, kk in step_neighbours(weights, k):
        diffs = [abs(a - b) for a, b in zip(w, weights, strict=True)] + [abs(kk - k)]
        assert sum(d > 1e-9 for d in diffs) == 1
        assert abs(max(diffs) - 0.01) < 1e-9
        assert all(0 <= v <= 10 for v in w) and 0 <= kk <= 3
        assert state_key(w, kk) != state_key(weights, k)


def test_state_key_has_two_decimals():
    assert state_key((1.0, 1.03, 0.5), 0.5) == "1.00|1.03|0.50|0.50"
