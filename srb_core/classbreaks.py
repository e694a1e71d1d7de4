"""Class breaks for maps and legends: which class a Sozialraum's value or change falls into (colours are the UI's)."""
from __future__ import annotations

import numpy as np


def equal_width_edges(values: np.ndarray, n: int) -> np.ndarray:
    """n equal-width classes from min to max: n + 1 edges lo + (hi − lo)·i/n; a constant value gets lo − 1 … hi + 1."""
    lo, hi = float(np.min(values)), float(np.max(values))
    if hi <= lo:
        lo, hi = lo - 1.0, hi + 1.0
    return np.linspace(lo, hi, n + 1)


def class_of(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Class 0 … len(edges) − 2 of each value: the number of inner edges ≤ value (outer edges only label, so
    values beyond them fall into the outer classes)."""
    n = len(edges) - 1
    return np.clip(np.searchsorted(edges[1:-1], values, side="right"), 0, n - 1)


def change_step(delta: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Step of each change on a symmetric scale: the number of `steps` ≤ |Δ|, minus 1 (−1: smaller than
    the first step, i.e. no visible change); the sign of Δ tells the direction."""
    return np.searchsorted(steps, np.abs(np.asarray(delta, dtype=float)), side="right") - 1


def relative_step(delta: np.ndarray, n: int = 4, unchanged_below: float = 0.005) -> np.ndarray:
    """Step 0 … n − 1 of each change relative to the largest one: min(n − 1, ⌈n·|Δ|/max|Δ|⌉ − 1); −1 where
    |Δ| < `unchanged_below` (rounds to ±0,00) or nothing changed at all. The sign of Δ tells the direction."""
    values = np.abs(np.asarray(delta, dtype=float))
    top = float(values.max()) if values.size else 0.0
    if top == 0:
        return np.full(values.shape, -1, dtype=int)
    steps = np.minimum(n - 1, (values / top * n - 1e-9).astype(int))
    return np.where(values < unchanged_below, -1, steps)
