"""The settings one key press away: what the app computes ahead, so an arrow key shows its numbers at once.

A slider moves one grid step per arrow key (srb_core.limits: two decimals). From settings (w₁ … wₙ, k) the
next ones are, for each parameter alone, one step down and one step up, within its range:

    N(w, k) = {(w₁ … wᵢ ± s … wₙ, k)} ∪ {(w, k ± s)},   at most 2·(n + 1) settings.

`state_key` names settings the same way in Python and in the browser ("1.00|1.03|1.00|1.00|0.50").
"""
from __future__ import annotations

from decimal import Decimal

from .. import limits

Settings = tuple[tuple[float, ...], float]


def _on_grid(value: float, step: Decimal) -> Decimal:
    return Decimal(str(value)).quantize(step)


def step_neighbours(weights: tuple[float, ...], k: float) -> list[Settings]:
    """Every setting one arrow key away from (weights, k), weights first, each parameter down then up."""
    out: list[Settings] = []
    for i, w in enumerate(weights):
        here = _on_grid(w, limits.WEIGHT_STEP)
        for nxt in (here - limits.WEIGHT_STEP, here + limits.WEIGHT_STEP):
            if limits.WEIGHT_MIN <= nxt <= limits.WEIGHT_MAX:
                out.append((weights[:i] + (float(nxt),) + weights[i + 1:], k))
    here = _on_grid(k, limits.K_STEP)
    for nxt in (here - limits.K_STEP, here + limits.K_STEP):
        if limits.K_MIN <= nxt <= limits.K_MAX:
            out.append((weights, float(nxt)))
    return out


def state_key(weights: tuple[float, ...], k: float) -> str:
    """Two decimals each, joined by "|": the name of a setting in the app's page and in its browser code."""
    return "|".join(f"{v:.2f}" for v in (*weights, k))
