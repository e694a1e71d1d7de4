"""Limits instead of hangs: hostile sizes are refused from cheap checks, each well within seconds.

The timers are only a guard against hangs (generous 10 s); speed goals live in benchmarks/.
"""
import time

import pandas as pd
import pytest

from srb_core import KitaDataError, limits, load_kitas
from srb_core.io.geo import GeoDataError, read_map
from tests.demos import BK, ROOT
from tests.hostile import deflated, zip_claiming

HANG_GUARD = 10.0


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        assert self.seconds < HANG_GUARD, f"took {self.seconds:.1f} s"


def _big_csv(rows: int) -> bytes:
    frame = pd.read_csv(BK / "kitas.csv", dtype=str, keep_default_na=False)
    big = pd.concat([frame] * (rows // len(frame) + 1)).head(rows).reset_index(drop=True)
    big["kita_id"] = [f"K{i:06d}" for i in range(rows)]
    return big.to_csv(index=False).encode("utf-8")


def test_100000_rows_are_refused_by_the_row_limit(bk_konzeption):
    content = _big_csv(100_000)
    with Timer(), pytest.raises(KitaDataError) as info:
        load_kitas(content, bk_konzeption, "riesig.csv")
    assert ("Datei „riesig.csv“, Zeile 20002: Die Tabelle hat mehr als 20.000 Kitas. Erwartet: höchstens "
            "20.000 Zeilen") in info.value.text()


def test_20000_rows_load(bk_konzeption):
    content = _big_csv(20_000)
    with Timer():
        data = load_kitas(content, bk_konzeption, "gross.csv")
    assert data.n == 20_000


def test_file_over_20_mb_is_refused_before_reading(bk_konzeption):
    content = b"kita_id,name,sozialraum\n" + b"x" * (limits.MAX_FILE_BYTES + 1)
    with Timer(), pytest.raises(KitaDataError, match=r"Die Datei ist zu groß \(20,0 MB\). Erwartet: höchstens 20,0 MB"):
        load_kitas(content, bk_konzeption, "gross.csv")


def test_xlsx_that_would_inflate_to_300_mb_is_refused_unopened(bk_konzeption):
    members = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
               "xl/worksheets/sheet1.xml": b"<worksheet>" + b" " * 1000 + b"</worksheet>"}
    content = zip_claiming(members, {"xl/worksheets/sheet1.xml": 300 * limits.MB})
    assert len(content) < 2000
    with Timer(), pytest.raises(KitaDataError) as info:
        load_kitas(content, bk_konzeption, "bombe.xlsx")
    text = info.value.text()
    assert "Datei „bombe.xlsx“, Wert „xl/worksheets/sheet1.xml“: Die Excel-Datei enthält eine Datei, " \
           "die entpackt zu groß wäre (300,0 MB" in text


def test_xlsx_highly_compressible_member_is_refused_unopened(bk_konzeption):
    content = deflated({"xl/worksheets/sheet1.xml": b"<worksheet>" + b"0" * (70 * limits.MB) + b"</worksheet>"})
    assert len(content) < 2 * limits.MB
    with Timer(), pytest.raises(KitaDataError, match="entpackt zu groß wäre"):
        load_kitas(content, bk_konzeption, "bombe.xlsx")


def test_member_lying_about_its_size_is_not_read_beyond_it(bk_konzeption):
    sheet = b"<worksheet><sheetData>" + b"<row/>" * 2_000_000 + b"</sheetData></worksheet>"
    content = zip_claiming({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": sheet},
                           {"xl/worksheets/sheet1.xml": 100})
    with Timer(), pytest.raises(KitaDataError, match="Die Excel-Datei ist nicht lesbar"):
        load_kitas(content, bk_konzeption, "luegt.xlsx")


def test_zipped_shapefile_with_a_1_gb_member_is_refused_unpacked():
    content = zip_claiming({"k.shp": b"x" * 100, "k.shx": b"x", "k.dbf": b"x", "k.prj": b"x"},
                           {"k.shp": 1024 * limits.MB})
    with Timer(), pytest.raises(GeoDataError) as info:
        read_map(content, "karte.zip")
    assert "Datei „karte.zip“, Wert „k.shp“: Das ZIP-Archiv enthält eine Datei, die entpackt zu groß wäre " \
           "(1.024,0 MB" in info.value.text()


def test_readme_lists_the_limits_as_the_code_has_them():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Grenzen" in readme
    for what, limit in limits.LIMITS_DE:
        assert f"| {what} | {limit} |" in readme
