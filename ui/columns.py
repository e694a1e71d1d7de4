"""German number formats for interactive tables (st.dataframe, st.data_editor).

Streamlit formats printf patterns such as "%.1f" with a decimal point whatever the language; its
"localized" and "euro" formats use the browser's language, which ui/style.py sets to German for the
app's page. The numbers stay numbers, so columns still sort by value."""
from __future__ import annotations

import streamlit as st


def number(label: str | None = None, decimals: int = 1, step: float | None = None, **kwargs):
    """A number column shown with `decimals` places and a decimal comma: 44.6 → '44,6', -13.7 → '-13,7'.
    (Streamlit takes the places from the step; an editor's own step must have as many places.)"""
    return st.column_config.NumberColumn(label, format="localized", step=step or 10.0 ** -decimals, **kwargs)


def euro(label: str | None = None, **kwargs):
    """A euro column: 1002240.0 → '1.002.240,00 €'."""
    return st.column_config.NumberColumn(label, format="euro", **kwargs)
