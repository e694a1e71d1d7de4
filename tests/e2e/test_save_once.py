"""Real browser: type a name and click "Als neues Szenario speichern" once – the scenario is saved
(the button used to stay disabled until the name field lost focus, so the first click was lost)."""
from __future__ import annotations

import pytest

from srb_core.scenarios import ScenarioStore
from tests.e2e.server import wait_for_app, wait_until

pytestmark = pytest.mark.e2e


def test_one_click_saves(page, base_url, scenario_db):
    page.goto(base_url + "/szenarien", wait_until="networkidle")
    wait_for_app(page)
    name = "Ein Klick <genügt> & „sofort“"
    page.get_by_label("Name", exact=True).fill(name)  # no Enter, no leaving the field: the click does it
    page.get_by_role("button", name="Als neues Szenario speichern").click()
    page.get_by_text(f"Gespeichert: „{name}“").wait_for(timeout=20000)
    wait_until(lambda: [s.name for s in ScenarioStore(scenario_db).list("bad_kreuznach") if s.name == name],
               what="gespeichertes Szenario")
    assert [s.name for s in ScenarioStore(scenario_db).list("bad_kreuznach")].count(name) == 1
