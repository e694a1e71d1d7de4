"""Cells that spreadsheet programs must not run: a Kita name like =HYPERLINK(...) stays text."""
from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text starting with = + - @ (or a tab/CR) gets a leading apostrophe, as Excel itself does."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell and header through safe_cell, so no text becomes a spreadsheet formula."""
    out = frame.map(safe_cell)
    out.columns = [safe_cell(c) for c in frame.columns]
    return out
