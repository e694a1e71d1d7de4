"""The committee pack's robustness pages: only on request, the analysis' numbers, no names when anonymised."""
from __future__ import annotations

import pypdfium2 as pdfium

from srb_core.fmt import pct
from srb_core.pack.build import pack_input, render
from srb_core.pipeline import evaluate
from srb_core.robustness import Settings, analyse
from srb_core.scenarios import baseline_scenario


def pdf_text(payload: bytes) -> str:
    doc = pdfium.PdfDocument(payload)
    try:
        # the pack keeps a number with its unit by a no-break space ("13,78\u00a0%")
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))).replace("\u00a0", " ")
    finally:
        doc.close()


def pack(data, konz, analysis, anonymised=False) -> bytes:
    outcome = evaluate(data, konz, baseline_scenario(konz, "bad_kreuznach", data.fingerprint))
    p = pack_input([outcome], 0, anonymised=anonymised, dataset_label="Test", demo=True)
    return render(p, "pdf", robustness=analysis)


def test_robustness_pages_only_when_requested_and_with_the_analysis_numbers(bk, bk_data, bk_konzeption):
    result, funding = bk
    analysis = analyse(result, funding, Settings(draws=500, seed=2, vary=("rescaling",)))
    plain = pdf_text(pack(bk_data, bk_konzeption, None))
    text = pdf_text(pack(bk_data, bk_konzeption, analysis))
    assert "Robustheit" not in plain
    assert "Robustheit: Wie sicher ist die Verteilung?" in text
    assert "500 Varianten (Startwert 2)" in text
    u = analysis.uncertainty
    pv = bk_data.sozialraum_names.index("Pariser Viertel")
    assert f"{pct(u.share.p05[pv], 2)} – {pct(u.share.p95[pv], 2)}" in text.replace("\r\n", " ")
    assert "Einfluss einzelner Extremwerte" in text


def test_anonymised_robustness_pages_name_no_kita(bk, bk_data, bk_konzeption):
    result, funding = bk
    analysis = analyse(result, funding, Settings(draws=300, spread=0.5))
    text = pdf_text(pack(bk_data, bk_konzeption, analysis, anonymised=True))
    assert "Förderentscheidungen, die an den Annahmen hängen" in text
    assert not [n for n in bk_data.names if n in text]
    assert "Kita 0" in text
