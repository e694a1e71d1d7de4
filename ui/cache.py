"""The one cached access point from the app to srb_core: `outcome(ds, scenario)` (srb_core.pipeline.evaluate).

Pages get every number of a scenario from it, never from srb_core.step1 or srb_core.funding directly."""
from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from srb_core import KitaData, Konzeption, Params, Result, SrbError, SrbInputError, load_kitas, load_konzeption
from srb_core.funding import Funding, load_funding
from srb_core.index.explain import KitaPath, explain_kita
from srb_core.io.geo import SozialraumMap, read_map
from srb_core.konzeption.indicators import parse_catalogue
from srb_core.library import LibraryStore
from srb_core.library import default_path as library_path
from srb_core.pipeline import Outcome, evaluate
from srb_core.reports import YearlyValues, load_yearly
from srb_core.robustness import Analysis, Settings, analyse, content_key
from srb_core.robustness.extremes import winsorised as winsorised_result
from srb_core.scenarios import Comparison, Scenario, ScenarioStore, compare, default_path
from srb_core.sqlite_store import StoreError
from srb_core.waves import Wave, WaveComparison, check_compatible, compare_waves
from srb_core.waves.sources import load_waves, read_manifest

from . import texts as T
from .bounded import BoundedCache, budget_bytes, estimate_bytes

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
    if is_library_key(key):
        return library_dataset(key)
    return demo_dataset(key)


# --- Data library (issue 17) ------------------------------------------------------------------
LIBRARY_PREFIX = "lib:"


def is_library_key(key: str) -> bool:
    return isinstance(key, str) and key.startswith(LIBRARY_PREFIX)


@st.cache_resource(show_spinner=False)
def _library(path: str) -> LibraryStore:
    return LibraryStore(path)


def library() -> LibraryStore:
    """The data library (path from SRB_BIBLIOTHEK_DB, default var/bibliothek.sqlite)."""
    return _library(str(library_path()))


# A stored dataset's files never change under its id (renaming changes only the label), so the
# checked dataset is cached by path and id.
@st.cache_resource(max_entries=16, show_spinner="Datensatz aus der Bibliothek wird geladen …")
def _library_dataset(path: str, dataset_id: str) -> Dataset:
    report = _library(path).open(dataset_id)
    if not report.ok or report.konzeption is None or report.data is None:
        raise SrbInputError(report.errors, title="Der gespeicherte Datensatz besteht die Prüfung nicht mehr.")
    return Dataset(LIBRARY_PREFIX + dataset_id, report.konzeption, report.data, report.geo,
                   demo=report.konzeption.demo, schematic_map=False)


def library_entries() -> list:
    """Stored datasets for the dataset menu; an unusable library shows as empty (the page 'Daten' says why).
    Looking never creates the file: only storing a dataset does."""
    if not library_path().exists():
        return []
    try:
        return library().list()
    except SrbError:
        return []


def dataset_label(key: str, entries: list | None = None) -> str:
    """The menu's name of a dataset; `entries`: the library's list if the caller already has it."""
    if not is_library_key(key):
        return T.DATASETS.get(key, key)
    entry = next((d for d in (library_entries() if entries is None else entries) if d.key == key), None)
    if entry is None:
        return T.LIB_UNKNOWN
    return T.LIB_MENU.format(name=entry.name, date=T.german_date(entry.stichtag))


def library_problem(key: str) -> str | None:
    """None if the stored dataset opens; else why not (deleted meanwhile, damaged, refused by today's checks)."""
    try:
        library_dataset(key)
    except SrbError as exc:
        return exc.text() if isinstance(exc, SrbInputError) else str(exc)
    return None


def library_dataset(key: str) -> Dataset:
    """Raises SrbError (German) if the id is unknown, deleted or damaged."""
    if not library_path().exists():
        raise StoreError(f"Es gibt noch keine Datenbibliothek unter „{library_path()}“.")
    return _library_dataset(str(library_path()), key[len(LIBRARY_PREFIX):])


def cache_key(ds: Dataset) -> tuple[str, str, str]:
    """What a cached result depends on: dataset slot, the Kita data's and the whole Konzeption's content.
    (Keyed by content, not by name: a corrected Konzeption with the same name is a new key.)"""
    return ds.key, ds.data.fingerprint, ds.konzeption.fingerprint


