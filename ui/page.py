"""What every page starts with: title, badges, and the current result (or a clear error)."""
from __future__ import annotations

import streamlit as st

from srb_core import Result, SrbError, SrbInputError

from . import cache, state
from . import texts as T
from .cache import Dataset
from .escape import md_error
from .sidebar import badges


def context(title: str) -> tuple[Dataset, Result, Result]:
    ds = cache.dataset(state.current_dataset_key())
    params = state.params(ds.konzeption)
    st.title(title)
    loaded = state.loaded_scenario(ds.key)
    shown = loaded.name if loaded is not None and loaded.params == params else None
    html = badges(ds, changed=params != ds.konzeption.default_params(), scenario=shown)
    if html:  # st.html refuses an empty body; own data without changes has no badge
        st.html(html)
    if state.current_dataset_key() == "upload" and cache.uploaded_dataset() is None:
        st.info(T.NO_UPLOAD)
    try:
        return ds, cache.result(ds, params), cache.baseline(ds)
    except SrbError as exc:
        st.error(T.ERR_COMPUTE + "\n\n" + md_error(exc))
        st.stop()


def footer(ds: Dataset) -> None:
    notes = []
    if ds.demo:
        notes.append(T.DEMO_NOTE)
    if ds.schematic_map:
        notes.append(T.SCHEMATIC_MAP)
    if notes:
        st.caption(" ".join(notes))
    st.page_link("app_pages/glossar.py", label=T.GLOSSARY_LINK, icon=":material/menu_book:")


def strand_shares(ds: Dataset) -> tuple[tuple, SrbInputError | None]:
    """The strand shares in effect: those set on 'Budget & Stellen' if they are valid, else the
    Konzeption's (empty tuple) together with the reason they were not used."""
    try:
        shares = state.strand_shares(ds.key, cache.funding(ds))
        cache.funding(ds, shares)
        return shares, None
    except SrbInputError as exc:
        return (), exc


def current_proposal(ds: Dataset, res: Result):
    """(funding, proposal) with the decisions made on 'Budget & Stellen'; (None, None) if the Konzeption
    has no strands or the proposal cannot be computed (that page explains why)."""
    try:
        shares, _ = strand_shares(ds)
        funding = cache.funding(ds, shares)
        if funding is None:
            return None, None
        return funding, cache.proposal(ds, res, state.funding_choices(ds.key, funding, res.data), shares)
    except SrbError:
        return None, None


def area_amounts(ds: Dataset, res: Result):
    """Step 1 and step 2 per Sozialraum (srb_core.team.area_amounts); None without strands or budget."""
    from srb_core.team import area_amounts as _amounts

    funding, proposal = current_proposal(ds, res)
    if funding is None or proposal is None:
        return None
    return _amounts(res, funding, proposal.plan)
