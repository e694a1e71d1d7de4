"""Charts built once per content and shared by all sessions, without Altair's schema validation per rerun.

`st.altair_chart(chart)` converts the chart with `chart.to_dict()`, which validates the whole spec
against the Vega-Lite JSON schema on every rerun (≈ 50 ms per chart here), after the chart itself was
built anew (another ≈ 20–70 ms of Altair objects). `show(key, build)` instead keeps the finished spec —
the same dict Streamlit would make, data as Arrow bytes under content-hashed names — in a memory-bounded
store keyed by `key` (what the chart shows: numbers, labels, projector mode, anonymised codes), builds
it only on a miss, converts it with `validate=False` (the builders are the same on every call, and the
test suite renders each of them with validation) and sends it with `st.vega_lite_chart`.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

# Streamlit's own transformer and lock (1.67): the spec is byte for byte what st.altair_chart sends.
from streamlit.elements.vega_charts import _altair_globals_lock, _to_arrow_dataset

from . import state
from .bounded import BoundedCache, budget_bytes, estimate_bytes
from .cache import result_content


@st.cache_resource(show_spinner=False)
def _specs() -> BoundedCache[dict]:
    return BoundedCache(budget_bytes(0.05))


def digest(*parts: Any) -> str:
    """A content key for chart inputs: BLAKE2 over arrays (dtype, shape, bytes), frames (columns, index and
    pandas' row hashes), and the repr of everything else (numbers, strings, tuples, frozen dataclasses)."""
    h = hashlib.blake2b(digest_size=16)
    stack = list(parts)
    while stack:
        part = stack.pop(0)
        if isinstance(part, np.ndarray):
            h.update(f"nd{part.dtype}{part.shape}".encode())
            h.update(np.ascontiguousarray(part).tobytes() if part.dtype != object else repr(part.tolist()).encode())
        elif isinstance(part, pd.DataFrame):
            h.update(repr((list(part.columns), list(part.dtypes.astype(str)), len(part))).encode())
            h.update(pd.util.hash_pandas_object(part, index=True).to_numpy().tobytes())
        elif isinstance(part, pd.Series):
            stack.insert(0, part.to_frame())
        elif isinstance(part, list | tuple):
            h.update(f"seq{len(part)}".encode())
            stack[:0] = list(part)
        else:
            h.update(repr(part).encode())
        h.update(b"\x00")
    return h.hexdigest()


def result_key(res) -> tuple:
    """A Result by content: the data's and the Konzeption's fingerprints and the parameters."""
    return result_content(res)


def names_key() -> tuple:
    """How Kitas are named in this session: real names (shared by all sessions), or this session's codes
    (anonymised: the codes follow the session's secret, so only this session shares the chart)."""
    if not state.anonymised():
        return ("names",)
    return "codes", hashlib.blake2b(state.pseudonym_key(), digest_size=16).hexdigest()


def to_spec(chart: alt.TopLevelMixin) -> dict:
    """Vega-Lite dict as st.altair_chart makes it (theme 'none', data as Arrow datasets), not validated."""
    datasets: dict[str, Any] = {}
    alt.data_transformers.register("to_arrow_dataset", _to_arrow_dataset)
    with _altair_globals_lock:
        theme = alt.theme.enable("none") if alt.theme.active == "default" else None
        try:
            with alt.data_transformers.enable("to_arrow_dataset", datasets=datasets):
                spec = chart.to_dict(validate=False)
        finally:
            if theme is not None:
                alt.theme.enable("default")
    existing = spec.get("datasets")
    spec["datasets"] = {**existing, **datasets} if isinstance(existing, dict) else datasets
    return spec


def spec(key: Hashable, build: Callable[[], alt.TopLevelMixin | None]) -> dict | None:
    """The spec for this content, from the shared store or built now (None if the builder has no chart)."""
    store = _specs()
    found = store.get(key)
    if found is None:
        chart = build()
        if chart is None:
            return None
        found = to_spec(chart)
        store.put(key, found, estimate_bytes(found))
    return found


def show(key: Hashable, build: Callable[[], alt.TopLevelMixin | None], **kwargs: Any) -> bool:
    """Draws the chart for this content key (built by `build` only when not yet kept); False if there is none."""
    found = spec(key, build)
    if found is None:
        return False
    st.vega_lite_chart(found, **kwargs)
    return True
