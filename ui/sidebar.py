"""The sidebar shared by every page: view modes first, dataset, weights with their effective share, band width,
budget. Every weight and k can be typed (German decimal comma) next to its slider: one rerun per settled value."""
from __future__ import annotations

import contextlib
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from srb_core import Params, SrbError
from srb_core.pack.method import AGGREGATION, ALLOCATION

from . import fields, sliders, state
from . import texts as T
from .cache import Dataset, dataset, dataset_label, is_library_key, library_entries, library_problem, uploaded_dataset
from .escape import html as esc_html
from .escape import md


def _settle_menu() -> None:
    """Streamlit's menu reports the label it shows, not the key: after the stored dataset in use was renamed it
    reports the old label. That label is mapped back to its key by the menu the last full run drew, and the key is
    set again, so the menu shows the new name."""
    drawn = st.session_state.get(_DRAWN)
    if not drawn:
        return
    labels = dict(drawn[3])  # key → label as drawn
    current = st.session_state.get(state.DATASET)
    keys = {label: key for key, label in labels.items()}
    if current not in labels and current in keys:
        st.session_state[state.DATASET] = keys[current]
    elif current in labels and labels[current] != dataset_label(current):
        st.session_state[state.DATASET] = current  # set anew: the menu then shows the new label


def _on_reset() -> None:
    """The Konzeption's defaults of the dataset in use (also after a choice in the menu)."""
    _settle_menu()
    with contextlib.suppress(SrbError):  # an unusable stored dataset: render() says why and shows a demo
        state.apply_defaults(dataset(state.current_dataset_key()).konzeption)


def _on_dataset_change() -> None:
    st.session_state[state.DATASET] = st.session_state.get(MENU, state.current_dataset_key())
    st.session_state[PICKING] = False  # chosen: the menu closes again
    _on_reset()


def _on_pick() -> None:
    st.session_state[PICKING] = not st.session_state.get(PICKING, False)


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


def _defaults(konz) -> None:
    """A state that lost a value (a client that reports only some widgets) falls back to the Konzeption's."""
    for i, w in enumerate(konz.weights):
        st.session_state.setdefault(state.weight_key(i), w)
    st.session_state.setdefault(state.K, konz.k)


@dataclass(frozen=True)
class Slots:
    """The sidebar's places for what a weight move changes; `settings` fills them inside the page fragment."""

    sliders: DeltaGenerator  # the one component holding every weight, then k (ui/sliders.py)
    after_budget: DeltaGenerator


_DRAWN = "_srb_sidebar_drawn"
PICKING = "_srb_picking_dataset"  # the dataset menu is open
# The open menu's own key: the dataset in use stays in state.DATASET, which is no widget's key, because Streamlit
# drops a widget's key in a run that does not draw the widget, and the browser may send the closed menu's last value
# with the next page change (a choice made on the Übersicht came back as the old dataset).
MENU = "_srb_dataset_menu"
PICK_BUTTON = "sb_pick_dataset"


def _menu() -> tuple[dict[str, str], str | None]:
    """The dataset menu (key → label, from one listing of the library), and why the chosen stored dataset cannot
    be opened (or None)."""
    entries = library_entries()  # the data library (issue 17)
    options = [k for k in T.DATASETS if k != "upload" or uploaded_dataset() is not None] + [d.key for d in entries]
    problem = library_problem(state.current_dataset_key()) if is_library_key(state.current_dataset_key()) else None
    return {k: dataset_label(k, entries) for k in options}, problem


def _outside(labels: dict[str, str], problem: str | None) -> tuple:
    """What the part of the app outside the page fragment shows (app.py): when a page changes any of it, the
    fragment's rerun becomes a full one."""
    ds = dataset(state.current_dataset_key())
    return (state.current_dataset_key(), ds.konzeption.fingerprint, ds.data.fingerprint,
            tuple(labels.items()), problem, st.session_state.get(state.BUDGET),
            state.projector(), state.anonymised())


