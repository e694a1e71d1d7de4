"""Norm band (mean ± k·SD) and the class of each unit: above, within or below."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

ABOVE, WITHIN, BELOW = 1, 0, -1
CLASS_NAMES = {ABOVE: "above", WITHIN: "within", BELOW: "below"}
CLASS_LABELS = {ABOVE: "oberhalb", WITHIN: "innerhalb", BELOW: "unterhalb"}
# Values computed along different paths may differ in the last bits; a value this close to a bound
# is on it, and "on the bound" counts as within (domain default).
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Band:
    mean: float
    sd: float
    lower: float
    upper: float
    k: float

    def as_dict(self) -> dict:
        return {"mean": self.mean, "sd": self.sd, "lower": self.lower, "upper": self.upper, "k": self.k}


def norm_band(values: np.ndarray, k: float, ddof: int) -> Band:
    """Band over all units; with a single unit the SD is taken as 0 rather than undefined."""
    mean = float(np.mean(values))
    sd = float(np.std(values, ddof=ddof)) if values.size > ddof else 0.0
    return Band(mean, sd, mean - k * sd, mean + k * sd, float(k))


def classify(values: np.ndarray, band: Band) -> np.ndarray:
    above = values > band.upper + _TOLERANCE
    below = values < band.lower - _TOLERANCE
    return np.where(above, ABOVE, np.where(below, BELOW, WITHIN)).astype(np.int8)


def bands_by_column(matrix: np.ndarray, k: float, ddof: int) -> tuple[Band, ...]:
    return tuple(norm_band(matrix[:, j], k, ddof) for j in range(matrix.shape[1]))