# Outcomes are immutable and shared by all sessions (same content, same object, no pickling copy as
# cache_data would make on every slider move). The stores are bounded by memory, not by count: 512
# results are 0.25 GB at 2,600 Kitas but 6 GB at 60,000 (ui/bounded.py; budget SRB_CACHE_MB).
CACHE_SHARES = {"outcome": 0.7, "result": 0.1, "other": 0.2}


@st.cache_resource(show_spinner=False)
def _stores() -> dict[str, BoundedCache]:
    return {name: BoundedCache(budget_bytes(share)) for name, share in CACHE_SHARES.items()}


def _kept(store: str, key: tuple, make, shared: tuple = ()):
    """From the shared store, or made and kept with its own size (the shared objects not counted)."""
    return _stores()[store].get_or_compute(key, make, lambda value: estimate_bytes(value, shared))


def kept(key: tuple, make):
    """A display object (table, spec) derived from results, kept by content for all sessions; treat as read-only."""
    return _kept("other", key, make)


def result_content(res: Result) -> tuple:
    """A Result by content: the data's and the Konzeption's fingerprints and the parameters."""
    return res.data.fingerprint, res.konzeption.fingerprint, res.params


def numbers_of(scenario: Scenario) -> Scenario:
    """The part of a scenario its numbers depend on: without name, author, note, ids and dates."""
    return scenario.with_(name="", author="", note="", dataset="", konzeption="", id="", created="", updated="")


def outcome(ds: Dataset, scenario: Scenario, with_step2: bool = True) -> Outcome:
    """Every number of `scenario` on this dataset: srb_core.pipeline.evaluate, computed once per content
    (data, Konzeption, the scenario's numbers) for all sessions; on a hit a dictionary lookup.

    Raises SrbError (German) if the scenario does not fit. `with_step2=False`: step 1 only (the fallback
    when step 2 cannot be computed, so the pages that need only step 1 still work)."""
    content = cache_key(ds)
    store = _stores()["outcome"]
    named_key = ("named", content, scenario, with_step2)
    named = store.get(named_key)  # the hot path: this scenario as it was asked for before
    if named is not None:
        return named
    numbers = numbers_of(scenario)
    found = _kept("outcome", ("outcome", content, numbers, with_step2),
                  lambda: evaluate(ds.data, ds.konzeption, numbers, with_step2=with_step2),
                  (ds.data, ds.konzeption))
    # Same numbers under this scenario's name: one object per name, kept too, so its lazily derived numbers
    # (area amounts, posts) are computed once; it shares every array with `found` (not counted twice).
    named = replace(found, scenario=scenario)
    store.put(named_key, named, estimate_bytes(named, (found.result, found.funding, found.proposal, found.plan,
                                                       found.adjusted, found.plain_eligibility, ds.data,
                                                       ds.konzeption)))
    return named


def explain(res: Result, kita_id: str) -> KitaPath:
    return explain_kita(res, kita_id)


# --- Step 2 -----------------------------------------------------------------------------------
@st.cache_resource(max_entries=16, show_spinner=False)
def _funding(content: tuple[str, str, str], _ds: Dataset):
    return load_funding(_ds.konzeption)


def funding(ds: Dataset) -> Funding | None:
    """The Konzeption's funding strands as read from it (None without [[strands]]); the numbers of a
    scenario come from `outcome`. Raises SrbInputError with reasons if the strands are inconsistent."""
    return _funding(cache_key(ds), ds)


# --- Scenarios --------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _store(path: str) -> ScenarioStore:
    return ScenarioStore(path)


def store() -> ScenarioStore:
    """The scenario database (path from SRB_SZENARIO_DB, default var/szenarien.sqlite)."""
    return _store(str(default_path()))


def _comparison(
    content: tuple[str, str, str], scenarios: tuple[Scenario, ...], _outcomes: tuple[Outcome, ...]
) -> Comparison:
    return _kept("other", ("comparison", content, scenarios), lambda: compare(list(_outcomes)),
                 (*_outcomes, *(o.result.data for o in _outcomes), *(o.result.konzeption for o in _outcomes)))


