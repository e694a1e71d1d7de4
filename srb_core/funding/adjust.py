"""Manual changes to the proposal: every change needs a reason; broken totals are flagged, not accepted."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..data import KitaData
from ..money import format_eur
from .model import Adjustment, Plan


@dataclass(frozen=True)
class Adjusted:
    """A plan after the Jugendamt's changes by hand, with what changed and any problem that blocks it."""

    plan: Plan
    problems: tuple[str, ...]
    changed: tuple[tuple[str, str, int, int, str], ...]  # (kita_id, strand, computed, adjusted, reason)

    @property
    def accepted(self) -> bool:
        """True if no adjustment broke a rule (the adjusted plan may be used)."""
        return not self.problems


def apply_adjustments(plan: Plan, adjustments: tuple[Adjustment, ...], data: KitaData) -> Adjusted:
    """Set cents per (Kita, strand) by hand, each change with a reason; Σ per Sozialraum (with its unallocated
    cents) must still equal its budget; unknown Kitas/strands, negative amounts and missing reasons are problems."""
    cents = np.array(plan.cents, dtype=np.int64)
    problems, changed = [], []
    for adj in adjustments:
        if adj.kita_id not in plan.kita_ids or adj.strand not in plan.strands:
            problems.append(f"Änderung für unbekannte Kita oder unbekannten Förderstrang: {adj.kita_id}/{adj.strand}.")
            continue
        i, s = plan.kita_ids.index(adj.kita_id), plan.strands.index(adj.strand)
        before = int(cents[i, s])
        if adj.cents == before:
            continue
        if adj.cents < 0:
            problems.append(f"{adj.kita_id}, {adj.strand}: ein Betrag kann nicht negativ sein.")
        if not adj.reason.strip():
            problems.append(f"{adj.kita_id}, {adj.strand}: Änderung von {format_eur(before)} auf "
                            f"{format_eur(adj.cents)} ohne Begründung.")
        cents[i, s] = adj.cents
        changed.append((adj.kita_id, adj.strand, before, adj.cents, adj.reason.strip()))
    for r, area in enumerate(data.sozialraum_names):
        members = np.flatnonzero(data.sozialraum == r)
        total = int(cents[members].sum()) + plan.unallocated[r]
        diff = total - plan.sozialraum_budget[r]
        if diff:
            problems.append(f"Sozialraum „{area}“: Die Summe {format_eur(total)} weicht um "
                            f"{'+' if diff > 0 else '−'}{format_eur(abs(diff))} von seinem Budget "
                            f"{format_eur(plan.sozialraum_budget[r])} ab.")
    new = replace(plan, cents=tuple(tuple(int(c) for c in row) for row in cents))
    return Adjusted(new, tuple(problems), tuple(changed))
