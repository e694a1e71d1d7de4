import streamlit as st

from srb_core.fmt import num
from ui import bandview, page, state, wall, wallmap
from ui import map as srb_map
from ui import texts as T
from ui.escape import md_table

v = page.view(T.OV_TITLE, header=False)
ds, res, base = v.ds, v.result, v.base.result
projector = state.projector()
anonymised = state.anonymised()
options = srb_map.measures(ds)
# Everything is computed before anything is written: the browser redraws the page once for each batch of elements
# that arrives within about 10 ms, so elements that trickle in while the script still computes cost a redraw each.
amounts = v.outcome.area_amounts  # issue 15: where step 2 yields other amounts, both are shown
two = amounts is not None and amounts.any_differs
table = md_table(wall.share_table(res, base, amounts.step2_cents if two and amounts is not None else None))
strip = wall.strip_html(ds, v.outcome, v.base, anonymised)
# the norm band itself under its counts, where the first screen has room for it (plain HTML: no chart library)
band_view = f'<div class="srb-moves-title">{T.OV_BAND}</div>' + bandview.band_html(ds, res, base, anonymised)
band = res.kita_band
band_note = T.OV_BAND_NOTE.format(k=num(band.k, 1), lower=num(band.lower, 1), upper=num(band.upper, 1),
                                  mean=num(band.mean, 1))
why = wall.why_html(ds, res, base)


def map_parts(measure: str, delta: bool) -> tuple[dict, str]:
    height = 480 if projector else 500
    return (wallmap.prepare(ds, res, base, measure, anonymised, projector, height=height, delta=delta),
            srb_map.legend_html(res, base, measure, options[measure], anonymised, delta)
            + '<span id="srb-nach-karte" tabindex="-1"></span>')


measure_now = st.session_state.get(state.MEASURE)
measure_now = measure_now if measure_now in options else next(iter(options))
delta_now = bool(st.session_state.get("ov_delta", False))
drawn = map_parts(measure_now, delta_now) if ds.geo is not None else None

page.header(v, T.OV_TITLE)
main = st.container(key="ov-main")  # keyed: style.py keeps numbers and map side by side where both fit
left, right = main.columns([1, 1], gap="small")
with left:  # numbers first
    st.table(table)
    if two and amounts is not None:
        st.caption(f"**{T.OV_TWO_AMOUNTS}:** {amounts.summary}")
    st.html(strip)
    st.html(band_view)
    st.caption(band_note)
with right:
    c1, c2 = st.columns([0.85, 1.15])
    measure = c1.selectbox(T.OV_MEASURE, list(options), format_func=options.get, key=state.MEASURE)
    delta = c2.toggle(T.OV_DELTA_TOGGLE, key="ov_delta", help=T.OV_DELTA_TOGGLE_HELP)
    if drawn is None:
        st.info(T.OV_NO_MAP)
    else:
        if (measure, delta) != (measure_now, delta_now):  # the state held a choice the menu no longer offers
            drawn = map_parts(measure, delta)
        st.html(f'<a class="srb-skip" href="#srb-nach-karte">{T.MAP_SKIP}</a>')
        wallmap.show(drawn[0])
        st.html(drawn[1])

st.caption(T.OV_SHARES_NOTE)
why_col, _ = st.columns([1, 1], gap="medium")
with why_col:
    st.subheader(T.OV_WHY_TITLE)
    st.html(why)
    st.caption(T.OV_WHY_NOTE)
page.footer(ds)
