"""The published Bad Kreuznach step-1 table (Konzeption 2021, ch. 3.4)."""
import numpy as np
import pytest

from srb_core import compute
from srb_core.allocation import apportion_cents, compute_shares
from tests.demos import PUBLISHED, UNROUNDED

NAMES = list(PUBLISHED)


def test_shares_from_unrounded_points_match_every_printed_share():
    shares = compute_shares(np.array([UNROUNDED[n] for n in NAMES]))
    for name, share in zip(NAMES, shares, strict=False):
        assert round(share * 100, 2) == pytest.approx(PUBLISHED[name][1], abs=1e-9), name
        assert round(UNROUNDED[name], 1) == PUBLISHED[name][0]


def test_shares_from_rounded_points_differ_by_at_most_one_hundredth_pp():
    shares = compute_shares(np.array([PUBLISHED[n][0] for n in NAMES]))
    # compared as printed: percentages rounded to two decimals
    worst = max(abs(round(s * 100, 2) - PUBLISHED[n][1]) for n, s in zip(NAMES, shares, strict=False))
    assert worst <= 0.01 + 1e-9
    # the known case: Süd-West gives 11.99 % from the rounded 36.6 of 305.2
    assert round(shares[NAMES.index("Süd-West")] * 100, 2) == 11.99
    assert sum(PUBLISHED[n][0] for n in NAMES) == pytest.approx(305.2)


def test_2022_budget_splits_to_the_cent():
    shares = compute_shares(np.array([UNROUNDED[n] for n in NAMES]))
    euros = apportion_cents(100224000, shares)
    assert euros.sum() == 100224000
    # Pariser Viertel: 1,002,240 € × 53.035 / 305.324 = 174,089.9… €
    assert abs(euros[0] / 100 - 1002240 * 53.035 / sum(UNROUNDED.values())) < 0.01


def test_demo_data_reproduce_the_published_table(bk_data, bk_konzeption):
    """Calibration: the synthetic Kitas give the published points (0.1) and shares (0.01 pp)."""
    result = compute(bk_data, bk_konzeption)
    assert bk_data.n == 31
    assert len(result.data.sozialraum_names) == 8
    for r, name in enumerate(result.data.sozialraum_names):
        points, share = PUBLISHED[name]
        assert round(result.sr_overall[r], 1) == pytest.approx(points, abs=1e-9), name
        assert round(result.shares[r] * 100, 2) == pytest.approx(share, abs=1e-9), name
