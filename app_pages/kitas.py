
import streamlit as st

from ui import columns, page, plan_views, state, views
from ui import texts as T

v = page.view(T.KT_TITLE)
ds, res = v.ds, v.result
table = views.kita_table(res, state.anonymised())
subs = list(ds.konzeption.sub_indices)
funding, proposal = v.outcome.funding, v.outcome.proposal
if proposal is not None:  # eligibility per funding strand, with the reason
    for label, values in plan_views.eligibility_columns(res, funding, proposal.eligibility).items():
        table[label] = values

c1, c2, c3 = st.columns([2, 1.2, 1.2])
areas = c1.multiselect(T.KT_FILTER_SR, list(res.data.sozialraum_names), key="kt_areas", placeholder=T.KT_ALL)
bands = c2.multiselect(T.KT_FILTER_BAND, list(T.BAND_LABELS.values()), key="kt_bands", placeholder=T.KT_ALL)
search = c3.text_input(T.KT_SEARCH, key="kt_search")
shown = table
if areas:
    shown = shown[shown[T.COL_SOZIALRAUM].isin(areas)]
if bands:
    shown = shown[shown[T.COL_BAND].isin(bands)]
if search:
    needle = search.strip().lower()
    hay = shown[T.COL_KITA].str.lower()
    if T.COL_KITA_ID in shown:
        hay = hay + " " + shown[T.COL_KITA_ID].str.lower()
    shown = shown[hay.str.contains(needle, regex=False)]
st.caption(T.KT_SHOWN.format(n=len(shown), total=len(table)))
config = {c: columns.number(c, 1) for c in subs + [T.COL_OVERALL, T.COL_TO_LOWER,
                                                                              T.COL_TO_UPPER]}
st.dataframe(shown, hide_index=True, column_config=config, width="stretch",
             height=min(38 * (len(shown) + 1) + 4, 720))

export = shown.round({c: 4 for c in subs + [T.COL_OVERALL, T.COL_TO_LOWER, T.COL_TO_UPPER]})
d1, d2, _ = st.columns([1, 1, 2])
d1.download_button(T.KT_DOWNLOAD_CSV, views.csv_bytes(export), file_name="kitas.csv", mime="text/csv")
d2.download_button(T.KT_DOWNLOAD_XLSX, views.xlsx_bytes(export, "Kitas"), file_name="kitas.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
page.footer(ds)
