"""Issue 13 in the real browser: the Übersicht as a workshop wall in projector mode, and German everywhere."""
from __future__ import annotations

import re

import pytest

from srb_core import compute
from srb_core.explain import band_counts
from tests.e2e.controls import row_label, row_range
from tests.e2e.server import ROOT, WALL, move_slider, type_number, wait_for_app, wait_for_cell, wait_until

pytestmark = pytest.mark.e2e
SIZES = ((1920, 1080), (1280, 720))
# Texts Streamlit, Vega-Embed and Leaflet write in English (issue 13); none may reach the screen or a screen reader.
ENGLISH = ["Browse files", "Drag and drop", "per file", "Upload", "Press Enter to apply", "No results",
           "Choose an option", "Show/hide columns", "Download as CSV", "Search", "Fullscreen", "Show data",
           "Download as PNG", "Copy Vega-Lite spec", "Collapse sidebar", "Expand sidebar", "Increment", "Decrement",
           "Zoom in", "Zoom out", "1 mi", " ft", "files are not allowed", "View Source", "Save as", "Help for"]
# Whole texts in screen-reader labels (a substring check would also find them in German words)
ENGLISH_LABELS = ["Help"]
PAGES = ["/", "/sozialraum", "/kitas", "/rechenweg", "/budget", "/szenarien", "/vergleich", "/entwicklung",
         "/berichte", "/robustheit", "/daten"]


def wall_frame(page):
    """The wall's frame (share table, strip, band view, "why" bars, map), for waiting on state inside it."""
    handle = page.locator(WALL).element_handle()
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    return frame


def fills(page) -> list[str]:
    frame = page.frame_locator(WALL)
    return frame.locator("path.leaflet-interactive").evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")


def box(locator) -> dict:
    b = locator.bounding_box()
    assert b is not None
    return b


def strip_counts(page) -> dict[str, str]:
    wall = page.frame_locator(WALL)
    return {c: wall.locator(f'.srb-count[data-class="{c}"]').inner_text() for c in ("1", "0", "-1")}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_wall_fits_the_first_screen(browser, base_url, size):
    w, h = size
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    page.goto(base_url + "/?proj=1", wait_until="networkidle")
    wait_for_app(page)
    frame = page.frame_locator(WALL)
    frame.locator(".srb-label-in").nth(7).wait_for()
    table = box(frame.locator("#shares"))
    strip = box(frame.locator(".srb-strip"))
    iframe = box(frame.locator("#map"))
    for name, b in (("Anteilstabelle", table), ("Normbereich-Leiste", strip)):
        assert b["y"] >= 0 and b["y"] + b["height"] <= h and b["x"] + b["width"] <= w, (name, b)
    assert iframe["y"] + 0.75 * iframe["height"] <= h and iframe["x"] + iframe["width"] <= w + 1
    # every area labelled with its name and share, each label's centre inside the visible map
    labels = frame.locator(".srb-label-in")
    assert labels.count() == 8
    for i in range(8):
        lb = labels.nth(i).bounding_box()
        assert lb is not None and lb["y"] + lb["height"] / 2 <= h, lb
        assert re.search(r"\d+,\d\u00a0%", labels.nth(i).inner_text())
    assert "Pariser Viertel" in labels.all_inner_texts()[3] or any("Pariser Viertel" in t
                                                                  for t in labels.all_inner_texts())
    # the counts inside the first screen, German numbers in the table
    assert all(re.fullmatch(r"\S+ \S+ \d+ \(±0\)", t.strip()) for t in strip_counts(page).values())
    shares = frame.locator("#shares tbody tr td:nth-child(3)").all_inner_texts()
    assert shares and all(re.fullmatch(r"\d{1,3},\d{2}\u00a0%", s.strip()) for s in shares), shares
    target = ROOT / "test-artifacts" / "e2e" / f"wall_{w}x{h}_projektor.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_soziale_lage_two_recolours_the_map_and_updates_counts_and_why(browser, base_url, bk_data, bk_konzeption,
                                                                       size):
    w, h = size
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    page.goto(base_url + "/?proj=1", wait_until="networkidle")
    wait_for_app(page)
    before = fills(page)
    wall = page.frame_locator(WALL)
    assert wall.locator(".srb-why-row").count() == 0  # nothing to explain at the Beschluss
    type_number(page, 1, "2,0")  # "Soziale Lage" 1,0 → 2,0, typed: one rerun
    base = compute(bk_data, bk_konzeption)
    moved = compute(bk_data, bk_konzeption, base.params.with_(weights=(1.0, 2.0, 1.0, 1.0)))
    counts = band_counts(moved, base)
    expected = {}
    for c, label in ((1, "oberhalb"), (0, "innerhalb"), (-1, "unterhalb")):
        d = counts.delta(c)
        expected[str(c)] = f"{label} {counts.now[c]} ({'±0' if d == 0 else ('+' if d > 0 else '−') + str(abs(d))})"
    # wait for the asserted state itself (the last rerun), not for the first change
    wall_frame(page).wait_for_function(
        "exp => Object.entries(exp).every(([c, t]) => { const e = document.querySelector("
        "`.srb-count[data-class=\"${c}\"]`); return e && e.innerText.replace(/\\s+/g, ' ').trim().endsWith(t); })",
        arg=expected, timeout=20000)
    wall.locator(".srb-why-row").nth(7).wait_for(timeout=20000)
    wait_until(lambda: fills(page) != before, what="an area's fill changed")
    pv = bk_data.sozialraum_names.index("Pariser Viertel")
    delta_pp = (moved.shares[pv] - base.shares[pv]) * 100
    title = wall.locator(".srb-why-row").nth(pv).get_attribute("title")
    sign = "+" if delta_pp > 0 else "−"
    assert f"Soziale Lage {sign}{abs(delta_pp):.2f}".replace(".", ",") in title, title
    changed = sum(a != b for a, b in zip(before, fills(page), strict=True))
    assert changed >= 1
    context.close()


