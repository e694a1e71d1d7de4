"""Sozialraum values from their Kitas: plain mean, or weighted by the number of children."""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ..errors import ParameterError, Problem
from ..registry import Entry, registry

# (Kita matrix, Sozialraum code per Kita, number of Sozialräume, children per Kita or None) → Sozialraum matrix
Aggregate = Callable[[np.ndarray, np.ndarray, int, "np.ndarray | None"], np.ndarray]


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


def _mean(matrix: np.ndarray, codes: np.ndarray, n_groups: int, children: np.ndarray | None) -> np.ndarray:
    """value_r = mean of its Kitas' values."""
    return group_means(matrix, codes, n_groups, None)


def _children_weighted(matrix: np.ndarray, codes: np.ndarray, n_groups: int,
                       children: np.ndarray | None) -> np.ndarray:
    """value_r = Σ children_i · value_i / Σ children_i over its Kitas (plain mean without a children column;
    check_params refuses that case before)."""
    return group_means(matrix, codes, n_groups, children)


# The aggregations: how a Sozialraum's values come from its Kitas' values. Keys = konzeption.model.AGGREGATIONS.
AGGREGATION_METHODS: Mapping[str, Entry[Aggregate]] = registry(
    Entry("mean", "Mittelwert", _mean, short="Sozialraumwert: Mittelwert"),
    Entry("children_weighted", "nach Kinderzahl gewichteter Mittelwert", _children_weighted,
          short="Sozialraumwert nach Kinderzahl"),
)
