"""Browser helpers for the sidebar's sliders (ui/sliders.py, static/srbslider): one iframe holds every row (the
weights, then k), each a range and a field for a typed number. Found by the iframe's title, as the map is."""
from __future__ import annotations

import time

SLIDERS = 'iframe[title="ui.sliders.srb_sliders"]'


def frame(page):
    return page.frame_locator(f'[data-testid="stSidebar"] {SLIDERS}')


def row_range(page, nth: int):
    """The n-th row's range (0: first weight; the last row is k)."""
    return frame(page).locator("input[type=range]").nth(nth)


def row_field(page, nth: int):
    return frame(page).locator("input[type=text]").nth(nth)


def row_label(page, nth: int) -> str:
    return frame(page).locator(".label").nth(nth).inner_text()


def wait_drawn(page, timeout: float = 30000) -> None:
    """Until the sliders' component has drawn its rows."""
    page.wait_for_selector(f'[data-testid="stSidebar"] {SLIDERS}', timeout=timeout)
    row_range(page, 0).wait_for(timeout=timeout)


def wait_value(page, nth: int, value: float, timeout: float = 20000) -> None:
    """Until the n-th row's range holds `value` (compared in hundredths)."""
    deadline = time.time() + timeout / 1000
    while round(float(row_range(page, nth).input_value()) * 100) != round(value * 100):
        if time.time() > deadline:
            raise AssertionError(f"row {nth}: {row_range(page, nth).input_value()} instead of {value}")
        time.sleep(0.05)


def press(page, nth: int, key: str, times: int = 1) -> None:
    """Press `key` `times` times on the n-th row's range (focused first)."""
    target = row_range(page, nth)
    target.focus()
    for _ in range(times):
        target.press(key)


def move_slider(page, nth: int, steps: int, target: str) -> None:
    """Press an arrow key `steps` times on the n-th row and wait until the range shows `target` ("1.03"); the app's
    numbers follow once the row has settled (the caller waits for the state it asserts)."""
    press(page, nth, "ArrowRight" if steps > 0 else "ArrowLeft", abs(steps))
    wait_value(page, nth, float(target))


def type_number(page, nth: int, target: str) -> None:
    """Type `target` (German decimal comma) into the n-th row's field, press Enter, and wait until the range holds
    that value: it does so only once the app has taken it (one rerun for the whole change)."""
    field = row_field(page, nth)
    field.fill(target)
    field.press("Enter")
    wait_value(page, nth, float(target.replace(",", ".")))
