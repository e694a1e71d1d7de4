"""Session state in one place: defaults from the Konzeption, and the round trip through the URL.

The URL holds dataset, weights, k, budget and the view modes, so a link reproduces the view.
"""
from __future__ import annotations

import contextlib
import json
import urllib.parse

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from srb_core import Konzeption, Params, SrbError, SrbInputError, limits
from srb_core.funding import Choices
from srb_core.funding.model import Rule
from srb_core.money import to_cents
from srb_core.pipeline import fte_from_input, is_amount, plan_key, share_from_percent, with_shares
from srb_core.privacy import display_names, new_key, pseudonyms
from srb_core.scenarios import Scenario

from . import texts as T

# The widgets' grid is the loader's (srb_core.limits): every value a Konzeption may hold is shown exactly.
WEIGHT_MIN, WEIGHT_MAX, WEIGHT_STEP = float(limits.WEIGHT_MIN), float(limits.WEIGHT_MAX), float(limits.WEIGHT_STEP)
K_MIN, K_MAX, K_STEP = float(limits.K_MIN), float(limits.K_MAX), float(limits.K_STEP)
DATASET, K, PROJECTOR, ANON, MEASURE = "dataset", "k", "projector", "anon", "measure"
OV_DELTA = "ov_delta"  # the Übersicht map coloured by the change against the Beschluss
# The number of the last slider change the app has processed (ui/sliders.py): the slider and the wall keep a
# newer local setting of theirs while a rerun for an older one is still on its way.
SLIDER_SEQ = "_srb_sliders_seq"
BUDGET = "budget_cents"  # whole cents, as the engine takes them; the sidebar shows them in German
METHOD = "method"  # ddof, aggregation, allocation of a loaded scenario; no widget, the Konzeption's otherwise
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
    st.session_state[BUDGET] = konzeption.budget_cents or 0
    st.session_state.pop(METHOD, None)


def init_session(konzeption_for) -> list[str]:
    """On a session's first run: defaults, then whatever the URL says. Returns URL problems to show."""
    if st.session_state.get(_INIT):
        return []
    st.session_state[_INIT] = True
    q = st.query_params
    problems = []
    key = q.get("ds", "bad_kreuznach")
    konz = _konzeption_or_none(key, konzeption_for)
    st.session_state[PROJECTOR] = q.get("proj") == "1"
    st.session_state[ANON] = q.get("anon") == "1"
    if konz is None:  # weights, k and budget of the link belong to that dataset: none of them is used
        key = "bad_kreuznach"
        st.session_state[DATASET] = key
        apply_defaults(konzeption_for(key))
        return ["Datensatz"] + [name for name, q_key in (("Gewichte", "w"), ("k", "k"), ("Budget", "b")) if q_key in q]
    st.session_state[DATASET] = key
    apply_defaults(konz)
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
        budget = budget_from_url(q["b"])
        if budget is None:
            problems.append("Budget")
        else:
            st.session_state[BUDGET] = budget
    return problems


def budget_from_url(text: str) -> int | None:
    """Cents from `?b=` (euros, e.g. 488897.00), or None if it is no amount the loader would accept
    (srb_core.money.to_cents: 0 … 10¹² €, two decimals): the caller keeps the Konzeption's budget and warns."""
    try:
        return to_cents(text)
    except ValueError:
        return None


def _konzeption_or_none(key: str, konzeption_for) -> Konzeption | None:
    """A demo, or a dataset of the library (?ds=lib:<id>) that exists and still passes the checks."""
    if key.startswith("lib:"):
        try:
            return konzeption_for(key)
        except SrbError:
            return None
    return konzeption_for(key) if key in T.DATASETS and key != "upload" else None


def params(konzeption: Konzeption) -> Params:
    weights = tuple(float(st.session_state.get(weight_key(i), w)) for i, w in enumerate(konzeption.weights))
    budget = st.session_state.get(BUDGET)
    return konzeption.default_params().with_(
        weights=weights,
        k=float(st.session_state.get(K, konzeption.k)),
        budget_cents=None if budget is None else int(budget),
        **st.session_state.get(METHOD, {}),
    )


RUN_PARAMS = "_srb_run_params"


def remember_params(konzeption: Konzeption) -> Params:
    """Builds this run's parameters once, after the sidebar's widgets, and keeps them for the URL and the page."""
    p = params(konzeption)
    st.session_state[RUN_PARAMS] = (konzeption.fingerprint, p)
    return p


