"""Drawings for the PDF pack: the Sozialraum map, the share bars and the norm band, in fpdf2 primitives."""
from __future__ import annotations

import numpy as np
from fpdf import FPDF

from ..fmt import num, pct
from ..index.normband import BandClass
from .layout import paragraph
from .tables import PackInput

PALETTE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # as on the app's map
BAND_FILL: dict[int, str] = {BandClass.ABOVE: "#111111", BandClass.WITHIN: "#ffffff", BandClass.BELOW: "#2c7fb8"}
SERIES = ["#7f7f7f", "#0b5394", "#e69138", "#6aa84f"]  # Beschluss, then up to three scenarios


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """'#rrggbb' → (r, g, b) as integers 0–255."""
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def draw_bars(pdf: FPDF, p: PackInput, x0: float, y0: float, w: float) -> float:
    """Horizontal bars of the shares per Sozialraum, one bar per compared outcome; returns the end y."""
    names = p.outcomes[0].result.data.sozialraum_names
    series = [o.result.shares * 100 for o in p.outcomes]
    top = max(float(max(s)) for s in series) or 1
    label_w, bar_h = 52, 2.6
    pdf.set_font("DejaVu", size=7.5)
    y = y0
    for r, name in enumerate(names):
        pdf.set_xy(x0, y)
        pdf.cell(label_w, bar_h * len(series), name[:34], align="R")
        for j, values in enumerate(series):
            pdf.set_fill_color(*rgb(SERIES[j % len(SERIES)]))
            length = (w - label_w - 20) * values[r] / top
            pdf.rect(x0 + label_w + 2, y + j * bar_h, length, bar_h - 0.4, style="F")
            pdf.set_xy(x0 + label_w + 3 + length, y + j * bar_h - 0.6)
            pdf.cell(16, bar_h, pct(values[r] / 100, 2))
        y += bar_h * len(series) + 1.6
    pdf.set_xy(x0, y + 1)
    for j, o in enumerate(p.outcomes):
        pdf.set_fill_color(*rgb(SERIES[j % len(SERIES)]))
        pdf.rect(pdf.get_x(), y + 2, 3, 3, style="F")
        pdf.set_x(pdf.get_x() + 4)
        label = "Beschluss" if j == 0 else o.scenario.name
        pdf.cell(pdf.get_string_width(label) + 6, 4, label)
    pdf.set_font("DejaVu", size=10)
    return y + 7


def draw_band(pdf: FPDF, p: PackInput, x0: float, y0: float, w: float) -> float:
    """Every Kita on the Gesamtindex axis, one row per Sozialraum, with the norm band behind."""
    r = p.outcome.result
    data, band = r.data, r.kita_band
    label_w, row_h = 52, 5.2
    names = data.sozialraum_names
    lo = min(0.0, float(np.nanmin(r.kita_overall)))
    hi = max(100.0, float(np.nanmax(r.kita_overall)))
    plot_w = w - label_w - 4

    def x(v: float) -> float:
        return x0 + label_w + 2 + (v - lo) / (hi - lo) * plot_w

    height = row_h * len(names)
    pdf.set_fill_color(225, 225, 225)
    pdf.rect(x(band.lower), y0, x(band.upper) - x(band.lower), height, style="F")
    pdf.set_draw_color(80, 80, 80)
    pdf.line(x(band.mean), y0, x(band.mean), y0 + height)
    pdf.set_font("DejaVu", size=7.5)
    for k, name in enumerate(names):
        pdf.set_xy(x0, y0 + k * row_h)
        pdf.cell(label_w, row_h, name[:34], align="R")
    pdf.set_draw_color(17, 17, 17)
    for i in range(data.n):
        cx, cy = x(float(r.kita_overall[i])), y0 + (int(data.sozialraum[i]) + 0.5) * row_h
        pdf.set_fill_color(*rgb(BAND_FILL[int(r.kita_class[i])]))
        pdf.circle(cx - 1.0, cy - 1.0, 1.0, style="DF")
    for tick in range(int(lo // 10 * 10), int(hi) + 1, 10):
        pdf.set_xy(x(tick) - 5, y0 + height + 0.5)
        pdf.cell(10, 4, str(tick), align="C")
    pdf.set_xy(x0 + label_w, y0 + height + 4.5)
    paragraph(pdf, f"Gesamtindex jeder Kita. Grau: Normbereich der Kitas {num(band.lower, 1)} bis "
                   f"{num(band.upper, 1)} (Mittelwert ± {num(band.k, 1)} × Standardabweichung), Linie: Mittelwert "
                   f"{num(band.mean, 1)}. Schwarz: oberhalb, weiß: innerhalb, blau: unterhalb des Normbereichs.",
              7.5, width=w)
    pdf.set_font("DejaVu", size=10)
    return pdf.get_y() + 3
