"""Chromium: the app against a minimal Streamlit page (the floor), alternately in one run.

`python benchmarks/bench_browser.py` starts `streamlit run app.py` (Bad Kreuznach demo) and
`streamlit run benchmarks/floor/app.py` (4 sidebar sliders, one 8-row table) and, for 3 rounds,
measures on each in turn:
- first full render: a fresh browser context (empty cache, as on a first visit) until the table
  (app: also the map's shapes and the norm-band view) is drawn and the page is idle, checked on both pages alike
  once per animation frame;
- slider key → updated view, 20 presses alternating right/left on the second weight slider: until
  the table shows the new numbers, the map has drawn the new layer (its digest on the map container
  changed) and the norm-band view changed, *and* the page is idle again (no script run, no stale
  element), so the figure is what the room sees. The app's wall draws a setting one key away from the
  numbers it holds (ui/wallview.py); its rerun follows once the slider has settled. So the next key is
  pressed only after the app has caught up (that rerun is done and the settings one key away from the new
  setting have arrived), and that time is printed too: each key is measured from a fresh state;
- bytes received over the WebSocket per slider move, until the app has caught up (so the settle rerun
  and the settings ahead are counted).
Printed: medians per round and overall, and the ratios app / floor. Timing goals are judged on
the ratios, since the machine's speed drifts between runs.

`--large 2600` opens the app on a synthetic dataset of that many Kitas instead (benchmarks/make_large.py,
stored in a data library in a temporary folder: SRB_BIBLIOTHEK_DB is set for the app process).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, running_app  # noqa: E402

WALL = 'iframe[title="ui.wallview.srb_wall"]'
# The numbers: the floor's st.table, the app's share table inside the wall (ui/wallview.py).
TABLE_TEXT = ("() => { const f = document.querySelector('" + WALL.replace("'", "\\'") + "'); "
              "const d = f && f.contentDocument ? f.contentDocument : document; "
              "return [...d.querySelectorAll('[data-testid=\"stTable\"] td, #shares td')]"
              ".map(t => t.innerText).join('|'); }")
IDLE = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "!document.querySelector('[data-stale=\"true\"]')")
BAND = ".srb-band .srb-brow"  # the norm-band view (ui/bandview.py)
# What a slider move must have updated besides the table: the map's drawn layer (its digest on the map container)
# and the norm-band view, both inside the wall's frame.
VIEW = ("() => { const f = document.querySelector('" + WALL.replace("'", "\\'") + "'); "
        "const d = f && f.contentDocument; const m = d && d.querySelector('.leaflet-container'); "
        "const b = d && d.querySelector('.srb-band'); "
        "return [m ? m.getAttribute('data-srb-drawn') : '', b ? b.innerHTML : ''].join('|'); }")
SLIDER = '[data-testid="stSidebar"] [data-testid="stSlider"]'  # the floor's Streamlit sliders
SLIDERS = '[data-testid="stSidebar"] iframe[title="ui.sliders.srb_sliders"]'  # the app's (ui/sliders.py)
# The app has caught up after a key: the wall shows what the app last drew (its rerun after the slider settled) and
# holds the settings one key away from there (static/wall/wall.js writes both on its body).
READY = ("() => { const f = document.querySelector('" + WALL.replace("'", "\\'") + "'); "
         "const b = f && f.contentDocument && f.contentDocument.body; if (!b) return false; "
         "const settled = b.getAttribute('data-settled') || '', ahead = b.getAttribute('data-ahead') || ''; "
         "return settled.startsWith(b.getAttribute('data-shown') + '#') "
         "&& ahead.startsWith(b.getAttribute('data-ident') + '#'); }")


# Drawn: the floor's table; the app's share table, map shapes and norm-band view inside the wall's frame. Both pages
# are watched the same way (one check per animation frame, together with IDLE), so neither pays for more waiting
# round trips of the browser driver than the other.
DRAWN_APP = ("() => { const f = document.querySelector('" + WALL.replace("'", "\\'") + "'); "
             "const d = f && f.contentDocument; return !!(d && d.querySelector('#shares td') "
             "&& d.querySelector('path.leaflet-interactive') && d.querySelector('" + BAND + "')); }")
DRAWN_FLOOR = "() => !!document.querySelector('[data-testid=\"stTable\"] td')"


def first_render(browser, url: str, is_app: bool) -> float:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function(f"() => ({DRAWN_APP if is_app else DRAWN_FLOOR})() && ({IDLE})()", polling="raf",
                           timeout=60000)
    elapsed = time.perf_counter() - t0
    context.close()
    return elapsed


class _Bytes:
    """Sums the payload of WebSocket frames the page receives (via the DevTools protocol)."""

    def __init__(self, page) -> None:
        self.total = 0
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _frame(self, event) -> None:
        data = event["response"]["payloadData"]
        self.total += len(data) * 3 // 4 if event["response"].get("opcode") == 2 else len(data.encode())


def slider_moves(browser, url: str, presses: int, is_app: bool,
                 onward: bool = False) -> tuple[list[float], list[int], list[float]]:
    """Per key: time until the view shows the new numbers and the page is idle (what the room sees), bytes
    received until the app has caught up, and (app) the time until it has: its rerun after the slider settled
    and the settings one key away from there have arrived. The next key is pressed only then."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    counter = _Bytes(page)
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(f"() => ({TABLE_TEXT})() !== ''", timeout=60000)
    page.wait_for_function(IDLE, timeout=60000)
    if is_app:
        thumb = page.frame_locator(SLIDERS).locator("input[type=range]").nth(1)
        page.frame_locator(WALL).locator("path.leaflet-interactive").first.wait_for(timeout=60000)
        page.wait_for_function(READY, timeout=60000)
    else:
        thumb = page.locator(SLIDER).nth(1).locator("input[type=range]")
    times, sizes, settles = [], [], []
    for i in range(presses):
        before = page.evaluate(TABLE_TEXT)
        view = page.evaluate(VIEW) if is_app else ""
        thumb.focus()
        start_bytes = counter.total
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight" if onward or i % 2 == 0 else "ArrowLeft")
        page.wait_for_function(f"before => ({TABLE_TEXT})() !== before", arg=before, polling="raf", timeout=30000)
        if is_app:  # map colours/labels and the band view redrawn as well
            page.wait_for_function(f"before => ({VIEW})() !== before", arg=view, polling="raf", timeout=30000)
        page.wait_for_function(IDLE, polling="raf", timeout=30000)
        times.append((time.perf_counter() - t0) * 1000)
        if is_app:
            page.wait_for_function(READY, polling="raf", timeout=30000)
            settles.append((time.perf_counter() - t0) * 1000)
        page.wait_for_timeout(150)  # frames that arrive just after idle still belong to this move
        sizes.append(counter.total - start_bytes)
    context.close()
    return times, sizes, settles


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Browser-Benchmark: App gegen Vergleichsseite")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--presses", type=int, default=20)
    # 5 per round: a first drawing takes one of two times ~0.5 s apart (React reveals elements whose code is still
    # loading at the earliest 500 ms after it last showed a placeholder), on the floor page as well; with 9 the
    # median flipped between the two from run to run.
    ap.add_argument("--renders", type=int, default=5, help="erste Darstellungen je Runde und Seite")
    ap.add_argument("--query", default="proj=1", help="Adresszeile der App, z. B. proj=1")
    ap.add_argument("--onward", action="store_true",
                    help="alle Tastendrücke in dieselbe Richtung (jede Einstellung neu; sonst abwechselnd zwei Werte)")
    ap.add_argument("--large", type=int, default=0, metavar="N",
                    help="App mit N synthetischen Kitas aus einer Bibliothek im Temp-Ordner, z. B. 2600")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.large:
            from make_large import store

            os.environ["SRB_BIBLIOTHEK_DB"] = str(Path(tmp) / "bibliothek.sqlite")  # the app process inherits it
            args.query = "&".join(filter(None, [args.query, "ds=" + store(args.large)]))
            print(f"Datensatz: {args.large} synthetische Kitas (?{args.query})", flush=True)
        _run(args)


