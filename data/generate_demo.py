"""Create the synthetic demo data and schematic Sozialraum maps: `python data/generate_demo.py`.

Nothing here is real survey data. Bad Kreuznach: 31 fictional Kitas whose Sozialraum Gesamtindex
values reproduce the published step-1 result of 2021 (53.0 … 30.6 points, 17.37 % … 10.03 %).
Mayen-Koblenz: 95 fictional Kitas with the two yes/no indicators of that district's model.
Maps: Voronoi cells around approximate real centre points, clipped to a drawn outline. They are
schematic and must be replaced by a Jugendamt's real Sozialraum boundaries (see README).

A fixed seed makes every run byte-identical, so anyone can re-create and check the files.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srb_core import build_kita_data, compute, load_konzeption  # noqa: E402
from srb_core.allocation import apportion_cents  # noqa: E402

SEED = 20210701  # the day the Kita-Zukunftsgesetz came into force

# Published points (domain.md §2), unrounded so that both printed columns are reproduced.
BK_TARGET = {
    "Pariser Viertel": 53.035, "Ost": 43.203, "Nord": 39.814, "Winzenheim": 37.524, "Süd-West": 36.578,
    "Planig / Ippesheim / Bosenheim": 33.525, "Bad Münster am Stein-Ebernburg": 31.021, "Innenstadt": 30.624,
}
BK_KITAS = {"Nord": 5, "Ost": 4, "Süd-West": 4, "Pariser Viertel": 4, "Innenstadt": 4, "Winzenheim": 3,
            "Bad Münster am Stein-Ebernburg": 4, "Planig / Ippesheim / Bosenheim": 3}
# Seeds of the schematic cells (lat, lon); several per Sozialraum shape the cells.
BK_SEEDS = [
    (49.845, 7.858, "Innenstadt"), (49.8465, 7.8665, "Pariser Viertel"), (49.850, 7.872, "Pariser Viertel"),
    (49.839, 7.880, "Ost"), (49.832, 7.892, "Ost"), (49.8365, 7.850, "Süd-West"), (49.828, 7.832, "Süd-West"),
    (49.840, 7.815, "Süd-West"), (49.857, 7.860, "Nord"), (49.858, 7.835, "Nord"), (49.872, 7.866, "Winzenheim"),
    (49.875, 7.842, "Winzenheim"), (49.8625, 7.912, "Planig / Ippesheim / Bosenheim"),
    (49.878, 7.921, "Planig / Ippesheim / Bosenheim"), (49.845, 7.913, "Planig / Ippesheim / Bosenheim"),
    (49.813, 7.847, "Bad Münster am Stein-Ebernburg"), (49.806, 7.852, "Bad Münster am Stein-Ebernburg"),
    (49.798, 7.830, "Bad Münster am Stein-Ebernburg"),
]
BK_OUTLINE = [  # drawn inside the city's extent (lon 7.79–7.94, lat 49.787–49.882)
    (7.812, 49.796), (7.835, 49.787), (7.862, 49.790), (7.872, 49.805), (7.885, 49.818), (7.910, 49.828),
    (7.935, 49.840), (7.938, 49.862), (7.930, 49.881), (7.905, 49.882), (7.880, 49.880), (7.850, 49.882),
    (7.825, 49.872), (7.800, 49.855), (7.793, 49.835), (7.798, 49.812),
]
BK_NAMES = ["Apfelbaum", "Bärenhöhle", "Drachennest", "Eichhörnchen", "Feuerfalter", "Glühwürmchen",
            "Hasenberg", "Igelhof", "Kieselstein", "Kleeblatt", "Kranichwiese", "Laubfrosch", "Libelle",
            "Löwenzahn", "Mondstein", "Nussknacker", "Otternest", "Pusteblume", "Regentropfen", "Rotkehlchen",
            "Sandkasten", "Schatzkiste", "Seepferdchen", "Sternschnuppe", "Traumfänger", "Wackelzahn",
            "Weidenkorb", "Wichtelwald", "Wirbelwind", "Zaunkönig", "Zwergenland"]


def bk_variables():
    """(column, kind, low, high, resolution): kind decides rounding; low/high the observed range."""
    return {
        "bedarf_informationsveranstaltungen": ("rating", 1.6, 4.6, 0.01),
        "bedarf_einzelberatung": ("rating", 1.8, 4.9, 0.01),
        "bedarf_qualifikation_team": ("rating", 1.4, 4.4, 0.01),
        "anteil_foerderbedarf_individuell": ("share", 2.0, 24.0, 0.1),
        "anteil_familien_beratungsbedarf": ("share", 5.0, 62.0, 0.1),
        "anteil_kinder_benachteiligt": ("share", 4.0, 71.0, 0.1),
        "problemlagen_einzugsgebiet": ("rating", 1.3, 4.5, 0.01),
        "problemlage_migration_flucht": ("yes_no", 0, 1, 1),
        "anteil_nicht_deutsch_zuhause": ("share", 6.0, 88.0, 0.1),
        "anzahl_sprachen": ("count", 2, 24, 1),
        "anteil_foerderbedarf_migration": ("share", 1.0, 46.0, 0.1),
        "anteil_foerderbedarf_flucht": ("share", 0.0, 19.0, 0.1),
        "herausforderung_sprachen_eltern": ("ordinal", 1, 5, 1),
        "oepnv_qualitaet": ("ordinal", 1, 5, 1),
        "anteil_benachteiligt_infrastruktur": ("share", 0.0, 38.0, 0.1),
        "verweisen_familien": ("rating", 1.5, 4.7, 0.01),
        "problemlage_raeumlich": ("yes_no", 0, 1, 1),
        "zugang_hilfsangebote": ("ordinal", 1, 5, 1),
    }


def raw_from_latent(latent: np.ndarray, noise: np.ndarray, konz) -> pd.DataFrame:
    """Raw answers from a need level per Kita: higher need → more need-indicating answers."""
    spec = bk_variables()
    columns = {}
    for j, var in enumerate(konz.variables):
        kind, low, high, res = spec[var.column]
        level = np.clip((latent + noise[:, j]) / 100.0, 0.0, 1.0)
        if not var.more_is_need:
            level = 1.0 - level
        raw = low + level * (high - low)
        if kind == "yes_no":
            raw = (level > 0.5).astype(float)
        columns[var.column] = np.round(raw / res) * res
    return pd.DataFrame(columns)


def calibrate(frame: pd.DataFrame, konz, sozialraum: np.ndarray, names: list[str]) -> pd.DataFrame:
    """Nudge continuous answers of Kitas that are neither minimum nor maximum of a variable.

    Such changes leave every variable's observed range, and so every other Kita's score, unchanged,
    which keeps the Sozialräume independent: each is tuned to its published points on its own.
    """
    spec = bk_variables()
    frame = frame.copy()
    n_per_index = {s: len(konz.variables_of(s)) for s in konz.sub_indices}
    continuous = [v for v in konz.variables if spec[v.column][0] in ("share", "rating")]
    for r, area in enumerate(names):
        members = np.flatnonzero(sozialraum == r)
        for _ in range(200):
            points = _points(frame, konz, sozialraum, names)
            gap = BK_TARGET[area] - points[r]
            if abs(gap) < 0.0015:
                break
            for var in continuous:
                res = spec[var.column][3]
                col = frame[var.column].to_numpy()
                lo, hi = col.min(), col.max()
                for i in members:
                    if col[i] <= lo or col[i] >= hi:
                        continue
                    per_unit = 100.0 / (hi - lo) / n_per_index[var.index] / len(konz.sub_indices) / len(members)
                    step = np.clip(gap / per_unit, lo + res - col[i], hi - res - col[i])
                    step = np.round(step / res) * res
                    if step != 0:
                        frame.loc[i, var.column] = round(col[i] + step, 6)
                        break
                else:
                    continue
                break
        else:
            raise RuntimeError(f"calibration did not converge for {area}")
    return frame


def _points(frame, konz, sozialraum, names):
    table = frame.copy()
    table.insert(0, "kita_id", [f"K{i}" for i in range(len(frame))])
    table.insert(1, "name", "x")
    table.insert(2, "sozialraum", [names[c] for c in sozialraum])
    result = compute(build_kita_data(table, konz), konz)
    order = [result.data.sozialraum_names.index(n) for n in names]
    return result.sr_overall[order]


def voronoi_areas(seeds, outline_lonlat, lat0):
    """Union of Voronoi cells per Sozialraum, in a local metric frame so cells are not skewed."""
    kx = np.cos(np.radians(lat0))
    to_xy = lambda lon, lat: (lon * kx, lat)  # noqa: E731
    outline = Polygon([to_xy(lon, lat) for lon, lat in outline_lonlat])
    points = shapely.MultiPoint([to_xy(lon, lat) for lat, lon, _ in seeds])
    cells = shapely.voronoi_polygons(points, extend_to=outline.buffer(0.2))
    areas: dict[str, list] = {}
    for cell in cells.geoms:
        owner = next(name for lat, lon, name in seeds if cell.contains(Point(to_xy(lon, lat))))
        areas.setdefault(owner, []).append(cell.intersection(outline))
    result = {}
    for name, parts in areas.items():
        shape = shapely.union_all(parts)
        shape = shapely.transform(shape, lambda xy: np.column_stack([xy[:, 0] / kx, xy[:, 1]]))
        result[name] = shapely.set_precision(shape, 1e-5)
    return result


def write_geojson(path: Path, areas: dict, title: str) -> None:
    features = []
    for name, shape in areas.items():
        if isinstance(shape, Polygon):
            shape = MultiPolygon([shape])
        features.append({"type": "Feature", "properties": {"sozialraum": name},
                         "geometry": mapping(shape)})
    doc = {"type": "FeatureCollection", "name": title,
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
           "features": features}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def place_kitas(rng, areas, seeds, counts):
    """Points inside each cell, near that Sozialraum's seed points, at least ~150 m from the border."""
    coords = {}
    for name, count in counts.items():
        inner = areas[name].buffer(-0.0015)
        own = [(lat, lon) for lat, lon, n in seeds if n == name]
        picks = []
        while len(picks) < count:
            lat, lon = own[len(picks) % len(own)]
            p = Point(lon + rng.normal(0, 0.006), lat + rng.normal(0, 0.004))
            if inner.contains(p):
                picks.append((round(p.y, 5), round(p.x, 5)))
        coords[name] = picks
    return coords


