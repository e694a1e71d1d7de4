"""Page 'Daten', section 'Datenbibliothek': store a checked upload on purpose, list, rename, delete, undo."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from srb_core import SrbError
from srb_core.library import StoredFiles
from srb_core.library.store import default_path

from . import cache, scenario_views, state
from . import texts as T
from .escape import md, md_error

FLASH = "lib_flash"
DEMO_KONZEPTION = cache.ROOT / "data/demo/bad_kreuznach/konzeption.toml"  # what a check without Konzeption used


def link(page_url: str | None, dataset_key: str) -> str:
    """The app's start address with ?ds=lib:<id>."""
    parts = urlsplit(scenario_views.link(page_url, "x"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, f"ds={dataset_key}", ""))


def _files() -> StoredFiles | None:
    kitas, konz, geo = (st.session_state.get(k) for k in ("up_kitas", "up_konzeption", "up_map"))
    if kitas is None:
        return None
    konz_bytes, konz_name = (konz.getvalue(), konz.name) if konz is not None else (
        DEMO_KONZEPTION.read_bytes(), DEMO_KONZEPTION.name)
    return StoredFiles(kitas.getvalue(), kitas.name, konz_bytes, konz_name,
                       geo.getvalue() if geo is not None else None, geo.name if geo is not None else None)


def _store() -> None:
    files = _files()
    if files is None:
        return
    stichtag = st.session_state.get("lib_date") or date.today()
    try:
        saved = cache.library().store(files, st.session_state.get("lib_name", ""), stichtag.isoformat(),
                                      st.session_state.get("lib_note", "").strip())
    except SrbError as exc:  # an input error with each of its problems
        st.session_state[FLASH] = ("error", md_error(exc), None)
        return
    # names and file names are the user's: escaped for the Markdown of the message (a link in a name stays text)
    st.session_state[FLASH] = ("success", T.LIB_SAVED.format(name=md(saved.name)), saved.key)
    st.session_state["lib_pick"] = saved.id


def _use(key: str) -> None:
    st.session_state[state.DATASET] = key
    state.apply_defaults(cache.dataset(key).konzeption)


def _act(action, *args, message: str, undo: str | None = None, name: str | None = None) -> None:
    """`name`: the one the message names, if not the result's (a deleted entry is gone afterwards)."""
    try:
        result = action(*args)
    except SrbError as exc:
        st.session_state[FLASH] = ("error", md_error(exc), None)
        return
    name = getattr(result, "name", "") if name is None else name
    st.session_state[FLASH] = ("info" if undo else "success", message.format(name=md(name)), None)
    if getattr(result, "id", None):  # set anew after a rename: the menu shows the new name (it reports labels)
        st.session_state["lib_pick"] = result.id
    st.session_state["lib_undo"] = undo


def _delete(entry) -> None:
    _act(cache.library().delete, entry.id, message=T.LIB_DELETED, undo=entry.id, name=entry.name)


def save_form(report) -> None:
    st.subheader(T.LIB_SAVE)
    files = _files()
    if report is None or not report.ok or files is None:
        st.caption(T.LIB_NEED_CHECK)
        return
    names = [f"Kita-Tabelle „{md(files.kitas_name)}“ ({report.data.n} Kitas)",
             f"Konzeption „{md(files.konzeption_name)}“ ({md(report.konzeption.name)})"]
    if files.map is not None:
        names.append(f"Karte „{md(files.map_name)}“")
    st.caption(T.LIB_WHAT.format(files="; ".join(names)))
    with st.form("lib_form", border=False):
        c1, c2 = st.columns([2, 1])
        c1.text_input(T.LIB_NAME, key="lib_name", max_chars=120, value=Path(files.kitas_name).stem)
        c2.date_input(T.LIB_STICHTAG, key="lib_date", format="DD.MM.YYYY")
        st.text_area(T.LIB_NOTE, key="lib_note", height=68, max_chars=2000)
        st.form_submit_button(T.LIB_SAVE_BUTTON, type="primary", on_click=_store, icon=":material/save:")


def library_section() -> None:
    flash = st.session_state.pop(FLASH, None)
    if flash is not None:
        kind, text, key = flash
        getattr(st, kind)(text)
        if key:
            st.code(link(st.context.url, key), language=None)
            st.button(T.LIB_USE, on_click=_use, args=(key,), key="lib_use_new")
    undo = st.session_state.pop("lib_undo", None)
    if undo:
        st.button(T.LIB_UNDO, on_click=_act, args=(cache.library().undo_delete, undo),
                  kwargs={"message": T.LIB_RESTORED}, icon=":material/undo:")
    st.subheader(T.LIB_LIST)
    try:
        entries = cache.library().list() if default_path().exists() else []  # looking creates no file
    except SrbError as exc:
        st.error(str(exc))
        return
    if not entries:
        st.caption(T.LIB_EMPTY)
    else:
        st.dataframe(pd.DataFrame({
            T.LIB_COL_NAME: [d.name for d in entries],
            T.LIB_COL_DATE: [T.german_date(d.stichtag) for d in entries],
            T.LIB_COL_KITAS: [d.n_kitas for d in entries],
            T.LIB_COL_KONZ: [d.title for d in entries],
            T.LIB_COL_FILES: [", ".join(filter(None, (d.kitas_name, d.konzeption_name, d.map_name))) for d in entries],
            T.LIB_COL_SAVED: [datetime.fromisoformat(d.created).astimezone().strftime("%d.%m.%Y %H:%M")
                              for d in entries],
            T.LIB_COL_NOTE: [d.note for d in entries],
        }), hide_index=True, width="stretch")
        by_id = {d.id: d for d in entries}
        if st.session_state.get("lib_pick") not in by_id:
            st.session_state["lib_pick"] = entries[0].id
        pick = by_id[st.selectbox(T.LIB_PICK, list(by_id), key="lib_pick",
                                  format_func=lambda i: f"{by_id[i].name} ({T.german_date(by_id[i].stichtag)})")]
        row = st.container(horizontal=True)
        row.button(T.LIB_USE, on_click=_use, args=(pick.key,), type="primary", key="lib_use")
        row.button(T.LIB_DELETE, on_click=_delete, args=(pick,), icon=":material/delete:")
        r1, r2 = st.columns([3, 1], vertical_alignment="bottom")
        new_name = r1.text_input(T.LIB_RENAME, key=f"lib_rename_{pick.id}", max_chars=120)
        r2.button(T.LIB_RENAME_BUTTON, on_click=_act, args=(cache.library().rename, pick.id, new_name.strip()),
                  kwargs={"message": T.LIB_RENAMED}, disabled=not new_name.strip())
        st.caption(T.LIB_LINK)
        st.code(link(st.context.url, pick.key), language=None)
    st.caption(T.LIB_WHERE.format(path=default_path()))
