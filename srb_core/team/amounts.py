"""One amount per Sozialraum, explained: step 1 (share × budget) next to step 2 (the Kitas' plan).

With the model "Sockelbetrag + Aufstockung" (Mayen-Koblenz) step 2 does not divide the step-1 amount of
an area but adds up the amounts of its eligible Kitas; the two then differ, and both are shown with
the reason in one sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..funding.model import Funding, Plan, Rule, Step2Model
from ..money import format_eur
from ..step1 import Result


@dataclass(frozen=True)
class AreaAmounts:
    """Per Sozialraum step-1 and step-2 amounts and, where they differ, the reason in one sentence."""

    step1_cents: tuple[int, ...]  # share × budget, per Sozialraum
    step2_cents: tuple[int, ...]  # the plan's budget of the Sozialraum
    base_cents: tuple[int, ...]  # base_plus_topup: Σ base amounts; otherwise = step2
    topup_cents: tuple[int, ...]  # base_plus_topup: Σ top-ups; otherwise 0
    reasons: tuple[str, ...]  # one sentence where the two differ, else ""
    summary: str = ""  # the reason for all areas in one sentence ("" if no area differs)

    def differs(self, r: int) -> bool:
        """True if step1_cents[r] ≠ step2_cents[r]."""
        return self.step1_cents[r] != self.step2_cents[r]

    @property
    def any_differs(self) -> bool:
        """True if step 2 gives any Sozialraum another amount than step 1."""
        return any(self.differs(r) for r in range(len(self.step1_cents)))


def area_amounts(result: Result, funding: Funding, plan: Plan) -> AreaAmounts | None:
    """Per area: step1 = result.euros_cents[r]; step2 = plan.sozialraum_budget[r]; for the model
    base_plus_topup, top-up = Σ over its Kitas of the configured top-up where it was paid
    (Kita amount of the first shared strand above the smallest base), base = step2 − top-up − requests.
    None without a budget."""
    if result.euros_cents is None:
        return None
    data = result.data
    m = len(data.sozialraum_names)
    step1 = [int(c) for c in result.euros_cents]
    step2 = [int(c) for c in plan.sozialraum_budget]
    cents = np.asarray(plan.cents, dtype=np.int64).reshape(data.n, len(plan.strands))
    topup = [0] * m
    paid_kitas = [0] * m
    if funding.step2.model == Step2Model.BASE_PLUS_TOPUP and funding.step2.topup_cents:
        s = next(k for k, strand in enumerate(funding.strands) if strand.rule != Rule.ON_REQUEST)
        paid = cents[:, s][cents[:, s] > 0]
        smallest = int(paid.min()) if paid.size else 0
        for i in range(data.n):
            paid_kitas[int(data.sozialraum[i])] += int(cents[i, s] > 0)
            if cents[i, s] >= smallest + funding.step2.topup_cents:
                topup[int(data.sozialraum[i])] += funding.step2.topup_cents
    base = [step2[r] - topup[r] for r in range(m)]
    reasons = []
    for r in range(m):
        if step1[r] == step2[r]:
            reasons.append("")
        elif funding.step2.model == Step2Model.BASE_PLUS_TOPUP:
            reasons.append(
                f"Schritt 2 verteilt nach dem Modell Sockelbetrag plus Aufstockung: Der Sozialraum erhält die "
                f"Summe für seine {paid_kitas[r]} förderfähigen Kitas (Sockelbeträge {format_eur(base[r])}"
                f" + Aufstockungen {format_eur(topup[r])} in Kommunen mit Mehrbedarf), nicht seinen Anteil "
                f"aus Schritt 1 ({format_eur(step1[r])}).")
        else:
            reasons.append(f"Schritt 2 rechnet mit einem anderen Budget als Schritt 1; der Sozialraum erhält "
                           f"{format_eur(step2[r])} statt {format_eur(step1[r])}.")
    summary = ""
    if any(reasons) and funding.step2.model == Step2Model.BASE_PLUS_TOPUP:
        summary = ("Schritt 2 verteilt nach dem Modell Sockelbetrag plus Aufstockung: Jeder Sozialraum erhält die "
                   "Summe für seine förderfähigen Kitas (Sockelbetrag je Kita, dazu "
                   f"{format_eur(funding.step2.topup_cents)} Aufstockung je Kita in Kommunen mit Mehrbedarf), "
                   "nicht seinen Anteil aus Schritt 1.")
    elif any(reasons):
        summary = "Schritt 2 rechnet mit einem anderen Budget als Schritt 1; deshalb weichen die Beträge ab."
    return AreaAmounts(tuple(step1), tuple(step2), tuple(base), tuple(topup), tuple(reasons), summary)