def bad_kreuznach(rng) -> None:
    out = ROOT / "data" / "demo" / "bad_kreuznach"
    konz = load_konzeption(out / "konzeption.toml")
    names = list(konz.sozialraeume)
    areas = voronoi_areas(BK_SEEDS, BK_OUTLINE, 49.845)
    coords = place_kitas(rng, areas, BK_SEEDS, BK_KITAS)
    sozialraum = np.repeat(np.arange(len(names)), [BK_KITAS[n] for n in names])
    n = len(sozialraum)
    base = np.array([BK_TARGET[names[c]] for c in sozialraum])
    latent = base + rng.normal(0, 7, n)
    noise = rng.normal(0, 22, (n, len(konz.variables)))
    for _ in range(60):  # move each Sozialraum's need level until its points are close to the target
        frame = raw_from_latent(latent, noise, konz)
        points = _points(frame, konz, sozialraum, names)
        gap = np.array([BK_TARGET[a] for a in names]) - points
        if np.abs(gap).max() < 0.3:
            break
        latent += gap[sozialraum] * 1.2
    frame = calibrate(frame, konz, sozialraum, names)
    kita_names = rng.permutation(BK_NAMES)[:n]
    children = rng.integers(38, 112, n)
    children = np.round(children * 2300 / children.sum()).astype(int)
    table = pd.DataFrame({
        "kita_id": [f"BK{i + 1:02d}" for i in range(n)],
        "name": [f"Demo-Kita {k}" for k in kita_names],
        "sozialraum": [names[c] for c in sozialraum],
        "children": children,
        "lat": [coords[names[c]][list(np.flatnonzero(sozialraum == c)).index(i)][0] for i, c in enumerate(sozialraum)],
        "lon": [coords[names[c]][list(np.flatnonzero(sozialraum == c)).index(i)][1] for i, c in enumerate(sozialraum)],
    })
    spec = bk_variables()
    for var in konz.variables:
        kind = spec[var.column][0]
        values = frame[var.column]
        table[var.column] = values.round(2) if kind == "rating" else (
            values.round(1) if kind == "share" else values.astype(int))
    table.to_csv(out / "kitas.csv", index=False)
    write_geojson(ROOT / "geodata" / "bad_kreuznach.geojson", areas,
                  "Bad Kreuznach – schematische Kita-Sozialräume (keine amtlichen Grenzen)")


