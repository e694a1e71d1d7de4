"""Charts kept by content (ui/vega.py): the same spec Streamlit makes, valid, and keyed by what they show."""
from __future__ import annotations

import numpy as np
import pandas as pd
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec
from streamlit.testing.v1 import AppTest

from srb_core import compute, load_kitas, load_konzeption
from tests.demos import ROOT
from ui import charts, vega

DEMO = ROOT / "data/demo/bad_kreuznach"


def _result():
    konz = load_konzeption(DEMO / "konzeption.toml")
    return compute(load_kitas(DEMO / "kitas.csv", konz), konz, konz.default_params())


def test_the_kept_spec_is_the_one_streamlit_sends_and_it_passes_the_schema():
    res = _result()
    built = [charts.norm_band_chart(res, False, True, highlight="Nord"),
             charts.profile_chart(list(res.konzeption.sub_indices), list(res.sr_sub[0]),
                                  [b.mean for b in res.kita_sub_bands], "Nord", False)]
    for chart in built:
        chart.to_dict(validate=True)  # raises if the builder makes an invalid spec
        assert vega.to_spec(chart) == _convert_altair_to_vega_lite_spec(chart)


def test_digest_follows_content_not_identity():
    a = np.array([[1.0, 2.0], [3.0, np.nan]])
    frame = pd.DataFrame({"x": [1, 2], "y": ["ä", "<b>"]})
    assert vega.digest("k", a, frame, True) == vega.digest("k", a.copy(), frame.copy(), True)
    changed = frame.copy()
    changed.loc[1, "y"] = "<i>"
    assert len({vega.digest("k", a, frame, True), vega.digest("k", a, changed, True),
                vega.digest("k", a * 2, frame, True), vega.digest("k", a, frame, False),
                vega.digest("k", a.reshape(4, 1), frame, True)}) == 5
    assert vega.digest(("a", "b"), "c") != vega.digest("a", ("b", "c"))


def test_a_builder_runs_once_per_content_and_none_draws_nothing():
    calls = []

    def build():
        calls.append(1)
        return charts.profile_chart(["A", "B"], [1.0, 2.0], [1.5, 1.5], "Nord", False)

    key = vega.digest("test-once", len(calls), np.random.default_rng().random(3))
    first, second = vega.spec(key, build), vega.spec(key, build)
    assert first is second and len(calls) == 1
    assert vega.spec(vega.digest("test-none"), lambda: None) is None


def test_anonymised_sessions_do_not_share_charts_with_names():
    script = """
import streamlit as st
from ui import state, vega
st.session_state["plain"] = vega.names_key()
st.session_state[state.ANON] = True
st.session_state["codes"] = vega.names_key()
"""
    runs = [AppTest.from_string(script, default_timeout=30).run() for _ in range(2)]
    assert runs[0].session_state["plain"] == runs[1].session_state["plain"] == ("names",)
    assert runs[0].session_state["codes"][0] == "codes"
    assert runs[0].session_state["codes"] != runs[1].session_state["codes"]  # each session its own secret
