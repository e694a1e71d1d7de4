"""The bridge between the session and saved scenarios: build one from the widgets, load one, export."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from srb_core import SrbError
from srb_core.pack.build import pack_input, render
from srb_core.scenarios import Outcome, Scenario, baseline

from . import cache, page, state
from . import texts as T
from .cache import Dataset
from .escape import md_error

FILE_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}


def base(ds: Dataset) -> Scenario:
    return baseline(ds.konzeption, ds.key, ds.data.fingerprint)


def current(ds: Dataset, name: str = "", author: str = "", note: str = "") -> Scenario:
    """What the widgets show now, as a scenario (not saved)."""
    params = state.params(ds.konzeption)
    scenario = Scenario(name=name or T.SC_CURRENT, params=params, author=author, note=note, dataset=ds.key,
                        konzeption=ds.konzeption.name, data_fingerprint=ds.data.fingerprint)
    try:
        shares, _ = page.strand_shares(ds)
        funding = cache.funding(ds, shares)
        if funding is None or params.budget_cents is None:
            return scenario
        choices = state.funding_choices(ds.key, funding, ds.data)
        plan = cache.proposal(ds, cache.result(ds, params), choices, shares).plan
    except SrbError:
        return scenario
    # The shares in effect are stored even when they are the Konzeption's: the scenario then still
    # reproduces its numbers if the Konzeption file is changed later.
    return scenario.with_(choices=choices, adjustments=state.current_adjustments(ds.key, plan),
                          strand_shares=tuple((s.key, s.share) for s in funding.strands if s.rule != "on_request"))


def load(ds: Dataset, scenario: Scenario) -> Outcome:
    """Sets every widget to the scenario; returns its outcome (the caller reports a fingerprint mismatch)."""
    outcome = cache.outcome(ds, scenario)
    state.apply_scenario(scenario, ds, outcome.proposal.plan if outcome.proposal else None)
    return outcome


def pack_file(outcomes: list[Outcome], main: int, fmt: str, ds: Dataset) -> Callable[[], bytes]:
    """Built only when the download button is clicked: a PDF takes about half a second."""
    anonymised, key = state.anonymised(), state.pseudonym_key()  # codes as on the screen
    geojson = ds.geo.geojson if ds.geo is not None else None

    def build() -> bytes:
        return render(pack_input(outcomes, main, anonymised=anonymised, dataset_label=cache.dataset_label(ds.key),
                                 demo=ds.demo, geojson=geojson, pseudonym_key=key), fmt)
    return build


def file_name(scenario_name: str, fmt: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in scenario_name).strip("_") or "szenario"
    return f"ausschuss_{safe[:60]}.{fmt}"


def download_pack(label: str, outcomes: list[Outcome], main: int, fmt: str, ds: Dataset, key: str) -> None:
    st.download_button(
        label,
        pack_file(outcomes, main, fmt, ds),
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