def test_slider_keys_rerun_the_page_and_keep_the_rest(browser, base_url, bk_data, bk_konzeption):
    """Arrow keys on a weight rerun only the page fragment (app.py): the numbers, the slider's label and the address
    line follow; the budget field outside the fragment keeps its text; a page control afterwards (the map's
    measure: a full rerun) still works; the address line reopens the same numbers."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(base_url + "/?proj=1", wait_until="networkidle")
    wait_for_app(page)
    wall = page.frame_locator(WALL)
    legend = wall.locator(".srb-legend").first.inner_text()
    move_slider(page, 1, 3, "1.03")  # "Soziale Lage" 1,00 → 1,03 by three presses of the arrow key
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 1.03, 1.0, 1.0)))
    pv = bk_data.sozialraum_names.index("Pariser Viertel")
    share = f"{moved.shares[pv] * 100:.2f}".replace(".", ",")
    wait_for_cell(page, share)
    page.wait_for_url("**w=1%2C1.03%2C1%2C1**", timeout=20000)
    effective = f"{1.03 / 4.03 * 100:.1f}".replace(".", ",")  # weight / sum of weights
    wait_until(lambda: f"1,03 · wirksam: {effective}" in row_label(page, 1), what="the slider's label")
    # the slider's name for screen readers: the same German words, no Markdown signs
    aria = row_range(page, 1).get_attribute("aria-label")
    assert aria == f"Soziale Lage: 1,03 · wirksam: {effective} %", aria
    assert page.get_by_role("textbox", name="Budget (€)").input_value() == "1.002.240,00"

    wall.get_by_role("combobox", name="Karte färben nach").select_option(label="Anteil am Budget")
    wait_until(lambda: wall.locator(".srb-legend").first.inner_text() != legend, what="the legend of the new measure")
    wait_for_cell(page, share)  # the weight kept through the full rerun

    fresh = context.new_page()
    fresh.goto(page.url, wait_until="networkidle")
    wait_for_app(fresh)
    wait_for_cell(fresh, share)
    context.close()


def _all_texts(page) -> str:
    script = """() => { const out = [];
      const take = d => { out.push(d.body ? d.body.innerText : '');
        d.querySelectorAll('[aria-label],[title],[placeholder]').forEach(e => ['aria-label', 'title', 'placeholder']
          .forEach(a => { const v = e.getAttribute(a); if (v) out.push(v); })); };
      take(document);
      document.querySelectorAll('iframe').forEach(f => { try { take(f.contentDocument); } catch (e) {} });
      return out.join('\\n'); }"""
    return page.evaluate(script)


def test_no_english_framework_text_on_any_page(browser, base_url):
    # an English browser: the page still formats table numbers in German (ui/columns.py, ui/style.py)
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    page = context.new_page()
    found, languages = {}, {}
    for path in PAGES:
        page.goto(base_url + path, wait_until="networkidle")
        wait_for_app(page)
        page.wait_for_function("() => window.srbGerman === true")  # static/srbmap/german.js is running
        page.wait_for_timeout(500)  # the German replacement runs on the next animation frame
        text = _all_texts(page)
        hits = [e for e in ENGLISH if e in text] + [e for e in ENGLISH_LABELS if e in text.split("\n")]
        if hits:
            found[path] = hits
        languages[path] = page.evaluate("() => [navigator.language, (44.6).toLocaleString(navigator.languages)]")
    assert found == {}
    assert set(map(tuple, languages.values())) == {("de-DE", "44,6")}
    context.close()


def test_wall_shows_a_setting_one_key_away_at_once_and_asks_for_others(browser, base_url, bk_data, bk_konzeption):
    """The wall holds the numbers of every setting one arrow key away (ui/wallview.py): told on its channel that
    the slider shows one of them, it draws that setting's numbers at once, without a message to the server; told
    of a setting it does not hold, it dims and answers "miss" (the slider then commits at once)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    sent: list = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    page.goto(base_url + "/?proj=1", wait_until="networkidle")
    wait_for_app(page)
    frame = wall_frame(page)
    # the settings ahead (10: four weights and k, each one step down and up) for exactly what is drawn
    frame.wait_for_function("() => document.body.getAttribute('data-ahead') === "
                            "document.body.getAttribute('data-ident') + '#10'", timeout=20000)
    channel = frame.evaluate("() => document.body.getAttribute('data-channel')")
    drawn = frame.evaluate("() => document.querySelector('.leaflet-container').getAttribute('data-srb-drawn')")
    page.evaluate("c => { window.heard = []; const b = new BroadcastChannel(c); window.srbTestChannel = b;"
                  " b.onmessage = e => window.heard.push(e.data); }", channel)
    page.wait_for_timeout(300)
    before = len(sent)

    key = "1.00|1.01|1.00|1.00|1.00"  # "Soziale Lage" one step up
    page.evaluate("k => window.srbTestChannel.postMessage({type: 'move', key: k, seq: 1000})", key)
    frame.wait_for_function("k => document.body.getAttribute('data-shown') === k", arg=key, timeout=5000)
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 1.01, 1.0, 1.0)))
    cells = page.frame_locator(WALL).locator("#shares tbody tr td:nth-child(3)").all_inner_texts()
    expected = [f"{s * 100:.2f}".replace(".", ",") + "\u00a0%" for s in moved.shares]
    assert cells[:8] == expected
    now = frame.evaluate("() => document.querySelector('.leaflet-container').getAttribute('data-srb-drawn')")
    assert now != drawn  # the map drew that setting's layer too
    page.wait_for_timeout(300)
    assert len(sent) == before, sent[before:]  # nothing went to the server

    far = "3.00|1.00|1.00|1.00|1.00"
    page.evaluate("k => window.srbTestChannel.postMessage({type: 'move', key: k, seq: 1001})", far)
    frame.wait_for_function("() => document.getElementById('wall').classList.contains('srb-pending')", timeout=5000)
    page.wait_for_function("k => window.heard.some(m => m.type === 'miss' && m.key === k)", arg=far, timeout=5000)
    assert frame.evaluate("() => document.body.getAttribute('data-shown')") == key  # nothing drawn that is not known
    context.close()


