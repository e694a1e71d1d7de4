"""A Kita's yearly report on one A4 page (PDF) and as a workbook (XLSX).

Text from files (names, labels) is printed as plain text: fpdf2 interprets no markup in cells, and
XLSX cells that start like a formula are written as text.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..fmt import num, pct, signed
from ..money import format_eur
from ..xlsxwrite import Cell, Sheet, Value, workbook
from .kita_report import KitaReport

if TYPE_CHECKING:  # fpdf2 (and its fontTools) is imported only when a PDF is written, not for XLSX
    from fpdf import FPDF

CONTEXT = ("Die Indikatoren beschreiben die Entwicklung dieser Kita und ihres Sozialraums. Sie sind Kontext für "
           "das Gespräch über die Jahresziele, keine Bewertung der Arbeit und keine Rangfolge der Kitas.")
DIRECTION = {True: "höher ist besser", False: "niedriger ist besser", None: "Kontext"}


def _opt(value: float | None, digits: int = 1, unit: str = "") -> str:
    """A whole number (a count) without decimals; "–" for no value."""
    if value is None:
        return "–"
    return num(value, 0 if float(value).is_integer() and digits < 2 else digits) + (f" {unit}" if unit else "")


def _eur(cents: int | None) -> str:
    return "–" if cents is None else format_eur(cents)


def indicator_rows(r: KitaReport) -> list[list[str]]:
    """Report rows per indicator: label, unit, level, previous, value, signed change, better direction."""
    prev = str(r.previous_year) if r.previous_year else "–"
    rows = []
    for line in r.indicators:
        whole = line.change is not None and float(line.change).is_integer()
        change = "–" if line.change is None else signed(line.change, 0 if whole else 1, "")
        rows.append([line.label, line.unit or "", "Sozialraum" if line.level == "sozialraum" else "Kita",
                     _opt(line.previous), _opt(line.value), change, DIRECTION[line.higher_is_better]])
    return [["Indikator", "Einheit", "Ebene", prev, str(r.year), "Veränderung", "Richtung"], *rows]


def money_rows(r: KitaReport) -> list[list[str]]:
    """Report rows per year: allocated, spent, unused, use share = spent/allocated, FTE funded, filled, vacant."""
    rows = [["Jahr", "zugewiesen", "verausgabt", "nicht verbraucht", "Ausschöpfung", "VZÄ gefördert", "VZÄ besetzt",
             "VZÄ offen"]]
    for m in r.money:
        rows.append([str(m.year), _eur(m.allocated_cents), _eur(m.spent_cents), _eur(m.unused_cents),
                     "–" if m.use_share is None else pct(m.use_share, 1), _opt(m.funded_fte, 2),
                     _opt(m.filled_fte, 2), _opt(m.vacant_fte, 2)])
    return rows


def title(r: KitaReport) -> str:
    """'Jahresbericht <year>: <name>'."""
    return f"Jahresbericht {r.year}: {r.name}"


def report_pdf(r: KitaReport) -> bytes:
    """The Kita's yearly report as PDF (A4, embedded DejaVu fonts)."""
    from fpdf import FPDF

    from ..pack.pdf import FONTS

    pdf = FPDF(orientation="P", format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(title(r))
    pdf.set_creator("SRB-Monitor")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 7.5, title(r), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9.5)
    sub = f"Sozialraum {r.sozialraum} · Kennung {r.kita_id}" + (f" · {r.dataset}" if r.dataset else "")
    pdf.multi_cell(0, 5, sub, new_x="LMARGIN", new_y="NEXT")
    if r.demo:
        pdf.set_text_color(150, 60, 0)
        pdf.multi_cell(0, 5, "Demo-Daten: Alle Werte sind synthetisch erzeugt, keine echten Angaben.",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    _section(pdf, "Indikatoren", indicator_rows(r), (54, 27, 21, 15, 15, 23, 35), left=3)
    _section(pdf, "Mittel und Stellen aus dem Sozialraumbudget", money_rows(r), (13, 27, 27, 29, 25, 23, 23, 23))
    pdf.set_font("DejaVu", size=8.5)
    pdf.multi_cell(0, 4.5, CONTEXT + " Nicht verbrauchte Mittel = zugewiesen − verausgabt; Ausschöpfung = "
                   "verausgabt ÷ zugewiesen; offene Stellen = gefördert − besetzt (VZÄ).",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-14)
    pdf.set_font("DejaVu", size=7.5)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(0, 5, f"SRB-Monitor · erstellt am {date.today():%d.%m.%Y}" +
             (" · anonymisiert" if r.anonymised else ""), align="C")
    return bytes(pdf.output())


def _section(pdf: FPDF, heading: str, rows: list[list[str]], widths: tuple[float, ...], left: int = 1) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font("DejaVu", "B", 11.5)
    pdf.cell(0, 6.5, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=8)
    aligns = ["LEFT"] * left + ["RIGHT"] * (len(rows[0]) - left)
    head = FontFace(emphasis="BOLD", fill_color="#dde6f0")
    with pdf.table(col_widths=widths, headings_style=head, line_height=4.6, text_align=aligns,
                   borders_layout="HORIZONTAL_LINES", cell_fill_color="#f3f6f9", cell_fill_mode="ROWS") as table:
        for row in rows:
            table.row(row)
    pdf.ln(4)


def _formatted(values: list, formats: list[str | None]) -> list[Value | Cell]:
    """One row with its column formats on the numbers; text stays text (never a formula)."""
    return [Cell(v, f) if f and isinstance(v, (int, float)) and not isinstance(v, bool) else v
            for v, f in zip(values, formats, strict=True)]


def report_xlsx(r: KitaReport) -> bytes:
    """The Kita's yearly report as XLSX, formula-safe: title, then each section after an empty row."""
    rows: list[list[Value | Cell]] = [[Cell(title(r), bold=True, size=14)],
                                      [f"Sozialraum {r.sozialraum}", f"Kennung {r.kita_id}"]]
    if r.demo:
        rows.append(["Demo-Daten: Alle Werte sind synthetisch erzeugt, keine echten Angaben."])
    eur, fte = '#,##0.00 "€"', "0.00"
    sections = (("Indikatoren", _raw_indicators(r), [None, None, None, "0.0##", "0.0##", "+0.0##;-0.0##", None]),
                ("Mittel und Stellen", _raw_money(r), [None, eur, eur, eur, "0.0%", fte, fte, fte]))
    for heading, table, formats in sections:
        rows += [[], [Cell(heading, bold=True)], *(_formatted(row, formats) for row in table)]
    rows += [[], [CONTEXT]]
    widths = {1: 48.0} | {c: 16.0 for c in range(2, 9)}
    return workbook([Sheet(f"Bericht {r.year}", rows, widths)])


def _raw_indicators(r: KitaReport) -> list[list]:
    """Unrounded numbers (the workbook formats them), text as text."""
    head = indicator_rows(r)[0]
    return [head] + [[x.label, x.unit, "Sozialraum" if x.level == "sozialraum" else "Kita", x.previous, x.value,
                      x.change, DIRECTION[x.higher_is_better]] for x in r.indicators]


def _raw_money(r: KitaReport) -> list[list]:
    head = money_rows(r)[0]
    return [head] + [[m.year, None if m.allocated_cents is None else m.allocated_cents / 100,
                      None if m.spent_cents is None else m.spent_cents / 100,
                      None if m.unused_cents is None else m.unused_cents / 100, m.use_share, m.funded_fte,
                      m.filled_fte, m.vacant_fte] for m in r.money]
