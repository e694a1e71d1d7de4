"""The Übersicht as one wall: share table, norm-band strip and view, "why" bars and the map in this app's own
Streamlit component (static/wall/), which shows the settings one arrow key away at once.

Why one component that knows the next settings: a Streamlit rerun costs the browser about seven redraws of
every element of the page (measured: ~140 ms for the Übersicht against ~40 ms for a page with one table), so
no rerun could show a slider key within 1.5× of such a page. The page therefore sends, besides the current
numbers, those of every setting one arrow key away (srb_core.explain.steps), computed through the one access
point (ui/cache, shared by all sessions) and packed (zlib, base64). The slider component (ui/sliders.py) names
the setting it shows on a channel of this session (BroadcastChannel, a random name per session); the wall draws
it from what it holds, and the Python rerun follows once the slider has settled. A setting the wall does not
hold ("miss": a jump, a typed value, the first key after the page opened) makes the slider commit at once; the
wall dims until the rerun brings the numbers.

Every number and every text is made here in Python (srb_core, ui/wall, ui/bandview, ui/map) and escaped for
HTML; the browser only puts the prepared pieces in place (table cells as text, never as markup).
"""
from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from srb_core import SrbError, SrbInputError
from srb_core.explain import state_key, step_neighbours
from srb_core.fmt import num
from srb_core.pipeline import Outcome

from . import bandview, cache, onepage, state, wall
from . import map as srb_map
from . import texts as T
from .cache import Dataset, cache_key
from .escape import html as esc
from .sliders import channel

NAME = "srb_wall"
# The iframe's title in the page: what browser tests and benchmarks select the wall by.
TITLE = f"{__name__}.{NAME}"
BIG = 64_000  # bytes of map base JSON from which it is sent only while the browser lacks it (about 1,000 Kitas)
PACK_ABOVE = 16_000  # bytes of a setting's pieces from which they are sent packed (a few hundred Kitas)
_STATIC = Path(__file__).resolve().parent.parent / "static"
# served as one page with its scripts and styles in it (ui/onepage.py), made from static/wall/
_component = components.declare_component(NAME, path=str(onepage.folder(_STATIC / "wall", _STATIC)))
# A frame that shows nothing: it carries the settings ahead to the wall, drawn after the wall (see show_ahead).
_carrier = components.declare_component("srb_wall_ahead", path=str(_STATIC / "wallahead"))


def _table(frame) -> dict:
    """The share table as plain texts (the browser sets them as text): header, then rows, index first."""
    return {"head": [str(frame.index.name), *map(str, frame.columns)],
            "rows": [[str(i), *map(str, row)] for i, row in zip(frame.index, frame.itertuples(index=False),
                                                                   strict=True)]}


@dataclass(frozen=True, eq=False)
class Setting:
    """One setting of the wall as it is shown: the outcome now and the Beschluss's, the map's measure, the Δ switch
    and anonymised mode. The wall's pieces depend on exactly these."""

    ds: Dataset
    now: Outcome
    adopted: Outcome
    measure: str
    delta: bool
    anonymised: bool

    @cached_property
    def content(self) -> tuple:
        """What the pieces depend on, by content: data, Konzeption, the numbers of both scenarios, the view (in
        anonymised mode with this session's key: the codes differ per session)."""
        key = state.pseudonym_key() if self.anonymised else b""
        return (cache_key(self.ds), cache.numbers_of(self.now.scenario), cache.numbers_of(self.adopted.scenario),
                self.measure, self.delta, self.anonymised, key)

    @cached_property
    def ident(self) -> str:
        """A short name of that content: the wall takes settings ahead only if they were made for what it shows
        (after a switch to anonymised mode, held numbers with real names are void)."""
        return f"{zlib.crc32(repr(self.content).encode()):08x}"

    def at(self, now: Outcome) -> Setting:
        """The same view of another outcome."""
        return replace(self, now=now)


def parts(s: Setting) -> dict:
    """Everything of the wall that depends on the settings, for one setting: the share table (texts), the
    strip, band view and "why" bars (escaped HTML), the note under the band and the map's data layer (JSON).
    Kept by content for all sessions."""
    return cache.kept(("wall", *s.content), lambda: _parts(s))


def _parts(s: Setting) -> dict:
    ds, res, base = s.ds, s.now.result, s.adopted.result
    amounts = s.now.area_amounts  # issue 15: where step 2 yields other amounts, both are shown
    two = amounts is not None and amounts.any_differs
    band = res.kita_band
    return {
        "table": _table(wall.share_table(res, base, amounts.step2_cents if two and amounts is not None else None)),
        "two": f"<b>{T.OV_TWO_AMOUNTS}:</b> {esc(amounts.summary)}" if two and amounts is not None else "",
        "strip": wall.strip_html(ds, s.now, s.adopted, s.anonymised),
        "band": bandview.band_html(ds, res, base, s.anonymised),
        "note": esc(T.OV_BAND_NOTE.format(k=num(band.k, 1), lower=num(band.lower, 1), upper=num(band.upper, 1),
                                          mean=num(band.mean, 1))),
        "why": wall.why_html(ds, res, base),
        "map": srb_map.wall_data(ds, res, base, s.measure, s.anonymised, s.delta) if ds.geo is not None else "",
    }


