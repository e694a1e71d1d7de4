"""The committee pack as PDF (A4 landscape), built for a decision: a title page with the decision
question, one page per scenario against the Beschluss, labelled maps, the method in plain German.

Drawn with fpdf2's own primitives and the bundled DejaVu fonts, so it needs no browser, no plotting
library and no network, and umlauts and € print everywhere. Text is set by layout.py, which never
splits a word and never writes past the page edge.
"""
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from ..scenarios.compare import compare
from . import pdf_pages as pages
from .layout import Table, fit_size
from .pdf_maps import diff_limit, shapes
from .tables import PackInput

FONTS = Path(__file__).resolve().parent / "fonts"


class _Pdf(FPDF):
    def __init__(self, title: str, footer_text: str):
        super().__init__(orientation="L", format="A4")
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_font("DejaVu", size=10)
        self.set_margins(12, 10, 12)
        self.set_title(title)
        self.set_creator("SRB-Monitor")
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=15)
        self.alias_nb_pages()

    def footer(self) -> None:
        """Left: what and when; right: "Seite 2 von 9". The left part gets smaller type if it is long."""
        self.set_y(-11)
        self.set_text_color(90, 90, 90)
        right = f"Seite {self.page_no()} von {{nb}}"
        self.set_font("DejaVu", size=7.5)
        room = self.epw - self.get_string_width("Seite 99 von 99") - 6
        size = 7.5
        while size > 5.5 and self.get_string_width(self.footer_text) > room:
            size -= 0.5
            self.set_font("DejaVu", size=size)
        text = self.footer_text
        while self.get_string_width(text) > room and " · " in text:  # drop trailing parts, never cut a word
            text = text.rsplit(" · ", 1)[0]
        self.set_x(self.l_margin)
        self.cell(room, 5, text)
        self.set_font("DejaVu", size=7.5)
        self.set_x(self.l_margin + self.epw - 40)
        self.cell(40, 5, right, align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: float = 14) -> None:
        """For pages drawn by other modules (robustness): the pack's heading, never split, never alone."""
        pages.heading(self, text, size)


def _table(pdf: FPDF, header: list[str], rows: list[list[str]], widths: tuple[float, ...] | None = None,
           size: float = 8.5, align_right_from: int = 1) -> None:
    """The table helper handed to other page modules: measured columns (`widths` is only a hint and ignored),
    no split words (layout.Table)."""
    Table(list(header), [[str(c) for c in row] for row in rows], right_from=align_right_from, size=size).draw(pdf)


def pack_pdf(p: PackInput, robustness=None) -> bytes:
    """The pack; with `robustness` (an srb_core.robustness.Analysis) also its pages after the method."""
    o0 = p.outcomes[0]
    names = ", ".join(f"„{o.scenario.name}“" for o in p.outcomes[1:]) or "Beschluss"
    short = names if len(names) <= 70 else f"mit {len(p.outcomes) - 1} Szenarien"  # the footer stays legible
    footer = " · ".join(x for x in (
        f"SRB-Monitor · Ausschuss-Paket {short}", f"Stand {p.generated}",
        f"Daten-Fingerabdruck {o0.result.data.fingerprint[:16]}",
        "synthetische Demo-Daten" if p.demo else "", "anonymisiert" if p.anonymised else "") if x)
    pdf = _Pdf(f"Sozialraumbudget – Ausschuss-Paket {names}", footer)
    fit_size(pdf, [], pdf.epw, 10)  # sets the font before the first page
    c = compare(list(p.outcomes))
    pages.title_page(pdf, p, c)
    geo = shapes(p.geojson) if p.geojson is not None else None
    limit = diff_limit([c.sozialraeume[f"delta_pp_{j}"].to_numpy() for j in range(1, c.n)])
    lo, hi = pages.share_range(p)
    if c.n == 1:
        pages.beschluss_page(pdf, p, c)
        if geo:
            pages.map_page(pdf, p, c, 0, geo, limit, lo, hi)
    for j in range(1, c.n):
        pages.scenario_page(pdf, p, c, j)
        if geo:
            pages.map_page(pdf, p, c, j, geo, limit, lo, hi)
    pages.method_page(pdf, p)
    _robustness_pages(pdf, p, robustness)
    pages.kitas_page(pdf, p)
    pages.parameter_page(pdf, p)
    return bytes(pdf.output())


def _robustness_pages(pdf: _Pdf, p: PackInput, robustness) -> None:
    """The pages of srb_core.robustness (issue 16), only when an analysis is handed in."""
    if robustness is None:
        return
    from .pdf_robustness import add_robustness_pages  # imported only when requested

    add_robustness_pages(pdf, robustness, p.anonymised, _table, pseudonym_key=p.pseudonym_key)
