"""Euro amounts typed and shown in German ("488.897,00") where Streamlit's number field can only show "488897.00".

The cents in the session state are the single source of truth; the text field follows them. A text that is no
amount (or above the field's maximum) is refused with a German message naming the field, and the amount stays.
"""
from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from srb_core.money import format_amount_de, parse_amount_de

from . import texts as T
from .escape import md

TXT = "_txt"
BAD = "_bad"


def _typed(key: str, label: str, max_cents: int | None) -> None:
    text = str(st.session_state.get(key + TXT, ""))
    try:
        cents = parse_amount_de(text)
        if max_cents is not None and cents > max_cents:
            raise ValueError(T.EURO_ABOVE.format(max=format_amount_de(max_cents)))
    except ValueError as exc:
        st.session_state[key + BAD] = T.EURO_BAD.format(label=md(label), text=md(text), why=md(str(exc)))
        st.session_state[key + TXT] = format_amount_de(int(st.session_state[key]))
        return
    st.session_state[key] = cents
    st.session_state[key + TXT] = format_amount_de(cents)


def euro_field(place: DeltaGenerator | None, label: str, key: str, default_cents: int, max_cents: int | None = None,
               help_text: str | None = None) -> int:
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
    target.text_input(label, key=key + TXT, help=help_text or T.EURO_HELP, on_change=_typed,
                     args=(key, label, max_cents))
    problem = st.session_state.pop(key + BAD, None)
    if problem:
        target.error(problem)
    return current
