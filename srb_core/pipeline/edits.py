"""What the inputs of 'Budget & Stellen' mean: edited amounts → adjustments, euro fields → cents, FTE and
percent fields → exact fractions. The pages only read widgets; these rules decide."""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

from ..funding import Adjustment, Eligibility, Plan
from ..money import to_cents


def cents_from_euros(value: float) -> int:
    """A euro amount from a number field, in cents: the value as written with two decimals (to_cents of
    f"{value:.2f}"), so 1234.5 → 123450 and 0.125 → 12 (the field shows 0.12)."""
    return to_cents(f"{float(value):.2f}")


def fte_from_input(value: float) -> Fraction:
    """Posts (FTE) from a number field with two decimals, exactly: Fraction of the value rounded to 0.01."""
    return Fraction(str(round(float(value), 2)))


def share_from_percent(value: float) -> Fraction:
    """A strand share from a percent field with at most four decimals: Fraction(round(value, 4)) / 100."""
    return Fraction(str(round(float(value), 4))) / 100


def is_amount(value: object) -> bool:
    """A filled number cell: not None and not NaN (an empty new row of a table editor)."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def adjustable_rows(plan: Plan, eligibility: Sequence[Eligibility]) -> list[tuple[int, int]]:
    """(Kita row, strand index) pairs that can be adjusted: those with money in the plan or eligible."""
    return [(i, s) for i in range(len(plan.kita_ids)) for s in range(len(plan.strands))
            if plan.cents[i][s] or eligibility[s].eligible[i]]


def adjustments_from_edits(plan: Plan, rows: Sequence[tuple[int, int]], euros: Iterable[float],
                           reasons: Iterable[object]) -> tuple[Adjustment, ...]:
    """The edited table as adjustments: a row becomes one if its amount in cents (cents_from_euros)
    differs from the plan or it has a reason; its reason is kept as text ("" for an empty cell)."""
    out = []
    for (i, s), amount, reason in zip(rows, euros, reasons, strict=False):
        cents, why = cents_from_euros(amount), str(reason or "")
        if cents != plan.cents[i][s] or why.strip():
            out.append(Adjustment(plan.strands[s], plan.kita_ids[i], cents, why))
    return tuple(out)
