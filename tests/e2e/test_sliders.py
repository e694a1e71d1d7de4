"""The sidebar's sliders (ui/sliders.py, static/srbslider) in the real browser: arrow keys change the row at once and
the app reruns once per settled change; a typed number is taken on Enter; every page follows."""
from __future__ import annotations

import time

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from srb_core import compute
from srb_core.pipeline import evaluate
from srb_core.scenarios import Scenario
from tests.e2e.controls import frame, press, row_field, row_label, row_range, type_number, wait_value
from tests.e2e.server import wait_for_app, wait_for_cell, wait_for_wall_ready, wait_until
from ui.sliders import SETTLE_MS

pytestmark = pytest.mark.e2e


def _reruns(page) -> list[float]:
    """Times of the script runs this page asks for (BackMsg rerun_script on its WebSocket)."""
    runs: list[float] = []

    def sent(payload):
        if isinstance(payload, bytes | bytearray):
            msg = BackMsg()
            msg.ParseFromString(bytes(payload))
            if msg.WhichOneof("type") == "rerun_script":
                runs.append(time.time())

    page.on("websocket", lambda ws: ws.on("framesent", sent))
    return runs


def _idle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=20000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=20000)


def test_three_arrow_keys_are_one_rerun(browser, base_url, bk_data, bk_konzeption):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    runs = _reruns(page)
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    wait_for_wall_ready(page)  # the wall asks for the numbers one key away once the page has settled: a rerun
    _idle(page)
    page.wait_for_timeout(500)
    before = len(runs)
    row_range(page, 1).focus()
    started = time.time()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    pressed = time.time() - started
    wait_value(page, 1, 1.03)
    # at once, before any rerun: value and words for screen readers
    assert row_range(page, 1).get_attribute("aria-valuetext") == "1,03"
    effective = f"{1.03 / 4.03 * 100:.1f}".replace(".", ",")  # weight / sum of weights: 25,6
    wait_until(lambda: row_label(page, 1) == f"Soziale Lage: 1,03 · wirksam: {effective} %", what="the label")
    page.wait_for_url("**w=1%2C1.03%2C1%2C1**", timeout=20000)
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 1.03, 1.0, 1.0)))
    pv = bk_data.sozialraum_names.index("Pariser Viertel")
    wait_for_cell(page, f"{moved.shares[pv] * 100:.2f}".replace(".", ","))
    page.wait_for_timeout(2 * SETTLE_MS)
    _idle(page)
    assert pressed < SETTLE_MS / 1000, pressed  # the presses came faster than the settle time …
    assert len(runs) - before == 1, runs[before:]  # … so the app ran once for all three
    assert row_range(page, 1).get_attribute("aria-label") == f"Soziale Lage: 1,03 · wirksam: {effective} %"
    context.close()


def test_a_typed_number_is_taken_on_enter(page, base_url):
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    field = row_field(page, 1)
    assert field.get_attribute("placeholder") == "Zahl"
    assert field.get_attribute("aria-label") == "Soziale Lage als Zahl eingeben"
    type_number(page, 1, "2")
    wait_until(lambda: row_label(page, 1) == "Soziale Lage: 2,00 · wirksam: 40,0 %", what="the label")  # 2 / 5
    page.wait_for_url("**w=1%2C2%2C1%2C1**", timeout=20000)
    assert field.input_value() == ""
    field.fill("2,555")  # three decimals: refused in German, the value stays
    field.press("Enter")
    page.get_by_text("„2,555“ ist keine zulässige Zahl für Soziale Lage").wait_for(timeout=20000)
    assert float(row_range(page, 1).input_value()) == 2.0


