"""Alternative rescalings of the raw answers, as switched by the uncertainty analysis.

The adopted method is min–max (srb_core.index.standard_scores, reused unchanged). The alternatives
keep its conventions: oriented so that higher = more need, NaN stays NaN (the answer is missing),
a variable without spread scores 0 for everyone, and every score lies in 0–100 so that shares
proportional to points stay defined.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..index import standard_scores


def zscore_scores(values: np.ndarray, more_is_need: np.ndarray) -> np.ndarray:
    """T-score 50 + 10·z with z = (x − mean) / SD (sample SD of the present answers), cut to 0–100.

    The cut only touches answers more than five standard deviations from the mean.
    """
    with np.errstate(all="ignore"):
        mean = np.nanmean(values, axis=0)
        sd = np.nanstd(values, axis=0, ddof=1)
    constant = ~(sd > 0)
    z = (values - mean) / np.where(constant, 1.0, sd)
    z = np.where(more_is_need, z, -z)
    scores = np.clip(50.0 + 10.0 * z, 0.0, 100.0)
    scores = np.where(constant, 0.0, scores)
    scores[np.isnan(values)] = np.nan
    return scores


def rank_scores(values: np.ndarray, more_is_need: np.ndarray) -> np.ndarray:
    """Percentile rank: (rank − 1) / (number of answers − 1) × 100, ties get their average rank.

    The smallest answer scores 0 and the largest 100 as in min–max, but the distances between
    answers no longer count, so one extreme answer cannot compress everyone else.
    """
    ranks = pd.DataFrame(values).rank(axis=0, method="average").to_numpy(dtype=float)
    present = np.sum(~np.isnan(values), axis=0)
    with np.errstate(all="ignore"):
        lo, hi = np.nanmin(values, axis=0), np.nanmax(values, axis=0)
    constant = ~(hi - lo > 0)
    scaled = (ranks - 1.0) / np.where(constant, 1.0, present - 1.0) * 100.0
    scores = np.where(more_is_need, scaled, 100.0 - scaled)
    scores = np.where(constant, 0.0, scores)
    scores[np.isnan(values)] = np.nan
    return scores


def rescaled(values: np.ndarray, more_is_need: np.ndarray, method: str) -> np.ndarray:
    """Standard scores by the named method: "minmax" (the engine's), "zscore" or "rank"."""
    if method == "minmax":
        return standard_scores(values, more_is_need).scores
    if method == "zscore":
        return zscore_scores(values, more_is_need)
    if method == "rank":
        return rank_scores(values, more_is_need)
    raise ValueError(method)
