"""Sub-indices (mean of a group's standard scores) and the weighted Gesamtindex."""
from __future__ import annotations

import numpy as np


def membership(variable_groups: list[int], n_groups: int) -> np.ndarray:
    """(variables × sub-indices) 0/1 matrix, so group means are one matrix product."""
    m = np.zeros((len(variable_groups), n_groups))
    m[np.arange(len(variable_groups)), variable_groups] = 1.0
    return m


def sub_indices(scores: np.ndarray, member: np.ndarray) -> np.ndarray:
    """Mean of the present scores per sub-index; NaN only if a Kita has none (refused earlier)."""
    present = ~np.isnan(scores)
    sums = np.where(present, scores, 0.0) @ member
    counts = present.astype(float) @ member
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts


def overall(sub: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean of the sub-indices, Σ_g w_g·s_g / Σ_g w_g; a weight of 0 drops that sub-index entirely.

    Summed term by term in the order of the sub-indices rather than by a matrix product, whose order of
    summation depends on the BLAS kernel: srb_core.robustness evaluates thousands of weight draws at once
    and must reproduce this function bit for bit at the nominal weights.
    """
    used = np.flatnonzero(weights > 0)
    effective = weights[used] / weights[used].sum()
    total = sub[:, used[0]] * effective[0]
    for g in range(1, len(used)):
        total = total + sub[:, used[g]] * effective[g]
    return total
