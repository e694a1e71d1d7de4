"""Every page of the PDF for both demos, read back with pdfium: no character outside the printable area,
no word split across lines, German dates, no English abbreviation."""
import re

import pypdfium2 as pdfium
import pytest

from srb_core import load_kitas, load_konzeption
from srb_core.io.geo import read_map
from srb_core.pack.build import pack_input
from srb_core.pack.pdf import pack_pdf
from srb_core.pipeline import evaluate
from srb_core.scenarios import baseline_scenario
from tests.demos import BK, MYK, ROOT

MM = 72 / 25.4  # PDF points per millimetre
EDGE = 5 * MM  # nothing closer than 5 mm to the paper's edge
HEADER_WORDS = {"Normbereich", "Prozentpunkte", "Förderfähigkeit", "Vollzeitäquivalente", "Standardabweichung",
                "Standardabweichungen", "Beschluss", "Szenario", "Sozialraum", "Gesamtindex", "Unterschied",
                "Kennzahl", "Entscheidungsfrage", "Stellen", "Anteil"}


def _pack(folder, geo, key):
    konz = load_konzeption(folder / "konzeption.toml")
    data = load_kitas(folder / "kitas.csv", konz)
    base = baseline_scenario(konz, key, data.fingerprint)
    p = base.params
    doubled = base.with_(id="a1", name="Zweiter Teilindex doppelt, Normbereich schmaler", author="Kernteam",
                         updated="2026-11-22T13:32:45+00:00",
                         params=p.with_(weights=tuple(w * 2 if i == 1 else w for i, w in enumerate(p.weights)), k=0.5))
    budget = base.with_(id="a2", name="Budget plus zehn Prozent", note="Vorschlag der Verwaltung",
                        params=p.with_(budget_cents=p.budget_cents * 11 // 10))
    outcomes = [evaluate(data, konz, s) for s in (base, doubled, budget)]
    pdf = pack_pdf(pack_input(outcomes, 2, anonymised=False, dataset_label=key, demo=True,
                              geojson=read_map(ROOT / "geodata" / geo).geojson,
                              question="Soll der zweite Teilindex doppelt zählen?"))
    vocabulary = set(HEADER_WORDS)
    labels = [s.label for s in outcomes[0].funding.strands]
    for text in [*data.sozialraum_names, *data.names, *konz.sub_indices, *labels]:
        vocabulary |= set(re.findall(r"[\wÄÖÜäöüß-]+", text))
    return pdf, vocabulary, data


@pytest.fixture(scope="module", params=[(BK, "bad_kreuznach.geojson", "bad_kreuznach"),
                                        (MYK, "mayen_koblenz.geojson", "mayen_koblenz")], ids=["BK", "MYK"])
def pack(request):
    return _pack(*request.param)


def _read(pdf: bytes):
    doc = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for page in doc:
            width, height = page.get_size()
            page.render(scale=0.4).to_pil()  # every page renders
            text = page.get_textpage()
            boxes = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
            pages.append((width, height, text.get_text_range(), boxes))
    finally:
        doc.close()
    return pages


def test_every_character_lies_inside_the_printable_area(pack):
    pdf, _, _ = pack
    for number, (width, height, _, boxes) in enumerate(_read(pdf), start=1):
        outside = [(ch, box) for ch, box in boxes if ch.strip() and not (
            box[0] >= EDGE and box[2] <= width - EDGE and box[1] >= EDGE and box[3] <= height - EDGE)]
        assert not outside, f"Seite {number}: {outside[:5]}"


def test_no_word_is_split_across_lines(pack):
    pdf, vocabulary, data = pack
    pages = _read(pdf)
    whole = " ".join(text for *_, text, _ in pages)
    tokens = set(re.findall(r"[\wÄÖÜäöüß-]+", whole))
    for name in data.sozialraum_names:  # every word of every area name appears whole
        assert set(re.findall(r"[\wÄÖÜäöüß-]+", name)) <= tokens, name
    for number, (*_, text, _) in enumerate(pages, start=1):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        for a, b in zip(lines, lines[1:], strict=False):
            last, first = a.split(" ")[-1], b.split(" ")[0]
            joined = last + first
            assert not (joined in vocabulary and last not in vocabulary), f"Seite {number}: „{last}|{first}“"


def test_pages_are_numbered_and_dates_german_and_no_english(pack):
    pdf, _, _ = pack
    pages = _read(pdf)
    n = len(pages)
    for number, (*_, text, _) in enumerate(pages, start=1):
        assert f"Seite {number} von {n}" in text
        assert not re.search(r"\bSD\b|\d{4}-\d{2}-\d{2}T", text), f"Seite {number}"
    first = pages[0][2]
    assert "Soll der zweite Teilindex doppelt zählen?" in first
    assert "gespeichert am 22. November 2026" in first
    assert re.search(r"Stand: \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
                     r"|Dezember) \d{4}", first)