def outside_changed() -> bool:
    """True if the sidebar drawn by the last full run no longer shows the current state (dataset, its menu,
    budget, view toggles): a page's button loaded a scenario, stored or renamed a dataset, used an upload."""
    return st.session_state.get(_DRAWN) != _outside(*_menu())


def render() -> tuple[Dataset, Slots]:
    """The parts of the sidebar a weight move leaves alone: view toggles, dataset, the typed fields, budget,
    and the places between them that `settings` fills, so a slider move redraws only those."""
    with st.sidebar:
        # View toggles first: the moderator finds them without scrolling, at any screen size.
        view = st.container(key="sb-view")
        view.toggle(T.SB_PROJECTOR, key=state.PROJECTOR, help=T.SB_PROJECTOR_HELP)
        view.toggle(T.SB_ANON, key=state.ANON, help=T.SB_ANON_HELP)
        _settle_menu()
        labels, problem = _menu()
        options = list(labels)
        if problem:
            st.warning(T.LIB_BROKEN.format(why=md(problem)))
        if state.current_dataset_key() not in options or problem:
            st.session_state[state.DATASET] = "bad_kreuznach"
            state.apply_defaults(dataset("bad_kreuznach").konzeption)
        # The menu opens on demand: shown, it is the heaviest element of the first drawing (Streamlit loads ~17 files
        # for it before the page's own frames; README "Leistung"), a name as text is never cut off in projector mode,
        # and a slip of the hand in the committee does not swap the data behind every number.
        picking = bool(st.session_state.get(PICKING))
        if picking:  # opens on the dataset in use
            st.session_state[MENU] = state.current_dataset_key()
            st.selectbox(T.SB_DATASET, options, format_func=lambda k: labels.get(k, k), key=MENU,
                         on_change=_on_dataset_change, help=T.SB_DATASET_HELP)
            st.button(T.SB_DATASET_CLOSE, key=PICK_BUTTON, on_click=_on_pick)
        else:  # the name in full (it wraps), as the button that opens the menu
            st.button(T.SB_DATASET_SHOWN.format(name=md(labels.get(state.current_dataset_key(), ""))),
                      key=PICK_BUTTON, on_click=_on_pick, help=T.SB_DATASET_PICK_HELP, width="stretch")
        ds = dataset(state.current_dataset_key())
        st.session_state[_DRAWN] = _outside(labels, problem)
        konz = ds.konzeption
        st.markdown(f"**{T.SB_WEIGHTS}**", help=T.SB_WEIGHTS_HELP)
        _defaults(konz)
        place = st.container(key="sb-sliders")
        # the budget as a German text field (1.002.240,00): Streamlit's number field can only show 1002240.00
        fields.euro_field(st.sidebar, T.SB_BUDGET, state.BUDGET, 0, help_text=T.SB_BUDGET_HELP,
                          bad_text=T.SB_BUDGET_BAD)
        after = st.container()
    return ds, Slots(place, after)


def settings(ds: Dataset, slots: Slots, p: Params) -> None:
    """What a weight move changes in the sidebar: the sliders (their labels say value and effective share, for the
    current settings and every one an arrow key away) with the message of a refused value, and the reset button,
    for this run's parameters `p` (state.remember_params). Runs inside the page fragment."""
    konz = ds.konzeption
    _defaults(konz)
    weights = tuple(float(st.session_state[state.weight_key(i)]) for i in range(len(konz.weights)))
    with slots.sliders:
        sliders.show(tuple(konz.sub_indices), weights, float(st.session_state[state.K]), state.projector())
        problem = sliders.problem()
        if problem:
            st.error(problem)
    with slots.after_budget:
        if (p.aggregation, p.allocation, p.ddof) != (konz.aggregation, konz.allocation, konz.ddof):
            st.caption(T.SB_METHOD.format(what=md(method_text(p))))
        changed = p != konz.default_params()
        st.button(T.SB_RESET, on_click=_on_reset, disabled=not changed, width="stretch")
        st.caption(T.SB_LINK)
