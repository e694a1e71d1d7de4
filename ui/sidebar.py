"""The sidebar shared by every page: view modes first, dataset, weights with their effective share, band width,
budget. Every weight and k can be typed (German decimal comma) next to its slider: one rerun per settled value."""
from __future__ import annotations

import contextlib
from decimal import Decimal

import streamlit as st

from srb_core import SrbError, limits
from srb_core.fmt import pct
from srb_core.money import format_eur
from srb_core.pack.method import AGGREGATION, ALLOCATION
from srb_core.pipeline import cents_from_euros
from srb_core.step1 import effective_weights

from . import state
from . import texts as T
from .cache import Dataset, dataset, dataset_label, is_library_key, library_entries, library_problem, uploaded_dataset
from .escape import html as esc_html
from .escape import md

TXT = "_txt"  # suffix of the text field beside a slider
_BAD = "_srb_bad_number"


def _on_dataset_change() -> None:
    with contextlib.suppress(SrbError):  # an unusable stored dataset: render() says why and shows a demo
        state.apply_defaults(dataset(state.current_dataset_key()).konzeption)


def _on_reset() -> None:
    _on_dataset_change()


def method_text(p) -> str:
    parts = [f"Sozialraumwert: {AGGREGATION.get(p.aggregation, p.aggregation)}",
             f"Verteilung: {ALLOCATION.get(p.allocation, p.allocation)}"]
    if p.ddof == 0:
        parts.append("Standardabweichung der Grundgesamtheit")
    return "; ".join(parts)


def badges(ds: Dataset, changed: bool = False, scenario: str | None = None) -> str:
    html = ""
    if scenario is not None:
        html += f'<span class="srb-badge srb-scenario">{T.SC_BADGE.format(name=esc_html(scenario))}</span>'
    if ds.demo:
        html += f'<span class="srb-badge srb-demo">{T.DEMO_BADGE}</span>'
    if state.anonymised():
        html += f'<span class="srb-badge srb-anon">{T.ANON_BADGE}</span>'
    if changed:
        html += f'<span class="srb-badge srb-changed">{T.SB_CHANGED}</span>'
    return html


def de(value: float) -> str:
    """1.33 → '1,33'; 2.0 → '2,00' (two decimals: the grid of srb_core.limits)."""
    return f"{value:.2f}".replace(".", ",")


def parse_de(text: str, lo: Decimal, hi: Decimal, step: Decimal) -> float | None:
    """'1,33' / '1.33' / ' 2 ' → the number if it lies on the grid [lo, hi] in steps of `step`, else None."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = float(limits.exact_number(cleaned))
    except ValueError:
        return None
    return value if limits.on_grid(value, lo, hi, step) else None


def _sync_text(key: str) -> None:
    st.session_state[key + TXT] = de(float(st.session_state[key]))


def _from_text(key: str, name: str, lo: Decimal, hi: Decimal, step: Decimal) -> None:
    text = str(st.session_state.get(key + TXT, ""))
    value = parse_de(text, lo, hi, step)
    if value is None:
        st.session_state[_BAD] = T.SB_TYPE_BAD.format(text=md(text), name=md(name), grid=limits.grid_text(lo, hi, step))
        _sync_text(key)
    else:
        st.session_state[key] = value
        st.session_state[key + TXT] = de(value)


def _number(key: str, name: str, lo: Decimal, hi: Decimal, step: Decimal, default: float,
            help_text: str | None = None) -> None:
    """A slider (the value's single source of truth) and a text field beside it for typing the value.
    A state that lost the value (a client that reports only some widgets) falls back to the Konzeption's."""
    if key not in st.session_state:
        st.session_state[key] = default
    current = float(st.session_state[key])
    if parse_de(str(st.session_state.get(key + TXT, "")), lo, hi, step) != current:
        st.session_state[key + TXT] = de(current)  # reset, URL, scenario: the text follows the slider
    slider_col, text_col = st.columns([2.3, 1], gap="small", vertical_alignment="center")
    slider_col.slider(md(name), float(lo), float(hi), step=float(step), key=key, format="%.2f",
                      label_visibility="collapsed", on_change=_sync_text, args=(key,))
    text_col.text_input(T.SB_TYPE.format(name=md(name)), key=key + TXT, label_visibility="collapsed",
                        on_change=_from_text, args=(key, name, lo, hi, step), help=help_text or T.SB_TYPE_HELP)


def _weights(konz) -> None:
    st.markdown(f"**{T.SB_WEIGHTS}**", help=T.SB_WEIGHTS_HELP)
    weights = [float(st.session_state.get(state.weight_key(i), w)) for i, w in enumerate(konz.weights)]
    shares = effective_weights(weights)
    for i, name in enumerate(konz.sub_indices):
        st.caption(f"**{md(name)}** · {T.SB_EFFECTIVE.format(pct=pct(float(shares[i]), 1))}")
        _number(state.weight_key(i), name, limits.WEIGHT_MIN, limits.WEIGHT_MAX, limits.WEIGHT_STEP,
                konz.weights[i])


def render() -> Dataset:
    with st.sidebar:
        # View toggles first: the moderator finds them without scrolling, at any screen size.
        view = st.container(key="sb-view")
        view.toggle(T.SB_PROJECTOR, key=state.PROJECTOR, help=T.SB_PROJECTOR_HELP)
        view.toggle(T.SB_ANON, key=state.ANON, help=T.SB_ANON_HELP)
        options = [k for k in T.DATASETS if k != "upload" or uploaded_dataset() is not None]
        options += [d.key for d in library_entries()]  # the data library (issue 17)
        problem = library_problem(state.current_dataset_key()) if is_library_key(state.current_dataset_key()) else None
        if problem:
            st.warning(T.LIB_BROKEN.format(why=md(problem)))
        if state.current_dataset_key() not in options or problem:
            st.session_state[state.DATASET] = "bad_kreuznach"
            state.apply_defaults(dataset("bad_kreuznach").konzeption)
        st.selectbox(T.SB_DATASET, options, format_func=dataset_label, key=state.DATASET,
                     on_change=_on_dataset_change, help=T.SB_DATASET_HELP)
        ds = dataset(state.current_dataset_key())
        konz = ds.konzeption
        bad = st.session_state.pop(_BAD, None)
        if bad:
            st.error(bad)
        _weights(konz)
        st.caption(f"**{T.SB_K}**", help=T.SB_K_HELP)
        _number(state.K, T.SB_K, limits.K_MIN, limits.K_MAX, limits.K_STEP, konz.k)
        st.number_input(T.SB_BUDGET, min_value=0.0, max_value=state.BUDGET_MAX, step=1000.0, key=state.BUDGET,
                        help=T.SB_BUDGET_HELP, format="%.2f")
        st.caption(T.SB_BUDGET_SHOWN.format(eur=format_eur(cents_from_euros(st.session_state[state.BUDGET]))))
        p = state.remember_params(konz)
        if (p.aggregation, p.allocation, p.ddof) != (konz.aggregation, konz.allocation, konz.ddof):
            st.caption(T.SB_METHOD.format(what=md(method_text(p))))
        changed = p != konz.default_params()
        st.button(T.SB_RESET, on_click=_on_reset, disabled=not changed, width="stretch")
        st.caption(T.SB_LINK)
    return ds
