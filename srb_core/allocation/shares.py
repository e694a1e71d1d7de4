"""Step 1: the share of each Sozialraum. One entry point, `compute_shares`, over named methods.

Every method must satisfy the axioms tested in tests/allocation: shares are non-negative and sum
to 1, they do not depend on the order of the Sozialräume, and they are scale-invariant in the points.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ..errors import ParameterError, Problem
from ..registry import Entry, registry

ShareMass = Callable[[np.ndarray, np.ndarray | None], np.ndarray]


def _proportional(points: np.ndarray, children: np.ndarray | None) -> np.ndarray:
    """mass_r = points_r."""
    return points


def _proportional_children(points: np.ndarray, children: np.ndarray | None) -> np.ndarray:
    """mass_r = points_r × children_r; refused without the children column."""
    if children is None:
        raise ParameterError(Problem("Für die Verteilung nach Punkten × Kinderzahl fehlt die Spalte „children“.",
                                     column="children"))
    return points * children


# The allocations (step 1): key → German words and the mass each Sozialraum gets; share = mass / Σ mass.
METHODS: Mapping[str, Entry[ShareMass]] = registry(
    Entry("proportional", "proportional zu den Gesamtindex-Punkten", _proportional,
          short="Verteilung nach Punkten",
          title="Anteil proportional zu den Gesamtindex-Punkten (Bad Kreuznach 2021)"),
    Entry("proportional_children", "proportional zu Gesamtindex-Punkten × Kinderzahl", _proportional_children,
          short="Verteilung nach Punkten × Kinder", title="Anteil proportional zu Punkten × Kinderzahl"),
)


def compute_shares(points: np.ndarray, method: str = "proportional", children: np.ndarray | None = None) -> np.ndarray:
    """share_r = mass_r / Σ mass, mass from the named method (METHODS); refused if negative, not finite or Σ = 0."""
    if method not in METHODS:
        raise ParameterError(Problem("Unbekanntes Verteilungsverfahren.", value=method,
                                     expected=" oder ".join(METHODS)))
    mass = np.asarray(METHODS[method].fn(np.asarray(points, dtype=float), children), dtype=float)
    if np.any(mass < 0) or not np.all(np.isfinite(mass)):
        raise ParameterError(Problem("Negative oder ungültige Punkte können nicht verteilt werden."))
    total = mass.sum()
    if total <= 0:
        raise ParameterError(Problem("Alle Sozialräume haben 0 Punkte; eine Verteilung nach Punkten ist nicht "
                                     "möglich. Bitte mindestens einen aussagekräftigen Teilindex gewichten."))
    return mass / total