def test_a_setting_sent_packed_is_drawn(browser, base_url, bk_data, bk_konzeption):
    """With ten Kitas changing, the wall's pieces exceed 16 KB and arrive packed (ui/wallview.PACK_ABOVE): opened
    from its address, the wall still draws that setting's numbers."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(base_url + "/?proj=1&w=1,2,1,1&k=0.5", wait_until="networkidle")
    wait_for_app(page)
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 2.0, 1.0, 1.0), k=0.5))
    expected = [f"{s * 100:.2f}".replace(".", ",") + "\u00a0%" for s in moved.shares]
    wall = page.frame_locator(WALL)
    wait_until(lambda: wall.locator("#shares tbody tr td:nth-child(3)").all_inner_texts()[:8] == expected,
               what="the packed setting's shares")
    assert wall.locator(".srb-move").count() == 10  # the ten Kitas that change, listed
    context.close()


def test_two_amounts_keep_the_whole_table_beside_the_map(browser, base_url):
    """Mayen-Koblenz shows step 1 and step 2 amounts: at 1280×720 in projector mode the wider table stays whole and
    never runs under the map (the map column gives way)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(base_url + "/?proj=1&ds=mayen_koblenz", wait_until="networkidle")
    wait_for_app(page)
    wall = page.frame_locator(WALL)
    wall.locator("#shares th", has_text="Betrag Schritt 2").first.wait_for()
    table, box_ = box(wall.locator("#shares")), box(wall.locator("#shares-box"))
    controls = box(wall.locator("#controls"))
    assert table["width"] <= box_["width"] + 1  # nothing hidden behind a scroll bar
    assert table["x"] + table["width"] <= controls["x"]  # the map's column starts right of the table
    context.close()
