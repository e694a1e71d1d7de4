"""One Kita's yearly report as data: its indicators this year and last, money and posts over the years.

Indicators are context for the Kita's own development: the report shows no rank, no comparison
with other Kitas and no mean of other Kitas; Sozialraum indicators are shown as the area's context.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..data import KitaData
from ..errors import ParameterError, Problem
from ..privacy import pseudonyms
from .values import YearlyValues


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of a Kita's report: value this year, the previous year's, and which direction is better."""

    label: str
    unit: str
    level: str
    value: float | None
    previous: float | None
    higher_is_better: bool | None

    @property
    def change(self) -> float | None:
        """value − previous; None if either is missing."""
        return None if self.value is None or self.previous is None else self.value - self.previous


@dataclass(frozen=True)
class MoneyYear:
    """One year of a Kita's SRB money: allocated and spent cents, funded and filled FTE."""

    year: int
    allocated_cents: int | None
    spent_cents: int | None
    funded_fte: float | None
    filled_fte: float | None

    @property
    def unused_cents(self) -> int | None:
        """allocated − spent; None if either is missing."""
        if self.allocated_cents is None or self.spent_cents is None:
            return None
        return self.allocated_cents - self.spent_cents

    @property
    def use_share(self) -> float | None:
        """Spent ÷ allocated (None without an allocation)."""
        if not self.allocated_cents or self.spent_cents is None:
            return None
        return self.spent_cents / self.allocated_cents

    @property
    def vacant_fte(self) -> float | None:
        """funded − filled FTE (4 decimals); None if either is missing."""
        if self.funded_fte is None or self.filled_fte is None:
            return None
        return round(self.funded_fte - self.filled_fte, 4)


@dataclass(frozen=True)
class KitaReport:
    """A Kita's yearly report: indicators with their change and the money of every reported year."""

    kita_id: str  # the neutral code when anonymised
    name: str
    sozialraum: str
    year: int
    previous_year: int | None
    indicators: tuple[IndicatorLine, ...]
    money: tuple[MoneyYear, ...]  # every reported year up to `year`, oldest first
    demo: bool
    anonymised: bool
    dataset: str


def _value(frame: pd.DataFrame, mask, column: str) -> float | None:
    rows = frame.loc[mask, column]
    if rows.empty or rows.isna().all():
        return None
    value = rows.iloc[0]
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def kita_report(values: YearlyValues, data: KitaData, kita_id: str, year: int, anonymised: bool = False,
                demo: bool = False, dataset: str = "", pseudonym_key: bytes | None = None) -> KitaReport:
    """Build one Kita's report for a year from the yearly values; unknown Kita or year is a German ParameterError."""
    if kita_id not in data.kita_ids:
        raise ParameterError(Problem("Diese Kita steht nicht in der Kita-Tabelle.", column="--kita", value=kita_id))
    if year not in values.years:
        raise ParameterError(Problem("Für dieses Jahr gibt es keine Jahreswerte.", column="--year", value=year,
                                     expected=", ".join(map(str, values.years)) or "ein Jahr aus der Tabelle"))
    i = data.row_of(kita_id)
    area = data.sozialraum_names[data.sozialraum[i]]
    earlier = [y for y in values.years if y < year]
    previous = earlier[-1] if earlier else None
    k, s = values.kita, values.sozialraum
    lines = []
    for ind in values.indicators:
        frame, key = (k, k["kita_id"] == kita_id) if ind.level == "kita" else (s, s["sozialraum"] == area)
        now = _value(frame, key & (frame["jahr"] == year), ind.key)
        before = _value(frame, key & (frame["jahr"] == previous), ind.key) if previous is not None else None
        lines.append(IndicatorLine(ind.label, ind.unit, ind.level, now, before, ind.higher_is_better))
    money = []
    for y in [y for y in values.years if y <= year]:
        mask = (k["kita_id"] == kita_id) & (k["jahr"] == y)
        allocated, spent = _value(k, mask, "zugewiesen_cents"), _value(k, mask, "verausgabt_cents")
        money.append(MoneyYear(y, None if allocated is None else int(allocated), None if spent is None else int(spent),
                               _value(k, mask, "vza_gefoerdert"), _value(k, mask, "vza_besetzt")))
    code = pseudonyms(data, pseudonym_key)[kita_id]
    return KitaReport(code if anonymised else kita_id, code if anonymised else data.names[i], area, year, previous,
                      tuple(lines), tuple(money), demo, anonymised, dataset)


def budget_use(values: YearlyValues, data: KitaData, year: int) -> pd.DataFrame:
    """Per Sozialraum in `year`: allocated, spent, unused (cents) and FTE funded/filled/vacant, from the
    Kitas' rows (sums over the Kitas that reported)."""
    k = values.kita[values.kita["jahr"] == year]
    area_of = {kid: data.sozialraum_names[data.sozialraum[i]] for i, kid in enumerate(data.kita_ids)}
    frame = k.assign(sozialraum=[area_of[x] for x in k["kita_id"]])
    out = frame.groupby("sozialraum", sort=False).agg(
        zugewiesen_cents=("zugewiesen_cents", "sum"), verausgabt_cents=("verausgabt_cents", "sum"),
        vza_gefoerdert=("vza_gefoerdert", "sum"), vza_besetzt=("vza_besetzt", "sum"))
    out = out.reindex([s for s in data.sozialraum_names if s in out.index])
    out["ungenutzt_cents"] = out["zugewiesen_cents"] - out["verausgabt_cents"]
    out["vza_offen"] = (out["vza_gefoerdert"] - out["vza_besetzt"]).round(4)
    return out.reset_index()


def unused_what_if(use: pd.DataFrame) -> pd.DataFrame:
    """What-if: the funds not spent in the year are pooled and handed out again by each Sozialraum's
    share of the allocation (to the cent, largest remainder). Adds `umverteilt_cents`: what each
    Sozialraum would receive from the pool."""
    from ..allocation import apportion_cents

    out = use.copy()
    allocated = out["zugewiesen_cents"].astype("int64").to_numpy()
    pool = int(out["ungenutzt_cents"].clip(lower=0).sum())
    total = allocated.sum()
    shares = allocated / total if total > 0 else allocated * 0.0
    out["umverteilt_cents"] = apportion_cents(pool, shares) if pool and total > 0 else 0
    return out
