import streamlit as st

from srb_core.fmt import num, pct
from srb_core.money import format_eur
from ui import charts, page, state, vega, views
from ui import texts as T
from ui.escape import md_table

ds, res, base = page.context(T.SR_TITLE)
names = list(res.data.sozialraum_names)
area = st.selectbox(T.SR_PICK, names, key="sr_pick")
r = names.index(area)

cols = st.columns(4)
cols[0].metric(T.SR_POINTS, num(res.sr_overall[r], 1))
cols[1].metric(T.SR_SHARE, pct(res.shares[r]), delta=views.signed((res.shares[r] - base.shares[r]) * 100, 2, " pp"),
               delta_color="off")
if res.euros_cents is not None:
    cols[2].metric(T.SR_EUROS, format_eur(int(res.euros_cents[r])))
cols[3].metric(T.SR_BAND, T.BAND_LABELS[{1: "above", 0: "within", -1: "below"}[int(res.sr_class[r])]])

left, right = st.columns([1, 1.2], gap="large")
with left:
    st.subheader(T.SR_PROFILE)
    subs = list(ds.konzeption.sub_indices)
    means = [b.mean for b in res.kita_sub_bands]
    vega.show(vega.digest("profile", subs, res.sr_sub[r], means, area, state.projector()),
              lambda: charts.profile_chart(subs, list(res.sr_sub[r]), means, area, state.projector()), width="stretch")
with right:
    st.subheader(T.SR_KITAS)
    table = views.kita_table(res, state.anonymised())
    # Sub-indices are in the profile chart; here what the team discusses: index, band, distances.
    table = table[table[T.COL_SOZIALRAUM] == area].sort_values(T.COL_OVERALL, ascending=False)
    shown = table[[T.COL_KITA, T.COL_OVERALL, T.COL_BAND, T.COL_TO_LOWER, T.COL_TO_UPPER]].copy()
    shown[T.COL_OVERALL] = shown[T.COL_OVERALL].map(lambda v: num(v, 1))
    for column in (T.COL_TO_LOWER, T.COL_TO_UPPER):
        shown[column] = shown[column].map(lambda v: views.signed(v, 1, ""))
    st.table(md_table(shown.set_index(T.COL_KITA)))
    st.caption(T.SR_KITAS_NOTE.format(lower=num(res.kita_band.lower, 1), upper=num(res.kita_band.upper, 1)))

st.subheader(T.OV_BAND)
vega.show(vega.digest("band", vega.result_key(res), vega.names_key(), state.projector(), area),
          lambda: charts.norm_band_chart(res, state.anonymised(), state.projector(), highlight=area), width="stretch")
page.footer(ds)
