"""Real browser: the page 'Robustheit' with an uploaded dataset that is not a demo.

Three sub-indices with other names, Sozialräume and Kitas with umlauts, quotes, <, >, &, backticks,
${…} and Markdown, a German CSV (';', decimal comma) of 2,600 Kitas: the analysis shows the engine's
nominal shares, the names as plain text, a run can be cancelled, and the page fits a projector.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import expect

from srb_core import compute, load_kitas, load_konzeption
from tests.e2e.server import ROOT, choose_file, type_number, wait_for_app

pytestmark = pytest.mark.e2e
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
AREAS = ["Altstadt-Süd", "Hafen & Ufer", "Nord <West>", "${Feld}", "**Markt**", "Weißenau `Höhe`"]
HOSTILE = ['Kita "Sonnenschein"', "Kita <b>Regen</b>", "Kita `Echo`", "Kita ${Pfad}", "Kita *Stern* & Mond",
           "Kita Ölmühle"]
SECTIONS = ("Anteile je Sozialraum: Spannweite", "Förderentscheidungen je Kita", "Was treibt die Schwankung",
            "Einfluss einzelner Extremwerte")
TOML = """
[konzeption]
name = "Testkreis 2026 (Browser-Test, kein Demo)"
sub_indices = ["Lebenslage & Teilhabe", "Sprache <Vielfalt>", "Umfeld `Quartier`"]
sozialraeume = {areas}
[weights]
"Lebenslage & Teilhabe" = 2.0
"Sprache <Vielfalt>" = 1.0
"Umfeld `Quartier`" = 1.0
[budget]
total_eur = 250000.00
[[variables]]
column = "armut"
index = "Lebenslage & Teilhabe"
label = "Anteil Kinder in Armut"
scale = "share"
[[variables]]
column = "beratung"
index = "Lebenslage & Teilhabe"
label = "Beratungsbedarf (Mittelwert)"
scale = "rating"
range = [1, 5]
[[variables]]
column = "sprachen"
index = "Sprache <Vielfalt>"
label = "Anzahl Sprachen"
scale = "count"
range = [1, 60]
[[variables]]
column = "dolmetsch"
index = "Sprache <Vielfalt>"
label = "Anteil Eltern mit Dolmetschbedarf"
scale = "share"
[[variables]]
column = "gruen"
index = "Umfeld `Quartier`"
direction = "higher_is_less_need"
label = "Grünflächen im Umfeld (besser = weniger Bedarf)"
scale = "ordinal"
range = [1, 5]
[[strands]]
key = "kiso"
label = "Kita-Sozialarbeit <Test>"
rule = "index_at_least_lower"
share = 1.0
staff_type = "sa"
[staff]
sa = {{ label = "Sozialarbeit", cost_per_fte_eur = 78000 }}
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rb")
    n = 2600
    rng = np.random.default_rng(16)
    names = HOSTILE + [f"Kita Nr. {i} – Müllerstraße" for i in range(len(HOSTILE), n)]
    frame = pd.DataFrame({
        "kita_id": [f"T{i:04d}" for i in range(n)], "name": names,
        "sozialraum": [AREAS[i % len(AREAS)] for i in range(n)],
        "armut": rng.uniform(0, 60, n).round(1), "beratung": rng.uniform(1, 5, n).round(2),
        "sprachen": rng.integers(1, 30, n), "dolmetsch": rng.uniform(0, 40, n).round(1),
        "gruen": rng.integers(1, 6, n)})
    kitas = folder / "kitas_testkreis.csv"
    kitas.write_text(frame.to_csv(index=False, sep=";", decimal=","), encoding="utf-8")
    konz = folder / "konzeption_testkreis.toml"
    konz.write_text(TOML.format(areas="[" + ", ".join(f'"{a}"' for a in AREAS) + "]"), encoding="utf-8")
    return kitas, konz


def upload(page, base_url, kitas, konz) -> None:
    page.goto(base_url + "/daten", wait_until="networkidle")
    wait_for_app(page)
    uploaders = page.locator('[data-testid="stFileUploader"]')
    chips = '[data-testid="stFileChip"]'  # one per uploaded file (the name may be shortened)
    choose_file(page, uploaders.nth(0), kitas)
    page.wait_for_function(f"() => document.querySelectorAll('{chips}').length === 1", timeout=30000)
    wait_for_app(page)
    choose_file(page, uploaders.nth(1), konz)
    page.wait_for_function(f"() => document.querySelectorAll('{chips}').length === 2", timeout=30000)
    wait_for_app(page)
    page.get_by_role("button", name="Prüfen").click()
    page.get_by_text("Alle Prüfungen bestanden: 2600 Kitas in 6 Sozialräumen.").wait_for(timeout=60000)
    page.get_by_role("button", name="Diese Daten in der Sitzung verwenden").click()
    page.get_by_text("Ihre Daten sind geladen").wait_for(timeout=30000)


