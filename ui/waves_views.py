"""Page 'Entwicklung': tables, charts and the change map of a wave comparison (formatting only)."""
from __future__ import annotations

import copy

import altair as alt
import folium
import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from srb_core.fmt import eur_change, num, pct, points_change
from srb_core.index.normband import BandClass
from srb_core.waves import WaveComparison

from . import state
from . import texts as T
from .cache import Dataset
from .escape import html as esc
from .map import BLUES, REDS, base_map, delta_colours
from .views import eur, pp, signed

__all__ = ["signed"]  # pages format sums with it

CLASS_ORDER = [c.key for c in BandClass]


def table(frame: pd.DataFrame) -> None:
    """Every static table of the pages 'Entwicklung' and 'Berichte' goes through here, so the escaping of
    names for st.table's Markdown cells is applied in one place (ui/escape.md_table once merged)."""
    st.table(frame)


def kita_labels(cmp: WaveComparison, anonymised: bool, current=None) -> list[str]:
    """Names, or neutral codes: the codes of the current dataset (as on every other page), and further
    numbers for Kitas that are only in other waves (by Sozialraum and kita_id)."""
    if not anonymised:
        return list(cmp.names)
    codes = dict(state.codes(current)) if current is not None else {}
    others = sorted((i for i, k in enumerate(cmp.kita_ids) if k not in codes),
                    key=lambda i: (cmp.kita_sozialraum[i], cmp.kita_ids[i]))
    width = max(2, len(str(len(cmp.kita_ids))))
    for rank, i in enumerate(others, start=len(codes) + 1):
        codes[cmp.kita_ids[i]] = f"Kita {rank:0{width}d}"
    return [codes[k] for k in cmp.kita_ids]


def _size(projector: bool) -> int:
    return 18 if projector else 13


def slope_chart(cmp: WaveComparison, rows: list[int], names: list[str], values: np.ndarray,
                projector: bool) -> alt.Chart:
    """One line per unit over the waves; values (units × waves) on pooled bounds, NaN where absent."""
    frame = pd.DataFrame([
        {T.EW_WAVE: label, "Name": names[r], "Wert": round(float(values[r, w]), 1)}
        for r in rows for w, label in enumerate(cmp.labels) if not np.isnan(values[r, w])
    ])
    size = _size(projector)
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=size * 6)).encode(
        x=alt.X(f"{T.EW_WAVE}:N", sort=list(cmp.labels), title=None,
                axis=alt.Axis(labelAngle=0, labelLimit=400, labelOverlap=False)),
        y=alt.Y("Wert:Q", title=T.EW_AXIS, scale=alt.Scale(zero=False)),
        # on a projector the legend goes below the chart, so the lines keep the width
        color=alt.Color("Name:N", title=None, legend=alt.Legend(orient="bottom" if projector else "right",
                                                                labelLimit=400, columns=2 if projector else 1)),
        tooltip=["Name", T.EW_WAVE, alt.Tooltip("Wert:Q", format=".1f")],
    ).properties(height=420 if projector else 360).configure_axis(labelFontSize=size, titleFontSize=size) \
        .configure_legend(labelFontSize=size)


def waterfall_chart(start_label: str, start: float, parts: list[tuple[str, float]], end_label: str,
                    projector: bool) -> alt.Chart:
    """Bars from the first value through each contribution to the last; red = more need, blue = less.

    The axis shows only the range the steps pass through (the value bars start at its left edge), so
    contributions of a tenth of a point stay visible next to a value of 40 points."""
    levels = np.cumsum([start] + [v for _, v in parts])
    pad = max(0.5, 0.08 * float(levels.max() - levels.min()))
    lo, hi = float(levels.min()) - pad, float(levels.max()) + pad
    rows, level = [{"Schritt": start_label, "von": lo, "bis": start, "Art": "Wert", "Text": num(start, 1)}], start
    for label, value in parts:
        rows.append({"Schritt": label, "von": level, "bis": level + value,
                     "Art": "mehr" if value > 0 else "weniger", "Text": signed(value, 2, "")})
        level += value
    rows.append({"Schritt": end_label, "von": lo, "bis": level, "Art": "Wert", "Text": num(level, 1)})
    frame = pd.DataFrame(rows)
    size = _size(projector)
    order = list(frame["Schritt"])
    x = alt.X("von:Q", title="Punkte (gemeinsame Grenzen)", scale=alt.Scale(domain=[lo, hi], zero=False, nice=False),
              axis=alt.Axis(labelExpr="replace(datum.label, '.', ',')"))
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("Schritt:N", sort=order, title=None, axis=alt.Axis(labelLimit=520)),
        x=x, x2="bis:Q",
        color=alt.Color("Art:N", scale=alt.Scale(domain=["Wert", "mehr", "weniger"],
                                                 range=["#7f7f7f", "#b2182b", "#2166ac"]), legend=None),
        tooltip=["Schritt", "Text"],
    )
    text = alt.Chart(frame).mark_text(align="left", dx=4, fontSize=size).encode(
        y=alt.Y("Schritt:N", sort=order), x=alt.X("max_x:Q", scale=alt.Scale(domain=[lo, hi], zero=False)),
        text="Text:N",
    ).transform_calculate(max_x="max(datum.von, datum.bis)")
    return (bars + text).properties(height=(34 if projector else 26) * len(order) + 50).configure_axis(
        labelFontSize=size, titleFontSize=size)


