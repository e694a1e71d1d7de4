"""The page "Robustheit" of the committee pack: the same figures as the app page, drawn with fpdf2.

Only imported when a pack with a robustness analysis is requested.
"""
from __future__ import annotations

import numpy as np
from fpdf import FPDF

from ..fmt import num, pct, signed
from ..money import format_eur
from ..privacy import display_names
from ..robustness import Analysis
from .pdf_charts import rgb

RANGE, MEDIAN, NOMINAL = "#0b5394", "#111111", "#e69138"
FIRST, TOTAL = "#0b5394", "#9fc5e8"
VARY = {"k": "k", "ddof": "Art der SD", "aggregation": "Sozialraumwert", "rescaling": "Umrechnung"}
INPUT_LABELS = {"k": "Breite k des Normbereichs", "ddof": "Art der Standardabweichung",
                "aggregation": "Sozialraumwert (Mittel/Kinder)", "rescaling": "Umrechnung (Min–Max/z/Rang)"}


def _input_label(key: str, name: str, limit: int = 44) -> str:
    label = INPUT_LABELS.get(key, name)
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _settings_text(a: Analysis) -> str:
    s = a.settings
    weights = ("flache Dirichlet-Verteilung" if s.weights == "dirichlet"
               else f"±{num(s.spread * 100, 0)} % um jedes Gewicht")
    vary = ", ".join(VARY[v] for v in s.vary) or "keine"
    draws = f"{s.draws:,}".replace(",", ".")
    return (f"{draws} Varianten (Startwert {s.seed}); Gewichte: {weights}; zusätzlich variierte Methodenwahl: "
            f"{vary}. Strich = 90 % der Varianten (5.–95. Perzentil), Punkt = Median, Raute = Ergebnis mit den "
            "eingestellten Gewichten.")


def draw_whiskers(pdf: FPDF, a: Analysis, x0: float, y0: float, w: float) -> float:
    """Dot and whisker of the shares per Sozialraum (largest nominal share first); returns the end y."""
    u, names = a.uncertainty, a.result.data.sozialraum_names
    order = np.argsort(-u.share.nominal, kind="stable")
    lo = float(u.share.p05.min()) * 100
    hi = float(u.share.p95.max()) * 100
    pad = max((hi - lo) * 0.05, 0.1)
    lo, hi = lo - pad, hi + pad
    label_w, row_h = 52, 5.0
    plot_w = w - label_w - 4

    def x(v: float) -> float:
        return x0 + label_w + 2 + (v * 100 - lo) / (hi - lo) * plot_w

    pdf.set_font("DejaVu", size=7.5)
    for k, r in enumerate(order):
        cy = y0 + (k + 0.5) * row_h
        pdf.set_xy(x0, y0 + k * row_h)
        pdf.cell(label_w, row_h, names[r][:34], align="R")
        pdf.set_draw_color(*rgb(RANGE))
        pdf.set_line_width(1.0)
        pdf.line(x(u.share.p05[r]), cy, x(u.share.p95[r]), cy)
        pdf.set_line_width(0.2)
        pdf.set_draw_color(17, 17, 17)
        pdf.set_fill_color(*rgb(MEDIAN))
        pdf.circle(x(u.share.median[r]), cy, 0.9, style="F")  # fpdf2 2.8: x, y is the centre
        nx = x(u.share.nominal[r])
        pdf.set_fill_color(*rgb(NOMINAL))
        pdf.polygon([(nx, cy - 1.5), (nx + 1.2, cy), (nx, cy + 1.5), (nx - 1.2, cy)], style="DF")
    bottom = y0 + len(order) * row_h
    pdf.set_draw_color(120, 120, 120)
    pdf.line(x0 + label_w + 2, bottom, x0 + label_w + 2 + plot_w, bottom)
    step = max(0.5, round((hi - lo) / 6 * 2) / 2)
    tick = np.ceil(lo / step) * step
    while tick <= hi:
        pdf.set_xy(x(tick / 100) - 8, bottom + 0.5)
        pdf.cell(16, 4, f"{num(tick, 1)} %", align="C")
        tick += step
    pdf.set_draw_color(0, 0, 0)
    pdf.set_font("DejaVu", size=10)
    return bottom + 6


