"""What a scenario changes against the Beschluss, in one line: "Soziale Lage × 2 · k = 0,5 · Budget unverändert"."""
from __future__ import annotations

from fractions import Fraction

from ..allocation.shares import METHODS
from ..funding.model import Funding
from ..index.aggregate import AGGREGATION_METHODS
from ..konzeption import Konzeption
from ..money import format_eur
from .model import Scenario

SEP = " · "
AGGREGATION_SHORT = {k: e.short_label for k, e in AGGREGATION_METHODS.items()}
ALLOCATION_SHORT = {k: e.short_label for k, e in METHODS.items()}
_TOL = 1e-9


def short_num(value: float) -> str:
    """German number with as few decimals as needed (at most 2): 2 → "2", 0.5 → "0,5", 1.25 → "1,25"."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _weights(s: Scenario, konz: Konzeption) -> list[str]:
    """A changed weight as factor of the adopted one ("× 2"), or as value where the adopted one is 0."""
    out = []
    for name, w, w0 in zip(konz.sub_indices, s.params.weights, konz.weights, strict=False):
        if abs(w - w0) <= _TOL:
            continue
        out.append(f"{name} = {short_num(w)}" if w0 == 0 else f"{name} × {short_num(w / w0)}")
    return out


def _shares(s: Scenario, funding: Funding | None) -> list[str]:
    if funding is None or not s.strand_shares:
        return []
    own = {st.key: st.share for st in funding.strands}
    changed = [(k, v) for k, v in s.strand_shares if k in own and Fraction(v) != own[k]]
    if not changed:
        return []
    labels = {st.key: st.label for st in funding.strands}
    return ["Förderstränge " + ", ".join(f"{labels[k]} {short_num(float(v) * 100)} %" for k, v in changed)]


def change_line(scenario: Scenario, konzeption: Konzeption, funding: Funding | None = None) -> str:
    """Every difference to the adopted Konzeption, joined by " · ": weights as factors, k, aggregation,
    allocation, strand shares, approved exceptions, requests, adjustments; the budget is always named
    ("Budget unverändert" or the new amount with its difference). Nothing else changed → "wie der Beschluss"."""
    p = scenario.params
    parts = _weights(scenario, konzeption)
    if abs(p.k - konzeption.k) > _TOL:
        parts.append(f"k = {short_num(p.k)}")
    if p.aggregation != konzeption.aggregation:
        parts.append(AGGREGATION_SHORT.get(p.aggregation, p.aggregation))
    if p.allocation != konzeption.allocation:
        parts.append(ALLOCATION_SHORT.get(p.allocation, p.allocation))
    parts += _shares(scenario, funding)
    c = scenario.choices
    if c.exceptions:
        parts.append(f"{len(c.exceptions)} Ausnahme{'n' if len(c.exceptions) != 1 else ''} anerkannt")
    if c.requests:
        parts.append(f"{len(c.requests)} Antrag" if len(c.requests) == 1 else f"{len(c.requests)} Anträge")
    if scenario.adjustments:
        n = len(scenario.adjustments)
        parts.append(f"{n} Anpassung{'en' if n != 1 else ''}")
    if p.budget_cents == konzeption.budget_cents:
        budget = "Budget unverändert"
    elif p.budget_cents is None:
        budget = "ohne Budget"
    else:
        delta = p.budget_cents - (konzeption.budget_cents or 0)
        budget = f"Budget {format_eur(p.budget_cents)} ({'+' if delta > 0 else '−'}{format_eur(abs(delta))})"
    if not parts and budget == "Budget unverändert":
        return "wie der Beschluss"
    return SEP.join(parts + [budget])
