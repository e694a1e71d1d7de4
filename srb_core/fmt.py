"""German number notation for texts the engine writes (reasons, calculation paths)."""
from __future__ import annotations

import math


def num(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def pct(fraction: float, digits: int = 2) -> str:
    return num(fraction * 100, digits) + " %"
