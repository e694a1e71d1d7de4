"""The committee pack as PDF (A4 landscape): map, chart, tables and the method in plain German.

Drawn with fpdf2's own primitives and the bundled DejaVu fonts, so it needs no browser, no
plotting library and no network, and umlauts and € print everywhere.
"""
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from ..fmt import num, param, pct, signed
from ..limits import MAX_PDF_NOTE_CHARS
from ..money import format_eur
from .method import method_steps
from .pdf_charts import draw_band, draw_bars, draw_map
from .tables import PackInput, comparison_frames, kita_frame, parameter_frame, sozialraum_frame

FONTS = Path(__file__).resolve().parent / "fonts"
HEAD = FontFace(emphasis="BOLD", fill_color="#dde6f0")


class _Pdf(FPDF):
    def __init__(self, title: str, footer_text: str):
        super().__init__(orientation="L", format="A4")
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_font("DejaVu", size=10)
        self.set_title(title)
        self.set_creator("SRB-Monitor")
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=14)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", size=7.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text} · Seite {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: float = 14) -> None:
        self.set_font("DejaVu", "B", size)
        self.cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", size=10)
        self.ln(1.5)


def _table(pdf: _Pdf, header: list[str], rows: list[list[str]], widths: tuple[float, ...] | None = None,
           size: float = 8.5, align_right_from: int = 1) -> None:
    pdf.set_font("DejaVu", size=size)
    aligns = ["LEFT"] * min(align_right_from, len(header)) + ["RIGHT"] * max(0, len(header) - align_right_from)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(col_widths=widths, headings_style=HEAD, line_height=size * 0.55, text_align=aligns,
                   repeat_headings=1, borders_layout="HORIZONTAL_LINES", cell_fill_color="#f3f6f9",
                   cell_fill_mode="ROWS") as table:
        table.row(header)
        for row in rows:
            table.row([str(c) for c in row])
    pdf.set_font("DejaVu", size=10)
    pdf.ln(2)


def _key_figures(pdf: _Pdf, p: PackInput, x0: float, y0: float) -> None:
    r = p.outcome.result
    lines = [("Gewichte", ", ".join(f"{name} {pct(e, 1)}" for name, e in zip(r.konzeption.sub_indices,
                                                                          r.effective_weights, strict=False))),
             ("Normbereich", f"Mittelwert ± {param(r.params.k)} SD = {num(r.kita_band.lower, 1)} bis "
                             f"{num(r.kita_band.upper, 1)} Punkte"),
             ("Budget", format_eur(r.params.budget_cents) if r.params.budget_cents is not None else "–")]
    pdf.set_xy(x0, y0)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 5, "Eckwerte des Szenarios", new_x="LEFT", new_y="NEXT")
    for label, text in lines:
        pdf.set_x(x0)
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.cell(24, 4.6, label)
        pdf.set_font("DejaVu", size=8.5)
        pdf.multi_cell(110, 4.6, text, new_x="LEFT", new_y="NEXT")
        pdf.set_x(x0)
    pdf.set_font("DejaVu", size=10)


_FIRST_PAGE = "unter „Parameter“ und in der Excel-Mappe"
_WORKBOOK = "in der Excel-Mappe, Blatt „Parameter“"


def _clip(text: str, limit: int, where: str = _WORKBOOK) -> str:
    """At most `limit` characters, so the first page keeps its layout and a table row fits on a page."""
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + f" … (gekürzt; alle {len(text):,} Zeichen ".replace(",", ".") + where + ")"


