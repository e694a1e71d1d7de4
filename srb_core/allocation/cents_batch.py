"""`apportion_cents` for many share vectors at once: one row per variant, no Python loop over rows."""
from __future__ import annotations

import numpy as np


def apportion_cents_rows(total_cents: int, shares: np.ndarray) -> np.ndarray:
    """Row-wise Hamilton's method, identical to `apportion_cents(total_cents, row)` for every row.

    exact = share / Σ shares × budget; floor every amount; the guard turns 12.999999 into 13; the
    cents left over go to the largest remainders (ties: larger share, then earlier position), or
    are taken back from the smallest remainders if the guard gave too many. Every row sums to
    `total_cents` exactly.
    """
    shares = np.asarray(shares, dtype=float)
    if total_cents < 0:
        raise ValueError("negative budget")
    rows, cols = shares.shape
    if cols == 0:
        return np.zeros((rows, 0), dtype=np.int64)
    exact = shares / shares.sum(axis=1, keepdims=True) * total_cents
    floors = np.floor(exact).astype(np.int64)
    floors = np.where(np.isclose(exact, floors + 1, rtol=0, atol=1e-6), floors + 1, floors)
    left = total_cents - floors.sum(axis=1)
    remainders = exact - floors
    position = np.broadcast_to(np.arange(cols), shares.shape)
    order = np.lexsort((position, -shares, -remainders), axis=-1)  # per row, as in the scalar version
    place = np.arange(cols)[None, :]
    plus = (place < left[:, None]).astype(np.int64)  # first `left` of the order get a cent
    minus = (place >= cols + np.minimum(left, 0)[:, None]).astype(np.int64)  # last −left give one back
    result = floors.copy()
    np.put_along_axis(result, order, np.take_along_axis(result, order, axis=1) + plus - minus, axis=1)
    return result
