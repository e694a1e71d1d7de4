"""SRB-Monitor: `streamlit run app.py`. Entry point only: state, sidebar, navigation."""
import streamlit as st

from ui import errors, scenarios, sidebar, state, style
from ui import texts as T
from ui.cache import dataset, freeze_loaded

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
ds, slots = sidebar.render()
style.apply(state.projector())
if url_problems:
    st.warning(T.URL_INVALID.format(what=", ".join(url_problems)))
for message in link_messages:
    st.warning(message)


@st.fragment
def settings_and_page() -> None:
    """A weight or k move, and any widget of a page, reruns only this: the page, the sliders and the reset
    button, not the rest of the app (navigation, view toggles, dataset, typed fields, budget), so the room sees
    the new numbers sooner. Where a page changes what the rest shows, the run becomes a full one."""
    kind = state.run_kind()
    if kind is None and sidebar.outside_changed():  # a page's callback changed the dataset, the budget, …
        st.rerun()
    # The sliders before the page: a page that ends early (st.stop) ends the run, and nothing after it is drawn.
    sidebar.settings(ds, slots, state.remember_params(ds.konzeption))
    # In a fragment rerun Streamlit does not pass a changed st.query_params to the browser (the reset button's run
    # left the old weights in the address): every fragment rerun writes it by a line of script.
    state.write_url(ds.konzeption, in_place=slots.after_budget if kind != "full" else None)
    # Streamlit lets the page returned by st.navigation run once per full run; a fragment rerun is a
    # run of this part only, so the same page runs again (tests/app/test_fragment.py).
    page._can_be_called = True
    with errors.shown_in_german():
        page.run()
    if kind is None and sidebar.outside_changed():  # … or the page's own code did (a button's `if`)
        st.rerun()


state.begin_full_run()
settings_and_page()
freeze_loaded()