MYK_AREAS = {  # Sozialraum → municipalities (lat, lon), approximate
    "Maifeld": [("Polch", 50.299, 7.313), ("Münstermaifeld", 50.247, 7.362), ("Ochtendung", 50.350, 7.390),
                ("Mertloch", 50.270, 7.300)],
    "Mendig": [("Mendig", 50.374, 7.280), ("Thür", 50.357, 7.277), ("Bell", 50.398, 7.250), ("Rieden", 50.400, 7.190)],
    "Pellenz": [("Plaidt", 50.392, 7.392), ("Kruft", 50.383, 7.334), ("Saffig", 50.383, 7.419),
                ("Nickenich", 50.414, 7.327)],
    "Untermosel": [("Kobern-Gondorf", 50.311, 7.458), ("Winningen", 50.318, 7.514), ("Dieblich", 50.314, 7.543),
                   ("Alken", 50.250, 7.449)],
    "Rhens und Umgebung": [("Rhens", 50.281, 7.620), ("Spay", 50.258, 7.644), ("Waldesch", 50.292, 7.561),
                           ("Brey", 50.270, 7.630)],
    "Vallendar": [("Vallendar", 50.399, 7.620), ("Urbar", 50.383, 7.637), ("Niederwerth", 50.405, 7.604),
                  ("Weitersburg", 50.416, 7.605)],
    "Vordereifel": [("Ettringen", 50.352, 7.230), ("Kottenheim", 50.350, 7.252), ("Weibern", 50.406, 7.140),
                    ("Kehrig", 50.290, 7.214)],
    "Weißenthurm": [("Weißenthurm", 50.418, 7.451), ("Mülheim-Kärlich", 50.385, 7.497), ("Kettig", 50.399, 7.465),
                    ("Bassenheim", 50.358, 7.458)],
}
MYK_EXTRA_NEED = {"Mendig", "Weißenthurm", "Mülheim-Kärlich", "Polch", "Vallendar", "Plaidt", "Kruft"}
MYK_OUTLINE = [(7.10, 50.22), (7.35, 50.20), (7.50, 50.22), (7.68, 50.23), (7.70, 50.33), (7.68, 50.44),
               (7.55, 50.45), (7.40, 50.44), (7.25, 50.43), (7.10, 50.42), (7.06, 50.32)]


