import streamlit as st

from srb_core import SrbError, SrbInputError
from srb_core.scenarios import BASELINE_ID, dumps, loads
from ui import cache, page, scenario_views, scenarios, state
from ui import texts as T
from ui.escape import md, md_error

ds, res, base = page.context(T.SC_TITLE)
st.caption(T.SC_INTRO)
try:
    store = cache.store()
except SrbError as exc:
    st.error(md_error(exc))
    st.stop()
FLASH = "sc_flash"


def _flash(kind: str, text: str, undo: str | None = None) -> None:
    st.session_state[FLASH] = (kind, text, undo)


def _save(replace_id: str | None = None) -> None:
    typed = [st.session_state.get(k, "").strip() for k in ("sc_name", "sc_author", "sc_note")]
    if not replace_id and not typed[0]:  # validated on click: a disabled button would swallow the first click
        return _flash("error", T.SC_SAVE_NEED_NAME)
    old = state.loaded_scenario(ds.key) if replace_id else None
    if old is not None:  # overwriting keeps what the form leaves empty
        typed = [t or o for t, o in zip(typed, (old.name, old.author, old.note), strict=False)]
    scenario = scenarios.current(ds, *typed)
    try:
        saved = store.save(scenario, replace_id=replace_id)
    except SrbError as exc:
        return _flash("error", md_error(exc))
    state.mark_loaded(ds.key, saved)  # the widgets already show it
    st.session_state["sc_pick"] = saved.id
    _flash("success", T.SC_SAVED.format(name=md(saved.name)))


def _load(scenario) -> None:
    try:
        outcome = scenarios.load(ds, scenario)
    except SrbInputError as exc:
        return _flash("error", md_error(exc))
    _flash("success", T.SC_LOADED_NOW.format(name=md(scenario.name)))
    if state.params(ds.konzeption) != scenario.params:  # e.g. a weight of 1.33 from a hand-written file
        _flash("warning", T.SC_LOADED_NOW.format(name=md(scenario.name)) + "\n\n" + T.SC_ROUNDED)
    if not outcome.fingerprint_matches:
        _flash("warning", T.SC_LOADED_NOW.format(name=md(scenario.name)) + "\n\n" +
               T.SC_FINGERPRINT.format(saved=scenario.data_fingerprint[:12], now=ds.data.fingerprint[:12]))


def _act(action, *args, message: str = "", undo: str | None = None) -> None:
    try:
        result = action(*args)
    except SrbError as exc:
        return _flash("error", md_error(exc))
    if getattr(result, "id", None):
        st.session_state["sc_pick"] = result.id  # set anew also after a rename: the menu then shows the new name
        loaded = state.loaded_scenario(ds.key)
        if loaded is not None and loaded.id == result.id:  # the badge, the 'overwrite' button name it
            state.mark_loaded(ds.key, result)
    _flash("success", message.format(name=md(getattr(result, "name", ""))) if message else "", undo)


def _delete(scenario) -> None:
    try:
        store.delete(scenario.id)
    except SrbError as exc:
        return _flash("error", md_error(exc))
    _flash("info", T.SC_DELETED.format(name=md(scenario.name)), undo=scenario.id)


def _undo(scenario_id: str) -> None:
    _act(store.undo_delete, scenario_id, message=T.SC_RESTORED)


def _import(imported) -> None:
    try:
        cache.outcome(ds, imported)  # refuse a scenario that does not fit this Konzeption before storing it
    except SrbInputError as exc:
        return _flash("error", md_error(exc))
    name = store.free_name(imported.name, ds.key, reserved=(T.CP_BASELINE,))  # "Beschluss" heads the comparison
    _act(store.save, imported.with_(id="", dataset=ds.key, name=name), message=T.SC_IMPORTED)
    st.session_state["sc_imports"] = st.session_state.get("sc_imports", 0) + 1  # empties the file field


flash = st.session_state.pop(FLASH, None)
if flash:
    kind, text, undo = flash
    getattr(st, kind)(text)
    if undo:
        st.button(T.SC_UNDO, on_click=_undo, args=(undo,), icon=":material/undo:")

loaded = state.loaded_scenario(ds.key)
current = scenarios.current(ds)
if loaded is not None:
    changed = loaded.params != current.params or loaded.choices != current.choices
    st.info(T.SC_LOADED.format(name=md(loaded.name), changed=T.SC_LOADED_CHANGED if changed else ""))
if ds.key == "upload":
    st.caption(T.SC_UPLOAD_DATASET)

