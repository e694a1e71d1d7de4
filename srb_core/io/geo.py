"""Sozialraum maps: GeoJSON, GeoPackage or zipped Shapefile in any CRS → simplified WGS84 GeoJSON.

geopandas is imported here only, so the command line and the index stay quick to start.
"""
from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import limits
from ..data import KitaData
from ..errors import Problem, SrbInputError
from .source import read_source

SIMPLIFY_METRES = 10.0  # invisible at city scale, but makes the browser's map data much smaller
NAME_COLUMNS = ("sozialraum", "Sozialraum", "SOZIALRAUM", "name", "Name", "NAME")


class GeoDataError(SrbInputError):
    """A Sozialraum map cannot be used."""


@dataclass(frozen=True, eq=False)
class SozialraumMap:
    """The Sozialraum map in EPSG:4326 as GeoJSON with one feature per Sozialraum name."""

    names: tuple[str, ...]
    geojson: dict = field(repr=False)  # FeatureCollection in EPSG:4326, property "sozialraum"
    source: str = ""
    source_crs: str = ""
    notes: tuple[str, ...] = ()

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min lon, min lat, max lon, max lat) over all shapes."""
        coords = np.array([xy for f in self.geojson["features"] for xy in _coords(f["geometry"])])
        return (*coords.min(axis=0), *coords.max(axis=0))


def _coords(geometry: dict):
    def walk(node):
        if isinstance(node[0], (int, float)):
            yield node[:2]
        else:
            for child in node:
                yield from walk(child)
    yield from walk(geometry["coordinates"])


def read_map(content: bytes | str | Path, filename: str | None = None, name_column: str | None = None) -> SozialraumMap:
    """Read GeoJSON, GeoPackage or zipped Shapefile, reproject to EPSG:4326, one shape per Sozialraum; refused whole
    with a German reason."""
    import geopandas as gpd

    content, name, suffix = read_source(content, filename, "karte.geojson", GeoDataError)
    if suffix not in (".geojson", ".json", ".gpkg", ".zip"):
        raise GeoDataError(Problem("Dieses Kartenformat wird nicht unterstützt.", file=name, value=suffix,
                                   expected="GeoJSON (.geojson), GeoPackage (.gpkg) oder gezipptes Shapefile (.zip)"))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / ("upload" + suffix)
        target.write_bytes(content)
        if suffix == ".zip":
            target = _unpack_shapefile(target, name)
        try:
            frame = gpd.read_file(target)
        except Exception:  # noqa: BLE001 — pyogrio/GDAL raise many kinds, with English text and our temp path
            raise GeoDataError(Problem(_unreadable(suffix), file=name, expected=_FORMATS)) from None

    if frame.empty:
        raise GeoDataError(Problem("Die Karte enthält keine Flächen.", file=name))
    if frame.crs is None:
        raise GeoDataError(Problem("Das Koordinatensystem der Karte ist unbekannt.", file=name,
                                   expected="eine Angabe des Koordinatensystems (beim Shapefile die .prj-Datei)"))
    column = name_column or next((c for c in NAME_COLUMNS if c in frame.columns), None)
    if column is None or column not in frame.columns:
        raise GeoDataError(Problem("Keine Spalte mit dem Namen des Sozialraums gefunden.", file=name,
                                   value=", ".join(c for c in frame.columns if c != "geometry"),
                                   expected="eine Spalte „sozialraum“ mit denselben Namen wie in der Kita-Tabelle"))
    source_crs = frame.crs.to_string()
    problems = _shape_problems(frame, column, name)
    if problems:
        raise GeoDataError(problems, title="Die Karte kann nicht verwendet werden.")

    frame = frame[[column, "geometry"]].rename(columns={column: "sozialraum"})
    frame["sozialraum"] = frame["sozialraum"].astype(str).str.strip()
    notes = []
    counts = frame["sozialraum"].value_counts()
    for label, count in counts[counts > 1].items():
        notes.append(f"„{label}“ besteht aus {count} Teilflächen; sie werden zu einer Fläche zusammengefasst.")
    frame = frame.dissolve(by="sozialraum", as_index=False, sort=False)
    metric = frame.to_crs(25832) if not frame.crs.equals("EPSG:25832") else frame
    metric = metric.set_geometry(metric.geometry.simplify(SIMPLIFY_METRES, preserve_topology=True))
    wgs84 = metric.to_crs(4326)
    geojson = json.loads(wgs84.to_json(drop_id=True))
    return SozialraumMap(tuple(wgs84["sozialraum"]), geojson, name, source_crs, tuple(notes))


def _shape_problems(frame, column: str, name: str) -> list[Problem]:
    """Every unnamed, empty, non-polygon or invalid shape, and coordinates outside their system."""
    import shapely

    problems: list[Problem] = []
    for i, (label, geometry) in enumerate(zip(frame[column], frame.geometry, strict=False), start=1):
        where = dict(file=name, row=i, column=column, value=label)
        if label is None or str(label).strip() == "":
            problems.append(Problem(f"Fläche Nr. {i} hat keinen Namen.", file=name, row=i, column=column))
        if geometry is None or geometry.is_empty:
            problems.append(Problem("Die Fläche ist leer.", **where, expected="ein Polygon"))
        elif geometry.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(Problem(f"Die Geometrie ist ein {geometry.geom_type}, keine Fläche.", **where,
                                    expected="Polygon oder MultiPolygon"))
        elif not geometry.is_valid:
            problems.append(Problem(f"Die Fläche ist ungültig ({shapely.is_valid_reason(geometry)}).", **where,
                                    expected="eine gültige Fläche (z. B. in QGIS mit „Geometrien reparieren“)"))
    if frame.crs.is_geographic:
        minx, miny, maxx, maxy = frame.total_bounds
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            problems.append(Problem("Die Koordinaten passen nicht zum angegebenen geografischen Koordinatensystem "
                                    f"({frame.crs.to_string()}).", file=name, value=f"{minx:.0f}, {miny:.0f}",
                                    expected="Längen- und Breitengrade oder die richtige Angabe des Systems"))
    return problems


_FORMATS = "GeoJSON (.geojson), GeoPackage (.gpkg) oder gezipptes Shapefile (.zip mit .shp, .shx, .dbf, .prj)"


def _unreadable(suffix: str) -> str:
    """One German sentence for any read failure; GDAL's own message would name a temporary path."""
    kind = {".zip": "Das Shapefile im ZIP-Archiv", ".gpkg": "Das GeoPackage"}.get(suffix, "Die GeoJSON-Datei")
    return (f"{kind} lässt sich nicht als Karte lesen: Die Datei ist beschädigt, leer oder hat nicht das "
            "erwartete Format.")


