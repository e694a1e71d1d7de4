"""Altair charts: the Kitas against the norm band, and a Sozialraum's sub-index profile."""
from __future__ import annotations

import altair as alt
import pandas as pd

from srb_core import Result
from srb_core.index.normband import BandClass
from srb_core.privacy import display_names

from . import state
from . import texts as T

BAND_DOMAIN = [c.label for c in BandClass]
BAND_RANGE = ["#111111", "#ffffff", "#2c7fb8"]


AGGREGATE_ABOVE = 300  # Kitas: beyond this, one box per Sozialraum and only the Kitas of interest as points
BAND_SHAPES = ["triangle-up", "circle", "triangle-down"]  # classes by shape as well as colour


def _axis_config(chart, size: int):
    """Every label shown in full, black, at a size that scales with the mode."""
    axis = chart.configure_axis(labelFontSize=size, titleFontSize=size, labelColor="#000000", titleColor="#000000",
                                labelLimit=0, labelOverlap=False, tickColor="#000000", domainColor="#000000")
    return axis.configure_legend(
        labelFontSize=size, titleFontSize=size, labelColor="#000000", titleColor="#000000", labelLimit=0,
        symbolStrokeColor="#111111", symbolStrokeWidth=1.5, symbolSize=size * 12).configure_view(stroke=None)


def norm_band_chart(res: Result, anonymised: bool, projector: bool, highlight: str | None = None,
                    base: Result | None = None) -> alt.LayerChart:
    """One row per Sozialraum, a mark per Kita (shape and colour = class); the grey band is the Kitas' norm band.
    With more than AGGREGATE_ABOVE Kitas each row is a box (quartiles, median, range) and only the Kitas whose
    class differs from `base` are drawn as points, so the chart stays readable at 2,600 Kitas."""
    data = res.data
    frame = pd.DataFrame({
        T.COL_KITA: display_names(data, anonymised, state.pseudonym_key()),
        T.COL_SOZIALRAUM: [data.sozialraum_names[c] for c in data.sozialraum],
        T.COL_OVERALL: res.kita_overall.round(1),
        T.COL_BAND: [BandClass.of(c).label for c in res.kita_class],
    })
    # Compared in Python, so a Sozialraum's name never becomes part of a Vega expression.
    frame["hervorgehoben"] = frame[T.COL_SOZIALRAUM] == highlight
    band = res.kita_band
    size = 18 if projector else 13
    order = list(data.sozialraum_names)
    x = alt.X(f"{T.COL_OVERALL}:Q", scale=alt.Scale(domain=[0, 100]), title=f"{T.COL_OVERALL} (Punkte)")
    y = alt.Y(f"{T.COL_SOZIALRAUM}:N", sort=order, title=None)
    rect = alt.Chart(pd.DataFrame({"a": [band.lower], "b": [band.upper]})).mark_rect(color="#d9d9d9").encode(
        x="a:Q", x2="b:Q")
    mean = alt.Chart(pd.DataFrame({"m": [band.mean]})).mark_rule(color="#555555", strokeWidth=2,
                                                                  strokeDash=[6, 4]).encode(x="m:Q")
    layers = [rect, mean]
    points = frame
    if data.n > AGGREGATE_ABOVE:
        layers.append(alt.Chart(frame).mark_boxplot(extent="min-max", color="#9e9e9e", size=size,
                                                    median={"color": "#000000"}).encode(x=x, y=y))
        moved = (res.kita_class != base.kita_class) if base is not None else res.kita_class != 0
        points = frame[moved]
    dots = alt.Chart(points).mark_point(filled=True, size=size * 12, stroke="#111111", strokeWidth=1.5,
                                        opacity=1).encode(
        x=x, y=y,
        fill=alt.Fill(f"{T.COL_BAND}:N", scale=alt.Scale(domain=BAND_DOMAIN, range=BAND_RANGE),
                      legend=alt.Legend(title=T.COL_BAND, orient="bottom")),
        shape=alt.Shape(f"{T.COL_BAND}:N", scale=alt.Scale(domain=BAND_DOMAIN, range=BAND_SHAPES),
                        legend=alt.Legend(title=T.COL_BAND, orient="bottom")),
        tooltip=[T.COL_KITA, T.COL_SOZIALRAUM, alt.Tooltip(f"{T.COL_OVERALL}:Q", format=".1f"), T.COL_BAND],
    )
    if highlight:
        dots = dots.encode(opacity=alt.condition(alt.datum.hervorgehoben, alt.value(1), alt.value(0.25)))
    layers.append(dots)
    chart = alt.layer(*layers).properties(height=max(220, (size + 24) * len(order) + 110))
    return _axis_config(chart, size)


def profile_chart(names: list[str], area_values: list[float], average: list[float], area: str,
                  projector: bool) -> alt.Chart:
    frame = pd.DataFrame({
        "Teilindex": names * 2,
        "Wert": [round(v, 1) for v in area_values] + [round(v, 1) for v in average],
        "Reihe": [area] * len(names) + [T.SR_PROFILE_AVG] * len(names),
    })
    size = 18 if projector else 13
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("Teilindex:N", sort=names, title=None),
        x=alt.X("Wert:Q", scale=alt.Scale(domain=[0, 100]), title="Punkte (0–100)"),
        yOffset=alt.YOffset("Reihe:N", sort=[area, T.SR_PROFILE_AVG]),
        color=alt.Color("Reihe:N", sort=[area, T.SR_PROFILE_AVG], scale=alt.Scale(range=["#b30000", "#9e9e9e"]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["Reihe", "Teilindex", alt.Tooltip("Wert:Q", format=".1f")],
    ).properties(height=70 * len(names) + 40)
    return _axis_config(chart, size)
