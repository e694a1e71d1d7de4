"""Page 'Entwicklung': survey waves side by side on pooled bounds, band transitions, and why it changed."""
import numpy as np
import streamlit as st

from srb_core import SrbError
from ui import cache, page, state, vega, waves_views
from ui import texts as T

ds, res, base = page.context(T.EW_TITLE)
st.markdown(T.EW_INTRO)
options, left_out = cache.wave_options(ds)
if left_out:
    st.caption(T.EW_LEFT_OUT.format(names=", ".join(f"„{n}“" for n in left_out)))
if len(options) < 2:
    st.info(T.EW_NO_WAVES)
    page.footer(ds)
    st.stop()

by_key = {o.key: o for o in options}
if not [k for k in st.session_state.get("ew_waves", []) if k in by_key]:
    st.session_state["ew_waves"] = [o.key for o in options][-5:]
picked = st.multiselect(T.EW_PICK, list(by_key), key="ew_waves", format_func=lambda k: by_key[k].label)
chosen = [o for o in options if o.key in picked]
if len(chosen) < 2:
    st.info(T.EW_NEED_TWO)
    st.stop()
try:
    cmp = cache.waves(ds, chosen, state.run_params(ds.konzeption))
except SrbError as exc:
    st.error(exc.text() if hasattr(exc, "text") else str(exc))
    st.stop()
for note in cmp.notes:
    st.warning(T.EW_NOTES.format(text=note))

labels = list(cmp.labels)
c1, c2, _ = st.columns([1, 1, 2])
a = c1.selectbox(T.EW_FROM, range(len(labels)), index=0, format_func=labels.__getitem__, key="ew_from")
b = c2.selectbox(T.EW_TO, range(len(labels)), index=len(labels) - 1, format_func=labels.__getitem__, key="ew_to")
if a == b:
    st.info(T.EW_NEED_TWO)
    st.stop()
anonymised, projector = state.anonymised(), state.projector()
names = waves_views.kita_labels(cmp, anonymised, ds.data)
row = {k: i for i, k in enumerate(cmp.kita_ids)}
new, closed = cmp.new_kitas(a, b), cmp.closed_kitas(a, b)
if new:
    st.info(T.EW_NEW.format(a=labels[a], b=labels[b], names=", ".join(names[row[k]] for k in new)))
if closed:
    st.warning(T.EW_CLOSED.format(a=labels[a], b=labels[b], names=", ".join(names[row[k]] for k in closed)))
st.markdown(T.EW_POOLED)
with st.expander(T.EW_BOUNDS):
    st.dataframe(waves_views.bounds_table(cmp), hide_index=True, width="stretch")

# --- slope chart ----------------------------------------------------------------------------------
st.subheader(T.EW_SLOPE)
s1, s2, s3 = st.columns(3)
level = s1.radio(T.EW_LEVEL, list(T.EW_LEVELS), format_func=T.EW_LEVELS.get, horizontal=True, key="ew_level")
measures = [T.EW_OVERALL, *ds.konzeption.sub_indices]
measure = s2.selectbox(T.EW_MEASURE, range(len(measures)), format_func=measures.__getitem__, key="ew_measure")
if level == "sozialraum":
    values = cmp.sr_overall.astype(float) if measure == 0 else cmp.sr_sub[:, :, measure - 1]
    rows, unit_names = list(range(len(cmp.sozialraum_names))), list(cmp.sozialraum_names)
else:
    area = s3.selectbox(T.EW_AREA, list(cmp.sozialraum_names), key="ew_area")
    values = cmp.kita_overall.astype(float) if measure == 0 else cmp.kita_sub[:, :, measure - 1]
    rows = [i for i, s in enumerate(cmp.kita_sozialraum) if s == area]
    unit_names = names
vega.show(vega.digest("slope", cmp.labels, rows, [unit_names[r] for r in rows], values[rows], projector),
          lambda: waves_views.slope_chart(cmp, rows, unit_names, values, projector), width="stretch")

