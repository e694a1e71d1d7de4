"""In Chromium: time from a slider key press to the updated share table, and to first full render.

`python benchmarks/bench_browser.py` starts `streamlit run app.py` on a free port (Bad Kreuznach
demo), presses ArrowRight/ArrowLeft alternately on the "Soziale Lage" weight slider 20 times and
measures each time until the share table shows new numbers. First full render: a fresh browser
context (empty cache, as on a first visit) until the share table, every map shape and the norm-band
chart are drawn. Goals: median < 300 ms; first render < 3 s.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, running_app, wait_for_app  # noqa: E402

TABLE_TEXT = "() => [...document.querySelectorAll('[data-testid=\"stTable\"] td')].map(t => t.innerText).join('|')"
MAP_SHAPES = 'iframe[title="streamlit_folium.st_folium"]'
CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'


def first_render(browser, base: str) -> float:
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    t0 = time.perf_counter()
    page.goto(base + "/?proj=1")
    page.wait_for_selector('[data-testid="stTable"] td')
    page.frame_locator(MAP_SHAPES).locator("path.leaflet-interactive").nth(8).wait_for()
    page.wait_for_selector(CHART)
    elapsed = time.perf_counter() - t0
    page.close()
    return elapsed


def slider_latencies(browser, base: str, n: int = 20) -> list[float]:
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(base + "/?proj=1", wait_until="networkidle")
    wait_for_app(page)
    thumb = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').nth(1).get_by_role("slider")
    times = []
    for i in range(n):
        before = page.evaluate(TABLE_TEXT)
        thumb.focus()
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        page.wait_for_function(f"before => ({TABLE_TEXT})() !== before", arg=before, polling="raf", timeout=10000)
        times.append((time.perf_counter() - t0) * 1000)
        wait_for_app(page)  # let the map layer finish too before the next press
    page.close()
    return times


def main() -> None:
    with running_app() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        first_render(browser, base)  # warm the server's caches once, as a real session would find them
        renders = [first_render(browser, base) for _ in range(10)]
        times = slider_latencies(browser, base)
        browser.close()
    print(f"Erste vollständige Darstellung (Median von {len(renders)}): {statistics.median(renders):.2f} s  "
          f"(Ziel < 3 s); min {min(renders):.2f}, max {max(renders):.2f} s")
    print(f"Tastendruck am Gewichtsregler → neue Anteilstabelle (Median von {len(times)}): "
          f"{statistics.median(times):.0f} ms  (Ziel < 300 ms); min {min(times):.0f}, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