def run_params(konzeption: Konzeption) -> Params:
    """This run's parameters as the sidebar built them (built here only if the sidebar did not run)."""
    kept = st.session_state.get(RUN_PARAMS)
    return kept[1] if kept is not None and kept[0] == konzeption.fingerprint else params(konzeption)


_URL_SHOWN = "_srb_url_shown"


def write_url(konzeption: Konzeption, in_place: DeltaGenerator | None = None) -> None:
    """Keeps the address line equal to the view. `in_place`: in a slider's fragment rerun the address is
    replaced by a line of script there, not through st.query_params: Streamlit redraws its whole app for a
    changed query string (28 ms of the 140 ms a slider move took). The next run reads the address as usual."""
    p = run_params(konzeption)
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
    loaded = loaded_scenario(current_dataset_key())
    # The link names the scenario only while the sliders still show it; after a change the
    # parameters in the URL describe the view on their own.
    if loaded is not None and not loaded.is_baseline and loaded.params == p:
        wanted["sc"] = loaded.id
    # What the address line shows: after a line of script the server's st.query_params still holds the old address
    # (the browser changed it, not Streamlit), so fragment reruns compare with what was last written.
    shown = dict(st.query_params) if in_place is None else st.session_state.get(_URL_SHOWN, dict(st.query_params))
    st.session_state[_URL_SHOWN] = wanted
    if shown == wanted:
        return
    if in_place is None:
        st.query_params.from_dict(wanted)
    else:
        query = json.dumps("?" + urllib.parse.urlencode(wanted)).replace("<", "\\u003c")
        in_place.html(f"<script>window.parent.history.replaceState(window.parent.history.state, '', {query});"
                      "</script>", unsafe_allow_javascript=True)


_FULL_RUN = "_srb_full_run"
_FAST = "_srb_fast_rerun"


def mark_fast_rerun() -> None:
    """on_change of a control whose change concerns only the page and the sliders (weights, k): its rerun
    may stay inside the page fragment (app.py)."""
    st.session_state[_FAST] = True


def begin_full_run() -> None:
    st.session_state[_FULL_RUN] = True


_KIND = "_srb_run_kind"


def this_run_kind() -> str | None:
    """What `run_kind` said at the start of this run (app.py keeps it for the page)."""
    return st.session_state.get(_KIND)


def run_kind() -> str | None:
    """"full" in a full run, "fast" in a fragment rerun caused by a slider (it changes weights or k only),
    None in a fragment rerun caused by any other widget of a page: that may change what the rest of the app
    shows (dataset menu, budget, a loaded scenario), which app.py checks before and after the page."""
    full = bool(st.session_state.pop(_FULL_RUN, False))
    fast = bool(st.session_state.pop(_FAST, False))
    kind = "full" if full else "fast" if fast else None
    st.session_state[_KIND] = kind
    return kind


def slider_seq() -> int:
    return int(st.session_state.get(SLIDER_SEQ, 0))


def projector() -> bool:
    return bool(st.session_state.get(PROJECTOR))


def anonymised() -> bool:
    return bool(st.session_state.get(ANON))


PSEUDONYM_KEY = "_srb_pseudonym_key"


def pseudonym_key() -> bytes:
    """This session's secret for the neutral codes: stable while the session lasts, never sent anywhere."""
    if PSEUDONYM_KEY not in st.session_state:
        st.session_state[PSEUDONYM_KEY] = new_key()
    return st.session_state[PSEUDONYM_KEY]


def codes(data) -> dict[str, str]:
    """kita_id → neutral code of this session."""
    return pseudonyms(data, pseudonym_key())


def kita_names(data) -> list[str]:
    """What a Kita is called on screen and in downloads now: its name, or its code when anonymised."""
    return display_names(data, anonymised(), pseudonym_key())


def mode_suffix() -> str:
    """Part of the key of widgets that show Kita names: switching 'Anonymisiert' mounts new widgets, so
    none keeps the names (or codes) it was created with."""
    return "_anon" if anonymised() else "_named"


def _snap(value: float, lo: float, hi: float, step: float) -> float:
    """Widgets only hold values on their grid (two decimals): 1.33 stays 1.33, 1.337 is shown as 1.34."""
    return round(min(hi, max(lo, round(value / step) * step)), 6)


# Widgets of a page that is not shown in a run lose their state. These prefixes mark page-local
# choices a user expects to find again after looking at another page.
KEEP_PREFIXES = ("fund_", "kt_", "rw_", "sr_", "measure", "rb_")


