"""Sozialraum maps: formats, reprojection from EPSG:25832, and the checks against the Kita table."""
import io
import json
import zipfile

import geopandas as gpd
import pytest
from shapely.geometry import Polygon, box

from srb_core.io.geo import GeoDataError, check_map_against_kitas, read_map
from srb_core.io.validation import validate_upload
from tests.demos import BK, ROOT

BK_MAP = ROOT / "geodata" / "bad_kreuznach.geojson"


def _gdf_bytes(frame, driver, suffix, tmp_path):
    path = tmp_path / f"karte{suffix}"
    frame.to_file(path, driver=driver)
    return path.read_bytes()


def test_reprojects_from_etrs89_utm32():
    # On UTM zone 32's central meridian (9° E), 50° N lies at E = 500,000 m and
    # N = 0.9996 × 5,540,847 m (GRS80 meridian arc to 50°) ≈ 5,538,631 m.
    square = box(499_000, 5_537_631, 501_000, 5_539_631)
    frame = gpd.GeoDataFrame({"sozialraum": ["Mitte"]}, geometry=[square], crs="EPSG:25832")
    buffer = io.BytesIO()
    frame.to_file(buffer, driver="GPKG")
    geo = read_map(buffer.getvalue(), "utm.gpkg")
    assert geo.source_crs == "EPSG:25832"
    lon0, lat0, lon1, lat1 = geo.bounds
    assert (lon0 + lon1) / 2 == pytest.approx(9.0, abs=1e-4)
    assert (lat0 + lat1) / 2 == pytest.approx(50.0, abs=1e-4)


def test_geojson_with_projected_coordinates_but_no_crs_is_refused():
    square = box(499_000, 5_537_631, 501_000, 5_539_631)
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"sozialraum": "Mitte"},
                "geometry": json.loads(gpd.GeoSeries([square]).to_json())["features"][0]["geometry"],
            }
        ],
    }
    with pytest.raises(GeoDataError, match="Koordinaten passen nicht"):
        read_map(json.dumps(doc).encode(), "ohne_crs.geojson")


def test_zipped_shapefile(tmp_path):
    frame = gpd.read_file(BK_MAP).to_crs(25832)
    folder = tmp_path / "shp"
    folder.mkdir()
    frame.to_file(folder / "sozialraeume.shp", encoding="utf-8")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        for part in folder.iterdir():
            zf.write(part, part.name)
    geo = read_map(archive.getvalue(), "sozialraeume.zip")
    assert sorted(geo.names) == sorted(gpd.read_file(BK_MAP)["sozialraum"])


def test_shapefile_without_dbf_is_refused(tmp_path):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.shp", b"x")
        zf.writestr("a.shx", b"x")
    with pytest.raises(GeoDataError, match="fehlt die Datei a.dbf"):
        read_map(archive.getvalue(), "a.zip")


def test_invalid_and_empty_geometries_are_refused(tmp_path):
    bowtie = Polygon([(7.80, 49.80), (7.85, 49.85), (7.85, 49.80), (7.80, 49.85)])
    frame = gpd.GeoDataFrame({"sozialraum": ["Schleife", "Leer"]}, geometry=[bowtie, Polygon()], crs=4326)
    with pytest.raises(GeoDataError) as info:
        read_map(frame.to_json().encode(), "kaputt.geojson")
    text = info.value.text()
    assert "Zeile 1, Spalte „sozialraum“, Wert „Schleife“: Die Fläche ist ungültig (Self-intersection" in text
    assert "Zeile 2, Spalte „sozialraum“, Wert „Leer“: Die Fläche ist leer." in text


def test_names_must_match_and_kitas_lie_inside(bk_data):
    frame = gpd.read_file(BK_MAP)
    frame.loc[frame["sozialraum"] == "Süd-West", "sozialraum"] = "Südwest"
    geo = read_map(frame.to_json().encode(), "karte.geojson")
    errors, warnings = check_map_against_kitas(geo, bk_data)
    texts = [e.text() for e in errors]
    assert any("„Süd-West“ der Kita-Tabelle hat keine Fläche" in t for t in texts)
    assert any("Die Fläche „Südwest“ hat keine Kita" in t for t in texts)
    # move one Kita of Nord far into Bad Münster
    moved = bk_data.lat.copy()
    moved[0] = 49.80
    from dataclasses import replace
    _, warnings = check_map_against_kitas(read_map(BK_MAP), replace(bk_data, lat=moved))
    assert len(warnings) == 1 and "BK01 liegt nicht in ihrer Sozialraum-Fläche „Nord“" in warnings[0].text()


def test_demo_maps_fit_their_kitas(bk_data, myk_data):
    for name, data in (("bad_kreuznach", bk_data), ("mayen_koblenz", myk_data)):
        errors, warnings = check_map_against_kitas(read_map(ROOT / "geodata" / f"{name}.geojson"), data)
        assert errors == [] and warnings == []


def test_validation_report_collects_all_and_refuses_whole():
    kitas = (BK / "kitas.csv").read_bytes().replace(b"BK02", b"BK01", 1)
    frame = gpd.read_file(BK_MAP)
    frame.loc[0, "sozialraum"] = "Nirgendwo"
    report = validate_upload(kitas, "kitas.csv", (BK / "konzeption.toml").read_bytes(), "konzeption.toml",
                             frame.to_json().encode(), "karte.geojson")
    assert not report.ok and report.data is None
    assert any("doppelt" in p.text() for p in report.errors)
    mismatch = validate_upload((BK / "kitas.csv").read_bytes(), "kitas.csv", (BK / "konzeption.toml").read_bytes(),
                               "konzeption.toml", frame.to_json().encode(), "karte.geojson")
    assert not mismatch.ok and mismatch.data is None and mismatch.geo is None
    assert any("Die Fläche „Nirgendwo“ hat keine Kita" in p.text() for p in mismatch.errors)
    good = validate_upload((BK / "kitas.csv").read_bytes(), "kitas.csv", (BK / "konzeption.toml").read_bytes(),
                           "konzeption.toml", BK_MAP.read_bytes(), "karte.geojson")
    assert good.ok and good.geo is not None


@pytest.mark.parametrize("name, content", [
    ("karte.geojson", b'{"type": "FeatureCollection", "features": [{"type": '),
    ("karte.gpkg", b"SQLite format 3\x00" + b"\x00" * 200),
    ("karte.json", b"\xff\xfe kaputt"),
], ids=["geojson", "gpkg", "json"])
def test_unreadable_map_gives_one_german_sentence_without_temp_path(name, content):
    with pytest.raises(GeoDataError) as info:
        read_map(content, name)
    text = info.value.text()
    assert f"Datei „{name}“: " in text and "lässt sich nicht als Karte lesen" in text
    assert "/tmp" not in text and "upload" not in text and "Error" not in text


def test_broken_shapefile_in_zip_names_the_users_file(tmp_path):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        for ext in (".shp", ".shx", ".dbf", ".prj"):
            zf.writestr("sozialraeume" + ext, b"kein Shapefile")
    with pytest.raises(GeoDataError) as info:
        read_map(archive.getvalue(), "meine_karte.zip")
    text = info.value.text()
    assert "Datei „meine_karte.zip“: Das Shapefile im ZIP-Archiv lässt sich nicht als Karte lesen" in text
    assert "/tmp" not in text
