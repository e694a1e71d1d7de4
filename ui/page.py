"""What every page starts with: title, badges, and the numbers of the current settings (or a clear error)."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from srb_core import Result, SrbError, SrbInputError
from srb_core.pipeline import Outcome
from srb_core.scenarios import baseline_scenario

from . import cache, state
from . import texts as T
from .cache import Dataset
from .escape import md_error
from .sidebar import badges


@dataclass(frozen=True)
class View:
    """One run's numbers: the current settings and the Beschluss, each one srb_core.pipeline Outcome."""

    ds: Dataset
    outcome: Outcome  # "Aktuelle Einstellungen"
    base: Outcome  # the Beschluss (the adopted Konzeption)
    step2_error: SrbError | None = None  # why `outcome` has no proposal although the Konzeption has strands
    share_problem: SrbInputError | None = None  # why the strand shares set on 'Budget & Stellen' are not used

    @property
    def result(self) -> Result:
        return self.outcome.result


def _step2_or_step1(ds: Dataset, scenario) -> tuple[Outcome, SrbError | None]:
    """The full outcome; if step 2 is refused, step 1 alone and the reason (pages without step 2 still work)."""
    try:
        return cache.outcome(ds, scenario), None
    except SrbError as exc:
        return cache.outcome(ds, scenario, with_step2=False), exc


def view(title: str, header: bool = True) -> View:
    """The current settings as a scenario (ui.state) through the one access point, then title and badges.
    `header=False`: the page writes them itself with `header` once it has computed everything it shows."""
    ds = cache.dataset(state.current_dataset_key())
    params = state.run_params(ds.konzeption)
    try:
        try:
            funding = cache.funding(ds)
        except SrbInputError as exc:  # a bad [[strands]] block: step 1 still works, 'Budget & Stellen' says why
            funding, strands_error = None, exc
        else:
            strands_error = None
        scenario, share_problem = state.current_scenario(ds, funding, params)
        current, step2_error = _step2_or_step1(ds, scenario)
        base, _ = _step2_or_step1(ds, baseline_scenario(ds.konzeption, ds.key, ds.data.fingerprint))
    except SrbError as exc:
        _header(ds, title)
        st.error(T.ERR_COMPUTE + "\n\n" + md_error(exc))
        st.stop()
    v = View(ds, current, base, step2_error or strands_error, share_problem)
    if header:
        _header(ds, title)
    return v


def header(v: View, title: str) -> None:
    """Title, badges and the missing-upload note of a page that called `view(title, header=False)`."""
    _header(v.ds, title)


def _header(ds: Dataset, title: str) -> None:
    params = state.run_params(ds.konzeption)
    st.title(title)
    loaded = state.loaded_scenario(ds.key)
    shown = loaded.name if loaded is not None and loaded.params == params else None
    html = badges(ds, changed=params != ds.konzeption.default_params(), scenario=shown)
    if html:  # st.html refuses an empty body; own data without changes has no badge
        st.html(html)
    if state.current_dataset_key() == "upload" and cache.uploaded_dataset() is None:
        st.info(T.NO_UPLOAD)


def context(title: str) -> tuple[Dataset, Result, Result]:
    """(dataset, current step-1 result, the Beschluss's) for pages that show step 1 only."""
    v = view(title)
    return v.ds, v.outcome.result, v.base.result


def footer(ds: Dataset) -> None:
    notes = []
    if ds.demo:
        notes.append(T.DEMO_NOTE)
    if ds.schematic_map:
        notes.append(T.SCHEMATIC_MAP)
    if notes:
        st.caption(" ".join(notes))
    st.page_link("app_pages/glossar.py", label=T.GLOSSARY_LINK, icon=":material/menu_book:")
