"""How close each Kita is to a decision: distances to every bound in points and the "knapp" flag.

A decision is "knapp" (borderline) when the value lies within `margin` points of the bound that
decides it, on either side: |value − bound| ≤ margin. Exactly on the margin counts as knapp.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..funding.model import INDEX_RULES, Funding, Rule
from ..funding.rules import Eligibility, index_values
from ..step1 import Result

DEFAULT_MARGIN = 1.0
_TOL = 1e-9  # float dust from different summation orders must not decide "knapp"


def is_knapp(distance: float, margin: float = DEFAULT_MARGIN) -> bool:
    """|distance| ≤ margin (with a tolerance of 1e-9 points, so exactly on the margin is knapp)."""
    return bool(abs(distance) <= margin + _TOL)


@dataclass(frozen=True)
class StrandDecision:
    """One strand's decision for a Kita: eligible, reason, signed distances to the deciding bounds, knapp."""

    strand: str  # key
    label: str
    eligible: bool
    status: str  # eligible / exception / not (funding.rules)
    reason: str
    bounds: tuple[tuple[str, float], ...]  # (name of the bound, value − bound in points); empty without index
    knapp: bool


@dataclass(frozen=True)
class KitaDecision:
    """One Kita's decisions with their distance to each bound and whether any is 'knapp' (within the margin)."""

    row: int
    overall: float
    to_lower: float  # Gesamtindex − lower bound of the Kitas' norm band
    to_upper: float  # Gesamtindex − upper bound
    band_knapp: bool  # the Kita's band (below / within / above) would change within the margin
    strands: tuple[StrandDecision, ...]

    @property
    def knapp(self) -> bool:
        """True if the band class or any strand decision could flip within the margin."""
        return self.band_knapp or any(s.knapp for s in self.strands)


def _bounds(result: Result, strand, i: int) -> tuple[tuple[str, float], ...]:
    """The bounds that decide this strand's rule for Kita i, as signed distances in points."""
    if strand.rule not in INDEX_RULES:
        return ()
    values, band = index_values(result, strand.index)
    v = float(values[i])
    if strand.rule == Rule.INDEX_AT_LEAST_LOWER:
        return ((f"zur unteren Grenze ({strand.index})", v - band.lower),)
    out = [(f"zum Mittelwert ({strand.index})", v - band.mean)]
    if strand.exceptions_above_lower:
        out.append((f"zur unteren Grenze ({strand.index})", v - band.lower))
    return tuple(out)


def kita_decisions(result: Result, rows: tuple[int, ...] | list[int], funding: Funding | None = None,
                   eligibility: tuple[Eligibility, ...] = (), margin: float = DEFAULT_MARGIN) -> list[KitaDecision]:
    """Per Kita (rows of result.data): distances to the Kitas' norm band bounds, and per funding strand
    eligible yes/no with its reason and the distance to each bound of its rule; knapp as in is_knapp."""
    band = result.kita_band
    out = []
    for i in rows:
        v = float(result.kita_overall[i])
        lower, upper = v - band.lower, v - band.upper
        strands = []
        if funding is not None:
            for strand, e in zip(funding.strands, eligibility, strict=False):
                bounds = _bounds(result, strand, i)
                strands.append(StrandDecision(strand.key, strand.label, bool(e.eligible[i]), e.status[i], e.reasons[i],
                                              bounds, any(is_knapp(d, margin) for _, d in bounds)))
        out.append(KitaDecision(int(i), v, lower, upper, is_knapp(lower, margin) or is_knapp(upper, margin),
                                tuple(strands)))
    return out


