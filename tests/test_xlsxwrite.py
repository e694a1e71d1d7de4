"""The own XLSX writer, read back with openpyxl, pandas and the app's own reader: texts stay texts, numbers
stay numbers, formats, fonts, widths, the frozen header and sheet names as written; forbidden input refused."""
import io
import math
import zipfile
from xml.etree import ElementTree

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings

from srb_core.errors import SrbInputError
from srb_core.fmt import EXCEL
from srb_core.io.xlsx import read_xlsx_rows
from srb_core.xlsxwrite import MAX_TEXT, Cell, Sheet, workbook
from tests.strategies import xlsx_tables

HOSTILE = ["Größe Äpfel Öl Übung ß", 'Kita "Sonnenschein"', "O'Brien", "<script>alert(1)</script>", "a < b > c & d",
           "&amp; &lt;", "`rm -rf`", "${jndi:x}", "=1+1", '=HYPERLINK("http://x")', "+49 671", "-5", "@SUMME(A1)",
           "  vorne und hinten  ", " ", "Zeile 1\nZeile 2", "Zeile 1\r\nZeile 2\r", "Tab\tTab", "**fett** _kursiv_ #",
           "x" * 5000, "€ – “” ‚‘ … 😀 中文", "0012", "1,5", "TRUE", "#N/A"]


def _book(rows, name="Blatt", **kw) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook([Sheet(name, rows, **kw)])))


