"""The pages of the committee pack: title with the decision question, one page per scenario against the
Beschluss, labelled maps, the method in plain German, the Kitas."""
from __future__ import annotations

import numpy as np
from fpdf import FPDF

from ..fmt import fte, num, pct, signed
from ..limits import MAX_PDF_NOTE_CHARS
from ..money import format_eur
from ..scenarios.compare import Comparison
from ..scenarios.describe import change_line
from ..team import area_amounts
from .dates import german_stamp
from .decision import key_figures, kita_change_rows, sozialraum_rows
from .layout import Table, paragraph
from .method import method_steps
from .pdf_charts import draw_band
from .pdf_maps import Shape, diff_class, diff_colour, diff_legend, draw_labelled_map, share_colour, share_legend
from .tables import PackInput, kita_labels, pack_kita_frame, parameter_frame

TERMS = [
    ("Normbereich", "Mittelwert ± k × Standardabweichung. Es gibt zwei: den Normbereich der Kitas (über alle Kitas) "
                    "und den Normbereich der Sozialräume; jede Tabelle nennt, welcher gemeint ist."),
    ("Standardabweichung", "wie weit die Werte im Mittel vom Mittelwert abweichen, in Punkten."),
    ("Prozentpunkte", "Unterschied zweier Prozentwerte: von 10 % auf 12 % sind es 2 Prozentpunkte."),
    ("Stellen", "Vollzeitäquivalente (VZÄ): 1 = eine volle Stelle, 0,5 = eine halbe."),
    ("Schritt 1, Schritt 2", "Schritt 1 verteilt das Budget nach Anteilen auf die Sozialräume, Schritt 2 innerhalb "
                             "der Sozialräume an die Kitas nach den Förderregeln."),
    ("Δ", "Unterschied zum Beschluss (Szenario minus Beschluss)."),
]


_FIRST_PAGE = "unter „Parameter“ und in der Excel-Mappe"
_WORKBOOK = "in der Excel-Mappe, Blatt „Parameter“"


def clip(text: str, limit: int, where: str = _WORKBOOK) -> str:
    """At most `limit` characters, so the title page keeps its layout and a table row fits on a page."""
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + f" … (gekürzt; alle {len(text):,} Zeichen ".replace(",", ".") + where + ")"


def heading(pdf: FPDF, text: str, size: float = 15, keep: float = 25) -> None:
    """A heading that starts a new page rather than stand alone at the bottom (`keep` mm must follow)."""
    if pdf.get_y() + size * 0.5 + keep > pdf.page_break_trigger:
        pdf.add_page()
    pdf.set_font("DejaVu", "B", size)
    paragraph(pdf, text, size, "B", line=size * 0.5)
    pdf.set_font("DejaVu", "", 9.5)
    pdf.ln(1.5)


def scenario_tag(j: int) -> str:
    """'Beschluss' for j = 0, else 'Szenario j'."""
    return "Beschluss" if j == 0 else f"Szenario {j}"


def title_page(pdf: FPDF, p: PackInput, c: Comparison) -> None:
    """PDF title page: the decision question, what is up for decision (Beschluss and scenarios) and the shares table."""
    o0 = p.outcomes[0]
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9)
    paragraph(pdf, "Sozialraumbudget nach dem Kita-Zukunftsgesetz Rheinland-Pfalz · Unterlage für den "
                   "Jugendhilfeausschuss", 9)
    pdf.ln(4)
    pdf.set_text_color(90, 90, 90)
    paragraph(pdf, "Entscheidungsfrage", 11, "B")
    pdf.set_text_color(0, 0, 0)
    paragraph(pdf, p.question or "Welche Verteilung des Sozialraumbudgets soll der Ausschuss beschließen?", 20, "B",
              line=10)
    pdf.ln(4)
    heading(pdf, "Zur Entscheidung stehen", 12)
    konz = o0.result.konzeption
    paragraph(pdf, f"Beschluss: die beschlossene Konzeption „{konz.name}“ ohne Änderungen.", 10)
    for j, o in enumerate(p.outcomes[1:], start=1):
        s = o.scenario
        who = " · ".join(x for x in (f"Autor/in: {clip(s.author, 80, _FIRST_PAGE)}" if s.author else "",
                                      f"gespeichert am {german_stamp(s.updated)}" if s.updated else "") if x)
        paragraph(pdf, f"Szenario {j}: „{s.name}“ – ändert gegenüber dem Beschluss: "
                       f"{change_line(s, konz, o.funding)}." + (f" ({who})" if who else ""), 10)
        if s.note:
            paragraph(pdf, f"Notiz: {clip(s.note, 300, _FIRST_PAGE)}", 9)
    pdf.ln(2)
    if c.n > 1:
        heading(pdf, "Anteile der Sozialräume am Budget (Schritt 1)", 12)
        header = ["Sozialraum"] + [scenario_tag(j) for j in range(c.n)]
        rows = [[str(rec["sozialraum"])] + [pct(rec[f"share_{j}"], 2) for j in range(c.n)]
                for rec in c.sozialraeume.to_dict("records")]
        Table(header, rows, size=9).draw(pdf, width=min(pdf.epw, 70 + 32 * c.n))
    notes = [f"Datensatz: {p.dataset_label} · Konzeption: {konz.name} · Stand: {p.generated}",
             f"Daten-Fingerabdruck: {o0.result.data.fingerprint}"]
    if p.demo:
        notes.append("Demo-Daten (synthetisch): Die Zahlen beschreiben keine echten Kitas.")
    if p.anonymised:
        notes.append("Anonymisiert: Kita-Namen sind durch neutrale Kennungen ersetzt.")
    for o in p.outcomes[1:]:
        if not o.fingerprint_matches:
            notes.append(f"Achtung: „{o.scenario.name}“ wurde mit anderen Daten gespeichert; die Zahlen sind mit den "
                         "aktuellen Daten berechnet.")
    pdf.ln(2)
    for line in notes:
        paragraph(pdf, line, 8.5)


