"""Yearly values: strict import (file, row, column, value), the Kita report, budget use and the CLI."""
from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace

import pandas as pd
import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook

from srb_core import parse_konzeption
from srb_core.errors import KonzeptionError
from srb_core.konzeption.indicators import parse_catalogue
from srb_core.reports import ReportDataError, load_yearly, template_csv
from srb_core.reports.kita_report import budget_use, kita_report, unused_what_if
from srb_core.reports.render import report_pdf, report_xlsx
from tests.demos import BK, ROOT

CATALOGUE = parse_catalogue((BK / "berichte" / "indikatoren.toml").read_text(encoding="utf-8"), "indikatoren.toml")
HEAD = "jahr;kita_id;sozialraum;zugewiesen_eur;verausgabt_eur;vza_gefoerdert;vza_besetzt;beratungsgespraeche;hze_faelle"


def load(lines: list[str], bk_data):
    return load_yearly(("\n".join([HEAD, *lines]) + "\n").encode("utf-8"), CATALOGUE, bk_data, "jahreswerte.csv")


def test_good_rows_are_read_exactly(bk_data):
    values = load(["2022;BK01;Nord;1000,50;900,25;0,5;0,25;12;", "2022;;Nord;;;;;;7",
                   "2023;BK01;;1100,00;1100,00;0,5;0,5;15;"], bk_data)
    assert values.years == (2022, 2023)
    row = values.kita.iloc[0]
    assert row["zugewiesen_cents"] == 100050 and row["verausgabt_cents"] == 90025 and row["vza_besetzt"] == 0.25
    assert values.sozialraum.iloc[0]["hze_faelle"] == 7.0


@pytest.mark.parametrize("line, row, column, value", [
    ("2022;BK99;Nord;1000;900;1;1;3;", 2, "kita_id", "BK99"),  # unknown Kita
    ("2022;BK01;Ost;1000;900;1;1;3;", 2, "sozialraum", "Ost"),  # BK01 is in Nord
    ("zwei;BK01;Nord;1000;900;1;1;3;", 2, "jahr", "zwei"),
    ("2022;BK01;Nord;1.000,00;900;1;1;3;", 2, "zugewiesen_eur", "1.000,00"),  # thousands dot: refused, not guessed
    ("2022;BK01;Nord;1000,005;900;1;1;3;", 2, "zugewiesen_eur", "1000,005"),  # below a cent
    ("2022;BK01;Nord;-5;900;1;1;3;", 2, "zugewiesen_eur", "-5"),
    ("2022;BK01;Nord;1000;900;150;1;3;", 2, "vza_gefoerdert", "150"),
    ("2022;BK01;Nord;1000;900;1;1;viele;", 2, "beratungsgespraeche", "viele"),
    ("2022;BK01;Nord;1000;900;1;1;3;4", 2, "hze_faelle", "4"),  # a Sozialraum indicator in a Kita row
    ("2022;;Nord;1000;;;;;4", 2, "zugewiesen_eur", "1000"),  # money in a Sozialraum row
    ("2022;;Atlantis;;;;;;4", 2, "sozialraum", "Atlantis"),
])
def test_bad_input_is_refused_with_file_row_column_value(bk_data, line, row, column, value):
    with pytest.raises(ReportDataError) as info:
        load([line], bk_data)
    [problem] = info.value.problems
    assert (problem.file, problem.row, problem.column, str(problem.value)) == ("jahreswerte.csv", row, column, value)
    assert f"Zeile {row}" in info.value.text() and f"„{value}“" in info.value.text()


def test_duplicates_unknown_columns_and_all_problems_at_once(bk_data):
    text = (HEAD + ";beratungsgesprache\n2022;BK01;Nord;1;1;1;1;1;;1\n").encode()
    with pytest.raises(ReportDataError) as info:
        load_yearly(text, CATALOGUE, bk_data, "jahreswerte.csv")
    assert [(p.row, p.column) for p in info.value.problems] == [(1, "beratungsgesprache")]  # the typo is not dropped
    with pytest.raises(ReportDataError) as info:
        load(["2022;BK01;Nord;1;1;1;1;1;", "2022;BK01;Nord;1;1;1;1;1;", "x;BK02;Nord;1;1;1;1;1;"], bk_data)
    assert [(p.row, p.column) for p in info.value.problems] == [(3, "kita_id"), (4, "jahr")]
    assert "Zeile 2" in info.value.problems[0].message


