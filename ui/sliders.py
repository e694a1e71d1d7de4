"""The sidebar's weights and band width k as this app's own Streamlit component (static/srbslider/), one instance for
all rows: a range and a field for a typed number each.

Why not st.slider: every arrow key reran the app, and each rerun costs the browser ~140 ms. Here a key press
changes the row in the browser at once and names the new settings on this session's BroadcastChannel
(`channel()`), where the Übersicht's wall shows the numbers it computed ahead for them
(srb_core.explain.steps); Python reruns once the row has settled (`settle_ms` without a change).

Protocol (the component's value, untrusted): {"values": [w₁ … wₙ, k], "seq": s} after a move, and
{"values": […], "typed": {"row": i, "text": "1,5"}, "seq": s} after Enter in a row's field. Every value must lie
on the grid and range of srb_core.limits, else nothing changes and a German message says why. `seq` is passed back
as the argument `seq`: while the browser holds changes with a higher number, it keeps them.
On the channel: {"type": "move", "key": state_key, "seq": s} from the sliders; {"type": "miss", "key": …} from
the wall when it does not hold that key (the sliders then commit at once).
"""
from __future__ import annotations

import secrets
from decimal import Decimal
from functools import partial
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from srb_core import limits
from srb_core.explain.steps import state_key, step_neighbours
from srb_core.fmt import pct
from srb_core.step1 import effective_weights

from . import fields, onepage, state
from . import texts as T
from .escape import md

NAME = "srb_sliders"
# The iframe's title in the page: what browser tests and the load script select the sliders by.
TITLE = f"{__name__}.{NAME}"
KEY = "srb_sliders"  # the component's widget key: its value is the last commit
SEQ = state.SLIDER_SEQ  # the last commit's number Python has processed
CHANNEL = "_srb_channel"
BAD = "_srb_sliders_bad"
SETTLE_MS = 350
_STATIC = Path(__file__).resolve().parent.parent / "static"
# served as one page with its script in it (ui/onepage.py), made from static/srbslider/
_component = components.declare_component(NAME, path=str(onepage.folder(_STATIC / "srbslider", _STATIC)))


def channel() -> str:
    """This session's BroadcastChannel name, shared by the sliders and the wall (random: another tab of the same
    browser never hears it)."""
    if CHANNEL not in st.session_state:
        st.session_state[CHANNEL] = "srb-" + secrets.token_urlsafe(12)
    return st.session_state[CHANNEL]


def de(value: float) -> str:
    """1.33 → '1,33'; 2.0 → '2,00' (two decimals: the grid of srb_core.limits)."""
    return f"{value:.2f}".replace(".", ",")


def row_labels(names: tuple[str, ...], weights: tuple[float, ...], k: float) -> list[str]:
    """Each row's label as plain text (set with textContent): 'Soziale Lage: 2,00 · wirksam: 40,0 %' with the
    effective weight wᵢ / Σ w, then 'Breite des Normbereichs (k): 1,00'."""
    shares = effective_weights(weights)
    out = [T.SB_WEIGHT_LABEL.format(name=name, value=de(w), pct=pct(float(s), 1))
           for name, w, s in zip(names, weights, shares, strict=True)]
    return out + [T.SB_K_LABEL.format(name=T.SB_K, value=de(k))]


def labels(names: tuple[str, ...], weights: tuple[float, ...], k: float) -> dict[str, list[str]]:
    """The labels of the current settings and of every setting one arrow key away, by state key."""
    return {state_key(w, kk): row_labels(names, w, kk) for w, kk in [(weights, k), *step_neighbours(weights, k)]}


def _ranges(n: int) -> list[tuple[Decimal, Decimal, Decimal]]:
    return [(limits.WEIGHT_MIN, limits.WEIGHT_MAX, limits.WEIGHT_STEP)] * n + [(limits.K_MIN, limits.K_MAX,
                                                                                  limits.K_STEP)]


def show(names: tuple[str, ...], weights: tuple[float, ...], k: float, projector: bool) -> None:
    """Mount (first run) or update the sliders at the current position (inside the page fragment)."""
    rows = [{"name": name, "value": value, "min": float(lo), "max": float(hi), "step": float(step),
             "help": T.SB_K_HELP if i == len(names) else None}
            for i, (name, value, (lo, hi, step)) in enumerate(zip((*names, T.SB_K), (*weights, k),
                                                                   _ranges(len(names)), strict=True))]
    texts = {"placeholder": T.SB_TYPE_PLACEHOLDER, "field_aria": T.SL_FIELD_ARIA, "field_help": T.SB_TYPE_HELP,
             "group": T.SL_GROUP, "frame": T.SL_FRAME}
    _component(rows=rows, labels=labels(names, weights, k), seq=int(st.session_state.get(SEQ, 0)),
               channel=channel(), projector=projector, settle_ms=SETTLE_MS, texts=texts, key=KEY, default=None,
               on_change=partial(_on_commit, names))


def _on_commit(names: tuple[str, ...]) -> None:
    state.mark_fast_rerun()
    problem = take(st.session_state.get(KEY), names)
    if problem:
        st.session_state[BAD] = problem


def problem() -> str | None:
    """The message of the last refused commit (once)."""
    return st.session_state.pop(BAD, None)


def _number(value: object, lo: Decimal, hi: Decimal, step: Decimal) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return fields.parse_number(repr(value), lo, hi, step)


def take(value: object, names: tuple[str, ...]) -> str | None:
    """Puts a commit of the component into the state (weights, k, processed seq); returns a German message, or None.

    Values off the grid or range of srb_core.limits, or a wrong count, change nothing; a typed text goes through
    fields.parse_number (German comma) and, if it is not allowed, keeps the row's value."""
    if not isinstance(value, dict):
        return T.SL_BAD_MESSAGE
    seq = value.get("seq")
    if isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq < 2**53:
        st.session_state[SEQ] = seq
    ranges = _ranges(len(names))
    raw = value.get("values")
    if not isinstance(raw, list) or len(raw) != len(ranges):
        return T.SL_BAD_MESSAGE
    numbers = [_number(v, *r) for v, r in zip(raw, ranges, strict=True)]
    all_names = (*names, T.SB_K)
    for v, n, name, r in zip(raw, numbers, all_names, ranges, strict=True):
        if n is None:
            return T.SL_BAD_VALUE.format(text=md(str(v)[:40]), name=md(name), grid=limits.grid_text(*r))
    keys = [state.weight_key(i) for i in range(len(names))] + [state.K]
    for key, n in zip(keys, numbers, strict=True):
        st.session_state[key] = n
    typed = value.get("typed")
    if typed is None:
        return None
    row, text = (typed.get("row"), typed.get("text")) if isinstance(typed, dict) else (None, None)
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < len(keys) or not isinstance(text, str):
        return T.SL_BAD_MESSAGE
    if not text.strip():
        return None
    number = fields.parse_number(text, *ranges[row])
    if number is None:
        return T.SB_TYPE_BAD.format(text=md(text[:100]), name=md(all_names[row]), grid=limits.grid_text(*ranges[row]))
    st.session_state[keys[row]] = number
    return None