def wait_for_results(page) -> None:
    page.get_by_text("Anteile je Sozialraum: Spannweite über alle Varianten").wait_for(timeout=90000)
    wait_for_app(page, timeout=90000)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas, "
        "[data-testid=\"stVegaLiteChart\"] svg.marks').length >= 3", timeout=30000)


def test_robustness_page_with_an_uploaded_dataset(page, base_url, files):
    kitas, konz = files
    upload(page, base_url, kitas, konz)
    # "Sprache <Vielfalt>" from 1.0 to 1.5: the analysis follows the sidebar. (Also sidesteps a crash
    # of every page with unchanged uploaded data, st.html("") without badges, fixed on branch i10b.)
    type_number(page, 1, "1,5")
    wait_for_app(page)
    page.get_by_role("link", name="Robustheit").click()
    wait_for_results(page)

    konzeption = load_konzeption(konz)
    result = compute(load_kitas(kitas, konzeption), konzeption,
                     konzeption.default_params().with_(weights=(2.0, 1.5, 1.0)))
    table = page.locator('[data-testid="stTable"]').first
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(AREAS), timeout=30000)  # the table may still be redrawn after idle
    for r, area in enumerate(result.data.sozialraum_names):
        row = rows.filter(has=page.locator("th", has_text=area)).first  # names as text, never markup
        expected = f"{result.shares[r] * 100:.2f}".replace(".", ",")
        assert row.locator("td").first.inner_text().startswith(expected), area
    body = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    for text in ("Nord <West>", "${Feld}", "**Markt**", "Hafen & Ufer", "Weißenau `Höhe`",
                 "Förderstrang: Kita-Sozialarbeit <Test>"):
        assert text in body
    assert not page.locator("b", has_text="Regen").count()  # the name's <b> is not rendered as bold

    # projector screenshots of this dataset, as a committee would see them
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator('[data-testid="stSidebar"]').get_by_text("Projektor-Modus").click()
    wait_for_results(page)
    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(800)
        page.get_by_text(SECTIONS[0]).first.scroll_into_view_if_needed()
        for n in range(7):  # the main area scrolls inside the page: one shot per screen height
            page.screenshot(path=str(ARTIFACTS / f"robustheit_projektor_{width}_{n}.png"))
            page.mouse.move(width - 12, height * 0.5)  # beside the content, not over a table
            page.mouse.wheel(0, height * 0.8)
            page.wait_for_timeout(400)
    page.set_viewport_size({"width": 1920, "height": 1080})

    # a long run can be stopped: 20,000 variants, every method choice, with Sobol
    page.get_by_text("Einstellungen der Analyse").click()
    draws = page.locator(".st-key-rb_draws input")
    draws.fill("20000")
    draws.press("Tab")
    page.get_by_role("button", name="Berechnen").click()
    page.get_by_text("Varianten berechnet").wait_for(timeout=30000)
    page.get_by_role("button", name="Abbrechen").click()
    page.get_by_text("Die Berechnung wurde abgebrochen.").wait_for(timeout=30000)
    wait_for_app(page)
    assert page.get_by_text("Anteile je Sozialraum: Spannweite").count() == 0


def test_committee_pack_with_the_robustness_pages_downloads(page, base_url, tmp_path):
    """Demo data (small, quick PDF): the download button on the page builds the pack with its pages."""
    import pypdfium2 as pdfium

    page.goto(base_url + "/robustheit", wait_until="networkidle")
    wait_for_results(page)
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name="Ausschuss-Paket (PDF) mit Seite „Robustheit“").click()
    target = tmp_path / "paket.pdf"
    info.value.save_as(target)
    doc = pdfium.PdfDocument(str(target))
    try:
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
    assert "Robustheit: Wie sicher ist die Verteilung?" in text
    assert "1.000 Varianten (Startwert 1)" in text
    assert "Förderentscheidungen, die an den Annahmen hängen" in text
