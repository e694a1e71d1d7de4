"""The bridge between the session and saved scenarios: build one from the widgets, load one, export."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from srb_core import SrbError
from srb_core.pack.build import pack_input, render
from srb_core.pipeline import Outcome
from srb_core.scenarios import Scenario, baseline_scenario, change_line

from . import cache, state
from . import texts as T
from .cache import Dataset
from .escape import md_error, md_list

FILE_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}


def base(ds: Dataset) -> Scenario:
    return baseline_scenario(ds.konzeption, ds.key, ds.data.fingerprint)


def current(ds: Dataset, name: str = "", author: str = "", note: str = "") -> Scenario:
    """What the widgets show now, as a scenario to save or export: only the adjustments that apply to
    its proposal (those made for an earlier proposal are dropped, as on every page)."""
    try:
        funding = cache.funding(ds)
    except SrbError:
        funding = None
    scenario, _ = state.current_scenario(ds, funding)
    described = {"name": name or T.SC_CURRENT, "author": author, "note": note}
    try:
        outcome = cache.outcome(ds, scenario)
    except SrbError:  # step 2 refused: the parameters alone
        return Scenario(params=scenario.params, dataset=ds.key, konzeption=ds.konzeption.name,
                        data_fingerprint=ds.data.fingerprint, **described)
    return scenario.with_(adjustments=outcome.applied_adjustments, adjustments_for=None, **described)


def load(ds: Dataset, scenario: Scenario) -> Outcome:
    """Sets every widget to the scenario; returns its outcome (the caller reports a fingerprint mismatch)."""
    outcome = cache.outcome(ds, scenario)
    state.apply_scenario(scenario, ds, outcome.proposal.plan if outcome.proposal else None)
    return outcome


def pack_file(outcomes: list[Outcome], main: int, fmt: str, ds: Dataset, question: str = "") -> Callable[[], bytes]:
    """Built only when the download button is clicked: a PDF takes about half a second."""
    anonymised, key = state.anonymised(), state.pseudonym_key()  # codes as on the screen
    geojson = ds.geo.geojson if ds.geo is not None else None

    def build() -> bytes:
        return render(pack_input(outcomes, main, anonymised=anonymised, dataset_label=cache.dataset_label(ds.key),
                                 demo=ds.demo, geojson=geojson, question=question, pseudonym_key=key), fmt)
    return build


def file_name(scenario_name: str, fmt: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in scenario_name).strip("_") or "szenario"
    return f"ausschuss_{safe[:60]}.{fmt}"


def download_pack(label: str, outcomes: list[Outcome], main: int, fmt: str, ds: Dataset, key: str,
                  question: str = "") -> None:
    st.download_button(
        label,
        pack_file(outcomes, main, fmt, ds, question),
        file_name=file_name(outcomes[main].scenario.name, fmt),
        mime=FILE_TYPES[fmt],
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


LINK_DONE = "_sc_link_done"


def open_link() -> list[str]:
    """On a session's first run with ?sc=…: load that scenario. Returns messages to show once."""
    if st.session_state.get(LINK_DONE):  # only the first run: later ?sc= values are written by the app itself
        return []
    st.session_state[LINK_DONE] = True
    scenario_id = st.query_params.get("sc")
    if not scenario_id:
        return []
    try:
        scenario = cache.store().get(scenario_id)
        if scenario.dataset not in cache.DEMOS and not cache.is_library_key(scenario.dataset):
            return [T.SC_LINK_FAILED.format(why=T.SC_UPLOAD_DATASET)]
        ds = cache.dataset(scenario.dataset)
        outcome = load(ds, scenario)
    except SrbError as exc:
        return [T.SC_LINK_FAILED.format(why=md_error(exc))]
    if not outcome.fingerprint_matches:
        return [T.SC_FINGERPRINT.format(saved=scenario.data_fingerprint[:12], now=ds.data.fingerprint[:12])]
    return []


def change_lines(ds: Dataset, scenarios: list[Scenario]) -> list[str]:
    """What each scenario changes against the Beschluss, one line each (srb_core.scenarios.change_line)."""
    try:
        funding = cache.funding(ds)
    except SrbError:
        funding = None
    return [change_line(s, ds.konzeption, funding) for s in scenarios]


def unsaved(ds: Dataset, saved: list[Scenario]) -> bool:
    """The widgets differ from the Beschluss and from every saved scenario (parameters and adjustments)."""
    now = current(ds)
    if now.params == ds.konzeption.default_params() and not now.adjustments:
        return False
    return not any(s.params == now.params and s.adjustments == now.adjustments for s in saved)


def pack_section(ds: Dataset, saved: list[Scenario], key: str, unsaved_changes: bool,
                 preselect: tuple[str, ...] = ()) -> None:
    """The committee pack, only for saved scenarios chosen explicitly ("Paket für …"), with the decision question."""
    if unsaved_changes:
        st.info(T.SC_PACK_SAVE_FIRST.format(save=T.SC_SAVE))
    if not saved:
        st.caption(T.SC_PACK_NONE)
        return
    by_id = {s.id: s for s in saved}
    pick_key = f"{key}_pack_for"
    if pick_key not in st.session_state:
        st.session_state[pick_key] = [i for i in preselect if i in by_id][:3]
    else:
        st.session_state[pick_key] = [i for i in st.session_state[pick_key] if i in by_id]
    picked = st.multiselect(T.SC_PACK_FOR, list(by_id), format_func=lambda i: by_id[i].name, max_selections=3,
                            key=pick_key, help=T.SC_PACK_FOR_HELP,
                            placeholder=T.SC_PACK_PLACEHOLDER)
    question = st.text_input(T.SC_PACK_QUESTION, value=T.SC_PACK_QUESTION_DEFAULT, key=f"{key}_pack_question",
                             max_chars=300)
    if not picked:
        return
    try:
        outcomes = [cache.outcome(ds, base(ds))] + [cache.outcome(ds, by_id[i]) for i in picked]
    except SrbError as exc:
        st.error(md_error(exc))
        return
    st.text(T.SC_PACK_BUILD.format(names=", ".join(f"„{by_id[i].name}“" for i in picked)))  # plain text: names are data
    with st.container(horizontal=True):
        download_pack(T.SC_PACK_XLSX, outcomes, len(outcomes) - 1, "xlsx", ds, key=f"{key}_pack_xlsx",
                      question=question)
        download_pack(T.SC_PACK_PDF, outcomes, len(outcomes) - 1, "pdf", ds, key=f"{key}_pack_pdf", question=question)
    for o in outcomes[1:]:
        if o.adjustment_problems:
            st.warning(T.SC_ADJUST_PROBLEMS + "\n\n" + md_list([str(p) for p in o.adjustment_problems]))
