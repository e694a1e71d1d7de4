"""explain.ranks.share_ranks: competition ranks by share, 1 for the largest."""
from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from srb_core.explain.ranks import share_ranks


def test_ranks_by_hand():
    # 0.30 is largest (1); the two 0.25 tie for 2; 0.20 follows the tie as 4 (competition ranking)
    assert share_ranks(np.array([0.25, 0.30, 0.20, 0.25])).tolist() == [2, 1, 4, 2]


def test_bad_kreuznach_published_order(bk_data, bk_konzeption):
    from srb_core import compute

    res = compute(bk_data, bk_konzeption)
    ranks = dict(zip(res.data.sozialraum_names, share_ranks(res.shares).tolist(), strict=True))
    assert ranks["Pariser Viertel"] == 1 and ranks["Innenstadt"] == 8  # 17,37 % and 10,03 %, as published


@given(st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=1, max_size=30))
def test_a_larger_share_never_has_a_worse_rank(values):
    shares = np.array(values)
    ranks = share_ranks(shares)
    assert ranks.min() == 1
    for i in range(len(shares)):
        for j in range(len(shares)):
            if shares[i] > shares[j]:
                assert ranks[i] < ranks[j]
            if shares[i] == shares[j]:
                assert ranks[i] == ranks[j]
