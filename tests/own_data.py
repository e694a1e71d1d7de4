"""A Jugendamt's own dataset that is not a demo, built by the tests themselves.

Three sub-indices, eleven Sozialräume, 33 Kitas, a German CSV (';' and decimal comma) and a zipped
Shapefile in EPSG:25832. Names carry what must stay inert text in every output: HTML, JavaScript
template syntax, a backtick, Markdown images and links, '$' (LaTeX in Streamlit), umlauts, '&', quotes.
"""
from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

HOSTILE = ["<img src=x onerror=alert(1)>", "${alert(2)}", "Back`tick", "![x](http://203.0.113.9/p.png)",
           "Grün & \"Blau\"", "[Link](http://203.0.113.9/l)", "</script><script>alert(4)</script>",
           "$x^2$ Preis", "O'Brien’s", "*fett* _kursiv_", "Mühle <b>Ä</b>"]
SOZIALRAEUME = [f"{word} {h}" for word, h in zip(
    ["Nord", "Süd", "Ost", "West", "Mitte", "Au", "Höhe", "Tal", "Bach", "Wald", "Feld"], HOSTILE, strict=True)]
KITA_WORDS = ["Löwenzahn", "Pusteblume", "Sonnenschein"]
SUB_INDICES = ["Soziale Lage & Wohnen", "Sprache <i>und</i> `Herkunft`", "Netz ![n](http://203.0.113.9/n.png)"]
KONZEPTION_NAME = "Landkreis Süd <b>&</b> `Test` ${alert(5)}"
EXTERNAL_HOST = "203.0.113.9"
BUDGET_EUR = "750000.00"

# (column, sub-index, direction, scale, label)
VARIABLES = [
    ("anteil_armut", 0, "higher_is_more_need", "share", "Anteil Kinder in Armut <script>alert(6)</script>"),
    ("anteil_beengt", 0, "higher_is_more_need", "share", "Anteil beengt wohnender Familien"),
    ("wohnumfeld", 0, "higher_is_less_need", "rating", "Qualität des Wohnumfelds `[1–5]`"),
    ("anteil_nicht_deutsch", 1, "higher_is_more_need", "share", "Anteil nicht Deutsch zu Hause"),
    ("anzahl_sprachen", 1, "higher_is_more_need", "count", "Anzahl Sprachen ${alert(7)}"),
    ("zugang_hilfen", 2, "higher_is_less_need", "rating", "Zugang zu Hilfen ![h](http://203.0.113.9/h.png)"),
    ("vernetzung", 2, "higher_is_more_need", "rating", "Bedarf an Vernetzung & Beratung"),
]


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def konzeption_toml(flip: str | None = None, strands: bool = True, name: str = KONZEPTION_NAME) -> str:
    """The Konzeption; `flip` names a variable whose direction is reversed (a corrected re-upload)."""
    lines = ["[konzeption]", f"name = {toml_string(name)}",
             f"sub_indices = [{', '.join(toml_string(s) for s in SUB_INDICES)}]",
             f"sozialraeume = [{', '.join(toml_string(s) for s in SOZIALRAEUME)}]", "",
             "[norm_band]", "k = 1.0", "", "[weights]"]
    lines += [f"{toml_string(s)} = 1.0" for s in SUB_INDICES]
    lines += ["", "[budget]", f"total_eur = {BUDGET_EUR}", ""]
    for column, sub, direction, scale, label in VARIABLES:
        if column == flip:
            direction = "higher_is_less_need" if direction == "higher_is_more_need" else "higher_is_more_need"
        lines += ["[[variables]]", f"column = {toml_string(column)}", f"index = {toml_string(SUB_INDICES[sub])}",
                  f'direction = "{direction}"', f'scale = "{scale}"', f"label = {toml_string(label)}"]
        if scale == "rating":
            lines.append("range = [1, 5]")
        lines.append("")
    if strands:
        lines += ['[[strands]]', 'key = "kiso"', 'label = "Kita-Sozialarbeit <u>neu</u>"',
                  'rule = "index_at_least_lower"', 'index = "Gesamtindex"', 'share = 0.7', 'staff_type = "sa"', '',
                  '[[strands]]', 'key = "zentrum"', 'label = "Zentrum `im` Quartier"', 'rule = "one_per_sozialraum"',
                  'share = 0.3', 'staff_type = "sa"', '',
                  '[[strands]]', 'key = "antrag"', 'label = "Zusatzpersonal auf Antrag"', 'rule = "on_request"',
                  'cap_fte = 2.0', 'staff_type = "sa"', '',
                  '[step2]', 'model = "proportional"', '',
                  '[staff]', 'sa = { label = "Sozialarbeit", cost_per_fte_eur = 80000.00, hours_per_fte = 39 }', '',
                  '[posts]', 'state_share = 0.6', 'fte_step = 0.05', '']
    return "\n".join(lines)


