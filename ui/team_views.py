"""The Sozialraum page's tables: comparison, the area's path, decisions with distances (formatting only;
every number and rule comes from srb_core.team)."""
from __future__ import annotations

import pandas as pd

from srb_core import Result
from srb_core.fmt import num, pct, points_change
from srb_core.funding.rules import EXCEPTION
from srb_core.index.normband import BandClass
from srb_core.privacy import display_names
from srb_core.team import AreaAmounts, AreaComparison, AreaPath, KitaDecision

from . import state
from . import texts as T
from .escape import md  # noqa: F401 - the one Markdown escape; app_pages/sozialraum.py uses team_views.md
from .views import NBSP, eur, eur_change, signed


def _value(kind: str, v: float) -> str:
    if kind == "share":
        return pct(v, 2).replace(" ", NBSP)
    if kind == "cents":
        return eur(int(round(v)))
    return num(v, 1)


def _delta(kind: str, v: float) -> str:
    if kind == "share":
        return signed(v * 100, 2, " Prozentpunkte")
    if kind == "cents":
        return eur_change(int(round(v)))  # a difference of whole cents
    return points_change(v) + " Punkte"


def comparison_table(c: AreaComparison, first: str, other: str) -> pd.DataFrame:
    rows = [{T.SR_COL_WHAT: T.SR_ROW_RANK.format(n=c.n_areas), first: str(c.rank_first), other: str(c.rank_second),
             T.SR_COL_AVG: "–", T.SR_COL_DIFF: "–"}]
    for label, kind, a, b, avg, d in zip(c.labels, c.kinds, c.first, c.second, c.average, c.delta, strict=True):
        rows.append({T.SR_COL_WHAT: label, first: _value(kind, a), other: _value(kind, b),
                     T.SR_COL_AVG: _value(kind, avg), T.SR_COL_DIFF: _delta(kind, d)})
    if first == other:  # the same area twice: pandas would merge the columns
        for row in rows:
            row.pop(other, None)
    return pd.DataFrame(rows).set_index(T.SR_COL_WHAT)


def path_kitas_table(res: Result, path: AreaPath, anonymised: bool) -> pd.DataFrame:
    labels = display_names(res.data, anonymised, state.pseudonym_key())
    rows = []
    for i in path.kita_rows:
        row = {T.COL_KITA: labels[i]}
        for j, name in enumerate(res.konzeption.sub_indices):
            row[name] = num(float(res.kita_sub[i, j]), 1)
        row[T.COL_OVERALL] = num(float(res.kita_overall[i]), 1)
        rows.append(row)
    mean = {T.COL_KITA: "Mittelwert = Sozialraum"}
    for name, value, _ in path.sub_formulas:
        mean[name] = num(value, 1)
    mean[T.COL_OVERALL] = num(path.overall, 1)
    return pd.DataFrame(rows + [mean]).set_index(T.COL_KITA)


def band_table(res: Result, decisions: list[KitaDecision], anonymised: bool) -> pd.DataFrame:
    labels = display_names(res.data, anonymised, state.pseudonym_key())
    return pd.DataFrame([{
        T.COL_KITA: labels[d.row], T.COL_OVERALL: num(d.overall, 1),
        T.OV_BAND_LEVEL: BandClass.of(res.kita_class[d.row]).label,
        T.COL_TO_LOWER: signed(d.to_lower, 1, ""), T.COL_TO_UPPER: signed(d.to_upper, 1, ""),
        T.SR_COL_KNAPP: T.KNAPP if d.band_knapp else "",
    } for d in decisions]).set_index(T.COL_KITA)


def strand_table(res: Result, decisions: list[KitaDecision], anonymised: bool) -> pd.DataFrame:
    labels = display_names(res.data, anonymised, state.pseudonym_key())
    rows = []
    for d in decisions:
        for s in d.strands:
            eligible = T.ELIGIBLE_TEXT_APPROVED if s.eligible and s.status == EXCEPTION else (
                T.ELIGIBLE_TEXT["eligible"] if s.eligible else T.ELIGIBLE_TEXT[s.status])
            distance = "; ".join(f"{signed(x, 1, '')} {name}" for name, x in s.bounds) or "–"
            rows.append({T.COL_KITA: labels[d.row], T.BU_COL_STRAND: s.label, T.SR_COL_ELIGIBLE: eligible,
                         T.BU_COL_REASON: s.reason, T.SR_COL_DISTANCE: distance,
                         T.SR_COL_KNAPP: T.KNAPP if s.knapp else ""})
    return pd.DataFrame(rows).set_index(T.COL_KITA)


def two_amounts_lines(res: Result, amounts: AreaAmounts | None, only: int | None = None) -> list[str]:
    """One line per area whose step-2 amount differs from step 1, with the reason (for st.info)."""
    if amounts is None:
        return []
    areas = range(len(amounts.step1_cents)) if only is None else [only]
    return [T.SR_TWO_AMOUNTS.format(area=md(res.data.sozialraum_names[r]), step1=md(eur(amounts.step1_cents[r])),
                                    step2=md(eur(amounts.step2_cents[r])), reason=md(amounts.reasons[r]))
            for r in areas if amounts.differs(r)]
