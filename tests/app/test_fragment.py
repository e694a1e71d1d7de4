"""The page fragment (app.py): which reruns may stay inside it, and the Streamlit detail it relies on."""
from __future__ import annotations

import inspect

from streamlit.navigation.page import StreamlitPage
from streamlit.testing.v1 import AppTest


def _kinds() -> None:
    import streamlit as st

    from ui import state

    kinds = []
    state.begin_full_run()
    kinds.append(state.run_kind())  # the full run calls the fragment
    kinds.append(state.run_kind())  # a fragment rerun caused by a page's own widget (a button, a menu)
    state.mark_fast_rerun()
    kinds.append(state.run_kind())  # a fragment rerun caused by a weight or k slider
    state.mark_fast_rerun()
    state.begin_full_run()
    kinds.append(state.run_kind())  # a full run while a slider had moved: still full
    kinds.append(state.run_kind())  # and the flags do not outlive their run
    st.write(repr(kinds))


def test_only_a_slider_rerun_stays_inside_the_fragment():
    at = AppTest.from_function(_kinds).run()
    assert at.markdown[0].value == repr(["full", None, "fast", "full", None])


def test_streamlit_still_lets_the_navigation_page_run_again():
    # app.py sets this private flag so that a fragment rerun can run the page st.navigation returned once more;
    # if a Streamlit upgrade renames it, this fails instead of every fragment rerun.
    assert "self._can_be_called" in inspect.getsource(StreamlitPage.run)