def _grid_cells() -> list[tuple[float, float, float, float]]:
    """Eleven 1.5 km squares near Bad Kreuznach in EPSG:25832 (UTM 32N): 4 per row."""
    x0, y0, size = 412_000.0, 5_518_000.0, 1_500.0
    return [(x0 + (i % 4) * size, y0 + (i // 4) * size, x0 + (i % 4 + 1) * size, y0 + (i // 4 + 1) * size)
            for i in range(len(SOZIALRAEUME))]


def shapefile_zip() -> bytes:
    """The Sozialräume as a zipped Shapefile in EPSG:25832 (written with geopandas/pyogrio)."""
    import geopandas as gpd
    from shapely.geometry import box

    frame = gpd.GeoDataFrame({"sozialraum": SOZIALRAEUME}, geometry=[box(*c) for c in _grid_cells()],
                             crs="EPSG:25832")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sozialraeume.shp"
        frame.to_file(path, driver="ESRI Shapefile", encoding="UTF-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for part in sorted(Path(tmp).iterdir()):
                zf.write(part, part.name)
        return out.getvalue()


def kita_frame(with_coordinates: bool = True) -> pd.DataFrame:
    """33 Kitas, three per Sozialraum, with values from a fixed seed."""
    from pyproj import Transformer

    rng = np.random.default_rng(20261122)
    to_wgs = Transformer.from_crs(25832, 4326, always_xy=True)
    rows = []
    for r, (area, cell) in enumerate(zip(SOZIALRAEUME, _grid_cells(), strict=True)):
        for j, word in enumerate(KITA_WORDS):
            n = r * 3 + j + 1
            x = cell[0] + 300 + 450 * j
            y = cell[1] + 400 + 300 * j
            lon, lat = to_wgs.transform(x, y)
            rows.append({
                "kita_id": f"K{(n * 7) % 100:02d}-{n}",
                "name": f"Kita {word} {HOSTILE[(r + j) % len(HOSTILE)]} Nr. {n}",
                "sozialraum": area,
                "children": int(rng.integers(20, 120)),
                **({"lat": round(lat, 6), "lon": round(lon, 6)} if with_coordinates else {}),
                "anteil_armut": round(float(rng.uniform(2, 60)) + r * 1.5, 1),
                "anteil_beengt": round(float(rng.uniform(5, 40)), 1),
                "wohnumfeld": round(float(rng.uniform(1, 5)), 2),
                "anteil_nicht_deutsch": round(float(rng.uniform(0, 80)), 1),
                "anzahl_sprachen": int(rng.integers(1, 14)),
                "zugang_hilfen": round(float(rng.uniform(1, 5)), 2),
                "vernetzung": round(float(rng.uniform(1, 5)), 2),
            })
    return pd.DataFrame(rows)


def german_csv(frame: pd.DataFrame) -> bytes:
    """As German Excel saves it: ';' between cells, decimal comma, UTF-8."""
    return frame.to_csv(index=False, sep=";", decimal=",").encode("utf-8")


@dataclass(frozen=True)
class OwnFiles:
    kitas: Path
    konzeption: Path
    corrected: Path  # same Konzeption name inside, one direction flipped
    shapefile: Path

    def names(self) -> list[str]:
        return list(kita_frame()["name"])


def write_files(folder: Path, strands: bool = True) -> OwnFiles:
    folder.mkdir(parents=True, exist_ok=True)
    kitas = folder / "kitas_eigene.csv"
    kitas.write_bytes(german_csv(kita_frame()))
    konz = folder / "konzeption_eigene.toml"
    konz.write_text(konzeption_toml(strands=strands), encoding="utf-8")
    corrected = folder / "konzeption_korrigiert.toml"  # inside, the same Konzeption name
    corrected.write_text(konzeption_toml(flip="anteil_armut", strands=strands), encoding="utf-8")
    shp = folder / "sozialraeume_25832.zip"
    shp.write_bytes(shapefile_zip())
    return OwnFiles(kitas, konz, corrected, shp)
