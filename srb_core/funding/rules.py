"""Funding-strand rules evaluated per Kita, each with a reason a person can read."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..data import parse_number
from ..errors import ParameterError, Problem
from ..fmt import num
from ..index.normband import Band
from ..registry import Entry, registry
from ..step1 import Result
from .model import OVERALL, Choices, Funding, Rule, Strand

ELIGIBLE, EXCEPTION, NOT = "eligible", "exception", "not"
_TOL = 1e-9  # same tolerance as the norm band: on the bound is on the bound


@dataclass(frozen=True)
class Eligibility:
    """One strand's decision for every Kita: status, eligibility after the choices, and the reason in words."""

    strand: str
    status: tuple[str, ...]  # per Kita: eligible / exception (possible, not approved) / not
    eligible: tuple[bool, ...]  # after the Jugendamt's choices and approvals
    reasons: tuple[str, ...]


def index_values(result: Result, index: str) -> tuple[np.ndarray, Band]:
    """The Kitas' values of the Gesamtindex or of one sub-index, with that measure's norm band."""
    if index == OVERALL:
        return result.kita_overall, result.kita_band
    j = result.konzeption.sub_indices.index(index)
    return result.kita_sub[:, j], result.kita_sub_bands[j]


def indicator(result: Result, column: str) -> np.ndarray:
    """A yes/no column as booleans; anything but 0/1 is refused with row and value."""
    data = result.data
    if column in data.columns:
        raw = data.values[:, data.columns.index(column)]
    elif data.table is not None and column in data.table.columns:
        raw = np.array([np.nan if (v := parse_number(c)) is None else v for c in data.table[column]], dtype=float)
    else:
        raise ParameterError(Problem("Die Kita-Tabelle hat keine Spalte für diesen Indikator.", file=data.source,
                                     column=column, expected="Spalte mit 1 (trifft zu) oder 0"))
    bad = [i for i, v in enumerate(raw) if v not in (0.0, 1.0)]
    if bad:
        raise ParameterError([Problem("Ein Indikator muss 1 (trifft zu) oder 0 sein.", file=data.source,
                                      row=data.file_row(i), column=column, value=raw[i]) for i in bad])
    return raw == 1.0


def suggested_centres(result: Result) -> dict[str, str]:
    """Per Sozialraum the Kita nearest to the middle of its Kitas ("zentral gelegen"); without
    coordinates the one with the highest Gesamtindex. Only a suggestion: the Jugendamt chooses."""
    data = result.data
    out = {}
    for r, area in enumerate(data.sozialraum_names):
        members = np.flatnonzero(data.sozialraum == r)
        if data.lat is not None and data.lon is not None and not np.isnan(data.lat[members]).any():
            lat, lon = data.lat[members], data.lon[members]
            d = (lat - lat.mean()) ** 2 + ((lon - lon.mean()) * np.cos(np.radians(lat.mean()))) ** 2
            pick = members[int(np.argmin(d))]
        else:
            pick = members[int(np.argmax(result.kita_overall[members]))]
        out[area] = data.kita_ids[pick]
    return out


def strand_eligibility(result: Result, funding: Funding, choices: Choices | None = None) -> tuple[Eligibility, ...]:
    """Per strand, per Kita: eligible or not (and why), by the strand's rule kind (RULE_KINDS) and the choices."""
    choices = Choices() if choices is None else choices
    return tuple(_evaluate(result, strand, funding, choices) for strand in funding.strands)


def _label(result: Result, column: str) -> str:
    for var in result.konzeption.variables:
        if var.column == column:
            return var.title
    return column


def _index_at_least_lower(result: Result, strand: Strand, choices: Choices) -> Eligibility:
    """Eligible if the Kita's index ≥ lower bound of its norm band (mean − k·SD); on the bound counts."""
    values, band = index_values(result, strand.index)
    ok = values >= band.lower - _TOL
    reasons = [f"{strand.index} {num(v, 1)} {'≥' if o else '<'} unterer Normwert {num(band.lower, 1)}"
               for v, o in zip(values, ok, strict=True)]
    status = [ELIGIBLE if o else NOT for o in ok]
    return Eligibility(strand.key, tuple(status), tuple(bool(o) for o in ok), tuple(reasons))


def _index_above_mean(result: Result, strand: Strand, choices: Choices) -> Eligibility:
    """Eligible if index > mean; between lower bound and mean a justified exception the Jugendamt approves."""
    values, band = index_values(result, strand.index)
    approved = {k for s, k in choices.exceptions if s == strand.key}
    status, eligible, reasons = [], [], []
    for kita_id, v in zip(result.data.kita_ids, values, strict=True):
        if v > band.mean + _TOL:
            status.append(ELIGIBLE)
            eligible.append(True)
            reasons.append(f"{strand.index} {num(v, 1)} > Mittelwert {num(band.mean, 1)}")
        elif strand.exceptions_above_lower and v >= band.lower - _TOL:
            status.append(EXCEPTION)
            accepted = kita_id in approved
            eligible.append(accepted)
            reasons.append(f"{strand.index} {num(v, 1)} ≤ Mittelwert {num(band.mean, 1)}, aber ≥ unterer "
                           f"Normwert {num(band.lower, 1)}: begründete Ausnahme "
                           + ("anerkannt" if accepted else "möglich"))
        else:
            status.append(NOT)
            eligible.append(False)
            reasons.append(
                f"{strand.index} {num(v, 1)} ≤ Mittelwert {num(band.mean, 1)}"
                + (f" und < unterer Normwert {num(band.lower, 1)}" if strand.exceptions_above_lower else "")
            )
    return Eligibility(strand.key, tuple(status), tuple(eligible), tuple(reasons))


