"""The whole journey in a real browser with a Jugendamt's own data (not a demo), built by the test:
3 sub-indices, 11 Sozialräume, German CSV, zipped Shapefile in EPSG:25832, hostile names.

Upload → every page → save a scenario → compare → committee pack (XLSX and PDF). No dialog may open,
no request may leave the local server, the map shows every Sozialraum, the shares are the engine's.
Anonymised: no Kita name or id in any page (iframes included) or download.
"""
from __future__ import annotations

import contextlib
import io
import re

import pytest

from srb_core import compute, load_kitas, parse_konzeption
from tests import own_data
from tests.e2e.controls import wait_drawn
from tests.e2e.server import ROOT, WALL, choose_file
from ui import texts as T
from ui.escape import JOINER  # invisible; keeps an address in a name from becoming a link

pytestmark = pytest.mark.e2e
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
# the Übersicht's own map component, or the folium map of the Vergleich page
MAP = 'iframe[title="ui.wallview.srb_wall"], iframe[title="streamlit_folium.st_folium"]'
# navigation entry → the page's own title (its h1), which shows that page's run has produced output
PAGES = {"Übersicht": T.OV_TITLE, "Sozialraum": T.SR_TITLE, "Kitas": T.KT_TITLE, "Rechenweg": T.RW_TITLE,
         "Budget & Stellen": T.BU_TITLE, "Szenarien": T.SC_TITLE, "Vergleich": T.CP_TITLE, "Entwicklung": T.EW_TITLE,
         "Berichte": T.BR_TITLE, "Robustheit": T.RB_TITLE, "Daten": T.DT_TITLE}
SCENARIO = "Variante <b>${alert(3)}</b> `x` ![s](http://203.0.113.9/s.png)"
TIMEOUT = 30000


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return own_data.write_files(tmp_path_factory.mktemp("eigene_daten"))


@pytest.fixture(scope="module")
def engine(files):
    """The engine's result for the same files, and for the corrected Konzeption (same name)."""
    konz = parse_konzeption(files.konzeption.read_text(encoding="utf-8"))
    corrected = parse_konzeption(files.corrected.read_text(encoding="utf-8"))
    return compute(load_kitas(files.kitas, konz), konz), compute(load_kitas(files.kitas, corrected), corrected)


class Watch:
    """Every request of the browser context (iframes included) and every dialog."""

    def __init__(self, context, base_url: str):
        self.base_url, self.requests, self.dialogs = base_url, [], []
        context.on("request", lambda r: self.requests.append(r.url))

    def page(self, page):
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        return page

    def check(self):
        foreign = [u for u in self.requests if not u.startswith((self.base_url, "data:", "blob:", "about:"))]
        assert self.requests and foreign == [], foreign[:5]
        assert self.dialogs == []


def idle(page) -> None:
    """Until the script run has finished (Streamlit's own run state and its status widget)."""
    wait_drawn(page, TIMEOUT)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT)


def no_error(page, where: str) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, where
    assert page.get_by_text("unerwarteter Fehler").count() == 0, where


def go(page, entry: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=entry, exact=True).click()
    page.wait_for_function("t => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === t)",
                           arg=PAGES[entry], timeout=TIMEOUT)
    idle(page)


def file_uploader(page, i: int):
    """The i-th uploader on the page (Kita table, Konzeption, map)."""
    return page.locator('[data-testid="stFileUploader"]').nth(i)


def uploaded(page, i: int, path) -> None:
    """Until the i-th uploader lists the file: its size in KB (long names are shortened with '...')."""
    size = f"{path.stat().st_size / 1000:.1f}KB"
    page.locator('[data-testid="stFileUploader"]').nth(i).get_by_text(size, exact=True).wait_for(timeout=TIMEOUT)


def upload(page, kitas, konzeption, shapefile) -> None:
    """Choose the three files, check them, use them; each step waits for the state that names these files
    (a corrected Konzeption has the same name and size, but another fingerprint)."""
    konz = parse_konzeption(konzeption.read_text(encoding="utf-8"))
    data = load_kitas(kitas, konz)
    fingerprints = f"Fingerabdruck {konz.fingerprint[:12]}; Kita-Daten: Fingerabdruck {data.fingerprint[:12]}"
    for i, path in enumerate((kitas, konzeption, shapefile)):
        choose_file(page, file_uploader(page, i), path)
        uploaded(page, i, path)
        # each file reruns the page: the next field is filled only after the run that lists this file
        shows(page, f"{T.DT_FILES[i]} „{path.name}“")
        idle(page)
    # the run that has all three files says so; only then is the button's click part of a finished run
    shows(page, f"Gewählt: Kita-Tabelle „{kitas.name}“ · Konzeption „{konzeption.name}“ · Karte „{shapefile.name}“")
    idle(page)
    page.get_by_text("Alle Prüfungen bestanden").wait_for(state="detached", timeout=TIMEOUT)  # no earlier report
    page.get_by_role("button", name="Prüfen", exact=True).click()
    shows(page, "Alle Prüfungen bestanden: 33 Kitas in 11 Sozialräumen.")
    shows(page, fingerprints)
    idle(page)
    page.get_by_role("button", name="Diese Daten in der Sitzung verwenden").click()
    shows(page, "Ihre Daten sind geladen")
    page.wait_for_function(  # the note of the data in use (not the check's report) names these fingerprints
        "t => [...document.querySelectorAll('[data-testid=\"stAlert\"]')]"
        ".some(e => e.innerText.includes('sind geladen') && e.innerText.includes(t))", arg=fingerprints,
        timeout=TIMEOUT)
    idle(page)


