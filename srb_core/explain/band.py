"""The Kitas against the norm band, compared with the Beschluss (the adopted Konzeption's result).

A Kita's class is +1 above, 0 within, -1 below its norm band (mean ± k·SD of the Gesamtindex). The counts of
each class and their change, and the list of Kitas whose class or whose eligibility for a funding strand
differs between the two results, are what the room asks after a slider moves.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..index.normband import BandClass
from ..step1 import Result

CLASSES = tuple(BandClass)  # above, within, below


@dataclass(frozen=True)
class BandCounts:
    """Number of Kitas per class now and in the Beschluss; delta = now − Beschluss."""

    now: dict[int, int]
    before: dict[int, int]

    def delta(self, c: int) -> int:
        """now[c] − before[c]: change of the number of Kitas in class c."""
        return self.now[c] - self.before[c]


@dataclass(frozen=True)
class BandChange:
    """One Kita whose band class or eligibility changed (row = its index in the data)."""

    row: int
    before: int
    now: int
    eligible_before: bool | None
    eligible_now: bool | None

    @property
    def moved(self) -> bool:
        """True if the Kita's norm-band class differs between Beschluss and now."""
        return self.before != self.now

    @property
    def eligibility_changed(self) -> bool:
        """True if the Kita's social-work eligibility differs between Beschluss and now."""
        return self.eligible_before is not None and self.eligible_before != self.eligible_now


def band_counts(res: Result, base: Result) -> BandCounts:
    """count_c = #{Kitas with class c}, for the current result and the Beschluss."""
    def count(r: Result) -> dict[int, int]:
        return {int(c): int((r.kita_class == c).sum()) for c in CLASSES}

    return BandCounts(count(res), count(base))


def band_changes(res: Result, base: Result, eligible_now: Sequence[bool] | None = None,
                 eligible_before: Sequence[bool] | None = None) -> list[BandChange]:
    """Kitas with class_now ≠ class_before or eligible_now ≠ eligible_before, in data order."""
    if res.data.n != base.data.n:
        raise ValueError("results belong to different data")
    moved = res.kita_class != base.kita_class
    if eligible_now is not None and eligible_before is not None:
        moved = moved | (np.asarray(eligible_now, dtype=bool) != np.asarray(eligible_before, dtype=bool))
    rows = [int(i) for i in np.flatnonzero(moved)]
    return [BandChange(i, int(base.kita_class[i]), int(res.kita_class[i]),
                       None if eligible_before is None else bool(eligible_before[i]),
                       None if eligible_now is None else bool(eligible_now[i]))
            for i in rows]


def area_band_counts(res: Result) -> np.ndarray:
    """counts[r, c] = #{Kitas of Sozialraum r in class c}, columns in the order ABOVE, WITHIN, BELOW."""
    order = [BandClass.ABOVE, BandClass.WITHIN, BandClass.BELOW]
    areas = len(res.data.sozialraum_names)
    return np.array([[int(((res.data.sozialraum == r) & (res.kita_class == c)).sum()) for c in order]
                     for r in range(areas)], dtype=int).reshape(areas, 3)


def box_stats(values: np.ndarray) -> tuple[float, float, float, float, float]:
    """The five numbers of a box plot: smallest value, lower quartile, median, upper quartile, largest value
    (linear interpolation between order statistics, numpy's default percentile)."""
    lo, q1, med, q3, hi = np.percentile(np.asarray(values, dtype=float), [0, 25, 50, 75, 100])
    return float(lo), float(q1), float(med), float(q3), float(hi)
