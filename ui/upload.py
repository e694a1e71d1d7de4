"""Uploaded files → validation report → the session's own dataset (demos stay untouched)."""
from __future__ import annotations

import streamlit as st

from srb_core.io.validation import ValidationReport, validate_upload

from . import state
from .cache import UPLOAD_KEY, Dataset, demo_dataset


def check(kitas, konzeption, geo) -> ValidationReport:
    konz = konzeption.getvalue() if konzeption is not None else demo_dataset("bad_kreuznach").konzeption
    return validate_upload(kitas.getvalue(), kitas.name, konz, konzeption.name if konzeption else "",
                           geo.getvalue() if geo is not None else None, geo.name if geo is not None else "")


def use(report: ValidationReport) -> None:
    st.session_state[UPLOAD_KEY] = Dataset("upload", report.konzeption, report.data, report.geo, demo=False,
                                           schematic_map=False)
    st.session_state[state.DATASET] = "upload"
    state.apply_defaults(report.konzeption)


REPORT_KEY = "up_report"


def forget_report() -> None:
    """A report belongs to the files it checked; a new file needs a new check."""
    st.session_state.pop(REPORT_KEY, None)
