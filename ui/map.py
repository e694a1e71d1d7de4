"""The Sozialraum map: a static base map (no tiles, local Leaflet) plus one layer that changes.

Only the layer is sent again when a slider moves: streamlit-folium keeps the mounted base map as
long as its script is identical, and swaps `feature_group_to_add` in place.
"""
from __future__ import annotations

import copy

import folium
import numpy as np
import streamlit as st
from streamlit_folium import st_folium

from srb_core import Result
from srb_core.fmt import num
from srb_core.money import format_eur
from srb_core.privacy import display_names

from . import texts as T
from .cache import Dataset
from .views import signed

# ColorBrewer OrRd, 5 classes: readable on a projector and in greyscale print.
PALETTE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]
BAND_COLOURS = {1: "#111111", 0: "#ffffff", -1: "#2c7fb8"}  # above: black, within: white, below: blue
BAND_TEXT = {1: T.BAND_LABELS["above"], 0: T.BAND_LABELS["within"], -1: T.BAND_LABELS["below"]}


def _static(path: str) -> str:
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix + '/' if prefix else ''}app/static/{path}"


class LocalMap(folium.Map):
    """folium.Map whose only assets are Leaflet's own files, served by this app (no CDN).

    folium's defaults load jQuery, Bootstrap and Font Awesome from CDNs; none is needed for
    polygons, circle markers and tooltips.
    """

    default_js = [("leaflet", _static("leaflet/leaflet.js"))]
    default_css = [("leaflet_css", _static("leaflet/leaflet.css"))]


def measures(ds: Dataset) -> dict[str, str]:
    """key → label of what the map can be coloured by."""
    options = {"overall": T.MEASURE_OVERALL}
    options.update({f"sub{j}": name for j, name in enumerate(ds.konzeption.sub_indices)})
    options["share"] = T.MEASURE_SHARE
    options["euros"] = T.MEASURE_EUROS
    return options


def measure_values(res: Result, measure: str) -> tuple[np.ndarray, list[str]]:
    """Values per Sozialraum for colouring, and their German display text."""
    if measure == "overall":
        values = res.sr_overall
        return values, [num(v, 1) + " Punkte" for v in values]
    if measure.startswith("sub"):
        values = res.sr_sub[:, int(measure[3:])]
        return values, [num(v, 1) + " Punkte" for v in values]
    if measure == "euros" and res.euros_cents is not None:
        return res.euros_cents / 100, [format_eur(int(c)) for c in res.euros_cents]
    return res.shares * 100, [num(v * 100, 2) + " %" for v in res.shares]


