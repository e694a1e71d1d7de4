"""Euro amounts as whole cents, so that parts can add up to the budget exactly."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .limits import MAX_BUDGET_EUR, MAX_NUMBER_CHARS


def to_cents(value: object) -> int:
    """Parse an amount in euros (number or text, '.' or ',' as decimal mark) into whole cents.

    Raises ValueError with a German reason for anything that is not a non-negative amount with at
    most two decimals, because a budget silently rounded is a budget changed. Amounts above
    MAX_BUDGET_EUR (10^12 €) are refused: they are typing errors, and they would overflow the
    64-bit integers the apportionment uses.
    """
    if isinstance(value, bool):
        raise ValueError("ist kein Geldbetrag")
    text = str(value).strip().replace("€", "").replace("EUR", "").strip()
    if len(text) > MAX_NUMBER_CHARS or not text.isascii():
        raise ValueError("ist kein Geldbetrag (zu lang oder mit Zeichen außer Ziffern)")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")  # German 1.002.240,00
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError("ist kein Geldbetrag") from None
    if not amount.is_finite():
        raise ValueError("ist kein endlicher Betrag")
    if amount < 0:
        raise ValueError("ist negativ")
    if amount > MAX_BUDGET_EUR:
        raise ValueError(f"ist größer als der Höchstbetrag von {MAX_BUDGET_EUR:,} €".replace(",", "."))
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise ValueError("hat mehr als zwei Nachkommastellen")
    return int(cents)


def format_eur(cents: int | None) -> str:
    """German notation: 1.002.240,00 €."""
    if cents is None:
        return "–"
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(int(cents)), 100)
    return f"{sign}{euros:,}".replace(",", ".") + f",{rest:02d} €"


def format_eur_change(cents: int) -> str:
    """A change in German notation from whole cents: +1.234,56 € / −0,05 € (typographic minus) / ±0,00 €."""
    if cents == 0:
        return "±0,00 €"
    return ("+" if cents > 0 else "−") + format_eur(abs(int(cents)))
