"""German number notation for texts the engine writes (reasons, calculation paths)."""
from __future__ import annotations

import math

from .money import format_eur, format_eur_change


def num(value: float | None, digits: int = 1) -> str:
    """German number: thousands '.', decimal ',', `digits` decimals; '–' for None or NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def signed(value: float, digits: int, unit: str = "") -> str:
    """A change: +1,2 / −1,2 (typographic minus) / ±0,0, as on screen and in the committee pack."""
    if round(value, digits) == 0:
        return f"±0{',' + '0' * digits if digits else ''}{unit}"
    return ("+" if value > 0 else "−") + num(abs(value), digits) + unit


def pct(fraction: float, digits: int = 2) -> str:
    """A fraction as German percent: 0.1737 → '17,37 %'."""
    return num(fraction * 100, digits) + " %"


def param(value: float) -> str:
    """A parameter as adopted (weights, k lie on a two-decimal grid): 1,0 · 1,25 · 2,5 — never rounded away."""
    return num(value, 1 if round(value, 1) == round(value, 2) else 2)


# --- One helper per unit: screen, PDF and CSV use the text, XLSX the number format of the same unit. ---

def points(value: float | None) -> str:
    """Index points (standard scores, sub-indices, Gesamtindex, bounds): one decimal, 44,6."""
    return num(value, 1)


def points_change(value: float) -> str:
    """A change or distance in points: +1,2 / −1,2 / ±0,0."""
    return signed(value, 1)


def share(fraction: float) -> str:
    """A share of the budget: 0.1737 → '17,37 %' (two decimals, as adopted)."""
    return pct(fraction, 2)


def pp(value: float) -> str:
    """A change of a share in percentage points: +0,68 pp / −0,57 pp / ±0,00 pp."""
    return signed(value, 2, " pp")


def fte(value: float | None) -> str:
    """Staff posts in full-time equivalents (VZÄ): two decimals, 2,55."""
    return num(value, 2)


def fte_change(value: float) -> str:
    """A change of posts: +0,50 / −0,05 / ±0,00."""
    return signed(value, 2)


def eur(cents: int | None) -> str:
    """Money from whole cents: 100252821 → '1.002.528,21 €' (srb_core.money.format_eur)."""
    return format_eur(cents)


def eur_change(cents: int) -> str:
    """A change of money from whole cents: +1.234,56 € / −0,05 € / ±0,00 €."""
    return format_eur_change(cents)


# XLSX keeps numbers as numbers and shows them with the same unit (Excel displays them in the reader's locale).
EXCEL = {
    "eur": '#,##0.00 "€"',
    "eur_change": '+#,##0.00 "€";-#,##0.00 "€";0.00 "€"',
    "share": "0.00%",
    "pp": "+0.00;-0.00;0.00",
    "points": "0.0",
    "points_change": "+0.0;-0.0;0.0",
    "fte": "0.00",
    "fte_change": "+0.00;-0.00;0.00",
}