def classes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Five equal-width classes between the smallest and largest value; returns (class, edges)."""
    lo, hi = float(np.min(values)), float(np.max(values))
    edges = np.linspace(lo, hi, len(PALETTE) + 1) if hi > lo else np.array([lo] * (len(PALETTE) + 1))
    idx = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(PALETTE) - 1) if hi > lo else \
        np.full(len(values), len(PALETTE) // 2)
    return idx, edges


def base_map(ds: Dataset) -> LocalMap:
    lon0, lat0, lon1, lat1 = ds.geo.bounds
    m = LocalMap(location=[(lat0 + lat1) / 2, (lon0 + lon1) / 2], tiles=None, zoom_control=True,
                 control_scale=True, zoom_snap=0.25,
                 zoom_animation=False, fade_animation=False)
    m.fit_bounds([[lat0, lon0], [lat1, lon1]], padding=(8, 8))
    return m


def layer(ds: Dataset, res: Result, measure: str, anonymised: bool, projector: bool) -> folium.FeatureGroup:
    values, texts = measure_values(res, measure)
    idx, _ = classes(values)
    label = measures(ds)[measure]
    geojson = _coloured(ds, res, [PALETTE[k] for k in idx], texts)
    group = folium.FeatureGroup(name="Sozialräume")
    folium.GeoJson(
        geojson,
        style_function=lambda f: {"fillColor": f["properties"]["farbe"], "color": "#222222",
                                  "weight": 3 if projector else 2, "fillOpacity": 0.85},
        highlight_function=lambda f: {"weight": 5, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["sozialraum", "wert"], aliases=[T.COL_SOZIALRAUM, label],
                                      sticky=True),
    ).add_to(group)
    data = res.data
    if data.lat is not None and data.lon is not None:
        names = display_names(data, anonymised)
        radius = 9 if projector else 7
        for i in range(data.n):
            if np.isnan(data.lat[i]) or np.isnan(data.lon[i]):
                continue
            c = int(res.kita_class[i])
            folium.CircleMarker(
                location=[float(data.lat[i]), float(data.lon[i])], radius=radius, color="#111111", weight=2,
                fill=True, fill_color=BAND_COLOURS[c], fill_opacity=1.0,
                tooltip=f"{names[i]} · {T.COL_OVERALL} {num(res.kita_overall[i], 1)} · {BAND_TEXT[c]}",
            ).add_to(group)
    return group


def show(ds: Dataset, res: Result, measure: str, anonymised: bool, projector: bool, height: int) -> None:
    st_folium(base_map(ds), key=f"map_{ds.key}", feature_group_to_add=layer(ds, res, measure, anonymised, projector),
              returned_objects=[], height=height, use_container_width=True)


def legend_html(res: Result, measure: str, label: str) -> str:
    values, _ = measure_values(res, measure)
    _, edges = classes(values)
    unit_eur = measure == "euros"
    unit_pct = measure == "share"

    def fmt(v: float) -> str:
        return (
            format_eur(int(round(v * 100))) if unit_eur else num(v, 2 if unit_pct else 1) + (" %" if unit_pct else "")
        )

    rows = [f"<b>{label}</b>"]
    for j, colour in enumerate(PALETTE):
        rows.append(
            f'<span class="srb-swatch" style="background:{colour}"></span>{fmt(edges[j])} – {fmt(edges[j + 1])}'
        )
    rows.append(f"<b>{T.COL_KITA}</b>: " + " ".join(
        f'<span class="srb-dot" style="background:{BAND_COLOURS[c]}"></span>{BAND_TEXT[c]}' for c in (1, 0, -1)))
    return '<div class="srb-legend">' + "<br>".join(rows) + "</div>"


def _coloured(ds: Dataset, res: Result, colours: list[str], texts: list[str]) -> dict:
    """A copy of the shapes with colour and tooltip text per Sozialraum (grey for shapes without Kitas)."""
    row = {name: r for r, name in enumerate(res.data.sozialraum_names)}
    geojson = copy.deepcopy(ds.geo.geojson)
    for feature in geojson["features"]:
        r = row.get(feature["properties"]["sozialraum"])
        feature["properties"]["wert"] = texts[r] if r is not None else "–"
        feature["properties"]["farbe"] = colours[r] if r is not None else "#dddddd"
    return geojson


# ColorBrewer RdBu: more money red, less blue, unchanged white
REDS, BLUES = ["#fddbc7", "#f4a582", "#d6604d", "#b2182b"], ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]


def delta_colours(delta_pp: np.ndarray) -> list[str]:
    """Four steps each way by the size of the change relative to the largest one."""
    top = float(np.max(np.abs(delta_pp))) if len(delta_pp) else 0.0
    out = []
    for v in delta_pp:
        if top == 0 or abs(v) < 0.005:
            out.append("#ffffff")
            continue
        k = min(3, int(abs(v) / top * 4 - 1e-9))
        out.append(REDS[k] if v > 0 else BLUES[k])
    return out


def diff_layer(ds: Dataset, res: Result, delta_pp: np.ndarray) -> folium.FeatureGroup:
    """Sozialräume coloured by their change against the Beschluss (no Kita points: the table lists them)."""
    geojson = _coloured(ds, res, delta_colours(delta_pp), [signed(v, 2, " pp") for v in delta_pp])
    group = folium.FeatureGroup(name="Veränderung")
    label = T.CP_MAP_LEGEND
    folium.GeoJson(
        geojson,
        style_function=lambda f: {"fillColor": f["properties"]["farbe"], "color": "#222222", "weight": 2,
                                  "fillOpacity": 0.9},
        tooltip=folium.GeoJsonTooltip(fields=["sozialraum", "wert"], aliases=[T.COL_SOZIALRAUM, label], sticky=True),
    ).add_to(group)
    return group


def show_diff(ds: Dataset, res: Result, delta_pp: np.ndarray, height: int) -> None:
    st_folium(base_map(ds), key=f"cmp_map_{ds.key}", feature_group_to_add=diff_layer(ds, res, delta_pp),
              returned_objects=[], height=height, use_container_width=True)


def diff_legend_html(delta_pp: np.ndarray) -> str:
    swatches = "".join(f'<span class="srb-swatch" style="background:{c}"></span>'
                       for c in [*BLUES[::-1], "#ffffff", *REDS])
    top = signed(float(np.max(np.abs(delta_pp))), 2, " pp").lstrip("+")
    return (f'<div class="srb-legend"><b>{T.CP_MAP_LEGEND}</b><br>weniger {swatches} mehr<br>'
            f'{T.CP_MAP_NOTE.format(top=top)}</div>')
