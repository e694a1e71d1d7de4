"""A Sozialraum among the others: its rank, a side-by-side comparison, and its own calculation path."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import ParameterError, Problem
from ..fmt import num, pct
from ..index.normband import BandClass
from ..money import format_eur
from ..step1 import Result

_TOL = 1e-9  # values this close count as equal: they share a rank


def ranks(values: np.ndarray) -> np.ndarray:
    """Competition ranking, highest value first: rank = 1 + number of values greater than this one
    (ties share the better rank, the next rank is skipped: 1, 2, 2, 4)."""
    v = np.asarray(values, dtype=float)
    return np.array([1 + int(np.sum(v > x + _TOL)) for x in v], dtype=int)


def _row_of(result: Result, area: str) -> int:
    names = list(result.data.sozialraum_names)
    if area not in names:
        raise ParameterError(Problem("Unbekannter Sozialraum.", column="sozialraum", value=area,
                                     expected=", ".join(names)))
    return names.index(area)


@dataclass(frozen=True)
class AreaComparison:
    """Rows: each sub-index, then Gesamtindex, share and euros (step 1). `average` is the mean over all
    Sozialräume (for the share 1/m, for euros budget/m); `delta` = first − second."""

    labels: tuple[str, ...]
    first: tuple[float, ...]
    second: tuple[float, ...]
    average: tuple[float, ...]
    delta: tuple[float, ...]
    kinds: tuple[str, ...]  # "points", "share" or "cents": how each row is formatted
    rank_first: int
    rank_second: int
    n_areas: int


def compare_areas(result: Result, first: str, second: str) -> AreaComparison:
    """Area `first` next to area `second` and the average of all Sozialräume, row by row."""
    a, b = _row_of(result, first), _row_of(result, second)
    m = len(result.data.sozialraum_names)
    labels = list(result.konzeption.sub_indices) + ["Gesamtindex", "Anteil am Budget"]
    kinds = ["points"] * (len(labels) - 1) + ["share"]
    columns = [result.sr_sub[:, j] for j in range(result.sr_sub.shape[1])]
    columns += [result.sr_overall, result.shares]
    if result.euros_cents is not None:
        labels.append("Betrag Schritt 1")
        kinds.append("cents")
        columns.append(result.euros_cents.astype(float))
    rank = ranks(result.sr_overall)
    return AreaComparison(
        tuple(labels), tuple(float(c[a]) for c in columns), tuple(float(c[b]) for c in columns),
        tuple(float(np.mean(c)) for c in columns), tuple(float(c[a] - c[b]) for c in columns), tuple(kinds),
        int(rank[a]), int(rank[b]), m)


@dataclass(frozen=True)
class AreaPath:
    """The area's own way from its Kitas' values to euros (as the page "Rechenweg" shows it for a Kita)."""

    area: str
    kita_rows: tuple[int, ...]  # rows into result.data
    sub_formulas: tuple[tuple[str, float, str], ...]  # (sub-index, area value, formula)
    overall: float
    overall_formula: str
    band_text: str
    share: float
    share_formula: str
    euros_cents: int | None
    euro_formula: str
    rank: int
    n_areas: int


def _mean_formula(values: list[float], weights: list[float] | None, result_value: float) -> str:
    if weights is None:
        return f"({' + '.join(num(v, 1) for v in values)}) ÷ {len(values)} = {num(result_value, 1)}"
    parts = " + ".join(f"{num(w, 0)} × {num(v, 1)}" for v, w in zip(values, weights, strict=True))
    return f"({parts}) ÷ {num(sum(weights), 0)} Kinder = {num(result_value, 1)}"


def area_path(result: Result, area: str) -> AreaPath:
    """Sub-index of the area = mean of its Kitas' sub-index values (weighted by children if the
    Konzeption says so; a Kita without a value does not count); Gesamtindex = Σ effective weight ×
    sub-index; share = points ÷ Σ points of all areas (× children for that method); euros = share ×
    budget, rounded to the cent by largest remainder."""
    r = _row_of(result, area)
    data = result.data
    rows = tuple(int(i) for i in np.flatnonzero(data.sozialraum == r))
    weighted = result.params.aggregation == "children_weighted" and data.children is not None
    subs = []
    for j, name in enumerate(result.konzeption.sub_indices):
        present = [i for i in rows if not np.isnan(result.kita_sub[i, j])]
        values = [float(result.kita_sub[i, j]) for i in present]
        weights = [float(data.children[i]) for i in present] if weighted and data.children is not None else None
        subs.append((name, float(result.sr_sub[r, j]), _mean_formula(values, weights, float(result.sr_sub[r, j]))))
    eff = result.effective_weights
    overall = float(result.sr_overall[r])
    overall_formula = " + ".join(f"{num(e * 100, 1)} % × {num(v, 1)}" for (_, v, _), e in zip(subs, eff, strict=True)
                                 if e > 0) + f" = {num(overall, 1)}"
    band = result.sr_band
    where = BandClass.of(result.sr_class[r]).position
    band_text = (f"{num(overall, 1)} liegt {where} des Normbereichs der Sozialräume ({num(band.lower, 1)} bis "
                 f"{num(band.upper, 1)}, Mittelwert {num(band.mean, 1)} ± {num(band.k, 2)} × Standardabweichung "
                 f"{num(band.sd, 1)}).")
    total = float(np.sum(result.sr_overall))
    share = float(result.shares[r])
    if result.params.allocation == "proportional":
        share_formula = f"{num(overall, 1)} ÷ {num(total, 1)} Punkte aller Sozialräume = {pct(share, 2)}"
    else:
        share_formula = f"Punkte × Kinderzahl ÷ Summe aller Sozialräume = {pct(share, 2)}"
    cents = None if result.euros_cents is None else int(result.euros_cents[r])
    euro_formula = "" if cents is None or result.params.budget_cents is None else (
        f"{pct(share, 2)} × {format_eur(result.params.budget_cents)} = {format_eur(cents)} "
        "(auf den Cent gerundet, sodass die Summe genau das Budget ist)")
    rank = int(ranks(result.sr_overall)[r])
    return AreaPath(area, rows, tuple(subs), overall, overall_formula, band_text, share, share_formula, cents,
                    euro_formula, rank, len(data.sozialraum_names))
