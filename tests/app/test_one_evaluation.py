"""The engine runs exactly once per slider move on every page: one call of srb_core.pipeline.evaluate
through the one cached access point (ui.cache.outcome), with one step-1 computation and one proposal in it;
the parameters are built from the widgets once per run."""
from __future__ import annotations

import pytest

import srb_core.pipeline.run as pipeline_run
import ui.cache
import ui.sidebar
import ui.state
from tests.app.helpers import move, new_app

EVERY_PAGE = ["uebersicht", "sozialraum", "kitas", "rechenweg", "budget", "szenarien", "vergleich", "entwicklung",
              "berichte", "robustheit", "daten", "glossar"]
SHOWS_NUMBERS = set(EVERY_PAGE) - {"daten", "glossar"}


class Counter:
    def __init__(self, monkeypatch, module, name: str):
        self.calls = 0
        inner = getattr(module, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return inner(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_one_weight_slider_move_is_one_evaluation(page, monkeypatch):
    evaluations = Counter(monkeypatch, ui.cache, "evaluate")  # what the cached access point calls
    step1 = Counter(monkeypatch, pipeline_run, "compute")  # inside evaluate: index, band, shares, euros
    step2 = Counter(monkeypatch, pipeline_run, "propose")
    built = Counter(monkeypatch, ui.state, "params")  # Params from the widgets
    runs = Counter(monkeypatch, ui.sidebar, "render")  # once per script run (a page may rerun itself)
    ui.cache._stores.clear()  # a fresh shared store: the first run must evaluate (the counters do count)
    at = new_app()
    at.session_state["cp_pick"] = ["aktuell"]  # Vergleich shows the current settings next to the Beschluss
    at.run()
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert evaluations.calls >= 2 and step1.calls == evaluations.calls  # the current settings and the Beschluss
    # a weight no other test uses (the store is shared by all sessions): 1.01, 1.02, … per page
    weight = 1 + (EVERY_PAGE.index(page) + 1) / 100 + 0.5
    evaluations.calls = step1.calls = step2.calls = built.calls = runs.calls = 0
    move(at, "w0", weight)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["w0"] == weight
    expected = 1 if page in SHOWS_NUMBERS else 0
    assert (evaluations.calls, step1.calls, step2.calls) == (expected, expected, expected)
    assert built.calls == runs.calls >= 1  # Params built once per run (the sidebar), reused by URL and page
    # and a rerun without a change is a cache hit: no evaluation at all
    at.run()
    assert (evaluations.calls, step1.calls, step2.calls) == (expected, expected, expected)


def test_the_access_point_is_a_lookup_on_a_hit_and_shares_numbers_across_names(monkeypatch):
    from srb_core.scenarios import Scenario

    ui.cache._stores.clear()
    evaluations = Counter(monkeypatch, ui.cache, "evaluate")
    ds = ui.cache.demo_dataset("bad_kreuznach")
    s = Scenario(name="A", params=ds.konzeption.default_params().with_(k=0.77))
    first = ui.cache.outcome(ds, s)
    assert ui.cache.outcome(ds, s) is first  # the same object: derived numbers are computed once
    other = ui.cache.outcome(ds, s.with_(name="B", note="gleiche Zahlen"))
    assert other.scenario.name == "B" and other.result is first.result and other.plan is first.plan
    assert evaluations.calls == 1
