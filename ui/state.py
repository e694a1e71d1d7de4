"""Session state in one place: defaults from the Konzeption, and the round trip through the URL.

The URL holds dataset, weights, k, budget and the view modes, so a link reproduces the view.
"""
from __future__ import annotations

import streamlit as st

from srb_core import Konzeption, Params
from srb_core.money import to_cents

from . import texts as T

WEIGHT_MIN, WEIGHT_MAX, WEIGHT_STEP = 0.0, 4.0, 0.1
K_MIN, K_MAX, K_STEP = 0.0, 2.0, 0.1
DATASET, K, BUDGET, PROJECTOR, ANON, MEASURE = "dataset", "k", "budget_eur", "projector", "anon", "measure"
_INIT = "_srb_init"


def weight_key(i: int) -> str:
    return f"w{i}"


def current_dataset_key() -> str:
    return st.session_state.get(DATASET, "bad_kreuznach")


def apply_defaults(konzeption: Konzeption) -> None:
    """Set every parameter widget to the adopted Konzeption (also the 'reset' button's action)."""
    for i, w in enumerate(konzeption.weights):
        st.session_state[weight_key(i)] = _snap(w, WEIGHT_MIN, WEIGHT_MAX, WEIGHT_STEP)
    st.session_state[K] = _snap(konzeption.k, K_MIN, K_MAX, K_STEP)
    st.session_state[BUDGET] = (konzeption.budget_cents or 0) / 100


def init_session(konzeption_for) -> list[str]:
    """On a session's first run: defaults, then whatever the URL says. Returns URL problems to show."""
    if st.session_state.get(_INIT):
        return []
    st.session_state[_INIT] = True
    q = st.query_params
    problems = []
    key = q.get("ds", "bad_kreuznach")
    if key not in T.DATASETS or key == "upload":
        if key != "bad_kreuznach":
            problems.append("Datensatz")
        key = "bad_kreuznach"
    st.session_state[DATASET] = key
    konz = konzeption_for(key)
    apply_defaults(konz)
    st.session_state[PROJECTOR] = q.get("proj") == "1"
    st.session_state[ANON] = q.get("anon") == "1"
    if "w" in q:
        try:
            values = [float(x) for x in q["w"].split(",")]
            if len(values) != len(konz.sub_indices) or not all(WEIGHT_MIN <= v <= WEIGHT_MAX for v in values):
                raise ValueError
            for i, v in enumerate(values):
                st.session_state[weight_key(i)] = _snap(v, WEIGHT_MIN, WEIGHT_MAX, WEIGHT_STEP)
        except ValueError:
            problems.append("Gewichte")
    if "k" in q:
        try:
            k = float(q["k"])
            if not K_MIN <= k <= K_MAX:
                raise ValueError
            st.session_state[K] = _snap(k, K_MIN, K_MAX, K_STEP)
        except ValueError:
            problems.append("k")
    if "b" in q:
        try:
            st.session_state[BUDGET] = to_cents(q["b"]) / 100
        except ValueError:
            problems.append("Budget")
    return problems


def params(konzeption: Konzeption) -> Params:
    weights = tuple(float(st.session_state.get(weight_key(i), w)) for i, w in enumerate(konzeption.weights))
    budget = st.session_state.get(BUDGET)
    return konzeption.default_params().with_(
        weights=weights,
        k=float(st.session_state.get(K, konzeption.k)),
        budget_cents=None if budget is None else to_cents(f"{float(budget):.2f}"),
    )


def write_url(konzeption: Konzeption) -> None:
    p = params(konzeption)
    wanted = {
        "ds": current_dataset_key(),
        "w": ",".join(f"{w:g}" for w in p.weights),
        "k": f"{p.k:g}",
    }
    if p.budget_cents is not None:
        wanted["b"] = f"{p.budget_cents / 100:.2f}"
    if st.session_state.get(PROJECTOR):
        wanted["proj"] = "1"
    if st.session_state.get(ANON):
        wanted["anon"] = "1"
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def projector() -> bool:
    return bool(st.session_state.get(PROJECTOR))


def anonymised() -> bool:
    return bool(st.session_state.get(ANON))


def _snap(value: float, lo: float, hi: float, step: float) -> float:
    """Widgets only hold values on their grid; a Konzeption weight like 1.33 is shown as 1.3."""
    return round(min(hi, max(lo, round(value / step) * step)), 6)
