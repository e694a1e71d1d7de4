"""Norm band (mean ± k·SD) and the class of each unit: above, within or below."""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np


class BandClass(IntEnum):
    """Where a value lies relative to its norm band: 1 above, 0 within (bounds included), −1 below.

    An IntEnum, so the int8 codes in `Result.kita_class`/`sr_class` compare equal to the members and
    `BandClass(int(code))` names a code. The one place for the band's words: `key` (English, used in
    JSON/CSV/scenario files), `label` ("oberhalb"), `long_label` ("oberhalb des Normbereichs"),
    `position` (the phrase after "liegt …") and `symbol` (the shape that tells the class without colour).
    """

    ABOVE = 1
    WITHIN = 0
    BELOW = -1

    @classmethod
    def of(cls, code: object) -> BandClass:
        """The class of a code (int, numpy integer or float such as 1.0) or of a key ("above")."""
        if isinstance(code, str):
            return _BY_KEY[code]
        return cls(int(code))  # type: ignore[call-overload]

    @property
    def key(self) -> str:
        """Machine name: "above", "within" or "below"."""
        return _WORDS[self][0]

    @property
    def label(self) -> str:
        """German short label: "oberhalb", "innerhalb" or "unterhalb"."""
        return _WORDS[self][1]

    @property
    def long_label(self) -> str:
        """German label with its noun: "oberhalb des Normbereichs" etc."""
        return f"{self.label} des Normbereichs"

    @property
    def position(self) -> str:
        """German phrase after "… liegt": "über der oberen Grenze", "innerhalb", "unter der unteren Grenze"."""
        return _WORDS[self][2]

    @property
    def symbol(self) -> str:
        """Shape that tells the class without colour: ▲ above, ● within, ▼ below."""
        return _WORDS[self][3]


_WORDS: dict[BandClass, tuple[str, str, str, str]] = {
    BandClass.ABOVE: ("above", "oberhalb", "über der oberen Grenze", "▲"),
    BandClass.WITHIN: ("within", "innerhalb", "innerhalb", "●"),
    BandClass.BELOW: ("below", "unterhalb", "unter der unteren Grenze", "▼"),
}
_BY_KEY = {c.key: c for c in BandClass}

# Views of BandClass kept for existing callers: code → key and code → German label.
ABOVE, WITHIN, BELOW = BandClass.ABOVE, BandClass.WITHIN, BandClass.BELOW
CLASS_NAMES: dict[int, str] = {c: c.key for c in BandClass}
CLASS_LABELS: dict[int, str] = {c: c.label for c in BandClass}
# Values computed along different paths may differ in the last bits; a value this close to a bound
# is on it, and "on the bound" counts as within (domain default).
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Band:
    """The norm band of one measure: [lower, upper] = mean ∓ k·SD."""

    mean: float
    sd: float
    lower: float
    upper: float
    k: float

    def as_dict(self) -> dict:
        """The five numbers by name, for JSON."""
        return {"mean": self.mean, "sd": self.sd, "lower": self.lower, "upper": self.upper, "k": self.k}


def norm_band(values: np.ndarray, k: float, ddof: int) -> Band:
    """Band over all units; with a single unit the SD is taken as 0 rather than undefined."""
    mean = float(np.mean(values))
    sd = float(np.std(values, ddof=ddof)) if values.size > ddof else 0.0
    return Band(mean, sd, mean - k * sd, mean + k * sd, float(k))


def classify(values: np.ndarray, band: Band) -> np.ndarray:
    """Code per value: 1 if v > upper, −1 if v < lower, else 0 (on a bound counts as within), as int8."""
    above = values > band.upper + _TOLERANCE
    below = values < band.lower - _TOLERANCE
    return np.where(above, ABOVE, np.where(below, BELOW, WITHIN)).astype(np.int8)


def bands_by_column(matrix: np.ndarray, k: float, ddof: int) -> tuple[Band, ...]:
    """One `norm_band` per column of the matrix (the sub-indices)."""
    return tuple(norm_band(matrix[:, j], k, ddof) for j in range(matrix.shape[1]))
