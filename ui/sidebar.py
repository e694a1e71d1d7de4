"""The sidebar shared by every page: dataset, weights with their effective share, band width, budget, modes."""
from __future__ import annotations

import contextlib
from html import escape

import streamlit as st

from srb_core import SrbError
from srb_core.fmt import pct
from srb_core.money import format_eur, to_cents
from srb_core.pack.method import AGGREGATION, ALLOCATION

from . import state
from . import texts as T
from .cache import Dataset, dataset, dataset_label, is_library_key, library_entries, library_problem, uploaded_dataset


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
        html += f'<span class="srb-badge srb-scenario">{T.SC_BADGE.format(name=escape(scenario))}</span>'
    if ds.demo:
        html += f'<span class="srb-badge srb-demo">{T.DEMO_BADGE}</span>'
    if state.anonymised():
        html += f'<span class="srb-badge srb-anon">{T.ANON_BADGE}</span>'
    if changed:
        html += f'<span class="srb-badge srb-changed">{T.SB_CHANGED}</span>'
    return html


def render() -> Dataset:
    with st.sidebar:
        options = [k for k in T.DATASETS if k != "upload" or uploaded_dataset() is not None]
        options += [d.key for d in library_entries()]  # the data library (issue 17)
        problem = library_problem(state.current_dataset_key()) if is_library_key(state.current_dataset_key()) else None
        if problem:
            st.warning(T.LIB_BROKEN.format(why=problem))
        if state.current_dataset_key() not in options or problem:
            st.session_state[state.DATASET] = "bad_kreuznach"
            state.apply_defaults(dataset("bad_kreuznach").konzeption)
        st.selectbox(T.SB_DATASET, options, format_func=dataset_label, key=state.DATASET,
                     on_change=_on_dataset_change)
        ds = dataset(state.current_dataset_key())
        konz = ds.konzeption

        st.subheader(T.SB_WEIGHTS, help=T.SB_WEIGHTS_HELP)
        weights = [float(st.session_state.get(state.weight_key(i), w)) for i, w in enumerate(konz.weights)]
        total = sum(weights)
        for i, name in enumerate(konz.sub_indices):
            st.slider(name, state.WEIGHT_MIN, state.WEIGHT_MAX, step=state.WEIGHT_STEP, key=state.weight_key(i),
                      format="%.1f")
            share = weights[i] / total if total > 0 else 0.0
            st.caption(T.SB_EFFECTIVE.format(pct=pct(share, 1)))
        st.slider(T.SB_K, state.K_MIN, state.K_MAX, step=state.K_STEP, key=state.K, help=T.SB_K_HELP,
                  format="%.1f")
        st.number_input(T.SB_BUDGET, min_value=0.0, max_value=1e9, step=1000.0, key=state.BUDGET,
                        help=T.SB_BUDGET_HELP, format="%.2f")
        st.caption(T.SB_BUDGET_SHOWN.format(eur=format_eur(to_cents(f"{st.session_state[state.BUDGET]:.2f}"))))
        p = state.params(konz)
        if (p.aggregation, p.allocation, p.ddof) != (konz.aggregation, konz.allocation, konz.ddof):
            st.caption(T.SB_METHOD.format(what=method_text(p)))
        changed = p != konz.default_params()
        st.button(T.SB_RESET, on_click=_on_reset, disabled=not changed, width="stretch")

        st.subheader(T.SB_VIEW)
        st.toggle(T.SB_PROJECTOR, key=state.PROJECTOR, help=T.SB_PROJECTOR_HELP)
        st.toggle(T.SB_ANON, key=state.ANON, help=T.SB_ANON_HELP)
        st.caption(T.SB_LINK)
    return ds