def change_table(cmp: WaveComparison, a: int, b: int) -> pd.DataFrame:
    change, _ = cmp.sr_change(a, b)
    la, lb = cmp.labels[a], cmp.labels[b]
    return pd.DataFrame({
        T.COL_SOZIALRAUM: list(cmp.sozialraum_names),
        f"{T.EW_OVERALL} {la}": [_n(v) for v in cmp.sr_overall[:, a]],
        f"{T.EW_OVERALL} {lb}": [_n(v) for v in cmp.sr_overall[:, b]],
        "Δ": ["–" if np.isnan(v) else signed(v, 1, "") for v in change],
    }).set_index(T.COL_SOZIALRAUM)


def _n(v: float) -> str:
    return "–" if np.isnan(v) else num(v, 1)


def shares_table(cmp: WaveComparison, a: int, b: int) -> pd.DataFrame:
    la, lb = cmp.labels[a], cmp.labels[b]
    table = pd.DataFrame({
        T.COL_SOZIALRAUM: list(cmp.sozialraum_names),
        f"{T.COL_SHARE} {la}": ["–" if np.isnan(v) else pct(v, 2) for v in cmp.shares[:, a]],
        f"{T.COL_SHARE} {lb}": ["–" if np.isnan(v) else pct(v, 2) for v in cmp.shares[:, b]],
        T.COL_DELTA_PP: [pp(v * 100) if not np.isnan(v) else "–"
                         for v in cmp.shares[:, b] - cmp.shares[:, a]],
    })
    if cmp.euros_cents is not None:
        ea, eb = cmp.euros_cents[:, a], cmp.euros_cents[:, b]
        table[f"Euro {la}"] = ["–" if np.isnan(v) else eur(int(v)) for v in ea]
        table[f"Euro {lb}"] = ["–" if np.isnan(v) else eur(int(v)) for v in eb]
        table[T.COL_DELTA_EUR] = ["–" if np.isnan(v) else eur_change(int(v)) for v in eb - ea]
    return table.set_index(T.COL_SOZIALRAUM)


def transitions_table(cmp: WaveComparison, a: int, b: int, labels: list[str]) -> pd.DataFrame:
    row = {k: i for i, k in enumerate(cmp.kita_ids)}
    return pd.DataFrame([{T.COL_KITA: labels[row[k]], T.COL_SOZIALRAUM: cmp.kita_sozialraum[row[k]],
                          T.EW_FROM_CLASS: T.BAND_LABELS[x], T.EW_TO_CLASS: T.BAND_LABELS[y]}
                         for k, x, y in cmp.transitions(a, b)])


def crosstab(cmp: WaveComparison, a: int, b: int) -> pd.DataFrame:
    m = cmp.transition_matrix(a, b)
    names = [T.BAND_LABELS[c] for c in CLASS_ORDER]
    frame = pd.DataFrame(m, index=[f"{T.EW_BEFORE}: {n}" for n in names], columns=names)  # caption names the waves
    return frame.astype(str)


def bounds_table(cmp: WaveComparison) -> pd.DataFrame:
    konz = cmp.konzeption
    return pd.DataFrame({
        T.EW_COL_VAR: [v.title for v in konz.variables],
        T.EW_COL_SUB: [v.index for v in konz.variables],
        T.EW_COL_LOWER: [_n(lo if v.more_is_need else hi) for v, lo, hi in
                         zip(konz.variables, cmp.lower, cmp.upper, strict=True)],
        T.EW_COL_UPPER: [_n(hi if v.more_is_need else lo) for v, lo, hi in
                         zip(konz.variables, cmp.lower, cmp.upper, strict=True)],
    })


