"""Ranks of the Sozialräume by share."""
from __future__ import annotations

import numpy as np


def share_ranks(shares: np.ndarray) -> np.ndarray:
    """rank_r = 1 + #{s : share_s > share_r}: 1 for the largest share; equal shares share the better rank."""
    values = np.asarray(shares, dtype=float)
    return 1 + (values[None, :] > values[:, None]).sum(axis=1)
