"""The Übersicht map as this app's own small Streamlit component (static/wallmap/), instead of streamlit-folium.

streamlit-folium sent the whole folium page (jinja-rendered every rerun, the base with every Kita inside) and
its frontend re-evaluated it; at 2,600 Kitas a slider move took seconds. Here the component is mounted once and
gets two JSON strings built by ui/map.py and cached by content for all sessions: the static base (shapes, label
points, Kita positions, German control texts; re-drawn only when its digest changes, i.e. another dataset or
view) and the small data layer (fill, label and tooltip per area, class and Gesamtindex text per Kita), which
restyles the mounted map in place. A large base (thousands of Kitas) is sent only while the browser lacks it
(see show). Leaflet and the map script are served by this app; no third-party request.
Texts reach Leaflet only as HTML-escaped strings inside JSON data (ui/map.py), never as script source.
"""
from __future__ import annotations

import zlib
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from srb_core import Result

from . import map as srb_map
from .cache import Dataset, cache_key

NAME = "srb_wallmap"
# The iframe's title in the page: what browser tests and benchmarks select the map by.
TITLE = f"{__name__}.{NAME}"
BIG = 64_000  # bytes of base JSON from which it is sent only while the browser lacks it (about 1,000 Kitas)
_component = components.declare_component(NAME, path=str(Path(__file__).resolve().parent.parent / "static" / "wallmap"))


@st.cache_resource(max_entries=32, show_spinner=False)
def _base(content: tuple[str, str, str], anonymised: bool, projector: bool, _ds: Dataset) -> tuple[str, str]:
    """The base JSON and its digest (crc32 of the text: it only has to tell one base from the next)."""
    text = srb_map.wall_base(_ds, anonymised, projector)
    return text, f"{zlib.crc32(text.encode()):08x}"


def prepare(ds: Dataset, res: Result, base: Result, measure: str, anonymised: bool, projector: bool, height: int,
            delta: bool = False) -> dict:
    """What `show` sends: computed before a page writes anything, so its elements reach the browser together.

    A large base (BIG bytes or more: thousands of Kitas) is sent only until the browser reports holding it: the
    component's value is the digest of the base it has drawn (one extra rerun when it is mounted or the base
    changes); while that value equals the current digest, the base goes out empty. A component that was mounted
    anew has no value, so it gets the base again; one that lacks the base asks for it."""
    text, digest = _base(cache_key(ds), anonymised, projector, ds)
    key = f"wallmap_{ds.key}"
    return {"base": base_to_send(text, digest, st.session_state.get(key)), "bd": digest, "big": len(text) >= BIG,
            "data": srb_map.wall_data(ds, res, base, measure, anonymised, delta), "height": height, "key": key}


def show(prepared: dict) -> None:
    """Mount (first run) or update (every later run) the Übersicht map; see the module docstring."""
    _component(**prepared, default=None)


def base_to_send(text: str, digest: str, held: object) -> str:
    """The base JSON, or "" when it is large (≥ BIG) and the browser reports holding exactly this digest."""
    return "" if len(text) >= BIG and held == digest else text
