"""The PDF pack is rendered to PNG here and read back: it shows the scenario and honours anonymity."""
import numpy as np
import pypdfium2 as pdfium

from srb_core.pack.pdf import pack_pdf
from tests.pack.helpers import make_input


def _pages(pdf: bytes):
    doc = pdfium.PdfDocument(pdf)
    try:
        images = [doc[i].render(scale=1).to_pil() for i in range(len(doc))]
        texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    return images, texts


def test_pdf_renders_and_shows_the_scenario(outcomes, geojson, tmp_path):
    images, texts = _pages(pack_pdf(make_input(outcomes, geojson=geojson)))
    images[0].save(tmp_path / "seite1.png")
    first = np.asarray(images[0].convert("L"))
    assert (first < 250).mean() > 0.02  # the title page with the question and the options, not empty
    assert "Soziale Lage doppelt" in texts[0]
    assert outcomes[1].result.data.fingerprint in texts[0]
    whole = " ".join(texts)
    assert "Demo-Daten (synthetisch)" in whole and "So wird gerechnet" in whole
    assert "„Soziale Lage doppelt“ im Vergleich zum Beschluss" in whole


def test_anonymised_pdf_has_no_kita_name(outcomes, geojson):
    _, texts = _pages(pack_pdf(make_input(outcomes, anonymised=True, geojson=geojson)))
    whole = " ".join(texts)
    assert not [n for n in outcomes[1].result.data.names if n in whole]
    assert "Kita 01" in whole
