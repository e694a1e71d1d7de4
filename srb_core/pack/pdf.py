"""The committee pack as PDF (A4 landscape): map, chart, tables and the method in plain German.

Drawn with fpdf2's own primitives and the bundled DejaVu fonts, so it needs no browser, no
plotting library and no network, and umlauts and € print everywhere.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from fpdf import FPDF
from fpdf.fonts import FontFace

from ..fmt import num, pct
from ..index.normband import CLASS_LABELS
from ..money import format_eur
from .method import method_steps
from .tables import PackInput, comparison_frames, kita_frame, parameter_frame, sozialraum_frame

FONTS = Path(__file__).resolve().parent / "fonts"
PALETTE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # as on the app's map
BAND_FILL = {1: "#111111", 0: "#ffffff", -1: "#2c7fb8"}
SERIES = ["#7f7f7f", "#0b5394", "#e69138", "#6aa84f"]  # Beschluss, then up to three scenarios
HEAD = FontFace(emphasis="BOLD", fill_color="#dde6f0")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


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


def _draw_map(pdf: _Pdf, p: PackInput, x0: float, y0: float, w: float, h: float) -> None:
    o = p.outcome
    data, res = o.result.data, o.result
    rings = []  # (sozialraum, [(lon, lat), ...])
    for f in p.geojson["features"]:
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
        k = 2 if r is None or hi == lo else int(min(len(PALETTE) - 1, max(0, np.searchsorted(edges, shares[r], "right") - 1)))
        pdf.set_fill_color(*_rgb(PALETTE[k] if r is not None else "#dddddd"))
        pdf.polygon([xy(lon, lat) for lon, lat in ring], style="DF")
    if data.lat is not None and data.lon is not None:
        for i in range(data.n):
            if np.isnan(data.lat[i]) or np.isnan(data.lon[i]):
                continue
            cx, cy = xy(float(data.lon[i]), float(data.lat[i]))
            pdf.set_fill_color(*_rgb(BAND_FILL[int(res.kita_class[i])]))
            pdf.circle(cx - 1.1, cy - 1.1, 1.1, style="DF")
    # legend
    pdf.set_font("DejaVu", size=7.5)
    ly = y0 + h + 2
    pdf.set_xy(x0, ly)
    pdf.cell(0, 4, "Anteil am Budget (Schritt 1):")
    for j, colour in enumerate(PALETTE):
        pdf.set_fill_color(*_rgb(colour))
        pdf.rect(x0 + j * 26, ly + 5, 4, 3, style="DF")
        pdf.set_xy(x0 + 4.5 + j * 26, ly + 4.4)
        pdf.cell(21, 4, f"{num(edges[j], 1)}–{num(edges[j + 1], 1)} %")
    pdf.set_xy(x0, ly + 9)
    pdf.cell(0, 4, "Kitas: ")
    x = x0 + 10
    for c in (1, 0, -1):
        label = f"{CLASS_LABELS[c]} des Normbereichs"
        pdf.set_fill_color(*_rgb(BAND_FILL[c]))
        pdf.circle(x, ly + 9.8, 1.1, style="DF")
        pdf.set_xy(x + 3, ly + 9)
        pdf.cell(pdf.get_string_width(label) + 2, 4, label)
        x += pdf.get_string_width(label) + 8
    pdf.set_font("DejaVu", size=10)


def _draw_bars(pdf: _Pdf, p: PackInput, x0: float, y0: float, w: float) -> float:
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
            pdf.set_fill_color(*_rgb(SERIES[j % len(SERIES)]))
            length = (w - label_w - 20) * values[r] / top
            pdf.rect(x0 + label_w + 2, y + j * bar_h, length, bar_h - 0.4, style="F")
            pdf.set_xy(x0 + label_w + 3 + length, y + j * bar_h - 0.6)
            pdf.cell(16, bar_h, pct(values[r] / 100, 2))
        y += bar_h * len(series) + 1.6
    pdf.set_xy(x0, y + 1)
    for j, o in enumerate(p.outcomes):
        pdf.set_fill_color(*_rgb(SERIES[j % len(SERIES)]))
        pdf.rect(pdf.get_x(), y + 2, 3, 3, style="F")
        pdf.set_x(pdf.get_x() + 4)
        label = "Beschluss" if j == 0 else o.scenario.name
        pdf.cell(pdf.get_string_width(label) + 6, 4, label)
    pdf.set_font("DejaVu", size=10)
    return y + 7


def _draw_band(pdf: _Pdf, p: PackInput, x0: float, y0: float, w: float) -> float:
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
        pdf.set_fill_color(*_rgb(BAND_FILL[int(r.kita_class[i])]))
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


def _key_figures(pdf: _Pdf, p: PackInput, x0: float, y0: float) -> None:
    r = p.outcome.result
    lines = [("Gewichte", ", ".join(f"{name} {pct(e, 1)}" for name, e in zip(r.konzeption.sub_indices,
                                                                          r.effective_weights))),
             ("Normbereich", f"Mittelwert ± {num(r.params.k, 1)} SD = {num(r.kita_band.lower, 1)} bis "
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


def pack_pdf(p: PackInput) -> bytes:
    o = p.outcome
    s = o.scenario
    footer = (f"SRB-Monitor · Szenario „{s.name}“ · {p.generated} · Daten-Fingerabdruck {o.result.data.fingerprint[:16]}"
              + (" · synthetische Demo-Daten" if p.demo else "") + (" · anonymisiert" if p.anonymised else ""))
    pdf = _Pdf(f"Sozialraumbudget – {s.name}", footer)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", size=9)
    pdf.cell(0, 5, "Sozialraumbudget nach dem Kita-Zukunftsgesetz Rheinland-Pfalz · Unterlage für den Ausschuss",
             new_x="LMARGIN", new_y="NEXT")
    pdf.heading(f"Szenario: {s.name}", 18)
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(0, 4.6, f"Datensatz: {p.dataset_label} · Konzeption: {o.result.konzeption.name} · Stand: {p.generated}"
                   f"\nDaten-Fingerabdruck: {o.result.data.fingerprint}"
                   + (f"\nAutor/in: {s.author}" if s.author else "") + (f" · Notiz: {s.note}" if s.note else ""),
                   new_x="LMARGIN", new_y="NEXT")
    notes = []
    if p.demo:
        notes.append("Demo-Daten (synthetisch): Die Zahlen beschreiben keine echten Kitas.")
    if p.anonymised:
        notes.append("Anonymisiert: Kita-Namen sind durch neutrale Codes ersetzt.")
    if not o.fingerprint_matches:
        notes.append("Achtung: Das Szenario wurde mit anderen Daten gespeichert; die Zahlen sind mit den aktuellen Daten berechnet.")
    if notes:
        pdf.set_fill_color(255, 235, 205)
        pdf.set_font("DejaVu", "B", 9)
        pdf.multi_cell(0, 5, " ".join(notes), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=10)
    pdf.ln(2)
    top = pdf.get_y()
    if p.geojson is not None:
        _draw_map(pdf, p, pdf.l_margin, top, 125, 118)
    pdf.set_xy(150, top)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 5, "Anteile der Sozialräume (Schritt 1)", new_x="LEFT", new_y="NEXT")
    y = _draw_bars(pdf, p, 150, pdf.get_y() + 1, 135)
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
    _table(pdf, ["Angabe", "Wert"], parameter_frame(p).values.tolist(), (70, 190), align_right_from=2)

    if len(p.outcomes) > 1:
        pdf.add_page()
        pdf.heading("Vergleich mit dem Beschluss")
        comp_sr, comp_kitas, c = comparison_frames(p)
        header = ["Sozialraum"]
        for j, name in enumerate(c.names):
            tag = "Beschluss" if j == 0 else name
            header += [f"Anteil {tag}"] + ([f"Δ pp {tag}", f"Δ Euro {tag}", f"Δ VZÄ {tag}"] if j else [])
        rows = []
        for r in range(len(c.sozialraeume)):
            row = [c.sozialraeume["sozialraum"][r]]
            for j in range(c.n):
                row.append(pct(c.sozialraeume[f"share_{j}"][r], 2))
                if j:
                    dp, de = c.sozialraeume[f"delta_pp_{j}"][r], c.sozialraeume[f"delta_eur_{j}"][r]
                    df = c.sozialraeume[f"delta_fte_{j}"][r]
                    row += [_signed(dp, 2), _signed_eur(de), "–" if df != df else _signed(df, 2)]
            rows.append(row)
        _table(pdf, header, rows, size=7.5 if c.n > 2 else 8.5)
        pdf.heading("Kitas, deren Normbereich oder Förderfähigkeit sich ändert", 11)
        if comp_kitas.empty:
            pdf.cell(0, 5, "Keine.", new_x="LMARGIN", new_y="NEXT")
        else:
            _table(pdf, list(comp_kitas.columns), comp_kitas.values.tolist(), align_right_from=len(comp_kitas.columns))

    pdf.add_page()
    pdf.heading("Kitas im Normbereich")
    pdf.set_y(_draw_band(pdf, p, pdf.l_margin, pdf.get_y() + 1, 267))
    pdf.heading("Kitas")
    kitas = kita_frame(p)
    header = ["Kita", "Sozialraum", "Gesamtindex", "Normbereich", "Abstand untere Grenze"]
    has_plan = "Stellen (VZÄ)" in kitas
    if has_plan:
        header += ["Euro Schritt 2", "Stellen (VZÄ)"]
    rows = []
    for _, r in kitas.iterrows():
        row = [r["Kita"], r["Sozialraum"], num(r["Gesamtindex"], 1), r["Normbereich"], _signed(r["Abstand untere Grenze"], 1)]
        if has_plan:
            row += [format_eur(int(round(r["Euro Schritt 2"] * 100))), num(r["Stellen (VZÄ)"], 2)]
        rows.append(row)
    _table(pdf, header, rows, (70, 60, 25, 28, 30, 35, 25) if has_plan else None, align_right_from=2)
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(0, 4, "Förderstränge je Kita mit Begründung, der Rechenweg jeder Kita (Rohwerte und Standardwerte) "
                   "und alle Zahlen ungerundet stehen in der Excel-Mappe desselben Exports.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _signed(value: float, digits: int) -> str:
    """As on screen: +1,2 / −1,2 (typographic minus) / 0,0."""
    if round(value, digits) == 0:
        return num(0.0, digits)
    return ("+" if value > 0 else "−") + num(abs(value), digits)


def _signed_eur(value: float) -> str:
    cents = int(round(value * 100))
    return ("+" if cents > 0 else "−" if cents < 0 else "") + format_eur(abs(cents))
