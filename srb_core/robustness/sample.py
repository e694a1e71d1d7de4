"""The uncertain inputs of a run and the map from the unit cube to parameter values.

Monte Carlo and the Sobol analysis share this map: a row of independent U(0, 1) numbers, one per
input, becomes weights, k, SD, aggregation and rescaling. A fixed seed gives the same rows.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..data import KitaData
from ..konzeption.model import Konzeption, Params
from .model import AGGREGATION_CHOICES, DDOF_CHOICES, K_CHOICES, RESCALINGS, Settings

CHOICE_VALUES: dict[str, tuple] = {"k": K_CHOICES, "ddof": DDOF_CHOICES, "aggregation": AGGREGATION_CHOICES,
                                   "rescaling": RESCALINGS}
CHOICE_LABELS = {"k": "Breite k des Normbereichs", "ddof": "Standardabweichung (Stichprobe / Grundgesamtheit)",
                 "aggregation": "Sozialraumwert (Mittelwert / nach Kinderzahl)",
                 "rescaling": "Umrechnung (Min–Max / z-Wert / Rang)"}


@dataclass(frozen=True)
class Inputs:
    """The uncertain inputs in column order: one per used weight, then one per varied choice."""

    names: tuple[str, ...]  # for people: sub-index name or choice label
    keys: tuple[str, ...]  # "w:<sub-index>" or the choice's key
    weight_columns: tuple[int, ...]  # sub-index position of each weight input
    choices: tuple[str, ...]

    @property
    def d(self) -> int:
        """Number of varied inputs."""
        return len(self.keys)


@dataclass(frozen=True, eq=False)
class Draws:
    """The sampled variants: weights, k, ddof, aggregation and rescaling per row."""

    weights: np.ndarray  # (rows × sub-indices), 0 where the nominal weight is 0
    k: np.ndarray
    ddof: np.ndarray
    aggregation: np.ndarray  # codes into AGGREGATION_CHOICES
    rescaling: np.ndarray  # codes into RESCALINGS

    def rows(self, start: int, stop: int) -> Draws:
        """The variants start ≤ row < stop."""
        return Draws(self.weights[start:stop], self.k[start:stop], self.ddof[start:stop],
                     self.aggregation[start:stop], self.rescaling[start:stop])


def inputs_of(konzeption: Konzeption, params: Params, data: KitaData, settings: Settings) -> Inputs:
    """Weights count only where they are > 0; aggregation by children only if the data have children."""
    columns = tuple(g for g, w in enumerate(params.weights) if w > 0)
    vary_weights = settings.weights == "dirichlet" or settings.spread > 0
    weight_cols = columns if vary_weights and len(columns) > 1 else ()
    choices = tuple(c for c in CHOICE_VALUES if c in settings.vary
                    and not (c == "aggregation" and data.children is None))
    names = tuple(f"Gewicht {konzeption.sub_indices[g]}" for g in weight_cols) + tuple(CHOICE_LABELS[c]
                                                                                     for c in choices)
    keys = tuple(f"w:{konzeption.sub_indices[g]}" for g in weight_cols) + choices
    return Inputs(names, keys, weight_cols, choices)


def from_unit(u: np.ndarray, inputs: Inputs, params: Params, settings: Settings) -> Draws:
    """Rows of U(0, 1) → parameter values.

    Weight g: w_g · (1 + spread · (2u − 1)) for "uniform" (spread 0 leaves w_g exactly), or
    −ln(1 − u), an Exp(1) number, for "dirichlet": normalised, independent Exp(1) numbers are a flat
    Dirichlet draw. A choice with m alternatives takes alternative ⌊u·m⌋.
    """
    rows = len(u)
    nominal = np.asarray(params.weights, dtype=float)
    weights = np.repeat(nominal[None, :], rows, axis=0)
    for col, g in enumerate(inputs.weight_columns):
        if settings.weights == "dirichlet":
            weights[:, g] = -np.log1p(-u[:, col])
        else:
            weights[:, g] = nominal[g] * (1.0 + settings.spread * (2.0 * u[:, col] - 1.0))
    picked = {}
    for col, choice in enumerate(inputs.choices, start=len(inputs.weight_columns)):
        m = len(CHOICE_VALUES[choice])
        picked[choice] = np.minimum((u[:, col] * m).astype(int), m - 1)
    k = np.asarray(K_CHOICES)[picked["k"]] if "k" in picked else np.full(rows, float(params.k))
    ddof = np.asarray(DDOF_CHOICES)[picked["ddof"]] if "ddof" in picked else np.full(rows, int(params.ddof))
    aggregation = picked.get("aggregation", np.full(rows, AGGREGATION_CHOICES.index(params.aggregation)))
    rescaling = picked.get("rescaling", np.zeros(rows, dtype=int))
    return Draws(weights, k.astype(float), ddof.astype(int), aggregation.astype(int), rescaling.astype(int))


def monte_carlo(inputs: Inputs, params: Params, settings: Settings) -> Draws:
    """settings.draws rows from the seed; the same seed and settings give the same rows."""
    rng = np.random.default_rng(settings.seed)
    return from_unit(rng.random((settings.draws, inputs.d)), inputs, params, settings)
