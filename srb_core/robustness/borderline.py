"""Borderline Kitas: how far each Kita is from the bound that decides a funding strand, and the
smallest change of a single answer that would flip the decision.

Moving Kita i's index value by t also moves the band, since Kita i is one of the n values. With
d = v_i − mean and SS = Σ_j (v_j − mean)²:
    mean(t) = mean + t/n,    SS(t) = SS + 2·t·d + t²·(n − 1)/n,    SD(t) = √(SS(t) / (n − ddof)),
    lower(t) = mean(t) − k·SD(t).
"index_at_least_lower" flips where v_i + t = lower(t) (found by bisection); "index_above_mean"
where v_i + t = mean(t), i.e. t = −d·n/(n − 1). One answer x_ij changes the score by
Δs = ±100·Δx / (max_j − min_j) (sign by direction), the sub-index by Δs / (answers present in it)
and the Gesamtindex by that times the sub-index's effective weight. The change is only offered while
the new answer stays inside the observed range and the Kita does not itself hold that range's
minimum or maximum (then the bounds, and everyone's scores, would move as well).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..funding.model import Rule
from ..index import membership
from ..index.normband import _TOLERANCE
from ..step1 import Result
from .batch import IndexStrand
from .extremes import sole_bound_holders

INTEGER_SCALES = ("count", "ordinal", "yes_no")


@dataclass(frozen=True)
class Flip:
    """The smallest single-answer change that flips a decision; variable None if no single answer can."""

    strand: str
    eligible: bool
    distance: float  # index value − deciding bound, in points (≥ 0 eligible, < 0 not)
    index_shift: float  # change of the index value needed (points), with the band moving along
    variable: str | None = None
    label: str = ""
    current: float | None = None
    needed: float | None = None  # the answer at which the decision flips (integer scales: first whole value)
    score_change: float | None = None  # in standard points


def _bound(values: np.ndarray, t: np.ndarray, rule: str, k: float, ddof: int) -> np.ndarray:
    n = len(values)
    mean = values.mean()
    d = values - mean
    ss = float(np.sum(d * d))
    shifted_mean = mean + t / n
    if rule == Rule.INDEX_ABOVE_MEAN:
        return shifted_mean
    ss_t = np.maximum(ss + 2 * t * d + t * t * (n - 1) / n, 0.0)
    return shifted_mean - k * np.sqrt(ss_t / max(n - ddof, 1))


def index_shift(values: np.ndarray, rule: str, k: float, ddof: int) -> np.ndarray:
    """Per Kita the shift t of its own index value at which it sits exactly on the deciding bound
    (NaN if no shift within ±400 points reaches it)."""
    n = len(values)
    if rule == Rule.INDEX_ABOVE_MEAN or n < 2:
        return -(values - values.mean()) * n / max(n - 1, 1)

    def f(t: np.ndarray) -> np.ndarray:
        return values + t - _bound(values, t, rule, k, ddof)

    eligible = f(np.zeros(n)) >= 0
    lo = np.where(eligible, -400.0, 0.0)
    hi = np.where(eligible, 0.0, 400.0)
    reachable = (f(lo) < 0) & (f(hi) >= 0)
    for _ in range(80):  # bisection keeping f(lo) < 0 ≤ f(hi), vectorised over the Kitas
        mid = (lo + hi) / 2
        up = f(mid) >= 0
        hi, lo = np.where(up, mid, hi), np.where(up, lo, mid)
    return np.where(reachable, hi, np.nan)


def _index_values(result: Result, strand: IndexStrand):
    if strand.column is None:
        return result.kita_overall, result.kita_band
    return result.kita_sub[:, strand.column], result.kita_sub_bands[strand.column]


def flips(result: Result, strand: IndexStrand) -> list[Flip]:
    """One Flip per Kita for an index-based strand, in the order of the Kitas (vectorised over Kitas
    and variables)."""
    konz, data = result.konzeption, result.data
    values, band = _index_values(result, strand)
    bound = band.lower if strand.rule == Rule.INDEX_AT_LEAST_LOWER else band.mean
    eligible = values >= bound - _TOLERANCE if strand.rule == Rule.INDEX_AT_LEAST_LOWER else values > bound + _TOLERANCE
    shift = index_shift(values, strand.rule, result.params.k, result.params.ddof)
    groups = np.array([konz.sub_indices.index(v.index) for v in konz.variables])
    x = data.values
    present = ~np.isnan(x)
    count = present.astype(float) @ membership(list(groups), len(konz.sub_indices))  # answers per sub-index
    weight = np.ones(len(konz.sub_indices)) if strand.column is not None else result.effective_weights
    with np.errstate(all="ignore"):
        factor = weight[groups][None, :] / count[:, groups]  # index points per standard point
        span = result.maximum - result.minimum
        sign = np.array([1.0 if v.more_is_need else -1.0 for v in konz.variables])
        needed = x + shift[:, None] / factor * span[None, :] / 100 * sign[None, :]
    integer = np.array([v.scale in INTEGER_SCALES for v in konz.variables])
    rounded = np.where(needed > x, np.ceil(needed - 1e-9), np.floor(needed + 1e-9))
    needed = np.where(integer[None, :], rounded, needed)
    holder = np.zeros_like(present)
    for i, cols in sole_bound_holders(x).items():
        holder[i, cols] = True
    ok = (present & ~holder & (factor > 0) & np.isfinite(needed) & ~result.constant[None, :]
          & (needed >= result.minimum[None, :]) & (needed <= result.maximum[None, :]))
    if strand.column is not None:
        ok &= (groups == strand.column)[None, :]
    with np.errstate(all="ignore"):
        change = np.where(ok, np.abs(needed - x) / span[None, :] * 100, np.inf)
    best = np.argmin(change, axis=1)
    out = []
    for i, j in enumerate(best):
        base = Flip(strand.key, bool(eligible[i]), float(values[i] - bound), float(shift[i]))
        if np.isfinite(change[i, j]):
            var = konz.variables[j]
            base = Flip(strand.key, bool(eligible[i]), float(values[i] - bound), float(shift[i]), var.column,
                        var.title, float(x[i, j]), float(needed[i, j]), float(change[i, j]))
        out.append(base)
    return out
