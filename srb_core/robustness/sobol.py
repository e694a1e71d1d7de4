"""First-order and total Sobol indices: Saltelli's sampling scheme, Jansen's estimators, bootstrap.

Saltelli et al. (2010), Comput. Phys. Commun. 181:259–270, table 2 (estimators (b) and (f)):
with two independent N × d samples A and B and A_B^i = A with column i taken from B,
    V      = Var(f(A) ∪ f(B))
    S_i    = (V − 1/(2N) Σ_j (f(B)_j − f(A_B^i)_j)²) / V      (first order)
    S_Ti   = 1/(2N) Σ_j (f(A)_j − f(A_B^i)_j)² / V            (total)
N·(d + 2) model runs. The interval is the 5th–95th percentile of the indices over bootstrap
resamples of the N rows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class SobolResult:
    """Sobol indices per input: first order S_j and total S_Tj, with bootstrap intervals, Var(Y) and the model runs."""

    first: np.ndarray
    total: np.ndarray
    first_interval: np.ndarray  # (d × 2): 5th and 95th percentile over the bootstrap
    total_interval: np.ndarray
    variance: float
    runs: int


def saltelli_matrix(d: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """[A; B; A_B^1; …; A_B^d], shape (N·(d + 2) × d), all in the unit cube."""
    a, b = rng.random((n, d)), rng.random((n, d))
    blocks = [a, b]
    for i in range(d):
        ab = a.copy()
        ab[:, i] = b[:, i]
        blocks.append(ab)
    return np.vstack(blocks)


def jansen(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """f_ab: (d × N). Returns first-order and total indices and V; NaN where V is 0 (nothing varies)."""
    variance = float(np.var(np.concatenate([f_a, f_b])))
    if not variance > 0:
        nan = np.full(len(f_ab), np.nan)
        return nan, nan.copy(), 0.0
    first = (variance - 0.5 * np.mean((f_b[None, :] - f_ab) ** 2, axis=1)) / variance
    total = 0.5 * np.mean((f_a[None, :] - f_ab) ** 2, axis=1) / variance
    return first, total, variance


def sobol_indices(model: Callable[[np.ndarray], np.ndarray], d: int, n: int, seed: int,
                  bootstrap: int = 200) -> SobolResult:
    """Indices of a model y = model(U), U of shape (rows × d) in the unit cube, inputs independent."""
    rng = np.random.default_rng(seed)
    y = np.asarray(model(saltelli_matrix(d, n, rng)), dtype=float)
    f_a, f_b, f_ab = y[:n], y[n:2 * n], y[2 * n:].reshape(d, n)
    first, total, variance = jansen(f_a, f_b, f_ab)
    boot_first = np.full((bootstrap, d), np.nan)
    boot_total = np.full((bootstrap, d), np.nan)
    for r in range(bootstrap):  # resamples of the N rows; each is a few vector operations
        j = rng.integers(0, n, n)
        boot_first[r], boot_total[r], _ = jansen(f_a[j], f_b[j], f_ab[:, j])
    if bootstrap and variance > 0:
        first_iv = np.nanpercentile(boot_first, [5, 95], axis=0).T
        total_iv = np.nanpercentile(boot_total, [5, 95], axis=0).T
    else:
        first_iv = np.column_stack([first, first])
        total_iv = np.column_stack([total, total])
    return SobolResult(first, total, first_iv, total_iv, variance, len(y))
