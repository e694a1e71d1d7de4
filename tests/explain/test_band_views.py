"""explain.band: counts per Sozialraum and the five numbers of a box plot, by hand."""
from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from srb_core import compute
from srb_core.explain import area_band_counts, band_counts, box_stats


def test_area_counts_add_up_to_the_band_counts(bk_data, bk_konzeption):
    res = compute(bk_data, bk_konzeption)
    per_area = area_band_counts(res)
    assert per_area.shape == (len(bk_data.sozialraum_names), 3)
    totals = band_counts(res, res).now
    assert per_area.sum(axis=0).tolist() == [totals[1], totals[0], totals[-1]]
    assert per_area.sum() == bk_data.n == 31


def test_area_counts_by_hand(bk_data, bk_konzeption):
    res = compute(bk_data, bk_konzeption)
    r = bk_data.sozialraum_names.index("Nord")
    classes = [int(c) for c, a in zip(res.kita_class, bk_data.sozialraum, strict=True) if a == r]
    assert area_band_counts(res)[r].tolist() == [classes.count(1), classes.count(0), classes.count(-1)]


def test_box_stats_by_hand():
    # 1, 2, 3, 4, 5: quartiles at positions 1 and 3 of the sorted list
    assert box_stats(np.array([5.0, 1.0, 4.0, 2.0, 3.0])) == (1.0, 2.0, 3.0, 4.0, 5.0)
    # 1, 2, 3, 4: lower quartile 1 + 0.75·(2 − 1) = 1.75, median 2.5, upper 3.25
    assert box_stats(np.array([1.0, 2.0, 3.0, 4.0])) == (1.0, 1.75, 2.5, 3.25, 4.0)


@given(st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=50))
def test_box_stats_are_ordered_and_inside_the_values(values):
    lo, q1, med, q3, hi = box_stats(np.array(values))
    assert min(values) == lo <= q1 <= med <= q3 <= hi == max(values)
