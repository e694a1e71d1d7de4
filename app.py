"""SRB-Monitor: `streamlit run app.py`. Entry point only: state, sidebar, navigation."""
import streamlit as st

from ui import errors, scenarios, sidebar, state, style
from ui import texts as T
from ui.cache import dataset

st.set_page_config(page_title=T.APP_TITLE, page_icon="🗺️", layout="wide", initial_sidebar_state="expanded")
url_problems = state.init_session(lambda key: dataset(key).konzeption)
link_messages = scenarios.open_link()
state.keep_page_choices()
page = st.navigation([
    st.Page("app_pages/uebersicht.py", title=T.PAGES["uebersicht"], url_path="uebersicht", default=True),
    st.Page("app_pages/sozialraum.py", title=T.PAGES["sozialraum"], url_path="sozialraum"),
    st.Page("app_pages/kitas.py", title=T.PAGES["kitas"], url_path="kitas"),
    st.Page("app_pages/rechenweg.py", title=T.PAGES["rechenweg"], url_path="rechenweg"),
    st.Page("app_pages/budget.py", title=T.PAGES["budget"], url_path="budget"),
    st.Page("app_pages/szenarien.py", title=T.PAGES["szenarien"], url_path="szenarien"),
    st.Page("app_pages/vergleich.py", title=T.PAGES["vergleich"], url_path="vergleich"),
    st.Page("app_pages/entwicklung.py", title=T.PAGES["entwicklung"], url_path="entwicklung"),
    st.Page("app_pages/berichte.py", title=T.PAGES["berichte"], url_path="berichte"),
    st.Page("app_pages/robustheit.py", title=T.PAGES["robustheit"], url_path="robustheit"),
    st.Page("app_pages/daten.py", title=T.PAGES["daten"], url_path="daten"),
    st.Page("app_pages/glossar.py", title=T.PAGES["glossar"], url_path="glossar"),
])
ds = sidebar.render()
style.apply(state.projector())
if url_problems:
    st.warning(T.URL_INVALID.format(what=", ".join(url_problems)))
for message in link_messages:
    st.warning(message)
state.write_url(ds.konzeption)
with errors.shown_in_german():
    page.run()