def _indicators(result: Result, strand: Strand, choices: Choices) -> Eligibility:
    """any_of: at least one yes/no indicator holds; all_of: every one holds."""
    flags = np.column_stack([indicator(result, c) for c in strand.columns])
    met = np.asarray(flags.any(axis=1) if strand.rule == Rule.ANY_OF else flags.all(axis=1))
    need = "mindestens einer von" if strand.rule == Rule.ANY_OF else "alle"
    reasons = []
    for row in flags:
        yes = [_label(result, c) for c, f in zip(strand.columns, row, strict=True) if f]
        no = [_label(result, c) for c, f in zip(strand.columns, row, strict=True) if not f]
        text = f"trifft zu: {'; '.join(yes)}" if yes else "kein Indikator trifft zu"
        if no and yes:
            text += f" (nicht: {'; '.join(no)})"
        reasons.append(f"{text} – nötig: {need} {len(strand.columns)}")
    return Eligibility(strand.key, tuple(ELIGIBLE if o else NOT for o in met), tuple(bool(o) for o in met),
                       tuple(reasons))


def _one_per_sozialraum(result: Result, strand: Strand, choices: Choices) -> Eligibility:
    """One centre per Sozialraum: the Jugendamt's choice, else the suggestion (the Kita nearest the middle)."""
    data = result.data
    chosen = dict(suggested_centres(result))
    by_hand = set()
    for s, kita_id in choices.centres:
        if s != strand.key:
            continue
        if kita_id not in data.kita_ids:
            raise ParameterError(Problem("Unbekannte Kita als Zentrum gewählt.", column=strand.key, value=kita_id))
        area = data.sozialraum_names[data.sozialraum[data.row_of(kita_id)]]
        chosen[area] = kita_id
        by_hand.add(kita_id)
    picked = set(chosen.values())
    status, reasons = [], []
    for kita_id in data.kita_ids:
        if kita_id in picked:
            status.append(ELIGIBLE)
            reasons.append("ausgewählt als Zentrum des Sozialraums"
                           + (" (Entscheidung des Jugendamts)" if kita_id in by_hand else
                              " (Vorschlag: zentral gelegen, bitte bestätigen)"))
        else:
            status.append(NOT)
            reasons.append("nicht ausgewählt (ein Zentrum je Sozialraum)")
    return Eligibility(strand.key, tuple(status), tuple(s == ELIGIBLE for s in status), tuple(reasons))


def _on_request(result: Result, strand: Strand, choices: Choices) -> Eligibility:
    """Eligible with a provider's request; the requests together stay within the Jugendamt's cap in FTE."""
    kita_ids = result.data.kita_ids
    requested = requests_of(strand, choices, kita_ids)
    total = sum(requested.values(), Fraction(0))
    if strand.cap_fte is not None and total > strand.cap_fte:
        raise ParameterError(Problem(
            f"Für „{strand.label}“ sind {num(float(total), 2)} VZÄ beantragt; die Obergrenze des Jugendamts ist "
            f"{num(float(strand.cap_fte), 2)} VZÄ.", column=strand.key, value=num(float(total), 2),
            expected=f"höchstens {num(float(strand.cap_fte), 2)} VZÄ insgesamt"))
    status = [ELIGIBLE if requested.get(k, 0) > 0 else NOT for k in kita_ids]
    reasons = [f"Antrag des Trägers: {num(float(requested[k]), 2)} VZÄ" if requested.get(k, 0) > 0 else "kein Antrag"
               for k in kita_ids]
    return Eligibility(strand.key, tuple(status), tuple(s == ELIGIBLE for s in status), tuple(reasons))


Decide = Callable[[Result, Strand, Choices], Eligibility]
# The rule kinds: key → German label and how it decides; exactly model.Rule, which the Konzeption loader accepts.
_DECIDE: tuple[tuple[Rule, Decide], ...] = (
    (Rule.INDEX_AT_LEAST_LOWER, _index_at_least_lower),
    (Rule.INDEX_ABOVE_MEAN, _index_above_mean),
    (Rule.ANY_OF, _indicators),
    (Rule.ALL_OF, _indicators),
    (Rule.ONE_PER_SOZIALRAUM, _one_per_sozialraum),
    (Rule.ON_REQUEST, _on_request),
)
RULE_KINDS: Mapping[str, Entry[Decide]] = registry(*[Entry(rule.value, rule.label, fn) for rule, fn in _DECIDE])
DECIDERS = {key: entry.fn for key, entry in RULE_KINDS.items()}  # rule key → function, for existing callers


def _evaluate(result: Result, strand: Strand, funding: Funding, choices: Choices) -> Eligibility:
    return RULE_KINDS[strand.rule].fn(result, strand, choices)


def requests_of(strand: Strand, choices: Choices, kita_ids: tuple[str, ...]) -> dict[str, Fraction]:
    """FTE requested per Kita for this strand (several requests add up); unknown Kitas and negative FTE refused."""
    out: dict[str, Fraction] = {}
    for s, kita_id, fte in choices.requests:
        if s != strand.key:
            continue
        if kita_id not in kita_ids:
            raise ParameterError(Problem("Antrag für eine unbekannte Kita.", column=strand.key, value=kita_id))
        if fte < 0:
            raise ParameterError(Problem("Beantragte Stellen können nicht negativ sein.", column=strand.key,
                                         value=float(fte)))
        out[kita_id] = out.get(kita_id, Fraction(0)) + Fraction(fte)
    return out
