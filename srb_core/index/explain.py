"""The calculation path of one Kita, as data: what a committee member asks when a number surprises."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ParameterError, Problem
from ..fmt import num
from .normband import BandClass

if TYPE_CHECKING:  # a type only: srb_core.step1 imports srb_core.index, never the other way at run time
    from ..step1 import Result


@dataclass(frozen=True)
class VariableStep:
    """One answer of a Kita and its standard score: 100·(x − min)/(max − min), reversed where less is need."""

    column: str
    label: str
    sub_index: str
    raw: float | None
    minimum: float
    maximum: float
    more_is_need: bool
    constant: bool
    score: float | None
    formula: str


@dataclass(frozen=True)
class SubIndexStep:
    """One sub-index of a Kita: value = mean of its present scores, weight, effective weight, class, formula."""

    name: str
    value: float
    n_present: int
    n_variables: int
    weight: float
    effective_weight: float
    band_class: str
    formula: str


@dataclass(frozen=True)
class KitaPath:
    """Every number of one Kita from the answer to the norm band, with the formulas in words."""

    kita_id: str
    name: str
    sozialraum: str
    variables: tuple[VariableStep, ...]
    sub_indices: tuple[SubIndexStep, ...]
    overall: float
    overall_formula: str
    band_mean: float
    band_lower: float
    band_upper: float
    band_class: str
    band_text: str


def explain_kita(result: Result, kita_id: str) -> KitaPath:
    """The Rechenweg of one Kita: scores, sub-indices, Gesamtindex = Σ e_j·sub_j, band and class, with formulas."""
    data, konz = result.data, result.konzeption
    if kita_id not in data.kita_ids:
        raise ParameterError(Problem("Unbekannte Kita.", column="kita_id", value=kita_id))
    i = data.row_of(kita_id)
    steps = []
    for j, var in enumerate(konz.variables):
        raw = data.values[i, j]
        lo, hi = float(result.minimum[j]), float(result.maximum[j])
        score = result.scores[i, j]
        if np.isnan(raw):
            formula = "keine Angabe – zählt im Teilindex nicht mit"
        elif result.constant[j]:
            formula = f"alle Kitas haben {num(raw, 2)} → keine Information → 0 Punkte"
        elif var.more_is_need:
            formula = f"({num(raw, 2)} − {num(lo, 2)}) ÷ ({num(hi, 2)} − {num(lo, 2)}) × 100 = {num(score, 1)}"
        else:
            formula = (f"100 − ({num(raw, 2)} − {num(lo, 2)}) ÷ ({num(hi, 2)} − {num(lo, 2)}) × 100 = {num(score, 1)}"
                       "  (höherer Wert = weniger Bedarf)")
        steps.append(VariableStep(var.column, var.title, var.index, None if np.isnan(raw) else float(raw), lo, hi,
                                  var.more_is_need, bool(result.constant[j]),
                                  None if np.isnan(score) else float(score), formula))
    eff = result.effective_weights
    subs = []
    for g, name in enumerate(konz.sub_indices):
        own = [s for s in steps if s.sub_index == name and s.score is not None]
        n_vars = sum(1 for s in steps if s.sub_index == name)
        formula = f"({' + '.join(num(s.score, 1) for s in own)}) ÷ {len(own)} = {num(result.kita_sub[i, g], 1)}"
        subs.append(SubIndexStep(name, float(result.kita_sub[i, g]), len(own), n_vars,
                                 float(result.params.weights[g]), float(eff[g]),
                                 BandClass.of(result.kita_sub_class[i, g]).key, formula))
    used = [s for s in subs if s.weight > 0]
    overall_formula = " + ".join(f"{num(s.effective_weight * 100, 1)} % × {num(s.value, 1)}" for s in used)
    overall_formula += f" = {num(result.kita_overall[i], 1)}"
    band = result.kita_band
    cls = BandClass.of(result.kita_class[i])
    value = float(result.kita_overall[i])
    if cls is BandClass.ABOVE:
        text = f"{num(value, 1)} liegt über der oberen Grenze {num(band.upper, 1)}"
    elif cls is BandClass.BELOW:
        text = f"{num(value, 1)} liegt unter der unteren Grenze {num(band.lower, 1)}"
    else:
        text = f"{num(value, 1)} liegt zwischen {num(band.lower, 1)} und {num(band.upper, 1)}"
    text += (f" (Normbereich = Mittelwert {num(band.mean, 1)} ± {num(band.k, 2)} × Standardabweichung "
             f"{num(band.sd, 1)}) → {cls.long_label}")
    return KitaPath(data.kita_ids[i], data.names[i], data.sozialraum_names[data.sozialraum[i]], tuple(steps),
                    tuple(subs), value, overall_formula, band.mean, band.lower, band.upper, cls.key, text)
