"""Sozialraum values from their Kitas: plain mean, or weighted by the number of children."""
from __future__ import annotations

import numpy as np

from ..errors import ParameterError, Problem


def group_means(matrix: np.ndarray, codes: np.ndarray, n_groups: int, weights: np.ndarray | None) -> np.ndarray:
    """Column-wise (weighted) mean per group; bincount keeps this linear in the number of Kitas."""
    w = np.ones(len(codes)) if weights is None else weights
    totals = np.bincount(codes, weights=w, minlength=n_groups)
    if np.any(totals <= 0):
        empty = int(np.flatnonzero(totals <= 0)[0])
        raise ParameterError(Problem(
            "Ein Sozialraum hat die Kinderzahl 0; nach Kinderzahl gewichtete Werte sind nicht bestimmt.",
            column="children", value=empty))
    out = np.empty((n_groups, matrix.shape[1]))
    for j in range(matrix.shape[1]):
        out[:, j] = np.bincount(codes, weights=matrix[:, j] * w, minlength=n_groups) / totals
    return out