def draw_sensitivity(pdf: FPDF, a: Analysis, x0: float, y0: float, w: float) -> float:
    """Draw the Sobol indices (first order and total, with 90 % intervals) as bars; returns the y below."""
    s = a.sensitivity
    pdf.set_font("DejaVu", size=7.5)
    if s is None or not np.isfinite(s.sobol.total).any():
        pdf.set_xy(x0, y0)
        pdf.multi_cell(w, 4, "Keine Sensitivitätsanalyse: höchstens eine Annahme variiert.", new_x="LMARGIN",
                       new_y="NEXT")
        return pdf.get_y() + 2
    sob = s.sobol
    label_w, bar_h = 62, 2.8
    plot_w = w - label_w - 16
    order = np.argsort(-np.nan_to_num(sob.total), kind="stable")
    y = y0
    for j in order:
        pdf.set_xy(x0, y)
        pdf.cell(label_w, bar_h * 2, _input_label(s.inputs.keys[j], s.inputs.names[j]), align="R")
        for row, (value, colour) in enumerate(((sob.first[j], FIRST), (sob.total[j], TOTAL))):
            v = min(1.0, max(0.0, float(np.nan_to_num(value))))
            pdf.set_fill_color(*rgb(colour))
            pdf.rect(x0 + label_w + 2, y + row * bar_h, max(plot_w * v, 0.2), bar_h - 0.4, style="F")
            pdf.set_xy(x0 + label_w + 3 + plot_w * v, y + row * bar_h - 0.6)
            pdf.cell(14, bar_h, num(v, 2))
        y += bar_h * 2 + 1.4
    pdf.set_xy(x0 + label_w, y + 0.5)
    for label, colour in (("allein (erste Ordnung)", FIRST), ("insgesamt (total)", TOTAL)):
        pdf.set_fill_color(*rgb(colour))
        pdf.rect(pdf.get_x(), y + 1.2, 3, 3, style="F")
        pdf.set_x(pdf.get_x() + 4)
        pdf.cell(pdf.get_string_width(label) + 6, 4, label)
    pdf.set_xy(x0, y + 5.5)
    runs = f"{s.sobol.runs:,}".replace(",", ".")
    pdf.multi_cell(w, 3.8, f"Sobol-Indizes ({runs} Rechnungen; Zielgröße: {s.target}). Anteil an der "
                   "Schwankung, den eine Annahme allein bzw. mit ihrem Zusammenspiel erklärt.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    return pdf.get_y() + 2


def share_rows(a: Analysis) -> list[list[str]]:
    """Table rows per Sozialraum: nominal share, median, 5–95 % range (and euros), largest share first."""
    u = a.uncertainty
    rows = []
    for r in np.argsort(-u.share.nominal, kind="stable"):
        row = [a.result.data.sozialraum_names[r], pct(u.share.nominal[r], 2), pct(u.share.median[r], 2),
               f"{pct(u.share.p05[r], 2)} – {pct(u.share.p95[r], 2)}"]
        if u.euros_cents is not None:
            row.append(f"{format_eur(int(u.euros_cents.p05[r]))} – {format_eur(int(u.euros_cents.p95[r]))}")
        lo, hi = int(u.rank.p05[r]), int(u.rank.p95[r])
        row.append(f"{int(u.rank.nominal[r])} ({lo}–{hi})" if lo != hi else str(lo))
        rows.append(row)
    return rows


def uncertain_kita_rows(a: Analysis, anonymised: bool, limit: int = 12,
                        pseudonym_key: bytes | None = None) -> list[list[str]]:
    """Kitas whose decision is not the same in every variant, least certain first."""
    u, data = a.uncertainty, a.result.data
    names = display_names(data, anonymised, pseudonym_key)
    rows = []
    for s, (key, label) in enumerate(u.strands):
        nominal = u.nominal_eligible[:, s]
        same = np.where(nominal, u.eligible[:, s], 1 - u.eligible[:, s])
        for i in np.flatnonzero(same < 1):
            f = a.flips[key][i]
            change = f"{f.label}: {num(f.current, 2)} → {num(f.needed, 2)}" if f.variable else "–"
            rows.append((float(same[i]), [names[i], label, "ja" if nominal[i] else "nein", pct(same[i], 1),
                                          signed(f.distance, 1), change]))
    rows.sort(key=lambda t: t[0])
    return [r for _, r in rows[:limit]]


def loo_rows(a: Analysis, anonymised: bool, limit: int = 8, pseudonym_key: bytes | None = None) -> list[list[str]]:
    """Table rows of the Kitas whose leaving out moves a share most (largest |Δ| in pp first), at most `limit`."""
    loo, data = a.leave_one_out, a.result.data
    names = display_names(data, anonymised, pseudonym_key)
    labels = {v.column: v.title for v in a.result.konzeption.variables}
    out: list[list[str]] = []
    for i in np.argsort(-loo.max_abs_change_pp, kind="stable")[:limit]:
        if loo.max_abs_change_pp[i] <= 0:
            break
        row = [names[i], "; ".join(str(labels.get(c, c)) for c in loo.bound_variables[i]),
               f"{num(loo.max_abs_change_pp[i], 3)} pp"]
        row.append(format_eur(int(loo.max_abs_change_cents[i])) if loo.max_abs_change_cents is not None else "–")
        out.append(row)
    return out


def add_robustness_pages(pdf, a: Analysis, anonymised: bool, table, pseudonym_key: bytes | None = None) -> None:
    """Appends the robustness pages to the pack; `table` is the pack's own table helper."""
    pdf.add_page()
    pdf.heading("Robustheit: Wie sicher ist die Verteilung?")
    pdf.set_font("DejaVu", size=8.5)
    pdf.multi_cell(0, 4.4, "Die Verteilung wurde in vielen Varianten neu gerechnet, jede mit leicht anderen Gewichten "
                   "(und gegebenenfalls anderen Methoden). " + _settings_text(a), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    top = pdf.get_y()
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(130, 5, "Anteile je Sozialraum über alle Varianten", new_x="LEFT", new_y="NEXT")
    end_left = draw_whiskers(pdf, a, pdf.l_margin, pdf.get_y() + 1, 130)
    pdf.set_xy(150, top)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 5, "Was treibt die Schwankung der Euro-Beträge?", new_x="LEFT", new_y="NEXT")
    end_right = draw_sensitivity(pdf, a, 150, pdf.get_y() + 1, 135)
    pdf.set_xy(pdf.l_margin, max(end_left, end_right) + 2)
    header = ["Sozialraum", "Anteil eingestellt", "Median", "90 % der Varianten"]
    if a.uncertainty.euros_cents is not None:
        header.append("Betrag, 90 % der Varianten")
    header.append("Rang (Spanne)")
    widths = (72, 34, 28, 55, 62, 26) if a.uncertainty.euros_cents is not None else (90, 40, 35, 72, 40)
    table(pdf, header, share_rows(a), widths, size=8)

    pdf.add_page()
    pdf.heading("Förderentscheidungen, die an den Annahmen hängen", 12)
    rows = uncertain_kita_rows(a, anonymised, pseudonym_key=pseudonym_key)
    if rows:
        table(pdf, ["Kita", "Förderstrang", "förderfähig", "gleich in", "Abstand (Punkte)",
                    "kleinste Änderung einer Antwort"], rows, (48, 52, 20, 18, 22, 117), size=7.5, align_right_from=6)
    else:
        pdf.set_font("DejaVu", size=9)
        pdf.cell(0, 5, "Keine: Jede Förderentscheidung fällt in allen Varianten gleich aus.", new_x="LMARGIN",
                 new_y="NEXT")
    if pdf.get_y() > 140:  # the section needs about 60 mm: start it on a new page rather than split it
        pdf.add_page()
    pdf.heading("Einfluss einzelner Extremwerte (Min–Max)", 12)
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(0, 4, "Wenn eine Kita bei den Grenzen 0 und 100 Punkte nicht mitzählt (ihre Antworten werden auf "
                   "den Bereich der übrigen Kitas begrenzt), ändern sich die Anteile so. Kitas, die keinen kleinsten "
                   "oder größten Wert allein haben, ändern nichts.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    rows = loo_rows(a, anonymised, pseudonym_key=pseudonym_key)
    if rows:
        table(pdf, ["Kita", "allein kleinster/größter Wert bei", "größte Änderung eines Anteils",
                    "größte Änderung eines Betrags"], rows, (60, 120, 45, 42), size=7.5, align_right_from=2)
    pdf.set_font("DejaVu", size=10)
