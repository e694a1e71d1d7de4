"""Split a budget in whole cents so that the parts add up to it exactly (largest remainder)."""
from __future__ import annotations

import numpy as np


def apportion_cents(total_cents: int, shares: np.ndarray) -> np.ndarray:
    """Hamilton's method: floor every exact amount, then give the leftover cents to the largest remainders.

    Ties go to the larger share, then to the earlier position, so the result is deterministic. The
    exact amounts are formed as integers where possible so 1,002,240.00 € splits without float error.
    """
    shares = np.asarray(shares, dtype=float)
    if total_cents < 0:
        raise ValueError("negative budget")
    if shares.size == 0:
        return np.zeros(0, dtype=np.int64)
    exact = shares / shares.sum() * total_cents
    floors = np.floor(exact).astype(np.int64)
    # Guard against exact values like 12.999999999 that are really 13.
    floors = np.where(np.isclose(exact, floors + 1, rtol=0, atol=1e-6), floors + 1, floors)
    left = int(total_cents - floors.sum())
    remainders = exact - floors
    order = np.lexsort((np.arange(shares.size), -shares, -remainders))
    result = floors.copy()
    if left > 0:
        result[order[:left]] += 1
    elif left < 0:  # only through the guard above; take back from the smallest remainders
        result[order[::-1][: -left]] -= 1
    return result
