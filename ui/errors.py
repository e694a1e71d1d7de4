"""Unexpected errors: a German message on the page, the traceback in the server log only.

`.streamlit/config.toml` sets `client.showErrorDetails = "none"`, so even an error outside this guard
shows no traceback and no links to search engines. Set SRB_RAISE_ERRORS=1 (the app tests do) to let
errors through, so a test sees them as exceptions instead of a message.
"""
from __future__ import annotations

import contextlib
import logging
import os

import streamlit as st

from . import texts as T

LOG = logging.getLogger("srb_monitor")


@contextlib.contextmanager
def shown_in_german():
    # Streamlit's own control flow (st.stop, st.rerun, page switches) raises BaseException subclasses,
    # which pass through untouched.
    try:
        yield
    except Exception:
        if os.environ.get("SRB_RAISE_ERRORS"):
            raise
        LOG.exception("Unerwarteter Fehler beim Ausführen der Seite")
        st.error(T.ERR_UNEXPECTED, icon=":material/error:")