def scenario_page(pdf: FPDF, p: PackInput, c: Comparison, j: int) -> None:
    """PDF page: what scenario j changes, key figures and Sozialräume (share, euros, posts) against the Beschluss, and
    the Kitas that change."""
    base, o = p.outcomes[0], p.outcomes[j]
    s = o.scenario
    pdf.add_page()
    heading(pdf, f"Szenario {j}: „{s.name}“ im Vergleich zum Beschluss")
    paragraph(pdf, "Ändert gegenüber dem Beschluss: " + change_line(s, base.result.konzeption, o.funding), 10, "B")
    if o.adjustment_problems:
        paragraph(pdf, "Gespeicherte Anpassungen nicht übernommen: " + " ".join(o.adjustment_problems), 9)
    pdf.ln(2)
    heading(pdf, "Eckwerte", 11)
    rows = key_figures(base, o)
    marks = {(r, k) for r, row in enumerate(rows) if row[1] != row[2] for k in (2, 3)}
    Table(["Kennzahl", "Beschluss", f"Szenario {j}", "Unterschied"], rows, marks=marks, size=8).draw(pdf)
    heading(pdf, "Sozialräume: Anteil, Euro und Stellen", 11)
    header, rows, reason = sozialraum_rows(c, j, base, o)
    Table(header, rows, bold_rows={len(rows) - 1}, size=8.5).draw(pdf)
    if reason:
        paragraph(pdf, "Zwei Beträge: " + reason, 8.5)
    paragraph(pdf, "Δ = Szenario minus Beschluss. Stellen in Vollzeitäquivalenten nach Schritt 2.", 8)
    pdf.ln(2)
    data = base.result.data
    label_of = dict(zip(data.kita_ids, kita_labels(base, p), strict=True))
    rows = kita_change_rows(c, j, label_of)
    heading(pdf, "Kitas, deren Lage im Normbereich der Kitas oder deren Förderfähigkeit sich ändert", 11,
            keep=25 if rows else 6)
    if rows:
        Table(["Kita", "Sozialraum", "Was ändert sich", "Beschluss", f"Szenario {j}"], rows, right_from=5,
              marks={(r, 4) for r in range(len(rows))}).draw(pdf)
        paragraph(pdf, "Gelb: der Wert im Szenario, der sich gegenüber dem Beschluss ändert.", 8)
    else:
        paragraph(pdf, "Keine Kita wechselt die Lage im Normbereich der Kitas oder die Förderfähigkeit.", 9.5)


def map_page(pdf: FPDF, p: PackInput, c: Comparison, j: int, geo: list[Shape], limit: float,
             lo: float, hi: float) -> None:
    """PDF page: the maps of one outcome – shares, and for a scenario the change against the Beschluss."""
    o = p.outcomes[j]
    names = list(o.result.data.sozialraum_names)
    shares = {n: float(v) * 100 for n, v in zip(names, o.result.shares, strict=True)}
    pdf.add_page()
    title = "Beschluss" if j == 0 else f"Szenario {j}: „{o.scenario.name}“"
    heading(pdf, f"Karten – {title}", 14)
    top = pdf.get_y() + 6
    w, h = 131.0, 128.0
    left, right = pdf.l_margin, pdf.l_margin + w + 5
    pdf.set_font("DejaVu", "B", 10)
    pdf.set_xy(left, top - 6)
    pdf.cell(w, 5, "Anteil am Budget (Schritt 1)")
    draw_labelled_map(pdf, geo, share_colour(shares, lo, hi), lambda n: pct(shares[n] / 100, 2) if n in shares
                      else "", left, top, w, h)
    share_legend(pdf, lo, hi, left, top + h + 2)
    if j == 0:
        return
    delta = dict(zip(names, c.sozialraeume[f"delta_pp_{j}"].to_numpy(), strict=True))
    pdf.set_font("DejaVu", "B", 10)
    pdf.set_xy(right, top - 6)
    pdf.cell(w, 5, "Veränderung gegenüber dem Beschluss (Prozentpunkte)")
    draw_labelled_map(pdf, geo, lambda n: diff_colour(diff_class(float(delta[n]), limit)) if n in delta else "#dddddd",
                      lambda n: signed(float(delta[n]), 2) if n in delta else "", right, top, w, h)
    diff_legend(pdf, limit, right, top + h + 2)