def pack_pdf(p: PackInput, robustness=None) -> bytes:
    """The pack; with `robustness` (an srb_core.robustness.Analysis) also its pages at the end."""
    o = p.outcome
    s = o.scenario
    footer = (
        f"SRB-Monitor · Szenario „{s.name}“ · {p.generated} · Daten-Fingerabdruck {o.result.data.fingerprint[:16]}"
        + (" · synthetische Demo-Daten" if p.demo else "")
        + (" · anonymisiert" if p.anonymised else "")
    )
    pdf = _Pdf(f"Sozialraumbudget – {s.name}", footer)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", size=9)
    pdf.cell(0, 5, "Sozialraumbudget nach dem Kita-Zukunftsgesetz Rheinland-Pfalz · Unterlage für den Ausschuss",
             new_x="LMARGIN", new_y="NEXT")
    pdf.heading(f"Szenario: {s.name}", 18)
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(
        0,
        4.6,
        f"Datensatz: {p.dataset_label} · Konzeption: {o.result.konzeption.name} · Stand: {p.generated}"
        f"\nDaten-Fingerabdruck: {o.result.data.fingerprint}"
        + (f"\nAutor/in: {_clip(s.author, 80, _FIRST_PAGE)}" if s.author else "")
        + (f" · Notiz: {_clip(s.note, 300, _FIRST_PAGE)}" if s.note else ""),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    notes = []
    if p.demo:
        notes.append("Demo-Daten (synthetisch): Die Zahlen beschreiben keine echten Kitas.")
    if p.anonymised:
        notes.append("Anonymisiert: Kita-Namen sind durch neutrale Codes ersetzt; "
                     "die Karte zeigt keine Kita-Standorte.")
    if not o.fingerprint_matches:
        notes.append("Achtung: Das Szenario wurde mit anderen Daten gespeichert; "
                     "die Zahlen sind mit den aktuellen Daten berechnet.")
    if notes:
        pdf.set_fill_color(255, 235, 205)
        pdf.set_font("DejaVu", "B", 9)
        pdf.multi_cell(0, 5, " ".join(notes), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=10)
    pdf.ln(2)
    top = pdf.get_y()
    if p.geojson is not None:
        draw_map(pdf, p, pdf.l_margin, top, 125, 118)
    pdf.set_xy(150, top)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 5, "Anteile der Sozialräume (Schritt 1)", new_x="LEFT", new_y="NEXT")
    y = draw_bars(pdf, p, 150, pdf.get_y() + 1, 135)
    _key_figures(pdf, p, 150, y + 4)

    pdf.add_page()
    pdf.heading("Sozialräume")
    sr = sozialraum_frame(p)
    header = ["Sozialraum", "Kitas", "Gesamtindex", "Normbereich", "Anteil", "Euro Schritt 1"]
    has_plan = "Stellen (VZÄ)" in sr
    if has_plan:
        header += ["Zugewiesen Schritt 2", "Stellen (VZÄ)"]
    rows = []
    for _, r in sr.iterrows():
        row = [r["Sozialraum"], str(int(r["Kitas"])), num(r["Gesamtindex"], 1), r["Normbereich"], pct(r["Anteil"], 2),
               format_eur(int(round(r["Euro"] * 100))) if "Euro" in sr else "–"]
        if has_plan:
            row += [format_eur(int(round(r["Zugewiesen Euro"] * 100))), num(r["Stellen (VZÄ)"], 2)]
        rows.append(row)
    _table(pdf, header, rows)
    pdf.heading("So wird gerechnet")
    pdf.set_font("DejaVu", size=9)
    for step in method_steps(o.result):
        pdf.multi_cell(0, 4.6, step, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.heading("Parameter")
    rows = [[label, _clip(str(value), MAX_PDF_NOTE_CHARS)] for label, value in parameter_frame(p).values.tolist()]
    _table(pdf, ["Angabe", "Wert"], rows, (70, 190), align_right_from=2)

    if len(p.outcomes) > 1:
        pdf.add_page()
        pdf.heading("Vergleich mit dem Beschluss")
        _, comp_kitas, c = comparison_frames(p)
        header = ["Sozialraum"]
        for j, name in enumerate(c.names):
            tag = "Beschluss" if j == 0 else name
            header += [f"Anteil {tag}"] + ([f"Δ pp {tag}", f"Δ Euro {tag}", f"Δ VZÄ {tag}"] if j else [])
        rows = []
        for rec in c.sozialraeume.to_dict("records"):
            row = [str(rec["sozialraum"])]
            for j in range(c.n):
                row.append(pct(rec[f"share_{j}"], 2))
                if j:
                    dp, de, dfte = rec[f"delta_pp_{j}"], rec[f"delta_eur_{j}"], rec[f"delta_fte_{j}"]
                    row += [signed(dp, 2), signed(de, 2, " €"), "–" if dfte != dfte else signed(dfte, 2)]
            rows.append(row)
        _table(pdf, header, rows, size=7.5 if c.n > 2 else 8.5)
        pdf.heading("Kitas, deren Normbereich oder Förderfähigkeit sich ändert", 11)
        if comp_kitas.empty:
            pdf.cell(0, 5, "Keine.", new_x="LMARGIN", new_y="NEXT")
        else:
            _table(pdf, list(comp_kitas.columns), comp_kitas.values.tolist(), align_right_from=len(comp_kitas.columns))

    pdf.add_page()
    pdf.heading("Kitas im Normbereich")
    pdf.set_y(draw_band(pdf, p, pdf.l_margin, pdf.get_y() + 1, 267))
    pdf.heading("Kitas")
    kitas = kita_frame(p)
    header = ["Kita", "Sozialraum", "Gesamtindex", "Normbereich", "Abstand untere Grenze"]
    has_plan = "Stellen (VZÄ)" in kitas
    if has_plan:
        header += ["Euro Schritt 2", "Stellen (VZÄ)"]
    rows = []
    for _, r in kitas.iterrows():
        row = [
            r["Kita"],
            r["Sozialraum"],
            num(r["Gesamtindex"], 1),
            r["Normbereich"],
            signed(r["Abstand untere Grenze"], 1),
        ]
        if has_plan:
            row += [format_eur(int(round(r["Euro Schritt 2"] * 100))), num(r["Stellen (VZÄ)"], 2)]
        rows.append(row)
    _table(pdf, header, rows, (70, 60, 25, 28, 30, 35, 25) if has_plan else None, align_right_from=2)
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(
        0,
        4,
        "Förderstränge je Kita mit Begründung, der Rechenweg jeder Kita (Rohwerte und Standardwerte) "
        "und alle Zahlen ungerundet stehen in der Excel-Mappe desselben Exports.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _robustness_pages(pdf, p, robustness)
    return bytes(pdf.output())


def _robustness_pages(pdf: _Pdf, p: PackInput, robustness) -> None:
    """The pages of srb_core.robustness (issue 16), only when an analysis is handed in."""
    if robustness is None:
        return
    from .pdf_robustness import add_robustness_pages  # imported only when requested

    add_robustness_pages(pdf, robustness, p.anonymised, _table, pseudonym_key=p.pseudonym_key)
