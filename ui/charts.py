"""Altair charts: the Kitas against the norm band, and a Sozialraum's sub-index profile."""
from __future__ import annotations

import altair as alt
import pandas as pd

from srb_core import Result
from srb_core.privacy import display_names

from . import state
from . import texts as T

BAND_DOMAIN = [T.BAND_LABELS["above"], T.BAND_LABELS["within"], T.BAND_LABELS["below"]]
BAND_RANGE = ["#111111", "#ffffff", "#2c7fb8"]


def norm_band_chart(res: Result, anonymised: bool, projector: bool, highlight: str | None = None) -> alt.LayerChart:
    """One row per Sozialraum, a dot per Kita; the grey band is the Kitas' norm band."""
    data = res.data
    frame = pd.DataFrame({
        T.COL_KITA: display_names(data, anonymised, state.pseudonym_key()),
        T.COL_SOZIALRAUM: [data.sozialraum_names[c] for c in data.sozialraum],
        T.COL_OVERALL: res.kita_overall.round(1),
        T.COL_BAND: [T.BAND_LABELS[{1: "above", 0: "within", -1: "below"}[int(c)]] for c in res.kita_class],
    })
    # Compared in Python, so a Sozialraum's name never becomes part of a Vega expression.
    frame["hervorgehoben"] = frame[T.COL_SOZIALRAUM] == highlight
    band = res.kita_band
    size = 18 if projector else 13
    order = list(data.sozialraum_names)
    x = alt.X(f"{T.COL_OVERALL}:Q", scale=alt.Scale(domain=[0, 100]), title=f"{T.COL_OVERALL} (Punkte)")
    rect = alt.Chart(pd.DataFrame({"a": [band.lower], "b": [band.upper]})).mark_rect(color="#d9d9d9").encode(
        x="a:Q", x2="b:Q")
    mean = alt.Chart(pd.DataFrame({"m": [band.mean]})).mark_rule(color="#555555", strokeWidth=2,
                                                                  strokeDash=[6, 4]).encode(x="m:Q")
    dots = alt.Chart(frame).mark_point(filled=True, size=size * 12, stroke="#111111", strokeWidth=1.5,
                                       opacity=1).encode(
        x=x,
        y=alt.Y(f"{T.COL_SOZIALRAUM}:N", sort=order, title=None),
        fill=alt.Fill(f"{T.COL_BAND}:N", scale=alt.Scale(domain=BAND_DOMAIN, range=BAND_RANGE),
                      legend=alt.Legend(title=T.COL_BAND, orient="bottom")),
        tooltip=[T.COL_KITA, T.COL_SOZIALRAUM, alt.Tooltip(f"{T.COL_OVERALL}:Q", format=".1f"), T.COL_BAND],
    )
    if highlight:
        dots = dots.encode(opacity=alt.condition(alt.datum.hervorgehoben, alt.value(1), alt.value(0.25)))
    chart = (rect + mean + dots).properties(height=max(220, 34 * len(order) + 60))
    return chart.configure_axis(labelFontSize=size, titleFontSize=size).configure_legend(
        labelFontSize=size, titleFontSize=size)


def profile_chart(names: list[str], area_values: list[float], average: list[float], area: str,
                  projector: bool) -> alt.Chart:
    frame = pd.DataFrame({
        "Teilindex": names * 2,
        "Wert": [round(v, 1) for v in area_values] + [round(v, 1) for v in average],
        "Reihe": [area] * len(names) + [T.SR_PROFILE_AVG] * len(names),
    })
    size = 18 if projector else 13
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y("Teilindex:N", sort=names, title=None),
        x=alt.X("Wert:Q", scale=alt.Scale(domain=[0, 100]), title="Punkte (0–100)"),
        yOffset=alt.YOffset("Reihe:N", sort=[area, T.SR_PROFILE_AVG]),
        color=alt.Color("Reihe:N", sort=[area, T.SR_PROFILE_AVG], scale=alt.Scale(range=["#b30000", "#9e9e9e"]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["Reihe", "Teilindex", alt.Tooltip("Wert:Q", format=".1f")],
    ).properties(height=70 * len(names) + 40).configure_axis(labelFontSize=size, titleFontSize=size).configure_legend(
        labelFontSize=size)