def comparison(ds: Dataset, outcomes: list[Outcome]) -> Comparison:
    return _comparison(cache_key(ds), tuple(o.scenario for o in outcomes), tuple(outcomes))


# --- Survey waves (issue 17) ------------------------------------------------------------------
@dataclass(frozen=True)
class WaveOption:
    key: str  # "demo:<dataset>:<label>" or a library key "lib:<id>"
    label: str
    stichtag: str


@st.cache_resource(show_spinner=False)
def _demo_waves(key: str) -> tuple:
    folder = DEMOS[key][0]
    return tuple(load_waves(read_manifest(folder), demo_dataset(key).konzeption))


def wave_options(ds: Dataset) -> tuple[list[WaveOption], list[str]]:
    """Waves comparable with the current dataset, oldest first, and notes on library datasets left out."""
    options: list[WaveOption] = []
    notes: list[str] = []
    if ds.key in DEMOS:
        options += [WaveOption(f"demo:{ds.key}:{w.label}", f"{w.label} ({T.german_date(w.stichtag)})", w.stichtag)
                    for w in _demo_waves(ds.key)]
    for entry in library_entries():
        try:
            other = library_dataset(entry.key)
            check_compatible([ds.konzeption, other.konzeption], [ds.konzeption.name, entry.name])
        except SrbError:
            notes.append(entry.name)
            continue
        options.append(WaveOption(entry.key, entry.name, entry.stichtag))
    return sorted(options, key=lambda o: (o.stichtag, o.label)), notes


def _wave(option: WaveOption) -> Wave:
    if option.key.startswith("demo:"):
        _, key, label = option.key.split(":", 2)
        wave = next(w for w in _demo_waves(key) if w.label == label)
        return Wave(option.label, wave.data, wave.stichtag)
    return Wave(option.label, library_dataset(option.key).data, option.stichtag)


def _waves(content: tuple[str, str, str], keys: tuple[str, ...], params: Params, _options: tuple, _ds: Dataset):
    def make() -> WaveComparison:
        with st.spinner("Wellen werden verglichen …"):
            return compare_waves([_wave(o) for o in _options], _ds.konzeption, params)

    return _kept("other", ("waves", content, keys, params), make, (_ds.konzeption,))


def waves(ds: Dataset, chosen: list[WaveOption], params: Params) -> WaveComparison:
    """Pooled-bounds comparison of the chosen waves with the Konzeption and parameters of the current view."""
    return _waves(cache_key(ds), tuple(o.key for o in chosen), params, tuple(chosen), ds)


# --- Yearly reports (issue 17) -----------------------------------------------------------------
REPORTS_KEY = "br_values"  # session: (dataset key, YearlyValues) checked from an upload


@st.cache_resource(show_spinner=False)
def _demo_reports(key: str) -> YearlyValues | None:
    folder = DEMOS[key][0] / "berichte"
    if not (folder / "jahreswerte.csv").exists():
        return None
    catalogue = parse_catalogue((folder / "indikatoren.toml").read_text(encoding="utf-8"), "indikatoren.toml")
    return load_yearly(folder / "jahreswerte.csv", catalogue, demo_dataset(key).data)


def reports(ds: Dataset) -> YearlyValues | None:
    """The demo's yearly values, or those checked from an upload in this session for this dataset."""
    uploaded = st.session_state.get(REPORTS_KEY)
    if uploaded is not None and uploaded[0] == ds.key:
        return uploaded[1]
    return _demo_reports(ds.key) if ds.key in DEMOS else None
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


def _winsorised(fingerprint: str, konzeption: Konzeption, params: Params, _res: Result) -> Result:
    return _kept("result", ("winsorised", fingerprint, konzeption, params), lambda: winsorised_result(_res),
                 (_res.konzeption,))


@st.cache_resource(show_spinner=False)
def freeze_loaded() -> bool:
    """Once per process, after the first full run: everything loaded so far (modules, the demo data, Streamlit's own
    objects) goes into Python's permanent generation. Python's automatic full collection otherwise walks all of it
    whenever a new session has made enough objects: 75–145 ms with the server standing still, measured in six of
    seven first drawings (gc.callbacks). Objects made later are collected as before."""
    gc.collect()
    gc.freeze()
    return True
