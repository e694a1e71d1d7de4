"""Browser fixtures. Without Chromium the tests skip with a reason; in CI (.ci/run) they must run."""
from __future__ import annotations

import os

import pytest

from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, running_app

REQUIRED = bool(os.environ.get("SRB_REQUIRE_BROWSER") or os.environ.get("CI"))


def _skip_or_fail(reason: str):
    if REQUIRED:
        pytest.fail(f"Browser-Tests sind in CI Pflicht: {reason}")
    pytest.skip(f"{reason} – Browser-Tests übersprungen (apt-get install chromium)")


@pytest.fixture(scope="session")
def scenario_db(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e") / "szenarien.sqlite"


@pytest.fixture(scope="session")
def base_url(scenario_db):
    if not os.path.exists(CHROMIUM):
        _skip_or_fail(f"kein Chromium unter {CHROMIUM}")
    env = {"SRB_SZENARIO_DB": str(scenario_db), "SRB_BIBLIOTHEK_DB": str(scenario_db.with_name("bibliothek.sqlite"))}
    with running_app(env=env) as url:
        yield url


@pytest.fixture(scope="session")
def browser(base_url):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("Python-Paket playwright fehlt")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    pg = context.new_page()
    yield pg
    context.close()