def beschluss_page(pdf: FPDF, p: PackInput, c: Comparison) -> None:
    """Without a scenario: the Beschluss's own numbers per Sozialraum."""
    o = p.outcomes[0]
    pdf.add_page()
    heading(pdf, "Beschluss: Anteile, Euro und Stellen je Sozialraum")
    amounts = area_amounts(o.result, o.funding, o.plan) if o.plan is not None and o.funding is not None else None
    two = amounts is not None and amounts.any_differs
    sr = c.sozialraeume
    has_fte = not np.isnan(sr["fte_0"]).all()
    header = ["Sozialraum", "Anteil", "Euro Schritt 1"] + (["Euro Schritt 2"] if two else []) + \
        (["Stellen"] if has_fte else [])
    rows = []
    for r, rec in enumerate(sr.to_dict("records")):
        row = [str(rec["sozialraum"]), pct(rec["share_0"], 2),
               "–" if rec["euros_0"] != rec["euros_0"] else format_eur(int(round(rec["euros_0"] * 100)))]
        if two and amounts is not None:
            row.append(format_eur(amounts.step2_cents[r]))
        if has_fte:
            row.append(fte(rec["fte_0"]))
        rows.append(row)
    Table(header, rows).draw(pdf, width=min(pdf.epw, 200))
    if two and amounts is not None:
        paragraph(pdf, "Zwei Beträge: " + amounts.summary, 8.5)


def method_page(pdf: FPDF, p: PackInput) -> None:
    """PDF page: the method in eight steps (method_steps) and the terms used."""
    pdf.add_page()
    heading(pdf, "So wird gerechnet")
    for step in method_steps(p.outcome.result):
        paragraph(pdf, step, 9.5)
        pdf.ln(0.8)
    pdf.ln(2)
    heading(pdf, "Begriffe und Abkürzungen", 11)
    for term, text in TERMS:
        paragraph(pdf, f"{term}: {text}", 9)


def kitas_page(pdf: FPDF, p: PackInput) -> None:
    """PDF page: the Kitas in the norm band (chart) and the table of Kitas of the main outcome."""
    o = p.outcome
    pdf.add_page()
    name = "Beschluss" if p.main == 0 else f"Szenario {p.main}: „{o.scenario.name}“"
    heading(pdf, f"Kitas im Normbereich der Kitas – {name}")
    pdf.set_y(draw_band(pdf, p, pdf.l_margin, pdf.get_y() + 1, pdf.epw))
    heading(pdf, f"Kitas – {name}", 12)
    kitas = pack_kita_frame(p)
    header = ["Kita", "Sozialraum", "Gesamtindex", "Lage im Normbereich der Kitas", "Abstand zur unteren Grenze"]
    has_plan = "Stellen (VZÄ)" in kitas
    if has_plan:
        header += ["Euro Schritt 2", "Stellen"]
    rows = []
    for r in kitas.to_dict("records"):
        row = [str(r["Kita"]), str(r["Sozialraum"]), num(r["Gesamtindex"], 1), str(r["Normbereich"]),
               signed(r["Abstand untere Grenze"], 1)]
        if has_plan:
            row += [format_eur(int(round(r["Euro Schritt 2"] * 100))), fte(r["Stellen (VZÄ)"])]
        rows.append(row)
    Table(header, rows, right_from=2, size=8).draw(pdf)
    paragraph(pdf, "Förderstränge je Kita mit Begründung, der Rechenweg jeder Kita (Antworten und Standardwerte) "
                   "und alle Zahlen ungerundet stehen in der Excel-Mappe desselben Pakets.", 8)


def parameter_page(pdf: FPDF, p: PackInput) -> None:
    """PDF page: the parameters of the main outcome (parameter_frame)."""
    pdf.add_page()
    name = "Beschluss" if p.main == 0 else f"Szenario {p.main}: „{p.outcome.scenario.name}“"
    heading(pdf, f"Parameter – {name}")
    frame = parameter_frame(p)
    rows = [[str(a), clip(str(b), MAX_PDF_NOTE_CHARS)] for a, b in frame.to_numpy().tolist()]
    Table(["Angabe", "Wert"], rows, right_from=2).draw(pdf)


def share_range(p: PackInput) -> tuple[float, float]:
    """(min, max) of all outcomes' shares in percent: one colour scale for every map."""
    values = np.concatenate([o.result.shares * 100 for o in p.outcomes])
    return float(values.min()), float(values.max())