def mayen_koblenz(rng) -> None:
    out = ROOT / "data" / "demo" / "mayen_koblenz"
    seeds = [(lat, lon, area) for area, towns in MYK_AREAS.items() for _, lat, lon in towns]
    areas = voronoi_areas(seeds, MYK_OUTLINE, 50.33)
    counts = dict(zip(MYK_AREAS, [13, 12, 12, 11, 10, 12, 12, 13], strict=False))  # 95 Kitas
    coords = place_kitas(rng, areas, seeds, counts)
    rows = []
    number = 0
    for area, towns in MYK_AREAS.items():
        for j in range(counts[area]):
            number += 1
            lat, lon = coords[area][j]
            town = min(towns, key=lambda t: (t[1] - lat) ** 2 + ((t[2] - lon) * 0.64) ** 2)[0]
            extra = town in MYK_EXTRA_NEED
            sgb2 = float(np.clip(rng.normal(17 if extra else 9, 5), 1, 45))
            rows.append({
                "kita_id": f"MYK{number:03d}",
                "name": f"Demo-Kita {town} {'ABCDEFGHIJ'[sum(r['gemeinde'] == town for r in rows)]}",
                "sozialraum": area,
                "gemeinde": town,
                "traeger": f"Träger {1 + int(rng.integers(0, 12)):02d}",
                "children": int(rng.integers(30, 130)),
                "lat": lat, "lon": lon,
                "kein_zugang_beratung": int(rng.random() < (0.45 if area in ("Vordereifel", "Maifeld") else 0.2)),
                "wohngebiet_entwicklungsbedarf": int(rng.random() < (0.6 if extra else 0.15)),
                "kommune_mehrbedarf": int(extra),
                "anteil_sgb2_kinder": round(sgb2, 1),
                "anteil_nicht_deutsch_zuhause": round(float(np.clip(sgb2 * 1.6 + rng.normal(0, 8), 2, 85)), 1),
                "entfernung_beratungsstelle_km": round(float(np.clip(rng.gamma(2.0, 4.0 if area in (
                    "Vordereifel", "Maifeld") else 2.0), 0.3, 30)), 1),
            })
    pd.DataFrame(rows).to_csv(out / "kitas.csv", index=False)
    write_geojson(ROOT / "geodata" / "mayen_koblenz.geojson", areas,
                  "Mayen-Koblenz – schematische Sozialräume (keine amtlichen Grenzen)")


