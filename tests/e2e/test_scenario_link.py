"""Real browser: save a scenario, open its link in a fresh session, see the same shares."""
from __future__ import annotations

import pytest

from srb_core import compute
from srb_core.scenarios import ScenarioStore
from tests.e2e.server import WALL, choose_file, type_number, wait_for_app, wait_for_cell

pytestmark = pytest.mark.e2e


def share_texts(page) -> list[str]:
    return page.frame_locator(WALL).locator("#shares td").all_inner_texts()  # the Übersicht's wall


def test_saved_scenario_link_restores_the_same_shares(browser, page, base_url, scenario_db, bk_data, bk_konzeption):
    page.goto(base_url + "/", wait_until="networkidle")
    wait_for_app(page)
    type_number(page, 1, "2,5")  # "Soziale Lage" from 1,0 to 2,5
    expected = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 2.5, 1.0, 1.0)))
    pv = bk_data.sozialraum_names.index("Pariser Viertel")
    wait_for_cell(page, f"{expected.shares[pv] * 100:.2f}".replace(".", ","))
    page.wait_for_url("**w=1%2C2.5%2C1%2C1**", timeout=20000)
    wait_for_app(page)
    shown = share_texts(page)

    page.get_by_role("link", name="Szenarien").click()
    page.get_by_label("Name", exact=True).fill("Browser-Test: Soziale Lage 2,5")
    page.get_by_label("Name", exact=True).press("Enter")
    page.get_by_role("button", name="Als neues Szenario speichern").click()
    page.get_by_text("Gespeichert: „Browser-Test: Soziale Lage 2,5“").wait_for(timeout=20000)
    link = page.locator('[data-testid="stCode"]').first.inner_text().strip()
    [stored] = [s for s in ScenarioStore(scenario_db).list() if s.name.startswith("Browser-Test")]
    assert link.endswith(f"?sc={stored.id}") and stored.params.weights == (1.0, 2.5, 1.0, 1.0)

    fresh = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()  # another session
    fresh.goto(link, wait_until="networkidle")
    wait_for_app(fresh)
    assert share_texts(fresh) == shown
    assert expected.params.weights == stored.params.weights
    assert any(t.startswith(f"{expected.shares[pv] * 100:.2f}".replace(".", ",")) for t in shown)
    # the app writes the sliders it shows into the address; the scenario stays named while they match
    assert "w=1%2C2.5%2C1%2C1" in fresh.url and f"sc={stored.id}" in fresh.url
    fresh.context.close()


def test_json_and_pdf_exports_in_the_browser(browser, page, base_url, scenario_db, tmp_path):
    """Export a scenario as JSON, import it again as a copy, and download the PDF committee pack."""
    import pypdfium2 as pdfium

    page.goto(base_url + "/szenarien", wait_until="networkidle")
    wait_for_app(page)
    page.get_by_label("Name", exact=True).fill("Zum Austausch")
    page.get_by_label("Name", exact=True).press("Enter")
    page.get_by_role("button", name="Als neues Szenario speichern").click()
    page.get_by_text("Gespeichert: „Zum Austausch“").wait_for(timeout=20000)

    with page.expect_download() as info:
        page.get_by_role("button", name="Als JSON-Datei exportieren").click()
    exported = tmp_path / "szenario.json"
    info.value.save_as(exported)
    assert '"name": "Zum Austausch"' in exported.read_text(encoding="utf-8")

    # the pack is built only for saved scenarios chosen explicitly ("Paket für …"); the download's own rerun first
    # (a rerun that lands while the menu is open closes it)
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=20000)
    page.get_by_role("combobox", name="Paket für …").click()
    page.get_by_role("option", name="Zum Austausch").click()
    page.keyboard.press("Escape")
    with page.expect_download(timeout=30000) as info:
        page.get_by_role("button", name="PDF").click()
    pdf = tmp_path / "paket.pdf"
    info.value.save_as(pdf)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert "Zum Austausch" in doc[0].get_textpage().get_text_range()
        doc[0].render(scale=1).to_pil().save(tmp_path / "paket.png")
    finally:
        doc.close()

    choose_file(page, page.locator('[data-testid="stFileUploader"]'), exported)
    page.get_by_role("button", name="Szenario aus JSON-Datei importieren").click()
    page.get_by_text("Importiert als „Zum Austausch (2)“").wait_for(timeout=20000)
    names = sorted(s.name for s in ScenarioStore(scenario_db).list("bad_kreuznach"))
    assert "Zum Austausch" in names and "Zum Austausch (2)" in names
