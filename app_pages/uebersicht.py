import streamlit as st

from srb_core.fmt import num
from ui import charts, page, state, views
from ui import map as srb_map
from ui import texts as T
from ui.escape import md_table

ds, res, base = page.context(T.OV_TITLE)
projector = state.projector()
options = srb_map.measures(ds)
main = st.container(key="ov-main")  # keyed: style.py stacks its columns on narrow screens
left, right = main.columns([1, 1.25], gap="medium")
with left:
    measure = st.selectbox(T.OV_MEASURE, list(options), format_func=options.get, key=state.MEASURE)
    if ds.geo is None:
        st.info(T.OV_NO_MAP)
    else:
        srb_map.show(ds, res, measure, state.anonymised(), projector, height=560 if projector else 500)
        st.html(srb_map.legend_html(res, measure, options[measure], state.anonymised()))
with right:
    st.subheader(T.OV_SHARES)
    amounts = page.area_amounts(ds, res)
    two = amounts is not None and amounts.any_differs
    st.table(md_table(views.share_table(res, base, amounts.step2_cents if two and amounts is not None else None)))
    st.caption(T.OV_SHARES_NOTE)
    if two and amounts is not None:
        st.caption(f"**{T.OV_TWO_AMOUNTS}:** {amounts.summary}")

st.subheader(T.OV_BAND)
counts = {c: int((res.kita_class == v).sum()) for c, v in (("above", 1), ("within", 0), ("below", -1))}
st.markdown(T.OV_COUNTS.format(**counts))
st.altair_chart(charts.norm_band_chart(res, state.anonymised(), projector), width="stretch")
band = res.kita_band
st.caption(T.OV_BAND_NOTE.format(k=num(band.k, 1), lower=num(band.lower, 1), upper=num(band.upper, 1),
                                 mean=num(band.mean, 1)))
page.footer(ds)