def ahead(s: Setting) -> str:
    """The parts of every setting one arrow key away from `s`, as {state_key: parts}, JSON deflated and in
    base64 (about a tenth of the size). A setting that cannot be computed is left out (the wall then asks)."""
    return cache.kept(("wall-ahead", *s.content), lambda: _ahead(s))


def _ahead(s: Setting) -> str:
    p = s.now.result.params
    try:
        funding = cache.funding(s.ds)
    except SrbInputError:
        funding = None
    out = {}
    for weights, k in step_neighbours(p.weights, p.k):
        scenario, _ = state.current_scenario(s.ds, funding, p.with_(weights=weights, k=k))
        try:
            nxt = cache.outcome(s.ds, scenario, with_step2=s.now.plan is not None)
        except SrbError:
            continue
        out[state_key(weights, k)] = parts(s.at(nxt))
    return pack(out)


def pack(value: object) -> str:
    """JSON, deflated (zlib), in base64: the browser unpacks it with DecompressionStream("deflate")."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(text.encode(), 6)).decode("ascii")


def _current(s: Setting) -> dict:
    """The current setting's pieces as arguments: as they are, or packed when large (at 2,600 Kitas the band view
    and the map layer are ~70 KB of text, ~10 KB packed)."""
    def make() -> dict:
        cur = parts(s)
        if len(json.dumps(cur, ensure_ascii=False, separators=(",", ":"))) <= PACK_ABOVE:
            return {"cur": cur}
        return {"cur": None, "curz": pack(cur)}
    return cache.kept(("wall-current", *s.content), make)


@st.cache_resource(max_entries=32, show_spinner=False)
def _base(content: tuple[str, str, str], anonymised: bool, projector: bool, _ds: Dataset) -> tuple[str, str]:
    """The map's base JSON and its digest (crc32 of the text: it only has to tell one base from the next)."""
    text = srb_map.wall_base(_ds, anonymised, projector)
    return text, f"{zlib.crc32(text.encode()):08x}"


def base_to_send(text: str, digest: str, held: object) -> str:
    """The base JSON, or "" when it is large (≥ BIG) and the browser reports holding exactly this digest."""
    return "" if len(text) >= BIG and held == digest else text


def _texts(s: Setting) -> dict:
    options = srb_map.measures(s.ds)
    return {"measure": T.OV_MEASURE, "options": [[k, v] for k, v in options.items()], "delta": T.OV_DELTA_TOGGLE,
            "deltaHelp": T.OV_DELTA_TOGGLE_HELP, "skip": T.MAP_SKIP, "mapName": T.MAP_REGION, "noMap": T.OV_NO_MAP,
            "band": T.OV_BAND, "sharesNote": T.OV_SHARES_NOTE, "whyTitle": T.OV_WHY_TITLE, "whyNote": T.OV_WHY_NOTE,
            "pending": T.OV_PENDING, "frame": T.OV_WALL_FRAME,
            "legend": srb_map.legend_html(s.now.result, s.adopted.result, s.measure, options[s.measure], s.anonymised,
                                          s.delta)}


def _on_event() -> None:
    """A choice made in the wall (map measure, Δ switch) or its report of what it holds."""
    value = st.session_state.get(_key())
    if not isinstance(value, dict):
        return
    if isinstance(value.get("measure"), str):
        st.session_state[state.MEASURE] = value["measure"]
    if isinstance(value.get("delta"), bool):
        st.session_state[state.OV_DELTA] = value["delta"]


def _key() -> str:
    return f"wall_{state.current_dataset_key()}"


def setting(ds: Dataset, now: Outcome, adopted: Outcome, anonymised: bool) -> Setting:
    """The wall's setting for this run: the map's measure (the first one if the state holds none it offers) and Δ
    switch from the session."""
    options = srb_map.measures(ds)
    measure = st.session_state.get(state.MEASURE)
    return Setting(ds, now, adopted, measure if measure in options else next(iter(options)),
                   bool(st.session_state.get(state.OV_DELTA, False)), anonymised)


def prepare(s: Setting, projector: bool, full: bool) -> dict:
    """What `show` sends, computed before the page writes anything. `full`: a full run, after which the wall asks
    for the settings ahead a moment later (a full run must draw fast)."""
    p = s.now.result.params
    held = st.session_state.get(_key())
    args: dict = {"state": state_key(p.weights, p.k), **_current(s), "ident": s.ident, "full": full,
                  "seq": state.slider_seq(), "channel": channel(), "projector": projector, "measure": s.measure,
                  "delta": s.delta, "texts": _texts(s), "height": 480 if projector else 500}
    if s.ds.geo is not None:
        text, digest = _base(cache_key(s.ds), s.anonymised, projector, s.ds)
        args |= {"base": base_to_send(text, digest, held.get("held") if isinstance(held, dict) else None),
                 "bd": digest, "big": len(text) >= BIG}
    return args


def show(args: dict) -> None:
    """Mount (first run) or update (every later run) the wall."""
    _component(**args, key=_key(), on_change=_on_event, default=None)


def show_ahead(s: Setting) -> None:
    """The settings one arrow key away, computed after the wall went out (the numbers reach the room first) and
    handed to it by an empty frame over the session's channel."""
    _carrier(ident=s.ident, channel=channel(), packed=ahead(s), key="wall_ahead", default=None)
