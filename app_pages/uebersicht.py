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
# Numbers first: the share table is written before the map, so it never waits for it.
with left:
    st.subheader(T.OV_SHARES)
    st.table(md_table(views.share_table(res, base)))
    st.caption(T.OV_SHARES_NOTE)
with right:
    c1, c2 = st.columns([1, 1])
    measure = c1.selectbox(T.OV_MEASURE, list(options), format_func=options.get, key=state.MEASURE)
    delta = c2.toggle(T.OV_DELTA_TOGGLE, key="ov_delta", help=T.OV_DELTA_TOGGLE_HELP)
    if ds.geo is None:
        st.info(T.OV_NO_MAP)
    else:
        st.html(f'<a class="srb-skip" href="#srb-nach-karte">{T.MAP_SKIP}</a>')
        srb_map.show(ds, res, base, measure, state.anonymised(), projector, height=560 if projector else 500,
                     delta=delta)
        st.html(srb_map.legend_html(res, base, measure, options[measure], state.anonymised(), delta)
                + '<span id="srb-nach-karte" tabindex="-1"></span>')

st.subheader(T.OV_BAND)
counts = {c: int((res.kita_class == v).sum()) for c, v in (("above", 1), ("within", 0), ("below", -1))}
st.markdown(T.OV_COUNTS.format(**counts))
st.altair_chart(charts.norm_band_chart(res, state.anonymised(), projector), width="stretch")
band = res.kita_band
st.caption(T.OV_BAND_NOTE.format(k=num(band.k, 1), lower=num(band.lower, 1), upper=num(band.upper, 1),
                                 mean=num(band.mean, 1)))
page.footer(ds)