def keep_page_choices() -> None:
    """Re-assigning a widget's own value marks it as set by the app, so Streamlit keeps it."""
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(KEEP_PREFIXES) and not key.endswith("__editor"):
            # some widget kinds refuse assignment; they keep no choice worth restoring
            with contextlib.suppress(Exception):
                st.session_state[key] = st.session_state[key]


def editor_data(key: str, computed, widget: str | None = None, relabel=None):
    """Input for a data editor whose edits must survive page switches.

    While the editor is mounted it must keep getting the same input; after a page switch it is
    remounted with the last edited table instead of the computed one. `widget` is the editor's key
    (default `key + "__editor"`); a new widget key (e.g. after switching 'Anonymisiert') remounts it
    with the saved table passed through `relabel`, so its Kita column shows the labels of the new mode.
    """
    widget = widget or f"{key}__editor"
    if (widget not in st.session_state or f"{key}__input" not in st.session_state
            or st.session_state.get(f"{key}__widget") != widget):
        saved = st.session_state.get(f"{key}__saved")
        st.session_state[f"{key}__input"] = computed if saved is None else (relabel(saved) if relabel else saved)
        st.session_state[f"{key}__widget"] = widget
    return st.session_state[f"{key}__input"]


def save_editor(key: str, edited) -> None:
    st.session_state[f"{key}__saved"] = edited


def forget_editor(key: str) -> None:
    for suffix in ("__saved", "__input", "__widget"):
        st.session_state.pop(f"{key}{suffix}", None)


def funding_prefix(dataset_key: str) -> str:
    return f"fund_{dataset_key}_"


def request_label(code: str, name: str, anonymised: bool) -> str:
    """Rows of the request editor start with the neutral code, so toggling anonymity keeps them valid."""
    return code if anonymised else f"{code} · {name}"


def funding_choices(dataset_key: str, funding, data) -> Choices:
    """The Jugendamt's decisions as entered on the page 'Budget & Stellen' (defaults if none)."""
    prefix = funding_prefix(dataset_key)
    by_code: dict[str, str] | None = None  # built only if there are requests: every page builds the choices
    centres, exceptions, requests = [], [], []
    for strand in funding.strands:
        if strand.rule == Rule.ONE_PER_SOZIALRAUM:
            for r in range(len(data.sozialraum_names)):
                pick = st.session_state.get(f"{prefix}centre_{strand.key}_{r}")
                if pick in data.kita_ids:
                    centres.append((strand.key, pick))
        elif strand.rule == Rule.INDEX_ABOVE_MEAN:
            exceptions += [(strand.key, k) for k in st.session_state.get(f"{prefix}exc_{strand.key}", [])
                           if k in data.kita_ids]
        elif strand.rule == Rule.ON_REQUEST:
            saved = st.session_state.get(f"{prefix}req_{strand.key}__saved")
            if saved is None:
                continue
            if by_code is None:
                by_code = {code: kita_id for kita_id, code in codes(data).items()}
            for label, fte in zip(saved.iloc[:, 0], saved.iloc[:, 1], strict=False):
                kita_id = by_code.get(str(label).split(" · ")[0])
                if kita_id and is_amount(fte) and fte > 0:
                    requests.append((strand.key, kita_id, fte_from_input(fte)))
    return Choices(tuple(centres), tuple(requests), tuple(exceptions))


# --- Scenarios --------------------------------------------------------------------------------
LOADED = "scenario_loaded"  # (dataset key, scenario) currently loaded, for the link and 'overwrite'


def adjustments_key(dataset_key: str) -> str:
    return f"{funding_prefix(dataset_key)}adjust_current"


def set_adjustments(dataset_key: str, plan, adjustments: tuple) -> None:
    """Keeps manual changes with the plan they were made for; evaluate drops them once the proposal changes."""
    st.session_state[adjustments_key(dataset_key)] = (plan_key(plan), tuple(adjustments))


def share_key(dataset_key: str, strand_key: str) -> str:
    return f"{funding_prefix(dataset_key)}share_{strand_key}"


def strand_shares(dataset_key: str, funding) -> tuple:
    """Strand shares set on 'Budget & Stellen' (in %), as fractions; () while they equal the Konzeption's."""
    if funding is None:
        return ()
    shares = []
    for strand in funding.strands:
        value = st.session_state.get(share_key(dataset_key, strand.key))
        if strand.rule != Rule.ON_REQUEST and value is not None:
            shares.append((strand.key, share_from_percent(value)))
    return tuple(shares) if any(dict(shares).get(s.key, s.share) != s.share for s in funding.strands) else ()


