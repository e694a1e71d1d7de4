import streamlit as st

from srb_core import SrbError
from ui import cache, page, scenario_views, scenarios, state
from ui import map as srb_map
from ui import texts as T
from ui.escape import md, md_error, md_table

v = page.view(T.CP_TITLE)
ds, res = v.ds, v.result
try:
    saved = cache.store().list(ds.key)
except SrbError as exc:
    st.error(md_error(exc))
    st.stop()
by_id = {s.id: s for s in saved}
CURRENT = "aktuell"
options = [CURRENT] + list(by_id)
if "cp_pick" in st.session_state:
    st.session_state["cp_pick"] = [p for p in st.session_state["cp_pick"] if p in options]
else:
    loaded = state.loaded_scenario(ds.key)
    # "Aktuelle Einstellungen" only when they differ from the Beschluss and from every saved scenario
    st.session_state["cp_pick"] = ([loaded.id] if loaded is not None and loaded.id in by_id
                                   else [CURRENT] if scenarios.unsaved(ds, saved) else [])
picked = st.multiselect(T.CP_PICK, options, format_func=lambda k: T.SC_CURRENT if k == CURRENT else by_id[k].name,
                        max_selections=3, key="cp_pick", help=T.CP_PICK_HELP)
if not picked:
    st.info(T.CP_EMPTY)
    page.footer(ds)
    st.stop()

try:
    # the current settings and the Beschluss are the outcomes this run already has (one evaluation each)
    outcomes = [v.base] + [v.outcome if k == CURRENT else cache.outcome(ds, by_id[k]) for k in picked]
    comparison = cache.comparison(ds, outcomes)
except SrbError as exc:
    st.error(md_error(exc))
    st.stop()
for o in outcomes[1:]:
    if not o.fingerprint_matches:
        st.warning(f"„{md(o.scenario.name)}“: " + T.SC_FINGERPRINT.format(saved=o.scenario.data_fingerprint[:12],
                                                                      now=ds.data.fingerprint[:12]))

st.subheader(T.CP_SR)
metric = st.segmented_control(T.CP_SR, list(scenario_views.METRICS), format_func=scenario_views.METRICS.get,
                              default="share", key="cp_metric", label_visibility="collapsed") or "share"
with st.container(key="cp-wide" if comparison.n > 2 else "cp-narrow"):  # style.py: smaller type when wide
    st.table(md_table(scenario_views.comparison_table(comparison, metric)))
st.caption(T.CP_SR_NOTE)

st.subheader(T.CP_KITAS)
if comparison.kitas.empty:
    st.success(T.CP_KITAS_NONE)
else:
    table = md_table(scenario_views.kita_changes_table(comparison, ds.data, state.anonymised()))
    st.table(scenario_views.highlight_changes(table).hide(axis="index"))

if ds.geo is not None:
    st.subheader(T.CP_MAP)
    names = {j: o.scenario.name for j, o in enumerate(outcomes) if j}
    j = st.selectbox(T.CP_MAP_PICK, list(names), format_func=names.get, key="cp_map_pick") if len(names) > 1 else 1
    delta = comparison.sozialraeume[f"delta_pp_{j}"].to_numpy()
    left, right = st.columns([2, 1])
    with left:
        srb_map.show_diff(ds, res, delta, height=520 if state.projector() else 460)
    right.html(srb_map.diff_legend_html(delta))

st.subheader(T.CP_PACK)
st.caption(T.SC_PACK_NOTE)
scenarios.pack_section(ds, saved, key="cp", unsaved_changes=CURRENT in picked,
                       preselect=tuple(k for k in picked if k != CURRENT))
page.footer(ds)