def test_indicator_catalogue_in_the_konzeption_is_checked():
    base = '[konzeption]\nname = "x"\n[[variables]]\ncolumn = "a"\nindex = "A"\n'
    k = parse_konzeption(base + '[[indicators]]\nkey = "faelle"\nlabel = "Fälle"\nlevel = "sozialraum"\n'
                                'higher_is_better = false\n')
    assert k.indicators[0].level == "sozialraum" and k.indicators[0].higher_is_better is False
    with pytest.raises(KonzeptionError) as info:
        parse_konzeption(base + '[[indicators]]\nkey = "faelle"\nlabel = "F"\nhigher_is_better = "ja"\nrang = 1\n')
    text = info.value.text()
    assert "indicators[1].rang" in text and "indicators[1].higher_is_better" in text and "„ja“" in text


def test_kita_report_hand_checked(bk_data):
    values = load(["2022;BK01;Nord;1000,00;800,00;1;0,75;10;", "2023;BK01;Nord;1000,00;1000,00;1;1;14;",
                   "2022;;Nord;;;;;;9", "2023;;Nord;;;;;;6"], bk_data)
    r = kita_report(values, bk_data, "BK01", 2023)
    lines = {x.label: x for x in r.indicators}
    talks = lines["Beratungsgespräche mit Eltern"]
    assert (talks.previous, talks.value, talks.change) == (10.0, 14.0, 4.0)
    assert lines["Hilfen zur Erziehung (HzE-Fälle im Sozialraum)"].change == -3.0
    first, second = r.money
    assert (first.unused_cents, first.use_share, first.vacant_fte) == (20000, 0.8, 0.25)
    assert (second.unused_cents, second.use_share, second.vacant_fte) == (0, 1.0, 0.0)
    anon = kita_report(values, bk_data, "BK01", 2023, anonymised=True)
    assert anon.name.startswith("Kita ") and anon.kita_id == anon.name and "Pusteblume" not in anon.name


def test_budget_use_and_unused_what_if_add_up_to_the_cent(bk_data):
    values = load(["2022;BK01;Nord;1000,00;800,00;1;1;;", "2022;BK02;Nord;500,00;500,00;1;1;;",
                   "2022;BK06;Ost;300,01;0,00;1;0;;"], bk_data)
    use = unused_what_if(budget_use(values, bk_data, 2022))
    by = use.set_index("sozialraum")
    assert by.loc["Nord", "zugewiesen_cents"] == 150000 and by.loc["Nord", "ungenutzt_cents"] == 20000
    assert by.loc["Ost", "ungenutzt_cents"] == 30001 and by.loc["Ost", "vza_offen"] == 1.0
    assert int(use["umverteilt_cents"].sum()) == 50001  # the whole pool, not a cent more or less


def test_pdf_is_one_page_and_xlsx_keeps_names_as_text(bk_data, tmp_path):
    values = load_yearly(BK / "berichte" / "jahreswerte.csv", CATALOGUE, bk_data)
    r = kita_report(values, bk_data, "BK07", 2023, demo=True)
    doc = pdfium.PdfDocument(report_pdf(r))
    try:
        assert len(doc) == 1
        text = doc[0].get_textpage().get_text_range()
        assert "Jahresbericht 2023" in text and "synthetisch" in text and "keine Rangfolge" in text
    finally:
        doc.close()
    hostile = replace(r, indicators=(replace(r.indicators[0], label='=HYPERLINK("http://x")'), *r.indicators[1:]))
    ws = load_workbook(io.BytesIO(report_xlsx(hostile))).active
    [cell] = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert cell.data_type == "s"  # stays text, never a live formula
    money = [c for row in ws.iter_rows() for c in row if c.value == 2023 and c.column == 1][-1].row
    assert ws.cell(money, 2).value == r.money[-1].allocated_cents / 100 and "€" in ws.cell(money, 2).number_format


def test_cli_report_writes_pdf_and_refuses_unknown_kita(tmp_path):
    args = [sys.executable, "-m", "srb_core", "report", "--kita", "BK07", "--year", "2023",
            "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
            "--indicators", str(BK / "berichte" / "jahreswerte.csv"),
            "--catalogue", str(BK / "berichte" / "indikatoren.toml")]
    out = tmp_path / "bericht.pdf"
    done = subprocess.run([*args, "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    bad = subprocess.run([*args[:5], "BK99", *args[6:], "--out", str(tmp_path / "x.pdf")], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "BK99" in bad.stderr and "Traceback" not in bad.stderr


def test_template_lists_every_kita_and_sozialraum(bk_data):
    frame = pd.read_csv(io.BytesIO(template_csv(CATALOGUE, bk_data, 2024)), sep=";", dtype=str,
                        keep_default_na=False, encoding="utf-8-sig")
    assert list(frame["kita_id"][:bk_data.n]) == list(bk_data.kita_ids)
    assert set(frame["sozialraum"][bk_data.n:]) == set(bk_data.sozialraum_names)
