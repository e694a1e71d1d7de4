"""Step 1 of the method: `compute(data, konzeption, params)` → index, norm band, shares and euros (a Result)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .allocation import apportion_cents, compute_shares
from .data import KitaData
from .errors import ParameterError, Problem
from .index import Band, classify, membership, norm_band, overall, standard_scores, sub_indices
from .index.aggregate import AGGREGATION_METHODS
from .index.normband import bands_by_column
from .konzeption.model import AGGREGATIONS, Konzeption, Params
from .limits import K_ENGINE_MAX, MAX_BUDGET_CENTS
from .money import format_eur


@dataclass(frozen=True, eq=False)
class Result:
    """All numbers of one calculation; arrays are aligned to data.kita_ids / data.sozialraum_names."""

    konzeption: Konzeption
    params: Params
    data: KitaData
    scores: np.ndarray  # (Kitas × variables)
    minimum: np.ndarray
    maximum: np.ndarray
    constant: np.ndarray
    kita_sub: np.ndarray  # (Kitas × sub-indices)
    kita_overall: np.ndarray
    kita_band: Band
    kita_class: np.ndarray
    kita_sub_bands: tuple[Band, ...]
    kita_sub_class: np.ndarray
    sr_sub: np.ndarray  # (Sozialräume × sub-indices)
    sr_overall: np.ndarray
    sr_band: Band
    sr_class: np.ndarray
    sr_sub_bands: tuple[Band, ...]
    sr_sub_class: np.ndarray
    shares: np.ndarray
    euros_cents: np.ndarray | None

    @property
    def effective_weights(self) -> np.ndarray:
        """Each sub-index's effective weight, w_j / Σ w (see effective_weights)."""
        return effective_weights(self.params.weights)


def effective_weights(weights) -> np.ndarray:
    """What each sub-index counts in the Gesamtindex: w_j / Σ_k w_k (all zeros while Σ w = 0)."""
    w = np.asarray(weights, dtype=float)
    total = w.sum()
    return w / total if total > 0 else np.zeros_like(w)


def check_params(konzeption: Konzeption, params: Params, data: KitaData | None = None) -> None:
    """Refuse parameters the engine cannot use, all problems at once: one weight ≥ 0 per sub-index (not all 0), 0 ≤ k ≤
    K_ENGINE_MAX, ddof ∈ {0, 1}, a known aggregation, 0 ≤ budget ≤ MAX_BUDGET_CENTS."""
    problems = []
    w = params.weights
    if len(w) != len(konzeption.sub_indices):
        problems.append(Problem(f"Es braucht genau {len(konzeption.sub_indices)} Gewichte.", column="weights",
                                value=len(w)))
    elif any(not np.isfinite(x) or x < 0 for x in w):
        problems.append(Problem("Gewichte müssen Zahlen ≥ 0 sein.", column="weights", value=list(w)))
    elif not any(x > 0 for x in w):
        problems.append(Problem("Alle Gewichte sind 0; mindestens ein Teilindex muss zählen.", column="weights"))
    if not np.isfinite(params.k) or not 0 <= float(params.k) <= K_ENGINE_MAX:
        problems.append(Problem(f"Die Breite k des Normbereichs muss zwischen 0 und {K_ENGINE_MAX:g} liegen.",
                                column="k", value=params.k))
    if params.ddof not in (0, 1):
        problems.append(Problem("ddof muss 0 oder 1 sein.", column="ddof", value=params.ddof))
    if params.aggregation not in AGGREGATIONS:
        problems.append(Problem("Unbekannte Aggregation.", column="aggregation", value=params.aggregation))
    if params.budget_cents is not None and not 0 <= params.budget_cents <= MAX_BUDGET_CENTS:
        problems.append(Problem("Das Budget muss zwischen 0 € und 1 Billion € (10¹² €) liegen.", column="budget",
                                value=format_eur(params.budget_cents)))
    if data is not None and params.aggregation == "children_weighted" and data.children is None:
        problems.append(Problem("Für die Gewichtung nach Kinderzahl fehlt die Spalte „children“.", column="children"))
    if problems:
        raise ParameterError(problems, title="Die Parameter sind nicht zulässig.")


def compute(data: KitaData, konzeption: Konzeption, params: Params | None = None) -> Result:
    """Step 1: answers → standard scores → sub-indices → Gesamtindex (weighted mean) → norm bands (mean ± k·SD) and
    classes → Sozialraum values (aggregation) → shares (allocation) → cents (largest remainder)."""
    params = params or konzeption.default_params()
    check_params(konzeption, params, data)
    more = np.array([v.more_is_need for v in konzeption.variables])
    scored = standard_scores(data.values, more)
    groups = [konzeption.sub_indices.index(v.index) for v in konzeption.variables]
    sub = sub_indices(scored.scores, membership(groups, len(konzeption.sub_indices)))
    weights = np.asarray(params.weights, dtype=float)
    total = overall(sub, weights)

    kita_band = norm_band(total, params.k, params.ddof)
    kita_sub_bands = bands_by_column(sub, params.k, params.ddof)

    n_sr = len(data.sozialraum_names)
    aggregate = AGGREGATION_METHODS[params.aggregation].fn
    sr_both = aggregate(np.column_stack([sub, total]), data.sozialraum, n_sr, data.children)
    sr_sub, sr_total = sr_both[:, :-1], sr_both[:, -1]
    sr_band = norm_band(sr_total, params.k, params.ddof)
    sr_sub_bands = bands_by_column(sr_sub, params.k, params.ddof)

    children_sr = None
    if data.children is not None:
        children_sr = np.bincount(data.sozialraum, weights=data.children, minlength=n_sr)
    shares = compute_shares(sr_total, params.allocation, children_sr)
    euros = apportion_cents(params.budget_cents, shares) if params.budget_cents is not None else None

    return Result(
        konzeption=konzeption, params=params, data=data,
        scores=scored.scores, minimum=scored.minimum, maximum=scored.maximum, constant=scored.constant,
        kita_sub=sub, kita_overall=total, kita_band=kita_band, kita_class=classify(total, kita_band),
        kita_sub_bands=kita_sub_bands,
        kita_sub_class=np.column_stack([classify(sub[:, j], b) for j, b in enumerate(kita_sub_bands)]),
        sr_sub=sr_sub, sr_overall=sr_total, sr_band=sr_band, sr_class=classify(sr_total, sr_band),
        sr_sub_bands=sr_sub_bands,
        sr_sub_class=np.column_stack([classify(sr_sub[:, j], b) for j, b in enumerate(sr_sub_bands)]),
        shares=shares, euros_cents=euros,
    )