def shows(page, text: str) -> None:
    """Until the page shows `text` (ignoring the invisible word joiners in addresses)."""
    page.wait_for_function("t => document.body.innerText.replaceAll('\\u2060', '').includes(t)", arg=text,
                           timeout=TIMEOUT)


def shapes(page) -> list[str]:
    """Fill colours of the Sozialraum shapes in the map iframe (points are drawn as arcs, shapes are not)."""
    return page.frame_locator(MAP).locator("path.leaflet-interactive").evaluate_all(
        "ps => ps.filter(p => !/a\\d/.test(p.getAttribute('d'))).map(p => p.getAttribute('fill'))")


def wait_for_shapes(page, n: int) -> None:
    page.frame_locator(MAP).locator("path.leaflet-interactive").nth(n - 1).wait_for(timeout=TIMEOUT)
    page.wait_for_function(
        """n => { const f = document.querySelector('iframe[title="ui.wallview.srb_wall"], '
                                               + 'iframe[title="streamlit_folium.st_folium"]');
                  const d = f && f.contentDocument;
                  return d && [...d.querySelectorAll('path.leaflet-interactive')]
                      .filter(p => !/a\\d/.test(p.getAttribute('d'))).length === n; }""", arg=n, timeout=TIMEOUT)


def expected_shares(result) -> dict[str, str]:
    # German notation written here, independently of the app
    return {name: f"{s * 100:.2f}".replace(".", ",") + " %" for name, s in
            zip(result.data.sozialraum_names, result.shares, strict=True)}


def shown_shares(page) -> dict[str, str]:
    rows = page.frame_locator(WALL).locator("#shares tbody tr")  # the Übersicht's wall
    out = {}
    for r in range(rows.count()):
        cells = rows.nth(r).locator("th, td").all_inner_texts()
        out[cells[0].replace(JOINER, "")] = cells[2].replace("\u00a0", " ")
    out.pop("Summe", None)
    return out


def wait_for_shares(page, expected: dict[str, str]) -> None:
    first, value = next(iter(expected.items()))
    page.wait_for_function(
        """([name, value]) => [...(document.querySelector('iframe[title="ui.wallview.srb_wall"]')
                                  ?.contentDocument?.querySelectorAll('#shares tbody tr') || [])]
               .some(tr => tr.cells[0].innerText.replaceAll('\\u2060', '') === name
                          && tr.cells[2].innerText.replace('\\u00a0', ' ') === value)""",
        arg=[first, value], timeout=TIMEOUT)


def whole_text(page) -> str:
    """What the page and its frames show as text (the Übersicht's numbers are in its wall's frame)."""
    parts = [page.locator("body").inner_text()]
    for frame in page.frames[1:]:
        with contextlib.suppress(Exception):  # a frame that navigated away has nothing left to show
            parts.append(frame.locator("body").inner_text())
    return "\n".join(parts).replace(JOINER, "")


def whole_html(page) -> str:
    """The page and every iframe's document, as HTML."""
    parts = [page.content()]
    for frame in page.frames[1:]:
        with contextlib.suppress(Exception):  # a frame that navigated away has nothing left to show
            parts.append(frame.content())
    return "\n".join(parts)


def hover_map(page) -> None:
    """Tooltips are built on hover: move over every shape and point once (an onerror would fire now)."""
    paths = page.frame_locator(MAP).locator("path.leaflet-interactive")
    for i in range(min(paths.count(), 60)):
        with contextlib.suppress(Exception):  # a point hidden below another one cannot be hovered; others can
            paths.nth(i).hover(timeout=2000, force=True)
    assert page.frame_locator(MAP).locator("img[src='x']").count() == 0
    assert page.frame_locator(MAP).locator(".leaflet-tooltip").count() >= 1