def test_another_page_follows_after_the_settle(page, base_url, bk_data, bk_konzeption):
    page.goto(base_url + "/budget", wait_until="networkidle")
    wait_for_app(page)
    _idle(page)
    press(page, 3, "ArrowLeft", 2)  # the fourth weight 1,00 → 0,98
    weights = (1.0, 1.0, 1.0, 0.98)
    outcome = evaluate(bk_data, bk_konzeption, Scenario(name="Erwartet",
                                                        params=bk_konzeption.default_params().with_(weights=weights)))
    base = evaluate(bk_data, bk_konzeption, Scenario(name="Beschluss", params=bk_konzeption.default_params()))

    def allocated(o, area: str) -> str:  # "verteilt" of one Sozialraum on Budget & Stellen (German euros)
        r = bk_data.sozialraum_names.index(area)
        cents = sum(sum(o.plan.cents[k]) for k in range(bk_data.n) if int(bk_data.sozialraum[k]) == r)
        return f"{cents / 100:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")

    area = next(a for a in bk_data.sozialraum_names if allocated(outcome, a) != allocated(base, a))
    page.wait_for_url("**w=1%2C1%2C1%2C0.98**", timeout=20000)
    page.wait_for_function("t => [...document.querySelectorAll('[data-testid=\"stTable\"] td')]"
                           ".some(td => td.innerText.replace(/\\u00a0/g, ' ').startsWith(t))",
                           arg=allocated(outcome, area), timeout=20000)
    assert frame(page).locator("input[type=range]").count() == 5  # four weights and k


def test_a_move_is_told_on_the_channel_and_a_miss_commits_at_once(page, base_url):
    """What the Übersicht's wall hears ({type: "move", key, seq}) and what it answers when it lacks those numbers
    ({type: "miss", key}): the sliders then commit without waiting for the settle time."""
    runs = _reruns(page)
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    wait_for_wall_ready(page)  # after the wall's own request for the numbers one key away
    _idle(page)
    name = frame(page).locator("#rows").get_attribute("data-channel")
    assert name and name.startswith("srb-")
    page.evaluate("""name => { window.heard = []; const ch = new BroadcastChannel(name);
        ch.onmessage = e => { window.heard.push(e.data); if (e.data.type === 'move') {
            window.missAt = performance.now(); ch.postMessage({type: 'miss', key: e.data.key}); } }; }""", name)
    page.wait_for_timeout(300)
    before = len(runs)
    press(page, 0, "ArrowRight")  # "Allgemeiner Bedarf" 1,00 → 1,01
    started = time.time()
    page.wait_for_url("**w=1.01%2C1%2C1%2C1**", timeout=20000)
    heard = page.evaluate("() => window.heard")
    assert heard[0]["type"] == "move" and heard[0]["key"] == "1.01|1.00|1.00|1.00|1.00", heard
    assert isinstance(heard[0]["seq"], int) and heard[0]["seq"] >= 1
    assert len(runs) - before >= 1 and runs[before] - started < SETTLE_MS / 1000  # sent at once, not after the settle
    page.wait_for_timeout(2 * SETTLE_MS)
    _idle(page)
    assert len(runs) - before == 1, runs[before:]


def test_reset_puts_the_beschluss_into_the_address_line(page, base_url, bk_data, bk_konzeption):
    """The reset button reruns only the page fragment; the address line must follow it, or a link copied after a
    reset would reopen the old settings (found by an independent check)."""
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    press(page, 1, "PageUp")  # "Soziale Lage" one page up: a jump the wall does not hold
    page.wait_for_url("**w=1%2C2%2C1%2C1**", timeout=20000)
    page.get_by_role("button", name="Auf beschlossene Konzeption zurücksetzen").click()
    page.wait_for_url("**w=1%2C1%2C1%2C1**", timeout=20000)
    wait_value(page, 1, 1.0)
    base = compute(bk_data, bk_konzeption)
    wait_for_cell(page, f"{base.shares[bk_data.sozialraum_names.index('Pariser Viertel')] * 100:.2f}".replace(".", ","))
    fresh = page.context.new_page()  # the address reopens the Beschluss
    fresh.goto(page.url, wait_until="networkidle")
    wait_for_app(fresh)
    wait_value(fresh, 1, 1.0)
