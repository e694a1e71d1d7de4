"""The one cached access point from the app to srb_core. Pages call these, never srb_core.compute."""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from srb_core import KitaData, Konzeption, Params, Result, compute, load_kitas, load_konzeption
from srb_core.funding import Adjusted, Choices, Funding, Proposal, apply_adjustments, load_funding, propose
from srb_core.index.explain import KitaPath, explain_kita
from srb_core.io.geo import SozialraumMap, read_map
from srb_core.robustness import Analysis, Settings, analyse, content_key
from srb_core.robustness.extremes import winsorised as winsorised_result
from srb_core.scenarios import (
    Comparison,
    Outcome,
    Scenario,
    ScenarioStore,
    compare,
    default_path,
    evaluate,
    with_shares,
)

ROOT = Path(__file__).resolve().parent.parent
DEMOS = {
    "bad_kreuznach": (ROOT / "data/demo/bad_kreuznach", ROOT / "geodata/bad_kreuznach.geojson"),
    "mayen_koblenz": (ROOT / "data/demo/mayen_koblenz", ROOT / "geodata/mayen_koblenz.geojson"),
}
UPLOAD_KEY = "upload_dataset"


@dataclass(frozen=True, eq=False)
class Dataset:
    key: str
    konzeption: Konzeption
    data: KitaData
    geo: SozialraumMap | None
    demo: bool
    schematic_map: bool


@st.cache_resource(show_spinner="Demo-Daten werden geladen …")
def demo_dataset(key: str) -> Dataset:
    folder, geo_path = DEMOS[key]
    konzeption = load_konzeption(folder / "konzeption.toml")
    return Dataset(key, konzeption, load_kitas(folder / "kitas.csv", konzeption), read_map(geo_path),
                   demo=True, schematic_map=True)


def uploaded_dataset() -> Dataset | None:
    return st.session_state.get(UPLOAD_KEY)


def dataset(key: str) -> Dataset:
    if key == "upload":
        return uploaded_dataset() or demo_dataset("bad_kreuznach")
    return demo_dataset(key)


# Results are immutable and cheap to keep; cache_resource returns the same object without the
# pickling copy cache_data would make on every slider move.
@st.cache_resource(max_entries=512, show_spinner=False)
def _result(key: str, fingerprint: str, konzeption_name: str, params: Params, _ds: Dataset) -> Result:
    return compute(_ds.data, _ds.konzeption, params)


def result(ds: Dataset, params: Params) -> Result:
    return _result(ds.key, ds.data.fingerprint, ds.konzeption.name, params, ds)


def baseline(ds: Dataset) -> Result:
    return result(ds, ds.konzeption.default_params())


def explain(res: Result, kita_id: str) -> KitaPath:
    return explain_kita(res, kita_id)


# --- Step 2 -----------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _funding(key: str, fingerprint: str, konzeption_name: str, shares: tuple, _ds: Dataset):
    funding = load_funding(_ds.konzeption)
    return with_shares(funding, shares) if funding is not None else None


def funding(ds: Dataset, shares: tuple = ()) -> Funding | None:
    """The Konzeption's funding strands, with other strand shares if given (a what-if or a scenario).

    Raises SrbInputError with reasons if the strands or the shares are inconsistent."""
    return _funding(ds.key, ds.data.fingerprint, ds.konzeption.name, tuple(shares), ds)


@st.cache_resource(max_entries=256, show_spinner=False)
def _proposal(key: str, fingerprint: str, konzeption_name: str, params: Params, choices: Choices, shares: tuple,
              _res: Result, _funding: Funding) -> Proposal:
    return propose(_res, _funding, choices)


def proposal(ds: Dataset, res: Result, choices: Choices, shares: tuple = ()) -> Proposal:
    return _proposal(ds.key, ds.data.fingerprint, ds.konzeption.name, res.params, choices, tuple(shares), res,
                     funding(ds, shares))


def adjusted(plan, adjustments, data) -> Adjusted:
    return apply_adjustments(plan, adjustments, data)


# --- Scenarios --------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _store(path: str) -> ScenarioStore:
    return ScenarioStore(path)


def store() -> ScenarioStore:
    """The scenario database (path from SRB_SZENARIO_DB, default var/szenarien.sqlite)."""
    return _store(str(default_path()))


@st.cache_resource(max_entries=64, show_spinner=False)
def _outcome(key: str, fingerprint: str, konzeption_name: str, scenario: Scenario, _ds: Dataset) -> Outcome:
    return evaluate(scenario, _ds.data, _ds.konzeption)


def outcome(ds: Dataset, scenario: Scenario) -> Outcome:
    return _outcome(ds.key, ds.data.fingerprint, ds.konzeption.name, scenario, ds)


@st.cache_resource(max_entries=32, show_spinner=False)
def _comparison(
    key: str, fingerprint: str, scenarios: tuple[Scenario, ...], _outcomes: tuple[Outcome, ...]
) -> Comparison:
    return compare(list(_outcomes))


def comparison(ds: Dataset, outcomes: list[Outcome]) -> Comparison:
    return _comparison(ds.key, ds.data.fingerprint, tuple(o.scenario for o in outcomes), tuple(outcomes))


# --- Robustness (issue 16) ----------------------------------------------------------------------
class RobustnessStore:
    """The last few analyses by content key, shared by all sessions (same inputs, same numbers)."""

    def __init__(self, size: int = 16) -> None:
        self._items: OrderedDict[str, Analysis] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: str) -> Analysis | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
            return self._items.get(key)

    def put(self, key: str, analysis: Analysis) -> None:
        with self._lock:
            self._items[key] = analysis
            while len(self._items) > self._size:
                self._items.popitem(last=False)


@st.cache_resource(show_spinner=False)
def _robustness_store() -> RobustnessStore:
    return RobustnessStore()


def robustness_key(res: Result, funding_: Funding | None, settings: Settings) -> str:
    """By content: data fingerprint, Konzeption, parameters, strands, seed, draws and the other settings."""
    return content_key(res, funding_, settings)


def robustness_cached(res: Result, funding_: Funding | None, settings: Settings) -> Analysis | None:
    return _robustness_store().get(robustness_key(res, funding_, settings))


def robustness(res: Result, funding_: Funding | None, settings: Settings, progress=None) -> Analysis:
    """The analysis for these inputs: from the cache, or computed (with progress) and then kept."""
    key = robustness_key(res, funding_, settings)
    store_ = _robustness_store()
    found = store_.get(key)
    if found is None:
        found = analyse(res, funding_, settings, progress)
        store_.put(key, found)
    return found


def winsorised(res: Result) -> Result:
    """What-if: the result with every variable capped to its 5th and 95th percentile before min–max."""
    return _winsorised(res.data.fingerprint, res.konzeption, res.params, res)


@st.cache_resource(max_entries=32, show_spinner=False)
def _winsorised(fingerprint: str, konzeption: Konzeption, params: Params, _res: Result) -> Result:
    return winsorised_result(_res)
