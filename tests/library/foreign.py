"""A dataset that is not a demo: other sub-indices and Sozialräume, German CSV with decimal commas,
a map in EPSG:25832, names with umlauts, quotes, <, >, &, backticks, ${…} and Markdown."""
from __future__ import annotations

import io

KONZEPTION = """
[konzeption]
name = "Landkreis Süd <Test> & \\"Monitoring\\""
sozialraeume = ["Altstadt „Mitte“ & <Ost>", "Neubau `West` ${x}", "**Über** dem Fluss"]

[[variables]]
column = "armut"
index = "Lage & <Umfeld>"
label = "Anteil Kinder in Armut"
scale = "share"

[[variables]]
column = "sprache"
index = "Lage & <Umfeld>"
scale = "share"

[[variables]]
column = "wege"
index = "Infrastruktur `Wege`"
direction = "higher_is_less_need"
scale = "rating"
range = [1, 5]
"""

AREAS = ["Altstadt „Mitte“ & <Ost>", "Neubau `West` ${x}", "**Über** dem Fluss"]


def kitas_csv(shift: float = 0.0) -> bytes:
    """Semicolon CSV with decimal commas; `shift` moves every share, for a later wave."""
    rows = ["kita_id;name;sozialraum;children;armut;sprache;wege"]
    data = [
        ("F1", "Kita „Sonnenschein“ <b>", 0, 40, 12.5, 30.0, 2.5),
        ("F2", "Kita Müller & Söhne", 0, 55, 20.0, 41.5, 3.0),
        ("F3", "Kita `Regenbogen` ${boom}", 1, 30, 5.5, 10.0, 4.5),
        ("F4", "Kita **Fett**", 1, 60, 8.0, 12.0, 4.0),
        ("F5", "Kita Übersee", 2, 45, 33.0, 55.5, 1.5),
        ("F6", "Kita <script>alert(1)</script>", 2, 50, 25.5, 48.0, 2.0),
    ]
    for kid, name, area, children, a, s, w in data:
        cells = [kid, f'"{name}"' if '"' in name else name, AREAS[area], str(children),
                 f"{min(a + shift, 100):.1f}".replace(".", ","), f"{s:.1f}".replace(".", ","),
                 f"{w:.1f}".replace(".", ",")]
        rows.append(";".join(cells))
    return ("\n".join(rows) + "\n").encode("utf-8")


def map_25832() -> bytes:
    """Three squares side by side near Mainz, as GeoJSON in EPSG:25832 (metres)."""
    import geopandas as gpd
    from shapely.geometry import box

    x0, y0 = 446_000, 5_540_000
    frame = gpd.GeoDataFrame({"sozialraum": AREAS},
                             geometry=[box(x0 + i * 2000, y0, x0 + (i + 1) * 2000, y0 + 2000) for i in range(3)],
                             crs="EPSG:25832")
    buffer = io.BytesIO()
    frame.to_file(buffer, driver="GeoJSON")
    return buffer.getvalue()


INDICATORS = """
[[indicators]]
key = "beratungen"
label = "Beratungen <Eltern> & „Familien“"
unit = "Gespräche"
higher_is_better = true

[[indicators]]
key = "faelle"
label = "HzE-Fälle `Sozialraum`"
level = "sozialraum"
higher_is_better = false
"""


def yearly_csv() -> bytes:
    """Yearly values 2023 for the foreign dataset: semicolons, decimal commas."""
    rows = ["jahr;kita_id;sozialraum;zugewiesen_eur;verausgabt_eur;vza_gefoerdert;vza_besetzt;beratungen;faelle",
            "2023;F1;;1234,50;1000,25;0,5;0,25;12;", "2023;F2;;2000,00;2000,00;1;1;20;",
            f"2023;;{AREAS[0]};;;;;;7"]
    return ("\n".join(rows) + "\n").encode("utf-8")