def _run(args) -> None:
    results: dict[str, dict[str, list[float]]] = {"floor": {"render": [], "press": [], "bytes": [], "settle": []},
                                                  "app": {"render": [], "press": [], "bytes": [], "settle": []}}
    with running_app() as app_base, running_app(script="benchmarks/floor/app.py") as floor_base, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        urls = {"floor": floor_base + "/", "app": f"{app_base}/?{args.query}"}
        for name, url in urls.items():  # warm the servers' caches once, as a real session would find them
            first_render(browser, url, name == "app")
        for r in range(args.rounds):
            for name in ("floor", "app"):
                renders = [first_render(browser, urls[name], name == "app") for _ in range(args.renders)]
                times, sizes, settles = slider_moves(browser, urls[name], args.presses, name == "app", args.onward)
                results[name]["render"] += renders
                results[name]["press"] += times
                results[name]["bytes"] += sizes
                results[name]["settle"] += settles
                print(f"Runde {r + 1} {name:>5}: erste Darstellung {statistics.median(renders):.2f} s, "
                      f"Regler → Ansicht {statistics.median(times):.0f} ms (Median von {len(times)}), "
                      f"{statistics.median(sizes) / 1000:.1f} KB je Bewegung", flush=True)
        browser.close()
    f, a = results["floor"], results["app"]
    render_ratio = statistics.median(a["render"]) / statistics.median(f["render"])
    press_ratio = statistics.median(a["press"]) / statistics.median(f["press"])
    print(f"Erste Darstellung: App {statistics.median(a['render']):.2f} s, Vergleichsseite "
          f"{statistics.median(f['render']):.2f} s → {render_ratio:.2f}×")
    for name, r in (("Vergleichsseite", f["render"]), ("App", a["render"])):
        print(f"  alle ersten Darstellungen, {name}: " + " ".join(f"{x:.2f}" for x in sorted(r)))
    p90 = sorted(a["press"])[int(0.9 * (len(a["press"]) - 1))]
    print(f"Regler → Ansicht: App {statistics.median(a['press']):.0f} ms (p90 {p90:.0f}), "
          f"Vergleichsseite {statistics.median(f['press']):.0f} ms → {press_ratio:.2f}×")
    if a["settle"]:
        print(f"Taste → App hat aufgeholt (Lauf nach dem Einrasten, nächste Schritte da): "
              f"{statistics.median(a['settle']):.0f} ms")
    print(f"Daten je Reglerbewegung: App {statistics.median(a['bytes']) / 1000:.1f} KB, "
          f"Vergleichsseite {statistics.median(f['bytes']) / 1000:.1f} KB")


if __name__ == "__main__":
    main()
