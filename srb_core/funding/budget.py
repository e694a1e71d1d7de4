"""Budget years, the state formula, moving unused funds, and monthly instalments."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from ..allocation import apportion_cents

DYNAMISATION = Fraction(25, 1000)


def _round_cents(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))  # half up, as in a ledger


def budget_years(first_half_cents: int, last_year: int = 2027, rate: Fraction = DYNAMISATION) -> list[tuple[str, int]]:
    """SRB per period from the second half of 2021: year y = 2 × (2021-H2) × (1 + rate)^(y − 2021).

    The state dynamises yearly from 1 July 2021; taking the whole calendar year at the new rate is the
    reading that gives Bad Kreuznach's published 1,002,240 € for 2022 (to about a euro).
    """
    rows = [("2021 (2. Halbjahr)", first_half_cents)]
    for year in range(2022, last_year + 1):
        rows.append((str(year), _round_cents(2 * Fraction(first_half_cents) * (1 + rate) ** (year - 2021))))
    return rows


def state_allocation(total_cents: int, children_u7: int, children_u7_state: int, sgb2_u7: int,
                     sgb2_u7_state: int) -> tuple[int, Fraction]:
    """A Jugendamt's SRB from the state total: 40 % by its share of children under 7, 60 % by its
    share of children under 7 receiving SGB II. Returns (cents, share of the state total)."""
    if min(children_u7_state, sgb2_u7_state) <= 0 or min(children_u7, sgb2_u7) < 0:
        raise ValueError("Zählwerte müssen positiv sein")
    if children_u7 > children_u7_state or sgb2_u7 > sgb2_u7_state:
        raise ValueError("Der Wert des Jugendamts ist größer als der Landeswert")
    share = Fraction(2, 5) * Fraction(children_u7, children_u7_state) + Fraction(3, 5) * Fraction(
        sgb2_u7, sgb2_u7_state
    )
    return _round_cents(total_cents * share), share


def redistribute_unused(cents, unused: dict[int, int], shares=None) -> np.ndarray:
    """What-if: each Sozialraum's unspent amount goes to the Sozialräume that spend, by their shares
    (by default their shares of the budget)."""
    cents = np.asarray(cents, dtype=np.int64).copy()
    shares = cents / cents.sum() if shares is None else shares
    moved = sum(unused.values())
    receivers = np.array([r not in unused for r in range(len(cents))])
    for r, amount in unused.items():
        if not 0 <= amount <= cents[r]:
            raise ValueError("Der ungenutzte Betrag muss zwischen 0 und dem Budget des Sozialraums liegen")
        cents[r] -= amount
    if moved and receivers.any():
        cents[receivers] += apportion_cents(moved, np.asarray(shares, dtype=float)[receivers])
    return cents


def monthly(annual_cents: int, months: int = 12) -> list[int]:
    """Equal instalments to the cent; the first months carry the leftover cents."""
    base, extra = divmod(annual_cents, months)
    return [base + (1 if i < extra else 0) for i in range(months)]


def instalments(plan_cents, providers: list[str], months: int = 12) -> list[tuple[str, int, list[int]]]:
    """(provider, yearly amount, monthly instalments) for every provider that receives money."""
    totals: dict[str, int] = {}
    for provider, row in zip(providers, plan_cents, strict=False):
        totals[provider] = totals.get(provider, 0) + int(sum(row))
    return [(p, c, monthly(c, months)) for p, c in sorted(totals.items()) if c > 0]
