import streamlit as st

from srb_core.io.template import template_csv, template_xlsx
from ui import cache, library_views, page, state, upload
from ui import texts as T
from ui.escape import md, md_list

st.title(T.DT_TITLE)
st.markdown(T.DT_INTRO)
kitas = st.file_uploader(T.DT_KITAS, type=["csv", "xlsx"], key="up_kitas", on_change=upload.forget_report)
konzeption = st.file_uploader(T.DT_KONZEPTION, type=["toml"], key="up_konzeption", on_change=upload.forget_report)
geo = st.file_uploader(T.DT_MAP, type=["geojson", "json", "gpkg", "zip"], key="up_map", on_change=upload.forget_report)

chosen = [f"{what} „{md(f.name)}“" for what, f in zip(T.DT_FILES, (kitas, konzeption, geo), strict=True) if f]
if chosen:  # the fields shorten long names; this line shows exactly which files the check will read
    st.caption(T.DT_CHOSEN.format(files=" · ".join(chosen)))
if st.button(T.DT_CHECK, type="primary", disabled=kitas is None):
    with st.spinner(T.DT_CHECKING):
        st.session_state[upload.REPORT_KEY] = upload.check(kitas, konzeption, geo)
if kitas is None:  # the fields are empty again (after another page): their report went with them
    st.session_state.pop(upload.REPORT_KEY, None)
report = st.session_state.get(upload.REPORT_KEY)
if kitas is None:
    st.caption(T.DT_NEED_KITAS)
if report is not None:
    if report.ok:
        st.success(T.DT_OK.format(n=report.data.n, m=len(report.data.sozialraum_names), name=md(report.konzeption.name),
                                  konz=report.konzeption.fingerprint[:12], data=report.data.fingerprint[:12]))
        st.button(T.DT_USE, on_click=upload.use, args=(report,))  # callback: runs before the sidebar exists
    else:
        st.error(T.DT_REFUSED.format(n=len(report.errors)))
        st.markdown(md_list([p.text() for p in report.errors], limit=200))
    if report.warnings:
        with st.expander(T.DT_WARNINGS + f" ({len(report.warnings)})", expanded=not report.ok):
            st.markdown(md_list([str(w) for w in report.warnings], limit=200))
in_use = cache.uploaded_dataset()
if in_use is not None and state.current_dataset_key() == "upload":  # which version: a corrected file has another
    st.info(T.DT_IN_USE.format(name=md(in_use.konzeption.name), konz=in_use.konzeption.fingerprint[:12],
                               data=in_use.data.fingerprint[:12]))

st.header(T.LIB_TITLE)  # issue 17: the data library
st.markdown(T.LIB_INTRO)
library_views.save_form(report)
library_views.library_section()

st.subheader(T.DT_TEMPLATES)
st.caption(T.DT_TEMPLATE_NOTE)
konz = cache.dataset(state.current_dataset_key()).konzeption
c1, c2, _ = st.columns([1, 1, 2])
c1.download_button(T.DT_TEMPLATE_XLSX, template_xlsx(konz), file_name="vorlage_kitas.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
c2.download_button(T.DT_TEMPLATE_CSV, template_csv(konz), file_name="vorlage_kitas.csv", mime="text/csv")
st.markdown(T.DT_FORMAT_HELP)
page.footer(cache.dataset(state.current_dataset_key()))
