"""Real browser against `streamlit run app.py`: map shapes, keyboard slider, no foreign requests."""
from __future__ import annotations

import pytest

from srb_core import compute
from tests.e2e.server import ROOT, WALL, type_number, wait_for_app, wait_for_cell, wait_until

pytestmark = pytest.mark.e2e
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
MAP = WALL  # the map is part of the Übersicht's wall


def polygons(page) -> list[str]:
    """Fill colours of the Sozialraum shapes (circle markers are arcs, polygons are not)."""
    frame = page.frame_locator(MAP)
    return frame.locator("path.leaflet-interactive").evaluate_all(
        "ps => ps.filter(p => !/a\\d/.test(p.getAttribute('d'))).map(p => p.getAttribute('fill'))")


def share_cells(page) -> list[str]:
    return page.frame_locator(WALL).locator("#shares td").all_inner_texts()


def test_map_has_one_shape_per_sozialraum(page, base_url, bk_data):
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    assert len(polygons(page)) == len(bk_data.sozialraum_names) == 8
    frame = page.frame_locator(MAP)
    assert frame.locator(".srb-k").count() == bk_data.n  # one marker per Kita, its band told by shape
    assert frame.locator(".srb-label-in").count() == 8  # every area labelled with name and share
    # German names for screen readers: the wall's frame and the map region inside it
    assert page.locator(MAP).get_attribute("aria-label") == "Übersicht: Anteile, Normbereich der Kitas und Karte"
    assert frame.locator("#map").get_attribute("aria-label") == "Karte der Sozialräume"


def test_keyboard_slider_recolours_map_and_changes_shares(page, base_url, bk_data, bk_konzeption):
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    frame = page.frame_locator(MAP)
    frame.locator(".leaflet-container").evaluate("el => { el.dataset.mounted = 'original'; }")
    fills_before, cells_before = polygons(page), share_cells(page)

    type_number(page, 2, "4")  # "Flucht und Migration" from 1,0 to 4 typed
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 1.0, 4.0, 1.0)))
    pv = bk_data.sozialraum_names.index("Pariser Viertel")
    wait_for_cell(page, f"{moved.shares[pv] * 100:.2f}".replace(".", ","))
    page.wait_for_url("**w=1%2C1%2C4%2C1**", timeout=20000)
    wait_until(lambda: polygons(page) != fills_before, what="the map recoloured")
    wait_for_app(page)
    assert share_cells(page) != cells_before
    # the base map stayed mounted: only the layer was swapped
    assert frame.locator(".leaflet-container").evaluate("el => el.dataset.mounted") == "original"


def test_every_request_goes_to_the_local_server(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    for path in ["/", "/sozialraum", "/kitas", "/rechenweg", "/budget", "/szenarien", "/vergleich", "/robustheit",
                 "/daten", "/?anon=1&proj=1"]:
        page.goto(base_url + path, wait_until="networkidle")
        wait_for_app(page)
    context.close()
    foreign = [u for u in seen if not u.startswith((base_url, "data:", "blob:", "about:"))]
    assert seen and foreign == []


def test_projector_screenshots(browser, base_url):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1920, 1080), (1280, 720)):
        context = browser.new_context(viewport={"width": w, "height": h})
        page = context.new_page()
        for name, path in (("uebersicht", "/"), ("sozialraum", "/sozialraum"), ("rechenweg", "/rechenweg"),
                           ("szenarien", "/szenarien"), ("vergleich", "/vergleich"), ("robustheit", "/robustheit")):
            page.goto(f"{base_url}{path}?proj=1", wait_until="networkidle")
            wait_for_app(page)
            target = ARTIFACTS / f"{name}_{w}x{h}_projektor.png"
            page.screenshot(path=str(target))
            assert target.stat().st_size > 20_000
        # the demo badge is visible in the first screen
        page.goto(f"{base_url}/?proj=1", wait_until="networkidle")
        wait_for_app(page)
        assert page.get_by_text("Demo-Daten (synthetisch)").first.is_visible()
        context.close()


def test_anonymised_map_tooltips_show_codes(page, base_url, bk_data):
    page.goto(base_url + "/?anon=1", wait_until="networkidle")
    wait_for_app(page)
    html = page.frame_locator(MAP).locator("body").evaluate("b => b.ownerDocument.documentElement.outerHTML")
    whole = page.content() + html
    assert not any(name in whole for name in bk_data.names)
