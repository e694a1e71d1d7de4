"""Page 'Berichte': indicators over the years beside money and posts; a yearly report per Kita."""
import streamlit as st

from srb_core import SrbInputError
from srb_core.konzeption.indicators import parse_catalogue
from srb_core.reports import load_yearly, template_csv
from srb_core.reports.kita_report import budget_use, kita_report, unused_what_if
from srb_core.reports.render import report_pdf, report_xlsx
from ui import cache, page, report_views, state, vega, waves_views
from ui import texts as T

ds, res, base = page.context(T.BR_TITLE)
st.markdown(T.BR_INTRO)
anonymised, projector = state.anonymised(), state.projector()
data = ds.data

with st.expander(T.BR_UPLOAD, expanded=cache.reports(ds) is None):
    upload = st.file_uploader(T.BR_UPLOAD, type=["csv", "xlsx"], key="br_file", label_visibility="collapsed")
    catalogue_file = None
    if not ds.konzeption.indicators:
        catalogue_file = st.file_uploader(T.BR_UPLOAD_CATALOGUE, type=["toml"], key="br_catalogue")
    if st.button(T.BR_CHECK, disabled=upload is None):
        try:
            indicators = ds.konzeption.indicators
            if catalogue_file is not None:
                indicators = parse_catalogue(catalogue_file.getvalue().decode("utf-8", "replace"), catalogue_file.name)
            if not indicators:
                st.warning(T.BR_NO_CATALOGUE)
            values = load_yearly(upload.getvalue(), indicators, data, upload.name)
            st.session_state[cache.REPORTS_KEY] = (ds.key, values)
            st.success(T.BR_OK.format(years=", ".join(map(str, values.years))))
        except SrbInputError as exc:
            st.error(T.BR_REFUSED.format(n=len(exc.problems)))
            st.markdown("\n".join(f"- {p.text()}" for p in exc.problems[:50]))
    year_now = max(cache.reports(ds).years) if cache.reports(ds) else 2023
    st.download_button(T.BR_TEMPLATE, template_csv(ds.konzeption.indicators, data, year_now),
                       file_name="vorlage_jahreswerte.csv", mime="text/csv")

values = cache.reports(ds)
if values is None or not values.years:
    st.info(T.BR_NONE)
    page.footer(ds)
    st.stop()
if ds.demo and values.source:
    st.caption(T.BR_DEMO_SOURCE)
if values.warnings:
    with st.expander(f"{T.BR_WARNINGS} ({len(values.warnings)})"):
        st.markdown("\n".join(f"- {w}" for w in values.warnings))

c1, c2, c3 = st.columns(3)
year = c1.selectbox(T.BR_YEAR, list(values.years)[::-1], key="br_year")
area = c2.selectbox(T.BR_AREA, list(data.sozialraum_names), key="br_area")
codes = state.codes(data)
members = [k for i, k in enumerate(data.kita_ids) if data.sozialraum_names[data.sozialraum[i]] == area]
members = sorted(members, key=lambda k: codes[k]) if anonymised else members  # never ordered by a value
kita_id = c3.selectbox(T.BR_KITA, members, key=f"br_kita_{area}",
                       format_func=lambda k: codes[k] if anonymised else f"{data.names[data.row_of(k)]} ({k})")

st.subheader(T.BR_AREA_HEAD.format(name=area))
frame = report_views.indicator_frame(values, "sozialraum", "sozialraum", area)
if frame.empty:
    st.caption(T.BR_NO_INDICATORS)
else:
    vega.show(vega.digest("indicators", frame, projector), lambda: report_views.indicator_chart(frame, projector))

area_money = report_views.area_money_table(values, data, area, year)
if area_money is not None:
    st.markdown(f"**{T.BR_AREA_MONEY}**")
    waves_views.table(area_money)

report = kita_report(values, data, kita_id, year, anonymised=anonymised, demo=ds.demo, dataset=ds.konzeption.name,
                     pseudonym_key=state.pseudonym_key())
st.subheader(T.BR_KITA_HEAD.format(name=report.name))
st.markdown(f"**{T.BR_INDICATORS}**")
frame = report_views.indicator_frame(values, "kita", "kita_id", kita_id)
if frame.empty:
    st.caption(T.BR_NO_INDICATORS)
else:
    vega.show(vega.digest("indicators", frame, projector), lambda: report_views.indicator_chart(frame, projector))
left, right = st.columns([3, 1])
with left:
    st.markdown(f"**{T.BR_MONEY}**")
    waves_views.table(report_views.money_table(report))
    st.caption(T.BR_POSTS_NOTE)
with right:
    st.markdown(f"**{T.BR_REPORT.format(year=year)}**")
    d1, d2 = st.container(), st.container()
    safe = report.kita_id.replace(" ", "_")
    d1.download_button(T.BR_PDF, lambda: report_pdf(report), file_name=f"jahresbericht_{safe}_{year}.pdf",
                       mime="application/pdf", on_click="ignore", icon=":material/download:")
    d2.download_button(T.BR_XLSX, lambda: report_xlsx(report), file_name=f"jahresbericht_{safe}_{year}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       icon=":material/download:")

st.subheader(T.BR_USE.format(year=year))
st.caption(T.BR_USE_NOTE)
waves_views.table(report_views.use_table(unused_what_if(budget_use(values, data, year))))
page.footer(ds)
