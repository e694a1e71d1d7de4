"""Real browser: store an uploaded (non-demo) dataset in the library, see it listed, and reopen it by its
link in a fresh session – the same Sozialräume and shares as computed from the files."""
from __future__ import annotations

import pytest

from srb_core import compute
from srb_core.io.validation import validate_upload
from srb_core.library import LibraryStore
from tests.e2e.controls import press
from tests.e2e.server import WALL, choose_file, wait_for_app
from tests.library.foreign import AREAS, KONZEPTION, kitas_csv, map_25832

pytestmark = pytest.mark.e2e
NAME = "Landkreis <Süd> & „Welle“ 2023"
SLOW = 90_000  # two cores shared with other work: waits end on the state, the timeout only guards a hang


def idle(page) -> None:
    """Until the script run triggered by the last action has finished (no running-man widget)."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=SLOW)


def upload_and_check(page, base_url, files: dict[str, bytes], folder) -> None:
    """Choose the files on 'Daten' (Kita table, Konzeption, map in this order) and check them."""
    for name, content in files.items():
        (folder / name).write_bytes(content)
    page.goto(base_url + "/daten", wait_until="networkidle")
    wait_for_app(page, timeout=SLOW)
    uploaders = page.locator('[data-testid="stFileUploader"]')
    for i, name in enumerate(files):
        choose_file(page, uploaders.nth(i), folder / name)
        page.get_by_text(name, exact=True).first.wait_for(timeout=SLOW)
        idle(page)
    page.get_by_role("button", name="Prüfen").click()
    page.get_by_role("button", name="Dauerhaft in der Bibliothek speichern").wait_for(timeout=SLOW)
    idle(page)


def test_store_list_and_reopen_by_link(browser, page, base_url, scenario_db, tmp_path):
    files = {"kitas.csv": kitas_csv(), "konzeption.toml": KONZEPTION.encode(), "karte.geojson": map_25832()}
    upload_and_check(page, base_url, files, tmp_path)
    page.get_by_label("Name des Datensatzes").fill(NAME)
    page.get_by_role("button", name="Dauerhaft in der Bibliothek speichern").click()
    page.get_by_text(f"Gespeichert: „{NAME}“").wait_for(timeout=SLOW)
    link = page.locator('[data-testid="stCode"]').first.inner_text().strip()

    [stored] = [d for d in LibraryStore(scenario_db.with_name("bibliothek.sqlite")).list() if d.name == NAME]
    assert link.endswith(f"?ds=lib:{stored.id}")
    listed = page.locator('[data-testid="stDataFrame"]').first
    listed.wait_for(timeout=SLOW)

    fresh = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()  # another session, no upload
    fresh.goto(link, wait_until="networkidle")
    wait_for_app(fresh, timeout=SLOW)
    # the dataset in use, named on the button that opens the menu (it opens on demand)
    shown = fresh.locator('[data-testid="stSidebar"] .st-key-sb_pick_dataset button').first.inner_text().strip()
    assert shown == (f"Datensatz: Bibliothek: {NAME} "
                     f"(Stichtag {stored.stichtag[8:10]}.{stored.stichtag[5:7]}.{stored.stichtag[:4]})")
    cells = fresh.frame_locator(WALL).locator("#shares").locator("th, td").all_inner_texts()
    report = validate_upload(files["kitas.csv"], "kitas.csv", files["konzeption.toml"], "konzeption.toml")
    expected = compute(report.data, report.konzeption)
    assert AREAS[0] in cells  # <, >, & and quotes shown as text (Markdown in the share table: branch i10b)
    for area in AREAS:
        share = expected.shares[report.data.sozialraum_names.index(area)] * 100
        assert any(c.startswith(f"{share:.2f}".replace(".", ",")) for c in cells)
    fresh.context.close()


def test_renaming_the_dataset_in_use_keeps_the_session(page, base_url, scenario_db, tmp_path):
    """Streamlit's menus report the label they show: after the stored dataset in use was renamed, the next run
    reported the old label (a KeyError, and the session fell back to a demo). Now the menu shows the new name and
    a slider moves on the same data."""
    upload_and_check(page, base_url, {"kitas.csv": kitas_csv(), "konzeption.toml": KONZEPTION.encode()}, tmp_path)
    page.get_by_label("Name des Datensatzes").fill("Alt")
    page.get_by_role("button", name="Dauerhaft in der Bibliothek speichern").click()
    page.get_by_text("Gespeichert: „Alt“").wait_for(timeout=SLOW)
    idle(page)
    page.get_by_role("button", name="Diesen Datensatz verwenden").first.click()
    idle(page)
    # the menu is drawn while the name changes
    page.locator('[data-testid="stSidebar"] .st-key-sb_pick_dataset button').first.click()
    menu = page.get_by_role("combobox", name="Datensatz", exact=True)
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stSidebar\"] input')]"
                           ".some(i => i.value.startsWith('Bibliothek: Alt '))", timeout=SLOW)
    page.get_by_label("Neuer Name").fill("Neu & <anders>")
    page.get_by_label("Neuer Name").press("Enter")
    idle(page)
    page.get_by_role("button", name="Umbenennen").click()
    page.get_by_text("Umbenannt in „Neu & <anders>“").wait_for(timeout=SLOW)
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stSidebar\"] input')]"
                           ".some(i => i.value.startsWith('Bibliothek: Neu & <anders> '))", timeout=SLOW)
    press(page, 0, "ArrowRight")
    page.wait_for_url("**w=1.01**", timeout=SLOW)
    idle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert menu.input_value().startswith("Bibliothek: Neu & <anders> ")
    assert "ds=lib%3A" in page.url or "ds=lib:" in page.url


def test_a_dataset_chosen_on_the_uebersicht_stays_on_the_next_page(page, base_url):
    """The menu opens on demand and is not drawn after a choice: bound to the dataset's own key, the browser sent
    the closed menu's old value with the next page change, and the old dataset came back (with the new one's
    budget). Waits until the wall holds the settings one key away, i.e. its own rerun after the choice is done."""
    page.goto(base_url + "/?ds=bad_kreuznach", wait_until="networkidle")
    wait_for_app(page, timeout=SLOW)
    page.locator('[data-testid="stSidebar"] .st-key-sb_pick_dataset button').first.click()
    menu = page.get_by_role("combobox", name="Datensatz", exact=True)
    menu.click()
    page.get_by_role("option", name="Demo: Mayen-Koblenz").click()
    page.wait_for_url("**ds=mayen_koblenz**", timeout=SLOW)
    held = ("() => { const f = document.querySelector('" + WALL.replace("'", "\\'") + "'); "
            "const b = f && f.contentDocument && f.contentDocument.body; "
            "return !!b && (b.getAttribute('data-ahead') || '').startsWith(b.getAttribute('data-ident') + '#'); }")
    page.wait_for_function(held, timeout=SLOW)
    idle(page)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Kitas").click()
    page.wait_for_url("**/kitas**", timeout=SLOW)
    idle(page)
    assert "ds=mayen_koblenz" in page.url and "b=2350000.00" in page.url
    shown = page.locator('[data-testid="stSidebar"] .st-key-sb_pick_dataset button').first.inner_text().strip()
    assert shown == "Datensatz: Demo: Mayen-Koblenz"
