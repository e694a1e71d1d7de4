"""Influence of extremes on min–max: each Kita left out of the bounds, and winsorised bounds.

Leaving Kita i out of the bounds means 0 and 100 points are the smallest and largest answer of the
*other* Kitas; Kita i's own answers are capped to that range (it scores 0 or 100 where it was the
extreme). That is exactly the engine run on the capped answers, so the engine is reused unchanged.
A Kita that is not the only holder of any variable's minimum or maximum changes no bound, its
capped answers equal its answers, and its shares are the nominal ones exactly; only the at most
2 × (number of variables) sole holders of a bound are recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..step1 import Result, compute


@dataclass(frozen=True, eq=False)
class LeaveOneOut:
    """Per Kita: shares and euros if its answers did not set any variable's min or max, and the largest change."""

    shares: np.ndarray  # (Kitas × Sozialräume): shares with Kita i left out of the bounds
    cents: np.ndarray | None  # (Kitas × Sozialräume)
    max_abs_change_pp: np.ndarray  # per Kita: largest |Δ share| over the Sozialräume, in percentage points
    max_abs_change_cents: np.ndarray | None
    bound_variables: tuple[tuple[str, ...], ...]  # per Kita: columns whose min or max only it holds


def capped_values(values: np.ndarray, i: int) -> np.ndarray:
    """The answers with row i capped to the range of the other rows (NaN stays NaN)."""
    others = np.delete(values, i, axis=0)
    with np.errstate(all="ignore"):
        lo, hi = np.nanmin(others, axis=0), np.nanmax(others, axis=0)
    out = values.copy()
    row = values[i]
    out[i] = np.where(np.isnan(lo) | np.isnan(row), row, np.clip(row, lo, hi))
    return out


def sole_bound_holders(values: np.ndarray) -> dict[int, list[int]]:
    """Kita row → variable columns whose minimum or maximum only this Kita has."""
    holders: dict[int, list[int]] = {}
    for j in range(values.shape[1]):
        col = values[:, j]
        present = ~np.isnan(col)
        if present.sum() < 2:
            continue
        for bound in (np.nanmin(col), np.nanmax(col)):
            rows = np.flatnonzero(present & (col == bound))
            if len(rows) == 1:
                holders.setdefault(int(rows[0]), []).append(j)
    return holders


def left_out(result: Result, i: int) -> Result:
    """The engine's result with Kita i left out of the min–max bounds."""
    data = result.data
    return compute(replace(data, values=capped_values(data.values, i)), result.konzeption, result.params)


def leave_one_out(result: Result) -> LeaveOneOut:
    """For each Kita that alone holds a variable's min or max: recompute with it left out of the bounds; Δ share in
    pp."""
    data = result.data
    holders = sole_bound_holders(data.values)
    shares = np.repeat(result.shares[None, :], data.n, axis=0)
    cents = None if result.euros_cents is None else np.repeat(result.euros_cents[None, :], data.n, axis=0)
    for i in holders:
        other = left_out(result, i)
        shares[i] = other.shares
        if cents is not None and other.euros_cents is not None:
            cents[i] = other.euros_cents
    change = np.max(np.abs(shares - result.shares[None, :]), axis=1) * 100
    change_cents = None
    if cents is not None and result.euros_cents is not None:
        change_cents = np.max(np.abs(cents - result.euros_cents[None, :]), axis=1)
    names = tuple(tuple(data.columns[j] for j in holders.get(i, [])) for i in range(data.n))
    return LeaveOneOut(shares, cents, change, change_cents, names)


def winsorised(result: Result, lower: float = 5.0, upper: float = 95.0) -> Result:
    """What-if: every variable's answers capped to its 5th and 95th percentile before min–max, so the
    bounds are no longer set by single extreme answers."""
    values = result.data.values
    with np.errstate(all="ignore"):
        lo, hi = np.nanpercentile(values, [lower, upper], axis=0)
    capped = np.where(np.isnan(values), values, np.clip(values, lo, hi))
    return compute(replace(result.data, values=capped), result.konzeption, result.params)
