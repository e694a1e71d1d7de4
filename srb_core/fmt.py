"""German number notation for texts the engine writes (reasons, calculation paths)."""
from __future__ import annotations

import math


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