def _values(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_hostile_texts_stay_texts_in_openpyxl_pandas_and_the_apps_reader():
    raw = workbook([Sheet("Texte", [[t] for t in HOSTILE])])
    ws = openpyxl.load_workbook(io.BytesIO(raw)).active
    assert [row[0] for row in _values(ws)] == HOSTILE
    assert {c.data_type for row in ws.iter_rows() for c in row} == {"s"}  # never "f" (formula)
    assert list(pd.read_excel(io.BytesIO(raw), header=None, dtype=object, keep_default_na=False)[0]) == HOSTILE
    own = [cells[0] for _, cells in read_xlsx_rows(raw, "texte.xlsx")]  # a row of blanks only is no data there
    assert own == [t for t in HOSTILE if t.strip()]
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "&lt;script&gt;" in sheet and "&#13;" in sheet  # CR kept, not turned into LF


def test_numbers_stay_numbers_exactly():
    numbers = [0, -1, 7, 10**14, -(10**14) + 1, 2**53, 0.1, 0.1 + 0.2, -1.5e-7, 1e16, 123456.789, -0.5, 5e-324,
               1.7976931348623157e308]
    ws = _book([numbers, [True, False, None, float("nan"), "", 1]]).active
    first, second = _values(ws)
    assert first == numbers
    assert [type(v) for v in first] == [type(v) for v in numbers]  # ints stay ints (cents), floats floats
    assert second[:6] == [True, False, None, None, None, 1]  # NaN and "" are empty cells, as openpyxl wrote them
    frame = pd.read_excel(io.BytesIO(workbook([Sheet("Z", [["Cent", "Anteil"], [10**14, 0.1737], [-5, 1 / 3]])])))
    assert list(frame["Cent"]) == [10**14, -5] and list(frame["Anteil"]) == [0.1737, 1 / 3]


def test_formats_fonts_widths_and_frozen_header():
    rows = [[Cell("Kita", bold=True), Cell("Euro", bold=True), Cell("Anteil", bold=True), Cell("Δ pp", bold=True)],
            ["A", Cell(1234.5, EXCEL["eur"]), Cell(0.25, EXCEL["share"]), Cell(-0.5, EXCEL["pp"])],
            ["B", Cell(None, EXCEL["eur"]), Cell(1, "0.00"), Cell(2, EXCEL["points"])],
            [Cell("Titel", bold=True, size=14)]]
    wb = openpyxl.load_workbook(io.BytesIO(workbook([Sheet("Formate", rows, {1: 25, 2: 17.5}, freeze_header=True),
                                                     Sheet("Ohne", [["x"]])])))
    ws = wb["Formate"]
    assert [c.font.b for c in ws[1]] == [True] * 4 and not ws["A2"].font.b
    assert ws["B2"].number_format == '#,##0.00 "€"' and ws["C2"].number_format == "0.00%"
    assert ws["D2"].number_format == "+0.00;-0.00;0.00" and ws["C3"].number_format == "0.00"
    assert ws["D3"].number_format == "0.0" and ws["A2"].number_format == "General"
    assert ws["B3"].value is None and ws["A4"].font.b and ws["A4"].font.sz == 14 and ws["A2"].font.sz == 11
    assert ws.column_dimensions["A"].width == 25 and ws.column_dimensions["B"].width == 17.5
    assert ws.freeze_panes == "A2" and wb["Ohne"].freeze_panes is None


def test_empty_rows_stay_empty():
    ws = _book([["oben"], [], [None, None], ["unten"]]).active
    assert _values(ws) == [["oben"], [None], [None], ["unten"]]


def test_german_sheet_names_in_order_and_excels_rules():
    names = ["Parameter", "Sozialräume", "Förderstränge", "Kitas & Träger", "Bericht 2023", "x" * 31]
    wb = openpyxl.load_workbook(io.BytesIO(workbook([Sheet(n, [[n]]) for n in names])))
    assert wb.sheetnames == names and wb["Kitas & Träger"]["A1"].value == "Kitas & Träger"
    for bad in ("", "x" * 32, "a/b", "a\\b", "[1]", "Was?", "a*b", "A:B", "'x", "x'"):
        with pytest.raises(ValueError, match="Tabellenblatt"):
            workbook([Sheet(bad, [[1]])])
    with pytest.raises(ValueError, match="doppelt"):
        workbook([Sheet("Kitas", [[1]]), Sheet("KITAS", [[2]])])
    with pytest.raises(ValueError):
        workbook([])


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff", "\ud800"])
def test_characters_xml_forbids_are_refused_naming_sheet_cell_and_value(char):
    with pytest.raises(SrbInputError) as info:
        workbook([Sheet("Kitas", [["Name"], ["ok", f"Kita{char}Nord"]])])
    text = str(info.value)
    assert "Tabellenblatt „Kitas“, Zelle B2" in text and "Steuerzeichen" in text
    assert (f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}") in text  # shown, not printed raw


def test_length_limit_of_excel_cells():
    longest = "ä" * MAX_TEXT
    assert _book([[longest]]).active["A1"].value == longest
    with pytest.raises(SrbInputError, match="länger als 32.767 Zeichen"):
        workbook([Sheet("Lang", [[longest + "x"]])])


def test_infinity_is_refused():
    with pytest.raises(SrbInputError, match="unendlich"):
        workbook([Sheet("Z", [[math.inf]])])


def test_output_is_deterministic_and_every_part_well_formed():
    sheets = [Sheet("Eins", [[Cell("a", bold=True)], [Cell(1.5, EXCEL["eur"])]], {1: 20}, freeze_header=True)]
    raw = workbook(sheets)
    assert raw == workbook(sheets)
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        assert zf.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in zf.namelist():
            ElementTree.fromstring(zf.read(name))


@settings(max_examples=60, deadline=None)
@given(xlsx_tables())
def test_any_table_reads_back_the_same(table):
    raw = workbook([Sheet("Eigenschaft", table)])
    got = _values(openpyxl.load_workbook(io.BytesIO(raw)).active)
    width = len(table[0])
    expected = [[None if v == "" else v for v in row] for row in table]
    while expected and all(v is None for v in expected[-1]):  # trailing empty rows are not stored
        expected.pop()
    if not expected:
        assert all(v is None for row in got for v in row)
        return
    typed = [[(type(v), v) for v in row + [None] * (width - len(row))] for row in got]
    assert typed == [[(type(v), v) for v in row] for row in expected]  # True stays True, 1.0 stays a float
