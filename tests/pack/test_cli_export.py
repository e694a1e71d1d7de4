"""`python -m srb_core export` writes the same pack; mistakes end with exit 2 and a German message."""
import json
import subprocess
import sys

import openpyxl

from srb_core import compute
from srb_core.scenarios import dumps
from tests.demos import BK, ROOT


def run(*args):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "srb_core",
            "export",
            "--kitas",
            str(BK / "kitas.csv"),
            "--konzeption",
            str(BK / "konzeption.toml"),
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_export_xlsx_and_pdf_with_scenario(tmp_path, bk_data, bk_konzeption):
    from srb_core.scenarios import baseline_scenario
    s = baseline_scenario(bk_konzeption, "bad_kreuznach", bk_data.fingerprint).with_(
        id="", name="Budget plus zehn Prozent")
    s = s.with_(params=s.params.with_(budget_cents=bk_konzeption.budget_cents * 11 // 10))
    (tmp_path / "s.json").write_text(dumps(s), encoding="utf-8")
    out = run("--scenario", str(tmp_path / "s.json"), "--anonymised", "--out", str(tmp_path / "pack.xlsx"))
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(tmp_path / "pack.xlsx")
    header = [c.value for c in wb["Sozialräume"][1]]
    euros = [row[header.index("Euro")].value for row in wb["Sozialräume"].iter_rows(min_row=2)]
    expected = compute(bk_data, bk_konzeption, s.params).euros_cents
    assert [round(e * 100) for e in euros] == list(expected)
    assert wb["Parameter"]["B2"].value == "Budget plus zehn Prozent"
    out = run("--scenario", str(tmp_path / "s.json"), "--map", str(ROOT / "geodata/bad_kreuznach.geojson"),
              "--out", str(tmp_path / "pack.pdf"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "pack.pdf").read_bytes().startswith(b"%PDF")


def test_bad_calls_exit_2_in_german(tmp_path):
    out = run("--out", str(tmp_path / "pack.docx"))
    assert out.returncode == 2 and ".xlsx oder .pdf" in out.stderr
    (tmp_path / "bad.json").write_text(json.dumps({"format": "srb-monitor-szenario", "version": 1, "name": "x"}))
    out = run("--scenario", str(tmp_path / "bad.json"), "--out", str(tmp_path / "p.xlsx"))
    assert out.returncode == 2 and "params" in out.stderr and "bad.json" in out.stderr
    assert not (tmp_path / "p.xlsx").exists()


def test_xlsx_export_imports_no_openpyxl_pdf_or_geo_library(tmp_path):
    """The pack's XLSX is written by srb_core.xlsxwrite; openpyxl, fpdf and geopandas stay unloaded."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "srb_core", "export", "--kitas",
                          str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
                          "--out", str(tmp_path / "p.xlsx")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    loaded = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in out.stderr.splitlines()
              if line.startswith("import time:") and "|" in line}
    assert "srb_core" in loaded and not loaded & {"openpyxl", "fpdf", "fontTools", "geopandas", "shapely", "pyproj"}
    assert openpyxl.load_workbook(tmp_path / "p.xlsx").sheetnames[0] == "Parameter"


def test_control_character_in_a_name_is_refused_in_german(tmp_path):
    """XML 1.0 forbids U+0001: the export names sheet, cell and value (exit 2) and leaves no file behind."""
    text = (BK / "kitas.csv").read_text(encoding="utf-8")
    name = text.splitlines()[1].split(",")[1]
    (tmp_path / "kitas.csv").write_text(text.replace(name, name.replace(" ", "\x01", 1), 1), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "srb_core", "export", "--kitas", str(tmp_path / "kitas.csv"),
                          "--konzeption", str(BK / "konzeption.toml"), "--out", str(tmp_path / "p.xlsx")],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2, out.stderr
    assert "Tabellenblatt „Kitas“" in out.stderr and "Steuerzeichen" in out.stderr
    assert name.replace(" ", "\\x01", 1) in out.stderr and "Traceback" not in out.stderr
    assert not list(tmp_path.glob("p.xlsx*"))