def current_scenario(ds, funding, params_: Params | None = None) -> tuple[Scenario, SrbInputError | None]:
    """"Aktuelle Einstellungen" as a Scenario: the sidebar's parameters and, with strands and a budget, the
    decisions, strand shares and adjustments of 'Budget & Stellen'. `funding`: the Konzeption's strands.

    Returns it with the reason the strand shares set on 'Budget & Stellen' were not used (then the
    Konzeption's are), or None. Adjustments carry the plan they were made for (evaluate drops stale ones)."""
    konz = ds.konzeption
    p = run_params(konz) if params_ is None else params_
    current = Scenario(name=T.SC_CURRENT, params=p, dataset=ds.key, konzeption=konz.name,
                       data_fingerprint=ds.data.fingerprint)
    if funding is None or p.budget_cents is None:
        return current, None
    problem = None
    try:
        in_effect = with_shares(funding, strand_shares(ds.key, funding))
    except SrbInputError as exc:
        in_effect, problem = funding, exc
    stored = st.session_state.get(adjustments_key(ds.key))
    made_for, adjustments = stored if stored is not None else (None, ())
    # The shares in effect are stored even when they are the Konzeption's: a saved scenario then still
    # reproduces its numbers if the Konzeption file is changed later.
    return current.with_(choices=funding_choices(ds.key, in_effect, ds.data), adjustments=adjustments,
                         adjustments_for=made_for if adjustments else None,
                         strand_shares=tuple((s.key, s.share) for s in in_effect.strands
                                             if s.rule != Rule.ON_REQUEST)), problem


def apply_scenario(scenario, ds, plan_before_adjustments) -> None:
    """Puts a scenario's parameters and decisions into the widgets of every page."""
    konz = ds.konzeption
    st.session_state[DATASET] = ds.key
    apply_defaults(konz)
    p = scenario.params
    for i, w in enumerate(p.weights):
        st.session_state[weight_key(i)] = _snap(w, WEIGHT_MIN, WEIGHT_MAX, WEIGHT_STEP)
    st.session_state[K] = _snap(p.k, K_MIN, K_MAX, K_STEP)
    st.session_state[BUDGET] = p.budget_cents or 0
    method = {"ddof": p.ddof, "aggregation": p.aggregation, "allocation": p.allocation}
    default = konz.default_params()
    if method != {"ddof": default.ddof, "aggregation": default.aggregation, "allocation": default.allocation}:
        st.session_state[METHOD] = method
    _apply_decisions(scenario, ds)
    if plan_before_adjustments is not None:
        set_adjustments(ds.key, plan_before_adjustments, scenario.adjustments)
    mark_loaded(ds.key, scenario)


def _apply_decisions(scenario, ds) -> None:
    """The scenario's strand shares, centres, exceptions and requests into the widgets of 'Budget & Stellen'."""
    data = ds.data
    prefix = funding_prefix(ds.key)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)
                and ("centre_" in k or "exc_" in k or "req_" in k or "adjust_" in k or "share_" in k)]:
        del st.session_state[key]
    for strand, share in scenario.strand_shares:
        st.session_state[share_key(ds.key, strand)] = float(share * 100)
    for strand, kita_id in scenario.choices.centres:
        if kita_id in data.kita_ids:
            r = int(data.sozialraum[data.row_of(kita_id)])
            st.session_state[f"{prefix}centre_{strand}_{r}"] = kita_id
    by_strand: dict[str, list] = {}
    for strand, kita_id in scenario.choices.exceptions:
        by_strand.setdefault(strand, []).append(kita_id)
    for strand, ids in by_strand.items():
        st.session_state[f"{prefix}exc_{strand}"] = ids
    by_id = codes(data)
    requests: dict[str, list] = {}
    for strand, kita_id, fte in scenario.choices.requests:
        if kita_id in data.kita_ids:
            label = request_label(by_id[kita_id], data.names[data.row_of(kita_id)], anonymised())
            requests.setdefault(strand, []).append((label, float(fte)))
    for strand, rows in requests.items():
        st.session_state[f"{prefix}req_{strand}__saved"] = pd.DataFrame(
            {T.BU_COL_REQ_KITA: [r[0] for r in rows], T.BU_COL_REQ_FTE: [r[1] for r in rows]})


def mark_loaded(dataset_key: str, scenario) -> None:
    st.session_state[LOADED] = (dataset_key, scenario)


def loaded_scenario(dataset_key: str):
    loaded = st.session_state.get(LOADED)
    return loaded[1] if loaded and loaded[0] == dataset_key else None