st.subheader(T.SC_SAVE)
c1, c2 = st.columns([2, 1])
c1.text_input(T.SC_NAME, key="sc_name", help=T.SC_NAME_HELP, max_chars=120)
c2.text_input(T.SC_AUTHOR, key="sc_author", max_chars=80)
st.text_area(T.SC_NOTE, key="sc_note", height=80, max_chars=2000)
row = st.container(horizontal=True)
row.button(T.SC_SAVE_NEW, type="primary", on_click=_save, icon=":material/save:", key="sc_do_save")
if loaded is not None and not loaded.is_baseline:
    row.button(T.SC_OVERWRITE.format(name=md(loaded.name)), on_click=_save, args=(loaded.id,))

st.subheader(T.SC_LIST)
try:
    saved, broken = store.list(ds.key), store.unreadable(ds.key)
except SrbError as exc:
    st.error(str(exc))
    st.stop()
everything = [scenarios.base(ds)] + saved
st.dataframe(scenario_views.scenario_table(everything, ds.data.fingerprint, scenarios.change_lines(ds, everything)),
             hide_index=True, width="stretch")
if not saved:
    st.caption(T.SC_NONE)
if broken:  # damaged or newer-format rows: listed, never hidden, never fatal
    st.warning(T.SC_UNREADABLE.format(n=len(broken)))
    st.dataframe({T.SC_COL_NAME: [b.name for b in broken], T.SC_COL_UPDATED: [b.updated for b in broken],
                  T.SC_COL_REASON: [b.reason for b in broken]}, hide_index=True, width="stretch")
ids = [s.id for s in everything]
by_id = {s.id: s for s in everything}
if st.session_state.get("sc_pick") not in ids:
    st.session_state["sc_pick"] = loaded.id if loaded is not None and loaded.id in ids else BASELINE_ID
pick = by_id[st.columns([2, 1])[0].selectbox(T.SC_PICK, ids, format_func=lambda i: by_id[i].name, key="sc_pick")]
actions = st.container(horizontal=True)
actions.button(T.SC_LOAD, on_click=_load, args=(pick,), type="primary", icon=":material/upload:", key="sc_do_load")
actions.button(T.SC_DUPLICATE, on_click=_act, args=(store.duplicate, pick.id), kwargs={"message": T.SC_SAVED},
          disabled=pick.is_baseline, key="sc_do_dup")
actions.button(T.SC_DELETE, on_click=_delete, args=(pick,), disabled=pick.is_baseline, key="sc_do_del",
          icon=":material/delete:")
if pick.is_baseline:
    st.caption(T.SC_BASELINE_NOTE)
else:
    r1, r2, _ = st.columns([3, 1, 2], vertical_alignment="bottom")
    new_name = r1.text_input(T.SC_RENAME, value=pick.name, key=f"sc_rename_{pick.id}", max_chars=120)
    r2.button(T.SC_RENAME_BUTTON, on_click=_act, args=(store.rename, pick.id, new_name.strip()),
              kwargs={"message": T.SC_RENAMED}, disabled=new_name.strip() == pick.name, key="sc_do_rename")
    if pick.data_fingerprint != ds.data.fingerprint:
        st.warning(T.SC_FINGERPRINT.format(saved=pick.data_fingerprint[:12], now=ds.data.fingerprint[:12]))

    st.markdown(f"**{T.SC_LINK}**")
    st.code(scenario_views.link(st.context.url, pick.id), language=None)
    st.caption(T.SC_LINK_NOTE)
    if state.anonymised():
        st.caption(T.SC_JSON_IDS)
    st.download_button(T.SC_EXPORT_JSON, dumps(pick).encode("utf-8"), file_name=scenarios.file_name(pick.name, "json")
                       .replace("ausschuss_", "szenario_"), mime="application/json", key="sc_json",
                       on_click="ignore", icon=":material/file_export:")

st.subheader(T.SC_PACK)
st.caption(T.SC_PACK_NOTE)
scenarios.pack_section(ds, saved, key="sc", unsaved_changes=scenarios.unsaved(ds, saved))

st.subheader(T.SC_IMPORT)
upload = st.file_uploader(T.SC_IMPORT, type=["json"], key=f"sc_import_{st.session_state.get('sc_imports', 0)}",
                          help=T.SC_IMPORT_HELP, label_visibility="collapsed")
if upload is not None:
    try:
        imported = loads(upload.getvalue(), upload.name)
        if imported.dataset and imported.dataset != ds.key:
            st.error(T.SC_IMPORT_OTHER_DATASET.format(other=md(T.DATASETS.get(imported.dataset, imported.dataset)),
                                                      this=T.DATASETS.get(ds.key, ds.key)))
        else:
            st.button(T.SC_IMPORT, type="primary", key="sc_do_import", on_click=_import, args=(imported,))
    except SrbInputError as exc:
        st.error(md_error(exc))
page.footer(ds)
