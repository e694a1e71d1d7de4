"""The Sozialraum maps: a base map with no tiles (local Leaflet, an orientation layer drawn from the areas) and,
on the Übersicht, the areas and Kitas as data.

Übersicht: the shapes and Kita positions are one JSON string (the base, drawn once per dataset and view) and
what changes — fill colour, label and tooltip text per area, band class and Gesamtindex text per Kita — another
(the data layer) that static/srbmap/srb_map.js applies to the mounted map (styles from data, not one object per
Kita); ui/wallview.py hands both to the Übersicht's wall component. Both JSON strings are cached with
st.cache_resource keyed by content, so all sessions share them. The Vergleich page's map stays a folium map.
Texts reach Leaflet only as HTML-escaped strings inside JSON data (tooltips and labels are innerHTML).
"""
from __future__ import annotations

import copy
import json
import zlib

import folium
import numpy as np
import streamlit as st
from jinja2 import Template
from streamlit_folium import st_folium

from srb_core import Result
from srb_core.classbreaks import change_step, class_of, equal_width_edges, relative_step
from srb_core.explain import area_band_counts
from srb_core.fmt import num
from srb_core.index.normband import BandClass
from srb_core.money import format_eur
from srb_core.report import delta_pp as share_change_pp

from . import escape as esc
from . import texts as T
from .cache import Dataset, cache_key
from .views import pp, signed

# ColorBrewer OrRd, 5 classes: readable on a projector and in greyscale print.
PALETTE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]
BAND_COLOURS = {1: "#111111", 0: "#ffffff", -1: "#2c7fb8"}  # above: black, within: white, below: blue
BAND_SHAPES = {c: c.symbol for c in BandClass}  # the map and the legend tell the classes by shape, not colour alone
BAND_TEXT = {c: c.label for c in BandClass}
# Fixed symmetric steps of the change of a share (percentage points): the same change has the same colour
# on every run, so a moving weight visibly recolours.
DELTA_STEPS = (0.05, 0.5, 1.0, 2.0)
# Beyond this many Kitas the map draws them on one canvas instead of one DOM marker each (srb_map.js): with
# 2,600 markers every rerun's repaint of the page took seconds in the browser.
CANVAS_ABOVE = 300


def _static(path: str) -> str:
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix + '/' if prefix else ''}app/static/{path}"


def _json(value: object) -> str:
    """JSON for a <script>: < > & as \\u escapes, so no text can end the script or start markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


class LocalMap(folium.Map):
    """folium.Map whose only assets are Leaflet's own files and the app's map script, served by this app.

    folium's defaults load jQuery, Bootstrap and Font Awesome from CDNs; none is needed for
    polygons, markers and tooltips.
    """

    default_js = [("leaflet", _static("leaflet/leaflet.js")), ("srbmap", _static("srbmap/srb_map.js"))]
    default_css = [("leaflet_css", _static("leaflet/leaflet.css")), ("srbmap_css", _static("srbmap/srb_map.css"))]


class _Init(folium.MacroElement):
    """Calls srbMap.init(map, base): German zoom buttons, metric scale, keyboard off, outline, shapes."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        window.srbMap.init({{ this._parent.get_name() }}, {{ this.base }});
        {% endmacro %}
    """)

    def __init__(self, base: str) -> None:
        super().__init__()
        self._name = "SrbInit"
        self.base = base


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


def fixed_edges(base: Result, measure: str) -> np.ndarray:
    """Class edges fixed for the session: five equal classes between the smallest and largest value of the
    adopted Konzeption's result (the Beschluss). Values beyond fall into the outer classes."""
    values, _ = measure_values(base, measure)
    return equal_width_edges(values, len(PALETTE))