def journey(browser, base_url, files, engine, tmp_path, anonymised: bool):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    watch = Watch(context, base_url)
    page = watch.page(context.new_page())
    tag = "anon" if anonymised else "named"
    page.goto(base_url + "/daten", wait_until="networkidle")
    idle(page)
    upload(page, files.kitas, files.konzeption, files.shapefile)
    if anonymised:  # switched on only now, after the upload: nothing created before may keep a name
        go(page, "Budget & Stellen")
        page.locator('[data-testid="stSidebar"]').get_by_text("Anonymisiert", exact=True).click()
        page.locator(".srb-anon").wait_for(timeout=TIMEOUT)  # the badge on the page
        idle(page)

    texts, html = {}, {}
    for title in PAGES:
        go(page, title)
        no_error(page, title)
        if title == "Übersicht":
            wait_for_shapes(page, 11)
            assert len(shapes(page)) == 11  # every Sozialraum on the map
            wait_for_shares(page, expected_shares(engine[0]))
            assert shown_shares(page) == expected_shares(engine[0])  # the names are shown as typed
            hover_map(page)
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / f"own_{tag}_{list(PAGES).index(title)}.png"), full_page=True)
        texts[title], html[title] = whole_text(page), whole_html(page)

    # save a scenario (its name is hostile, too), then compare it with the Beschluss
    go(page, "Szenarien")
    scenario = f"{SCENARIO} {tag}"  # one scenario database for all browser tests: a name per journey
    page.get_by_label("Name", exact=True).fill(scenario)
    page.get_by_label("Name", exact=True).press("Enter")
    page.get_by_role("button", name="Als neues Szenario speichern").click()
    shows(page, f"Gespeichert: „{scenario}“")
    no_error(page, "Szenario gespeichert")
    go(page, "Vergleich")
    page.locator('[data-testid="stTable"] th', has_text="Variante <b>${alert(3)}</b>").first.wait_for(timeout=TIMEOUT)
    wait_for_shapes(page, 11)
    no_error(page, "Vergleich")
    page.screenshot(path=str(ARTIFACTS / f"own_{tag}_vergleich.png"), full_page=True)
    texts["Vergleich+"], html["Vergleich+"] = whole_text(page), whole_html(page)

    downloads = {}
    for label, fmt in (("Excel (XLSX)", "xlsx"), ("PDF", "pdf")):
        with page.expect_download(timeout=60000) as info:
            page.get_by_role("button", name=label, exact=True).click()
        path = tmp_path / f"paket_{tag}.{fmt}"
        info.value.save_as(path)
        downloads[fmt] = path
    no_error(page, "Paket")
    watch.check()
    context.close()
    return texts, html, downloads


def xlsx_text(path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)


def pdf_text(path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_own_data_journey(browser, base_url, files, engine, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    texts, html, downloads = journey(browser, base_url, files, engine, tmp_path, anonymised=False)
    # hostile names are shown as the text they are, on the page and in both downloads
    areas = engine[0].data.sozialraum_names
    assert all(a in texts["Übersicht"] for a in areas)
    assert SCENARIO + " named" in texts["Vergleich+"]
    workbook, pdf = xlsx_text(downloads["xlsx"]), pdf_text(downloads["pdf"])
    assert all(a in workbook for a in areas) and engine[0].data.names[0] in workbook
    assert "Sozialräume" in pdf and "Nord" in pdf


def real_names(data) -> list[str]:
    """Each Kita's name and id, and the words of a Kita name that are not part of its Sozialraum's name."""
    return list(data.names) + list(data.kita_ids) + own_data.KITA_WORDS


def test_own_data_journey_anonymised(browser, base_url, files, engine, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    texts, html, downloads = journey(browser, base_url, files, engine, tmp_path, anonymised=True)
    data = engine[0].data
    for where, content in {**html, "xlsx": xlsx_text(downloads["xlsx"]), "pdf": pdf_text(downloads["pdf"])}.items():
        leaked = [n for n in real_names(data) if n in content]
        assert leaked == [], (where, leaked[:3])
    assert re.search(r"Kita \d\d", html["Rechenweg"])  # the codes are there instead (the Kita picker)


def test_corrected_konzeption_with_the_same_name_changes_the_shares(browser, base_url, files, engine):
    first, corrected = (expected_shares(r) for r in engine)
    assert first != corrected
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    watch = Watch(context, base_url)
    page = watch.page(context.new_page())
    try:
        page.goto(base_url + "/daten", wait_until="networkidle")
        idle(page)
        upload(page, files.kitas, files.konzeption, files.shapefile)
        go(page, "Übersicht")
        wait_for_shares(page, first)
        assert shown_shares(page) == first
        go(page, "Daten")  # file fields start empty on a page opened again: all three files once more
        upload(page, files.kitas, files.corrected, files.shapefile)
        go(page, "Übersicht")
        wait_for_shares(page, corrected)
        assert shown_shares(page) == corrected
        watch.check()
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "own_corrected_failed.png"), full_page=True)
        raise
    finally:
        context.close()


def test_fixture_files_are_as_a_jugendamt_writes_them(files):
    """The fixture files themselves: a German CSV and a Shapefile in EPSG:25832 (as the journey uploads)."""
    import zipfile

    assert b";" in files.kitas.read_bytes().splitlines()[0] and re.search(rb"\d,\d", files.kitas.read_bytes())
    with zipfile.ZipFile(files.shapefile) as zf:
        prj = zf.read("sozialraeume.prj").decode()
    assert "ETRS_1989_UTM_Zone_32N" in prj or "25832" in prj or "UTM zone 32N" in prj
    assert io.BytesIO(files.kitas.read_bytes()).read(3) != b"\xef\xbb\xbf"  # no BOM: as Excel writes a CSV