# --- change per Sozialraum: map and table -----------------------------------------------------------
st.subheader(T.EW_MAP)
m1, m2 = st.columns([3, 2]) if not projector else (st.container(), st.container())
with m1:
    if ds.geo is not None:
        waves_views.change_map(ds, cmp, a, b, height=460)
with m2:
    st.markdown(f"**{T.EW_CHANGE_TABLE}**")
    waves_views.table(waves_views.change_table(cmp, a, b))

# --- band transitions ------------------------------------------------------------------------------
st.subheader(T.EW_BANDS)
st.caption(T.EW_BANDS_NOTE.format(a=labels[a], b=labels[b]))
moves = waves_views.transitions_table(cmp, a, b, names)
t1, t2 = st.columns([3, 2]) if not projector else (st.container(), st.container())
if moves.empty:
    t1.info(T.EW_BANDS_NONE)
else:
    t1.dataframe(moves, hide_index=True, width="stretch")
with t2:
    waves_views.table(waves_views.crosstab(cmp, a, b))

# --- shares and euros -----------------------------------------------------------------------------
st.subheader(T.EW_SHARES)
st.caption(T.EW_SHARES_NOTE)
shares = waves_views.shares_table(cmp, a, b)
if projector and shares.shape[1] > 3:  # shares and euros one below the other on a projector
    waves_views.table(shares.iloc[:, :3])
    waves_views.table(shares.iloc[:, 3:])
else:
    waves_views.table(shares)

# --- why did it change ----------------------------------------------------------------------------
st.subheader(T.EW_WHY)
st.caption(T.EW_WHY_NOTE)
units = [f"sr:{r}" for r in range(len(cmp.sozialraum_names))] + [
    f"kita:{i}" for i in range(len(cmp.kita_ids)) if cmp.present[i, a] and cmp.present[i, b]]


def _unit_label(key: str) -> str:
    kind, index = key.split(":")
    return (f"{T.COL_SOZIALRAUM} {cmp.sozialraum_names[int(index)]}" if kind == "sr"
            else f"{names[int(index)]} ({cmp.kita_sozialraum[int(index)]})")


unit = st.selectbox(T.EW_WHY_PICK, units, format_func=_unit_label, key="ew_unit")
kind, index = unit.split(":")
index = int(index)
if kind == "sr":
    change, contrib = cmp.sr_change(a, b)
    start, raw_a, raw_b = float(cmp.sr_overall[index, a]), None, None
else:
    change, contrib = cmp.kita_change(a, b)
    start = float(cmp.kita_overall[index, a])
    kid = cmp.kita_ids[index]
    wa, wb = cmp.results[a], cmp.results[b]
    raw_a = wa.data.values[wa.data.row_of(kid)] if wa is not None else None
    raw_b = wb.data.values[wb.data.row_of(kid)] if wb is not None else None
if np.isnan(change[index]):
    st.info(T.EW_WHY_ABSENT)
else:
    parts = [(v.title, float(c)) for v, c in zip(ds.konzeption.variables, contrib[index], strict=True)]
    parts = sorted(parts, key=lambda p: -abs(p[1]))
    shown_parts = [p for p in parts if abs(p[1]) >= 0.005]
    start_label, end_label = T.EW_START.format(wave=labels[a]), T.EW_END.format(wave=labels[b])
    vega.show(vega.digest("waterfall", start_label, start, shown_parts, end_label, projector),
              lambda: waves_views.waterfall_chart(start_label, start, shown_parts, end_label, projector),
              width="stretch")
    st.caption(T.EW_WHY_CHECK.format(total=waves_views.signed(float(np.sum(contrib[index])), 2, ""),
                                     change=waves_views.signed(float(change[index]), 2, "")))
    st.dataframe(waves_views.why_table(cmp, raw_a, raw_b, contrib[index], a, b), hide_index=True, width="stretch")
if ds.demo and ds.key == "bad_kreuznach":
    st.caption(T.EW_SYNTHETIC)
page.footer(ds)
