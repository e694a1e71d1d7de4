"""Labelled maps for the PDF: shares of one scenario, and its difference to the Beschluss on a fixed,
symmetric scale (the same for every scenario of the pack, so colours compare across pages)."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from fpdf import FPDF

from ..fmt import num, signed
from .layout import wrap

SHARES = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # as on the app's map
BLUES = ["#2166ac", "#67a9cf", "#d1e5f0"]  # strong → light: less than the Beschluss
REDS = ["#fddbc7", "#ef8a62", "#b2182b"]  # light → strong: more than the Beschluss
UNCHANGED = 0.005  # Prozentpunkte: a change that rounds to ±0,00 is white
NICE = (0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """'#rrggbb' → (r, g, b) as integers 0–255."""
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def diff_limit(deltas: Sequence[np.ndarray]) -> float:
    """The scale's end: the smallest "nice" number ≥ the largest |Δ| of all scenarios (at least 0,1)."""
    top = max((float(np.max(np.abs(d))) for d in deltas if len(d)), default=0.0)
    return next((n for n in NICE if n >= top - 1e-12), math.ceil(top))


def diff_class(delta: float, limit: float) -> int:
    """−3 … +3: sign of the change and which third of the scale [0, limit] its size falls in; 0 = unchanged."""
    if abs(delta) < UNCHANGED:
        return 0
    third = min(3, max(1, math.ceil(abs(delta) / limit * 3 - 1e-9)))
    return third if delta > 0 else -third


def diff_colour(cls: int) -> str:
    """Colour of a change class: 0 white, +1…+4 reds, −1…−4 blues."""
    return "#ffffff" if cls == 0 else REDS[cls - 1] if cls > 0 else BLUES[3 + cls]


@dataclass(frozen=True)
class Shape:
    """One Sozialraum's outer rings as (lon, lat) points."""

    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]


def shapes(geojson: dict) -> list[Shape]:
    """The outer rings of each Sozialraum's (multi)polygons from GeoJSON, grouped by property 'sozialraum'."""
    out: dict[str, list] = {}
    for f in geojson.get("features", []):
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        out.setdefault(str(f["properties"].get("sozialraum")), []).extend(
            tuple((float(x), float(y)) for x, y, *_ in poly[0]) for poly in polys)
    return [Shape(name, tuple(rings)) for name, rings in out.items()]


def _centroid(ring: tuple[tuple[float, float], ...]) -> tuple[float, float, float]:
    """(x, y, |area|) of a polygon ring by the shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-15:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys), 0.0
    return cx / (3 * a), cy / (3 * a), abs(a) / 2


def draw_labelled_map(pdf: FPDF, geo: list[Shape], colour: Callable[[str], str], label: Callable[[str], str],
                      x0: float, y0: float, w: float, h: float) -> None:
    """Every Sozialraum filled with colour(name) and labelled with its name and label(name), inside the box."""
    pts = [p for s in geo for ring in s.rings for p in ring]
    lon0, lon1 = min(p[0] for p in pts), max(p[0] for p in pts)
    lat0, lat1 = min(p[1] for p in pts), max(p[1] for p in pts)
    kx = math.cos(math.radians((lat0 + lat1) / 2))  # keeps shapes in proportion at this latitude
    scale = min(w / ((lon1 - lon0) * kx or 1), h / ((lat1 - lat0) or 1))
    ox = x0 + (w - (lon1 - lon0) * kx * scale) / 2
    oy = y0 + (h - (lat1 - lat0) * scale) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon - lon0) * kx * scale, oy + (lat1 - lat) * scale

    pdf.set_draw_color(60, 60, 60)
    pdf.set_line_width(0.3)
    for s in geo:
        pdf.set_fill_color(*rgb(colour(s.name)))
        for ring in s.rings:
            pdf.polygon([xy(lon, lat) for lon, lat in ring], style="DF")
    pdf.set_font("DejaVu", "B", 6.5)
    for s in geo:
        cx, cy, _ = max((_centroid(r) for r in s.rings), key=lambda c: c[2])
        x, y = xy(cx, cy)
        lines = wrap(pdf, s.name, 30) + [label(s.name)]
        bw = max(pdf.get_string_width(t) for t in lines) + 2
        bh = len(lines) * 2.9 + 0.8
        bx = min(max(x - bw / 2, x0), x0 + w - bw)  # labels stay inside the map box
        by = min(max(y - bh / 2, y0), y0 + h - bh)
        with pdf.local_context(fill_opacity=0.78):
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(bx, by, bw, bh, style="F")
        for k, text in enumerate(lines):
            pdf.set_font("DejaVu", "B" if k < len(lines) - 1 else "", 6.5)
            pdf.set_xy(bx, by + 0.4 + k * 2.9)
            pdf.cell(bw, 2.9, text, align="C")
    pdf.set_font("DejaVu", "", 9.5)


def share_colour(shares_pct: dict[str, float], lo: float, hi: float) -> Callable[[str], str]:
    """Five equal classes between the smallest and largest share of all outcomes of the pack."""
    edges = np.linspace(lo, hi, len(SHARES) + 1)

    def colour(name: str) -> str:
        if name not in shares_pct:
            return "#dddddd"
        if hi == lo:
            return SHARES[2]
        k = int(np.searchsorted(edges, shares_pct[name], "right") - 1)
        return SHARES[min(len(SHARES) - 1, max(0, k))]
    return colour


def share_legend(pdf: FPDF, lo: float, hi: float, x0: float, y0: float) -> float:
    """Draw the legend of the share map (equal steps from lo to hi); returns the y below it."""
    edges = np.linspace(lo, hi, len(SHARES) + 1)
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_xy(x0, y0)
    pdf.cell(0, 4, "Anteil am Budget (Schritt 1), in Prozent:")
    x = x0
    for j, c in enumerate(SHARES):
        text = f"{num(edges[j], 1)} bis {num(edges[j + 1], 1)}"
        pdf.set_fill_color(*rgb(c))
        pdf.rect(x, y0 + 5, 4, 3, style="DF")
        pdf.set_xy(x + 4.8, y0 + 4.5)
        pdf.cell(pdf.get_string_width(text) + 1, 4, text)
        x += pdf.get_string_width(text) + 9
    return y0 + 10


def diff_legend(pdf: FPDF, limit: float, x0: float, y0: float) -> float:
    """Seven swatches from −limit to +limit with their bounds; 0 = white."""
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_xy(x0, y0)
    pdf.cell(0, 4, "Veränderung des Anteils gegenüber dem Beschluss, in Prozentpunkten (feste Skala):")
    t = limit / 3
    labels = [f"{signed(-3 * t, 2)} bis {signed(-2 * t, 2)}", f"{signed(-2 * t, 2)} bis {signed(-t, 2)}",
              f"{signed(-t, 2)} bis 0", "±0", f"0 bis {signed(t, 2)}", f"{signed(t, 2)} bis {signed(2 * t, 2)}",
              f"{signed(2 * t, 2)} bis {signed(3 * t, 2)}"]
    x, y = x0, y0 + 5
    for cls, text in zip(range(-3, 4), labels, strict=True):
        width = pdf.get_string_width(text) + 7
        if x + width > x0 + 125:
            x, y = x0, y + 4.5
        pdf.set_fill_color(*rgb(diff_colour(cls)))
        pdf.rect(x, y + 0.5, 4, 3, style="DF")
        pdf.set_xy(x + 4.8, y)
        pdf.cell(width - 5, 4, text)
        x += width + 2
    return y + 6