# --- Survey waves T1, T2 (Bad Kreuznach) --------------------------------------------------------
# T0 is today's demo file, unchanged. T1 and T2 move each Sozialraum's answers along a drift (need
# rising in Pariser Viertel and Ost, falling in Innenstadt and Winzenheim) plus noise per Kita; one
# Kita closes after T1 and a new one opens in T2; one answer is missing in T2. All synthetic.
BK_WAVES = (("T0", "2021-07-31", "kitas.csv"), ("T1", "2022-07-31", "waves/T1.csv"),
            ("T2", "2023-07-31", "waves/T2.csv"))
BK_DRIFT = {"Pariser Viertel": 1.0, "Ost": 0.6, "Nord": 0.2, "Süd-West": 0.0, "Planig / Ippesheim / Bosenheim": -0.2,
            "Bad Münster am Stein-Ebernburg": 0.1, "Innenstadt": -0.8, "Winzenheim": -0.6}


def _drift(table: pd.DataFrame, konz, rng, step: int) -> pd.DataFrame:
    spec = bk_variables()
    out = table.copy()
    trend = np.array([BK_DRIFT[s] for s in table["sozialraum"]])
    for var in konz.variables:
        kind, low, high, res = spec[var.column]
        lo_ok, hi_ok = var.value_range or (low, high)
        sign = 1.0 if var.more_is_need else -1.0
        values = table[var.column].astype(float).to_numpy()
        if kind == "yes_no":
            flip = rng.random(len(values)) < 0.08 + 0.1 * np.clip(sign * trend, 0, 1)
            out[var.column] = np.where(flip, 1 - values, values).astype(int)
            continue
        moved = values + (sign * trend * 0.035 * step + rng.normal(0, 0.035, len(values))) * (high - low)
        moved = np.clip(np.round(moved / res) * res, max(lo_ok, 0 if kind != "rating" else lo_ok), hi_ok)
        out[var.column] = moved.round(2) if kind == "rating" else (moved.round(1) if kind == "share" else
                                                                   moved.astype(int))
    return out


