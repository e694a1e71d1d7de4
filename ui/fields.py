"""Euro amounts and percentages typed and shown in German ("488.897,00", "55,0") where Streamlit's number field
can only show "488897.00" and "55.0".

The value in the session state (cents; percent as a float) is the single source of truth; the text field follows
it. A text that is not allowed is refused with a German message naming the field, and the value stays.
"""
from __future__ import annotations

from decimal import Decimal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from srb_core import limits
from srb_core.fmt import param
from srb_core.money import format_amount_de, parse_amount_de

from . import texts as T
from .escape import md

TXT = "_txt"
BAD = "_bad"


def parse_number(text: str, lo: Decimal, hi: Decimal, step: Decimal) -> float | None:
    """'1,33' / '1.33' / ' 2 ' → the number if it lies on the grid [lo, hi] in steps of `step`, else None."""
    try:
        value = float(limits.exact_number(text.strip().replace(",", ".")))
    except ValueError:
        return None
    return value if limits.on_grid(value, lo, hi, step) else None


def _typed(key: str, label: str, max_cents: int | None, bad_text: str) -> None:
    text = str(st.session_state.get(key + TXT, ""))
    try:
        cents = parse_amount_de(text)
        if max_cents is not None and cents > max_cents:
            raise ValueError(T.EURO_ABOVE.format(max=format_amount_de(max_cents)))
    except ValueError as exc:
        st.session_state[key + BAD] = bad_text.format(label=md(label), text=md(text), why=md(str(exc)))
        st.session_state[key + TXT] = format_amount_de(int(st.session_state[key]))
        return
    st.session_state[key] = cents
    st.session_state[key + TXT] = format_amount_de(cents)


def euro_field(place: DeltaGenerator | None, label: str, key: str, default_cents: int, max_cents: int | None = None,
               help_text: str | None = None, bad_text: str = T.EURO_BAD) -> int:
    """The amount in cents under `key` (starting at `default_cents`, at most `max_cents`) as a German text field,
    written into `place` (None: the page at the current position)."""
    target = place if place is not None else st.container()
    if key not in st.session_state:
        st.session_state[key] = default_cents
    current = int(st.session_state[key])
    if max_cents is not None and current > max_cents:  # the maximum moved (another Sozialraum): keep within it
        current = st.session_state[key] = max_cents
    try:
        shown = parse_amount_de(str(st.session_state.get(key + TXT, "")))
    except ValueError:
        shown = None
    if shown != current:
        st.session_state[key + TXT] = format_amount_de(current)
    target.text_input(md(label), key=key + TXT, help=help_text or T.EURO_HELP, on_change=_typed,
                     args=(key, label, max_cents, bad_text))
    problem = st.session_state.pop(key + BAD, None)
    if problem:
        target.error(problem)
    return current


PERCENT_LO, PERCENT_HI, PERCENT_STEP = Decimal(0), Decimal(100), Decimal("0.01")


def _percent_typed(key: str, label: str) -> None:
    text = str(st.session_state.get(key + TXT, ""))
    value = parse_number(text, PERCENT_LO, PERCENT_HI, PERCENT_STEP)
    if value is None:
        st.session_state[key + BAD] = T.PERCENT_BAD.format(
            label=md(label), text=md(text), grid=limits.grid_text(PERCENT_LO, PERCENT_HI, PERCENT_STEP))
        st.session_state[key + TXT] = param(float(st.session_state[key]))
        return
    st.session_state[key] = value
    st.session_state[key + TXT] = param(value)


def percent_field(place: DeltaGenerator, label: str, key: str, default: float) -> float:
    """The percentage under `key` (a float, starting at `default`) as a German text field in `place`; `label` is
    plain text (a strand's name from the Konzeption), escaped here."""
    if key not in st.session_state:
        st.session_state[key] = default
    current = float(st.session_state[key])
    if parse_number(str(st.session_state.get(key + TXT, "")), PERCENT_LO, PERCENT_HI, PERCENT_STEP) != current:
        st.session_state[key + TXT] = param(current)
    place.text_input(md(label), key=key + TXT, help=T.PERCENT_HELP, on_change=_percent_typed, args=(key, label))
    problem = st.session_state.pop(key + BAD, None)
    if problem:
        place.error(problem)
    return current