def why_table(cmp: WaveComparison, values_a: np.ndarray | None, values_b: np.ndarray | None,
              contrib: np.ndarray, a: int, b: int) -> pd.DataFrame:
    """Per variable: the answers (Kitas only), and the contribution, largest first."""
    konz = cmp.konzeption
    la, lb = cmp.labels[a], cmp.labels[b]
    frame = pd.DataFrame({T.EW_COL_VAR: [v.title for v in konz.variables],
                          T.EW_COL_SUB: [v.index for v in konz.variables]})
    if values_a is not None and values_b is not None:
        frame[T.EW_COL_RAW_A.format(a=la)] = [_n(v) if not np.isnan(v) else "keine Angabe" for v in values_a]
        frame[T.EW_COL_RAW_B.format(b=lb)] = [_n(v) if not np.isnan(v) else "keine Angabe" for v in values_b]
    frame[T.EW_COL_CONTRIB] = [signed(v, 2, "") for v in contrib]
    order = np.argsort(-np.abs(contrib), kind="stable")
    return frame.iloc[order]


def change_map(ds: Dataset, cmp: WaveComparison, a: int, b: int, height: int) -> None:
    change, _ = cmp.sr_change(a, b)
    values = dict(zip(cmp.sozialraum_names, change, strict=True))
    present = np.array([v for v in change if not np.isnan(v)])
    colours = dict(zip([n for n, v in values.items() if not np.isnan(v)], delta_colours(present), strict=True))
    geojson = copy.deepcopy(ds.geo.geojson)
    for feature in geojson["features"]:
        name = feature["properties"]["sozialraum"]
        v = values.get(name, np.nan)
        # Only escaped text goes into the page: folium writes the properties into an inline script, where a
        # raw "</script>" in a name would end it. Leaflet tooltips are HTML, so the name is HTML-escaped.
        feature["properties"] = {"wert": "–" if np.isnan(v) else points_change(float(v)) + " Punkte",
                                 "farbe": colours.get(name, "#dddddd"), "name_html": esc(name)}
    group = folium.FeatureGroup(name="Entwicklung")
    folium.GeoJson(
        geojson,
        style_function=lambda f: {"fillColor": f["properties"]["farbe"], "color": "#222222", "weight": 2,
                                  "fillOpacity": 0.9},
        tooltip=folium.GeoJsonTooltip(fields=["name_html", "wert"], aliases=[T.COL_SOZIALRAUM, T.EW_MAP_LEGEND],
                                      sticky=True),
    ).add_to(group)
    st_folium(base_map(ds), key=f"ew_map_{ds.key}", feature_group_to_add=group, returned_objects=[], height=height,
              use_container_width=True)
    top = float(np.max(np.abs(present))) if present.size else 0.0
    swatches = "".join(f'<span class="srb-swatch" style="background:{c}"></span>'
                       for c in [*BLUES[::-1], "#ffffff", *REDS])
    top_text = esc((points_change(top) + " Punkte").lstrip("+"))
    st.html(f'<div class="srb-legend"><b>{T.EW_MAP_LEGEND}</b><br>weniger {swatches} mehr<br>'
            f'{T.EW_MAP_NOTE.format(top=top_text)}</div>')


def class_name(value: float) -> str:
    return "–" if np.isnan(value) else BandClass.of(value).label


def rechenweg_change(ds: Dataset, kita_id: str) -> None:
    """Rechenweg, last step: the Kita's change from the first to the last wave, split into its variables."""
    from . import cache, state  # the page module imports this one; keep the cycle out of import time

    options, _ = cache.wave_options(ds)
    if len(options) < 2:
        return
    cmp = cache.waves(ds, options, state.run_params(ds.konzeption))
    if kita_id not in cmp.kita_ids:
        return
    i = cmp.kita_ids.index(kita_id)
    change, contrib = cmp.kita_change()
    st.subheader(T.RW_CHANGE.format(a=cmp.labels[0], b=cmp.labels[-1]))
    if np.isnan(change[i]):
        st.caption(T.EW_WHY_ABSENT)
        return
    st.caption(T.EW_WHY_NOTE + " " + T.RW_CHANGE_NOTE)
    order = np.argsort(-np.abs(contrib[i]), kind="stable")
    terms = " ".join(signed(float(contrib[i][j]), 2, "") for j in order)
    st.markdown(f"{num(float(cmp.kita_overall[i, -1]), 2)} − {num(float(cmp.kita_overall[i, 0]), 2)} = "
                f"{terms} = **{signed(float(change[i]), 2, '')}**")
    table(why_table(cmp, None, None, contrib[i], 0, len(cmp.labels) - 1).set_index(T.EW_COL_VAR))