def bad_kreuznach_waves() -> None:
    folder = ROOT / "data" / "demo" / "bad_kreuznach"
    konz = load_konzeption(folder / "konzeption.toml")
    rng = np.random.default_rng(SEED + 1)
    t0 = pd.read_csv(folder / "kitas.csv", dtype={"kita_id": str})
    t1 = _drift(t0, konz, rng, 1)
    t1 = t1[t1["kita_id"] != "BK17"].reset_index(drop=True)  # closes after T0
    t2 = _drift(t1, konz, rng, 2)
    new = t2[t2["kita_id"] == "BK05"].copy()  # a new Kita in Nord, answers like its neighbour's
    new["kita_id"], new["name"], new["children"] = "BK32", "Demo-Kita Sonnenblume (neu)", 45
    new["lat"], new["lon"] = new["lat"] + 0.0015, new["lon"] - 0.002
    t2 = pd.concat([t2, new], ignore_index=True)
    t2["anzahl_sprachen"] = t2["anzahl_sprachen"].astype(object)
    t2.loc[t2["kita_id"] == "BK03", "anzahl_sprachen"] = ""  # one missing answer
    (folder / "waves").mkdir(exist_ok=True)
    for frame, (label, _, name) in zip((t1, t2), BK_WAVES[1:], strict=True):
        build_kita_data(frame.astype(str).replace("nan", ""), konz, source=label)  # refuses if the drift broke a rule
        frame.to_csv(folder / name, index=False)
    lines = ["# Synthetische Befragungswellen der Demo Bad Kreuznach (data/generate_demo.py)."]
    for label, date, name in BK_WAVES:
        lines += ["", "[[waves]]", f'label = "{label}"', f'stichtag = "{date}"', f'file = "{name}"']
    (folder / "waves" / "waves.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- Yearly reports 2022 and 2023 (both demos) -------------------------------------------------
# The indicator catalogue lives beside the values (the demo Konzeptionen stay as they are); money
# follows the index (Sozialraum share, then the Kitas' points), spending and vacancies vary at random.
INDICATOR_TOML = """# Indikatorenkatalog der Demo-Jahresberichte (synthetisch, data/generate_demo.py)
[[indicators]]
key = "teilnahmen_angebote"
label = "Inanspruchnahme der Angebote (Teilnahmen)"
unit = "Teilnahmen"
level = "kita"
higher_is_better = true

[[indicators]]
key = "beratungsgespraeche"
label = "Beratungsgespräche mit Eltern"
unit = "Gespräche"
level = "kita"
higher_is_better = true

[[indicators]]
key = "rueckmeldung_praxis"
label = "Rückmeldung aus der Praxis (1 = schlecht … 5 = sehr gut)"
unit = "Mittelwert"
level = "kita"
higher_is_better = true

[[indicators]]
key = "personalwechsel"
label = "Personalwechsel der SRB-Fachkräfte"
unit = "Wechsel im Jahr"
level = "kita"
higher_is_better = false

[[indicators]]
key = "hze_faelle"
label = "Hilfen zur Erziehung (HzE-Fälle im Sozialraum)"
unit = "Fälle"
level = "sozialraum"
higher_is_better = false
"""
COST_PER_FTE_CENTS = 7_000_000  # assumed personnel cost of a full-time post, 70,000 € a year


def yearly_reports(folder: Path, rng) -> None:
    konz = load_konzeption(folder / "konzeption.toml")
    data = build_kita_data(pd.read_csv(folder / "kitas.csv", dtype=str, keep_default_na=False), konz)
    res = compute(data, konz)
    rows = []
    for y, year in enumerate((2022, 2023)):
        budget = round(konz.budget_cents * 1.025 ** y)  # the Konzeption's budget is that of 2022
        sr_cents = apportion_cents(budget, res.shares)
        for r, area in enumerate(data.sozialraum_names):
            members = np.flatnonzero(data.sozialraum == r)
            points = res.kita_overall[members] + 1.0
            kita_cents = apportion_cents(int(sr_cents[r]), points / points.sum())
            for i, cents in zip(members, kita_cents, strict=True):
                funded = np.floor(cents / 0.6 / COST_PER_FTE_CENTS * 20) / 20
                filled = max(0.0, funded - float(rng.choice([0, 0, 0, 0.25, 0.5])))
                need = res.kita_overall[i]
                rows.append({
                    "jahr": year, "kita_id": data.kita_ids[i], "sozialraum": area,
                    "zugewiesen_eur": f"{cents / 100:.2f}",
                    "verausgabt_eur": f"{round(cents * rng.uniform(0.78, 1.0)) / 100:.2f}",
                    "vza_gefoerdert": f"{funded:.2f}", "vza_besetzt": f"{filled:.2f}",
                    "teilnahmen_angebote": int(rng.poisson(40 + 1.2 * need + 25 * y)),
                    "beratungsgespraeche": int(rng.poisson(15 + 0.6 * need + 8 * y)),
                    "rueckmeldung_praxis": f"{min(5.0, rng.normal(3.6 + 0.2 * y, 0.4)):.1f}",
                    "personalwechsel": int(rng.poisson(0.6 if filled < funded else 0.2)),
                    "hze_faelle": "",
                })
        for r, area in enumerate(data.sozialraum_names):
            rows.append({"jahr": year, "kita_id": "", "sozialraum": area,
                         "hze_faelle": int(rng.poisson(8 + 0.5 * res.sr_overall[r] - 2 * y))})
    out = folder / "berichte"
    out.mkdir(exist_ok=True)
    pd.DataFrame(rows, dtype=object).fillna("").to_csv(out / "jahreswerte.csv", index=False)
    (out / "indikatoren.toml").write_text(INDICATOR_TOML, encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(SEED)
    bad_kreuznach(rng)
    mayen_koblenz(rng)
    bad_kreuznach_waves()
    reports_rng = np.random.default_rng(SEED + 2)
    yearly_reports(ROOT / "data" / "demo" / "bad_kreuznach", reports_rng)
    yearly_reports(ROOT / "data" / "demo" / "mayen_koblenz", reports_rng)
    print("Demo-Daten und schematische Karten geschrieben (synthetisch).")


if __name__ == "__main__":
    main()
