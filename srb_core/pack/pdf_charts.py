"""Drawings for the PDF pack: the Sozialraum map, the share bars and the norm band, in fpdf2 primitives."""
from __future__ import annotations

import math

import numpy as np
from fpdf import FPDF

from ..fmt import num, pct
from ..index.normband import CLASS_LABELS
from .tables import PackInput

PALETTE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # as on the app's map
BAND_FILL = {1: "#111111", 0: "#ffffff", -1: "#2c7fb8"}
SERIES = ["#7f7f7f", "#0b5394", "#e69138", "#6aa84f"]  # Beschluss, then up to three scenarios


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def draw_map(pdf: FPDF, p: PackInput, x0: float, y0: float, w: float, h: float) -> None:
    o = p.outcome
    data, res = o.result.data, o.result
    rings = []  # (sozialraum, [(lon, lat), ...])
    for f in (p.geojson or {}).get("features", []):
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        rings += [(f["properties"].get("sozialraum"), poly[0]) for poly in polys]
    lons = [c[0] for _, ring in rings for c in ring]
    lats = [c[1] for _, ring in rings for c in ring]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    kx = math.cos(math.radians((lat0 + lat1) / 2))  # keeps shapes in proportion at this latitude
    scale = min(w / ((lon1 - lon0) * kx or 1), h / ((lat1 - lat0) or 1))
    ox = x0 + (w - (lon1 - lon0) * kx * scale) / 2
    oy = y0 + (h - (lat1 - lat0) * scale) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon - lon0) * kx * scale, oy + (lat1 - lat) * scale

    shares = res.shares * 100
    lo, hi = float(shares.min()), float(shares.max())
    edges = np.linspace(lo, hi, len(PALETTE) + 1)
    row = {n: r for r, n in enumerate(data.sozialraum_names)}
    pdf.set_draw_color(34, 34, 34)
    pdf.set_line_width(0.3)
    for name, ring in rings:
        r = row.get(name)
        k = (
            2
            if r is None or hi == lo
            else int(min(len(PALETTE) - 1, max(0, np.searchsorted(edges, shares[r], "right") - 1)))
        )
        pdf.set_fill_color(*rgb(PALETTE[k] if r is not None else "#dddddd"))
        pdf.polygon([xy(lon, lat) for lon, lat in ring], style="DF")
    if data.lat is not None and data.lon is not None:
        for i in range(data.n):
            if np.isnan(data.lat[i]) or np.isnan(data.lon[i]):
                continue
            cx, cy = xy(float(data.lon[i]), float(data.lat[i]))
            pdf.set_fill_color(*rgb(BAND_FILL[int(res.kita_class[i])]))
            pdf.circle(cx - 1.1, cy - 1.1, 1.1, style="DF")
    # legend
    pdf.set_font("DejaVu", size=7.5)
    ly = y0 + h + 2
    pdf.set_xy(x0, ly)
    pdf.cell(0, 4, "Anteil am Budget (Schritt 1):")
    for j, colour in enumerate(PALETTE):
        pdf.set_fill_color(*rgb(colour))
        pdf.rect(x0 + j * 26, ly + 5, 4, 3, style="DF")
        pdf.set_xy(x0 + 4.5 + j * 26, ly + 4.4)
        pdf.cell(21, 4, f"{num(edges[j], 1)}–{num(edges[j + 1], 1)} %")
    pdf.set_xy(x0, ly + 9)
    pdf.cell(0, 4, "Kitas: ")
    x = x0 + 10
    for c in (1, 0, -1):
        label = f"{CLASS_LABELS[c]} des Normbereichs"
        pdf.set_fill_color(*rgb(BAND_FILL[c]))
        pdf.circle(x, ly + 9.8, 1.1, style="DF")
        pdf.set_xy(x + 3, ly + 9)
        pdf.cell(pdf.get_string_width(label) + 2, 4, label)
        x += pdf.get_string_width(label) + 8
    pdf.set_font("DejaVu", size=10)


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
    pdf.multi_cell(w - label_w, 4, f"Gesamtindex jeder Kita. Grau: Normbereich {num(band.lower, 1)} bis "
                   f"{num(band.upper, 1)} (Mittelwert ± {num(band.k, 1)} SD), Linie: Mittelwert {num(band.mean, 1)}. "
                   "Schwarz: oberhalb, weiß: innerhalb, blau: unterhalb des Normbereichs.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    return pdf.get_y() + 3
