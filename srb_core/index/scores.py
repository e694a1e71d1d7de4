"""Standard scores: each variable rescaled to 0–100 over the observed Kitas, oriented to need."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Scores:
    """Standard scores (0–100) per Kita and variable with each variable's observed minimum, maximum and constancy."""

    scores: np.ndarray  # (Kitas × variables), NaN where the answer is missing
    minimum: np.ndarray  # per variable, observed
    maximum: np.ndarray
    constant: np.ndarray  # bool per variable: no spread, so no information


def standard_scores(values: np.ndarray, more_is_need: np.ndarray) -> Scores:
    """0 = the smallest observed value, 100 = the largest; flipped where more means less need.

    A variable with no spread scores 0 everywhere (domain default), whatever its direction: a
    constant tells nothing about need, so it must not lift anyone.
    """
    with np.errstate(all="ignore"):
        lo = np.nanmin(values, axis=0)
        hi = np.nanmax(values, axis=0)
    span = hi - lo
    constant = ~(span > 0)
    # (x − min) / span first, so the maximum is exactly 1 and scores exactly 100, not 99.99999999999999
    scaled = (values - lo) / np.where(constant, 1.0, span) * 100.0
    oriented = np.where(more_is_need, scaled, 100.0 - scaled)
    oriented = np.where(constant, 0.0, oriented)
    oriented[np.isnan(values)] = np.nan
    return Scores(oriented, lo, hi, constant)