def _unpack_shapefile(archive: Path, name: str) -> Path:
    """The .shp inside a ZIP; declared sizes are checked before anything is unpacked."""
    limits.check_archive(archive.read_bytes(), name, GeoDataError)
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.namelist()
            shp = [m for m in members if m.lower().endswith(".shp") and not m.startswith("__MACOSX")]
            if len(shp) != 1:
                raise GeoDataError(Problem(f"Das ZIP-Archiv enthält {len(shp)} Shapefiles.", file=name,
                                           expected="genau eine .shp-Datei mit .shx, .dbf und .prj"))
            stem = shp[0][:-4]
            for ext in (".shx", ".dbf"):
                if not any(m.lower() == (stem + ext).lower() for m in members):
                    raise GeoDataError(Problem(f"Im ZIP-Archiv fehlt die Datei {Path(stem).name}{ext}.", file=name,
                                               expected="die Dateien .shp, .shx, .dbf und .prj"))
            for member in members:  # only the Shapefile's parts, each no larger than it declares
                lower = member.lower()
                if lower.startswith(stem.lower() + ".") and "/" not in lower[len(stem):] and ".." not in member:
                    out = archive.parent / Path(member).name
                    out.write_bytes(limits.read_member(zf, zf.getinfo(member)))
    except zipfile.BadZipFile:
        raise GeoDataError(Problem("Die Datei ist kein gültiges ZIP-Archiv.", file=name)) from None
    return archive.parent / Path(shp[0]).name


def check_map_against_kitas(geo: SozialraumMap, data: KitaData) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) between a map and a Kita table: names must match one to one."""
    from shapely.geometry import Point, shape

    errors, warnings = [], []
    polygons = {f["properties"]["sozialraum"]: shape(f["geometry"]) for f in geo.geojson["features"]}
    for area in data.sozialraum_names:
        if area not in polygons:
            errors.append(Problem(f"Der Sozialraum „{area}“ der Kita-Tabelle hat keine Fläche in der Karte.",
                                  file=geo.source, column="sozialraum", value=area,
                                  expected="eine Fläche mit genau diesem Namen"))
    for area in polygons:
        if area not in data.sozialraum_names:
            errors.append(Problem(f"Die Fläche „{area}“ hat keine Kita in der Kita-Tabelle.", file=geo.source,
                                  column="sozialraum", value=area, expected="Namen wie in der Kita-Tabelle: "
                                  + ", ".join(data.sozialraum_names)))
    if data.lat is not None and data.lon is not None:
        for i in range(data.n):
            area = data.sozialraum_names[data.sozialraum[i]]
            located = area in polygons and not np.isnan(data.lat[i]) and not np.isnan(data.lon[i])
            if located and not polygons[area].buffer(1e-4).contains(Point(data.lon[i], data.lat[i])):
                warnings.append(Problem(
                    f"Die Kita {data.kita_ids[i]} liegt nicht in ihrer Sozialraum-Fläche „{area}“.",
                    file=data.source, row=data.file_row(i), column="lat/lon", value=f"{data.lat[i]}, {data.lon[i]}",
                    expected="Koordinaten innerhalb der Fläche (oder die Zuordnung prüfen)"))
    return errors, warnings


def to_geopackage_bytes(geo: SozialraumMap) -> bytes:
    """For tests and exports: the map as a GeoPackage file."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame.from_features(geo.geojson["features"], crs=4326)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "karte.gpkg"
        frame.to_file(path, driver="GPKG")
        return path.read_bytes()


__all__ = ["GeoDataError", "SozialraumMap", "check_map_against_kitas", "read_map", "to_geopackage_bytes"]
