"""Real browser, print media: the page without the sidebar, the content over the whole width."""
from __future__ import annotations

import pytest

from tests.e2e.server import wait_for_app

pytestmark = pytest.mark.e2e


def test_print_hides_the_sidebar_and_uses_the_full_width(page, base_url):
    page.goto(base_url + "/sozialraum", wait_until="networkidle")
    wait_for_app(page)
    page.get_by_text("Vergleich mit einem anderen Sozialraum").wait_for(timeout=20000)
    page.locator('[data-testid="stVegaLiteChart"] svg.marks').first.wait_for(timeout=20000)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    page.emulate_media(media="print")
    page.wait_for_function("() => getComputedStyle(document.querySelector('[data-testid=\"stSidebar\"]')).display"
                           " === 'none'", timeout=10000)
    width = page.evaluate("() => document.querySelector('.block-container').getBoundingClientRect().width")
    chart = page.evaluate("() => Math.min(...[...document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]')]"
                          ".map(e => e.getBoundingClientRect().width))")  # every chart, the profile included
    viewport = page.viewport_size["width"]
    assert width >= 0.95 * viewport  # no room kept for the sidebar
    assert chart >= 0.9 * width  # charts at full width, not in half a column
