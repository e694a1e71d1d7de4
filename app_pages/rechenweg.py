import pandas as pd
import streamlit as st

from srb_core.fmt import num
from ui import cache, page, state, views, waves_views
from ui import texts as T
from ui.escape import md, md_table

v = page.view(T.RW_TITLE)
ds, res = v.ds, v.result
data = res.data
labels = state.kita_names(data)
options = list(data.kita_ids)
kita_id = st.selectbox(
    T.RW_PICK,
    options,
    key="rw_kita",
    format_func=lambda k: f"{labels[data.row_of(k)]} ({data.sozialraum_names[data.sozialraum[data.row_of(k)]]})",
)
path = cache.explain(res, kita_id)

st.subheader(T.RW_STEP1)
st.caption(T.RW_STEP1_NOTE)
for sub in ds.konzeption.sub_indices:  # one table per sub-index keeps the table narrow enough for a projector
    st.markdown(f"**{md(sub)}**")
    st.table(md_table(pd.DataFrame([{
        T.RW_COL_VAR: s.label, T.RW_COL_RAW: num(s.raw, 2) if s.raw is not None else "–",
        T.RW_COL_RANGE: f"{num(s.minimum, 2)} … {num(s.maximum, 2)}", T.RW_COL_FORMULA: s.formula,
    } for s in path.variables if s.sub_index == sub]).set_index(T.RW_COL_VAR)))

st.subheader(T.RW_STEP2)
st.caption(T.RW_STEP2_NOTE)
st.table(md_table(pd.DataFrame([{T.RW_COL_INDEX: s.name, T.RW_COL_FORMULA: s.formula,
                                 T.RW_COL_VALUE: num(s.value, 1), T.COL_BAND: T.BAND_LABELS[s.band_class]}
                                for s in path.sub_indices])
                  .set_index(T.RW_COL_INDEX)))

st.subheader(T.RW_STEP3)
st.caption(T.RW_STEP3_NOTE)
st.table(md_table(pd.DataFrame([{T.RW_COL_INDEX: s.name, T.RW_COL_WEIGHT: num(s.weight, 1),
                                 T.RW_COL_EFFECTIVE: num(s.effective_weight * 100, 1) + " %",
                                 T.RW_COL_VALUE: num(s.value, 1)}
                                for s in path.sub_indices]).set_index(T.RW_COL_INDEX)))
st.markdown(f"**{T.COL_OVERALL}** = {md(path.overall_formula)}")

st.subheader(T.RW_STEP4)
st.markdown(md(path.band_text))
waves_views.rechenweg_change(ds, kita_id)  # issue 17, before the funding step

funding, proposal = v.outcome.funding, v.outcome.proposal
if proposal is not None:
    st.subheader(T.RW_STEP5)
    st.caption(T.RW_STEP5_NOTE)
    i = data.row_of(kita_id)
    st.table(
        md_table(
            pd.DataFrame(
                [
                    {
                        T.BU_COL_STRAND: strand.label,
                        T.RW_COL_ELIGIBLE: T.STATUS_MARK[e.status[i]],
                        T.BU_COL_REASON: e.reasons[i],
                        T.BU_COL_COMPUTED: views.eur(proposal.plan.cents[i][s]),
                    }
                    for s, (strand, e) in enumerate(zip(funding.strands, proposal.eligibility, strict=False))
                ]
            ).set_index(T.BU_COL_STRAND)
        )
    )
page.footer(ds)