def classes(values: np.ndarray, edges: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Class of each value by `edges` (inner edges decide, the outer ones only label); without edges five
    equal-width classes between the smallest and largest value. Returns (class, edges)."""
    if edges is None:
        lo, hi = float(np.min(values)), float(np.max(values))
        if hi <= lo:
            return np.full(len(values), len(PALETTE) // 2), np.array([lo] * (len(PALETTE) + 1))
        edges = equal_width_edges(values, len(PALETTE))
    return class_of(values, edges), edges


def delta_class_colours(delta_pp: np.ndarray) -> list[str]:
    """Fixed symmetric scale: |Δ| < 0,05 pp white, then up to 0,5 / 1 / 2 / more pp in four steps each way."""
    return ["#ffffff" if k < 0 else (REDS[k] if v > 0 else BLUES[k])
            for v, k in zip(delta_pp, change_step(delta_pp, DELTA_STEPS), strict=True)]


def base_map(ds: Dataset, base_layer: str | None = None) -> LocalMap:
    """The static map: fitted to the areas, German controls, the Jugendamt's outline as orientation."""
    lon0, lat0, lon1, lat1 = ds.geo.bounds
    m = LocalMap(location=[(lat0 + lat1) / 2, (lon0 + lon1) / 2], tiles=None, zoom_control=False,
                 control_scale=False, zoom_snap=0.25, keyboard=False,
                 zoom_animation=False, fade_animation=False)
    m.fit_bounds([[lat0, lon0], [lat1, lon1]], padding=(8, 8))
    _Init(base_layer if base_layer is not None else _outline_only(ds)).add_to(m)
    return m


def _options(projector: bool) -> dict:
    """Fixed texts for the map script (German controls; a Kita's tooltip is name · Gesamtindex value · class)."""
    return {"proj": projector, "zoomIn": T.MAP_ZOOM_IN, "zoomOut": T.MAP_ZOOM_OUT, "overall": T.COL_OVERALL,
            "cls": {str(c): f"{BAND_SHAPES[c]} {BAND_TEXT[c]}" for c in (1, 0, -1)}}


def _outline_only(ds: Dataset) -> str:
    return _json({"opt": _options(False), "outline": _geometry(ds)["outline"]})


@st.cache_resource(max_entries=32, show_spinner=False)
def _geometry_cached(content: tuple[str, str, str], _ds: Dataset) -> dict:
    """Outline of the territory (union of the areas) and a point inside each area for its label."""
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    shapes = [shape(f["geometry"]).buffer(0) for f in _ds.geo.geojson["features"]]
    union = unary_union(shapes).simplify(0.0005, preserve_topology=True)
    inside = [s.representative_point() for s in shapes]
    return {"outline": {"type": "Feature", "properties": {}, "geometry": mapping(union)},
            "points": [(round(p.y, 6), round(p.x, 6)) for p in inside]}


def _geometry(ds: Dataset) -> dict:
    return _geometry_cached(cache_key(ds), ds)


@st.cache_resource(max_entries=32, show_spinner=False)
def _wall_base(content: tuple[str, str, str], anonymised: bool, projector: bool, _ds: Dataset) -> str:
    """Static part of the Übersicht map as JSON: shapes (index only), label points, Kita positions."""
    geo = _geometry(_ds)
    areas = copy.deepcopy(_ds.geo.geojson)
    for i, feature in enumerate(areas["features"]):
        feature["properties"] = {"i": i, "n": esc.html(feature["properties"]["sozialraum"])}
    data = _ds.data
    kitas = []
    if not anonymised and data.lat is not None and data.lon is not None:
        kitas = [[round(float(data.lat[i]), 6), round(float(data.lon[i]), 6), esc.html(data.names[i])]
                 for i in range(data.n) if not (np.isnan(data.lat[i]) or np.isnan(data.lon[i]))]
    lon0, lat0, lon1, lat1 = _ds.geo.bounds
    return _json({"opt": _options(projector), "bounds": [[lat0, lon0], [lat1, lon1]], "outline": geo["outline"],
                  "areas": areas, "canvas": len(kitas) > CANVAS_ABOVE,
                  "labels": [list(p) for p in geo["points"]], "kitas": kitas, "anon": anonymised})


def _kita_rows(ds: Dataset) -> np.ndarray:
    data = ds.data
    if data.lat is None or data.lon is None:
        return np.zeros(0, dtype=int)
    return np.flatnonzero(~(np.isnan(data.lat) | np.isnan(data.lon)))


def _wall_data(measure: str, anonymised: bool, delta: bool, _ds: Dataset, res: Result, base: Result) -> str:
    """Changing part of the Übersicht map as JSON: fill, label and tooltip per area, band class per Kita (kept by
    content with the whole wall of a setting: ui/wallview.parts)."""
    row = {name: r for r, name in enumerate(res.data.sozialraum_names)}
    values, texts = measure_values(res, measure)
    delta_pp = share_change_pp(res, base)
    if delta:
        colours = delta_class_colours(delta_pp)
    else:
        idx, _ = classes(values, fixed_edges(base, measure))
        colours = [PALETTE[k] for k in idx]
    fill, labels, tips, atips = [], [], [], []
    per_area = area_band_counts(res)
    for feature in _ds.geo.geojson["features"]:
        name = feature["properties"]["sozialraum"]
        r = row.get(name)
        name_html = esc.html(name)
        if r is None:
            fill.append("#dddddd")
            labels.append(f"{name_html}<br><small>{T.MAP_NO_KITAS}</small>")
            tips.append(name_html)
            atips.append("")
            continue
        fill.append(colours[r])
        share = num(res.shares[r] * 100, 1) + "\u00a0%"
        change = esc.html(pp(float(delta_pp[r])))
        labels.append(f"{name_html}<br><small>{share} ({change})</small>" if delta else
                      f"{name_html}<br><small>{share}</small>")
        tips.append(f"<b>{name_html}</b><br>{esc.html(measures(_ds)[measure])}: {esc.html(texts[r])}"
                    f"<br>{esc.html(T.CP_MAP_LEGEND)}: {change}")
        counts = " · ".join(f"{n} {BAND_SHAPES[c]} {BAND_TEXT[c]}" for c, n in zip(BandClass, per_area[r], strict=True))
        atips.append(esc.html(T.MAP_AREA_KITAS.format(n=int(per_area[r].sum()), counts=counts)))
    rows = _kita_rows(_ds) if not anonymised else np.zeros(0, dtype=int)
    layer = {"fill": fill, "labels": labels, "tips": tips, "atips": atips,
             "cls": [int(c) for c in res.kita_class[rows]], "ov": [num(res.kita_overall[i], 1) for i in rows]}
    # the map container shows which layer it drew (tests and benchmarks wait for it): a digest of all of it
    return _json({**layer, "stamp": str(zlib.crc32(_json(layer).encode()))})


def wall_base(ds: Dataset, anonymised: bool, projector: bool) -> str:
    """The Übersicht map's static part as JSON (shared by all sessions with the same dataset and view)."""
    return _wall_base(cache_key(ds), anonymised, projector, ds)


def wall_data(ds: Dataset, res: Result, base: Result, measure: str, anonymised: bool, delta: bool = False) -> str:
    """The Übersicht map's changing part as JSON (shared by all sessions with the same settings)."""
    return _wall_data(measure, anonymised, delta, ds, res, base)


def legend_html(res: Result, base: Result, measure: str, label: str, anonymised: bool = False,
                delta: bool = False) -> str:
    """The legend: the fixed classes (or the fixed Δ scale) and the Kita shapes."""
    unit_eur = measure == "euros"
    unit_pct = measure == "share"

    def fmt(v: float) -> str:
        return (
            format_eur(int(round(v * 100))) if unit_eur else num(v, 2 if unit_pct else 1) + (" %" if unit_pct else "")
        )

    if delta:
        steps = [num(v, 2) for v in DELTA_STEPS]
        rows = [f"<b>{esc.html(T.CP_MAP_LEGEND)}</b>",
                "".join(f'<span class="srb-swatch" style="background:{c}"></span>' for c in [*BLUES[::-1], "#ffffff",
                                                                                           *REDS]),
                T.MAP_DELTA_SCALE.format(s0=steps[0], s1=steps[1], s2=steps[2], s3=steps[3])]
    else:
        edges = fixed_edges(base, measure)
        rows = [f"<b>{esc.html(label)}</b> {T.MAP_FIXED_NOTE}"]
        for j, colour in enumerate(PALETTE):
            if j == 0:
                text = T.MAP_UP_TO.format(v=fmt(edges[1]))
            elif j == len(PALETTE) - 1:
                text = T.MAP_FROM.format(v=fmt(edges[j]))
            else:
                text = f"{fmt(edges[j])} – {fmt(edges[j + 1])}"
            rows.append(f'<span class="srb-swatch" style="background:{colour}"></span>{text}')
    if anonymised:
        rows.append(f'<span class="srb-shape">■</span>{T.MAP_ANON_LEGEND}')
    else:
        rows.append(f"<b>{T.COL_KITA}</b>: " + " ".join(
            f'<span class="srb-shape srb-shape{c}">{BAND_SHAPES[c]}</span>{BAND_TEXT[c]}' for c in BandClass))
    return '<div class="srb-legend">' + "<br>".join(rows) + "</div>"


def _coloured(ds: Dataset, res: Result, colours: list[str], texts: list[str]) -> dict:
    """A copy of the shapes with colour and tooltip text per Sozialraum (grey for shapes without Kitas)."""
    row = {name: r for r, name in enumerate(res.data.sozialraum_names)}
    geojson = copy.deepcopy(ds.geo.geojson)
    for feature in geojson["features"]:
        name = feature["properties"]["sozialraum"]
        r = row.get(name)
        # Only escaped text goes to Leaflet (its tooltips are innerHTML); the name itself stays for matching.
        feature["properties"] = {"sozialraum": esc.html(name), "wert": esc.html(texts[r] if r is not None else "–"),
                                 "farbe": colours[r] if r is not None else "#dddddd"}
    return geojson


# ColorBrewer RdBu: more money red, less blue, unchanged white
REDS, BLUES = ["#fddbc7", "#f4a582", "#d6604d", "#b2182b"], ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]


def delta_colours(delta_pp: np.ndarray) -> list[str]:
    """Four steps each way by the size of the change relative to the largest one (srb_core.classbreaks)."""
    steps = relative_step(delta_pp, n=len(REDS))
    return ["#ffffff" if k < 0 else (REDS[k] if v > 0 else BLUES[k]) for v, k in zip(delta_pp, steps, strict=True)]


def diff_layer(ds: Dataset, res: Result, delta_pp: np.ndarray) -> folium.FeatureGroup:
    """Sozialräume coloured by their change against the Beschluss (no Kita points: the table lists them)."""
    geojson = _coloured(ds, res, delta_colours(delta_pp), [pp(v) for v in delta_pp])
    group = folium.FeatureGroup(name="Veränderung")
    label = T.CP_MAP_LEGEND
    folium.GeoJson(
        geojson,
        style_function=lambda f: {"fillColor": f["properties"]["farbe"], "color": "#222222", "weight": 2,
                                  "fillOpacity": 0.9},
        tooltip=folium.GeoJsonTooltip(fields=["sozialraum", "wert"],
                                      aliases=[esc.html(T.COL_SOZIALRAUM), esc.html(label)], sticky=True),
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
