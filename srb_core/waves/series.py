"""A series of survey waves: which datasets may be compared, and how Kitas are matched across them.

Two Konzeptionen are compatible when they name the same variables (column, sub-index, direction) in
the same order and the same sub-indices: then a standard score means the same thing in every wave.
Weights, k and budget may differ between waves; the comparison uses the newest wave's.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..data import KitaData
from ..errors import ParameterError, Problem
from ..konzeption.model import Konzeption


@dataclass(frozen=True, eq=False)
class Wave:
    """One survey wave: a label such as "T1" or "31.07.2022" and its checked Kita table."""

    label: str
    data: KitaData
    stichtag: str = ""  # ISO date, if known; only shown


def check_compatible(konzeptionen: list[Konzeption], labels: list[str] | None = None) -> None:
    """Raise ParameterError naming every difference that makes the waves incomparable."""
    if not konzeptionen:
        return
    labels = labels or [str(i + 1) for i in range(len(konzeptionen))]
    first = konzeptionen[0]
    problems = []
    for label, konz in zip(labels[1:], konzeptionen[1:], strict=True):
        if konz.sub_indices != first.sub_indices:
            problems.append(Problem("Die Teilindizes unterscheiden sich von der ersten Welle.", file=label,
                                    value=list(konz.sub_indices), expected=str(list(first.sub_indices))))
        mine = [(v.column, v.index, v.direction) for v in konz.variables]
        theirs = [(v.column, v.index, v.direction) for v in first.variables]
        if mine != theirs:
            missing = sorted({c for c, _, _ in theirs} - {c for c, _, _ in mine})
            extra = sorted({c for c, _, _ in mine} - {c for c, _, _ in theirs})
            detail = "; ".join(filter(None, [f"fehlt: {', '.join(missing)}" if missing else "",
                                             f"zusätzlich: {', '.join(extra)}" if extra else ""]))
            detail = f" ({detail})." if detail else " (Reihenfolge, Teilindex oder Richtung)."
            problems.append(Problem("Die Variablen (Spalte, Teilindex, Richtung) unterscheiden sich von der ersten "
                                    "Welle" + detail, file=label))
    if problems:
        raise ParameterError(problems, title="Die Wellen sind nicht vergleichbar: Ihre Konzeptionen passen nicht "
                                             "zueinander.")


def check_waves(waves: list[Wave], konzeption: Konzeption) -> None:
    """At least two waves, distinct labels, each wave fits the Konzeption; all problems at once in German."""
    problems = []
    if len(waves) < 2:
        problems.append(Problem("Für einen Vergleich braucht es mindestens zwei Wellen.", column="--kitas",
                                value=len(waves)))
    labels = [w.label for w in waves]
    for label in {x for x in labels if labels.count(x) > 1}:
        problems.append(Problem("Zwei Wellen tragen dieselbe Bezeichnung.", value=label))
    for w in waves:
        if w.data.columns != konzeption.columns:
            problems.append(Problem("Die Welle passt nicht zur Konzeption.", file=w.label))
    if problems:
        raise ParameterError(problems, title="Die Wellen können nicht verglichen werden.")


def union_ids(waves: list[Wave]) -> tuple[str, ...]:
    """Every kita_id of any wave, in order of first appearance: nobody is dropped."""
    return tuple(dict.fromkeys(k for w in waves for k in w.data.kita_ids))
