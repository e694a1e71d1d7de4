"""Nothing changes meaning silently: each case is refused whole, naming file, row, column and value.

Sozialraum names exactly as in the Konzeption; spreadsheet error cells, merged cells and formulas without
a saved value; doubled headers; digits that are not ASCII. Completely empty rows and columns are skipped.
"""
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from srb_core import KitaDataError, load_kitas
from tests.demos import BK

LINES = (BK / "kitas.csv").read_text(encoding="utf-8").splitlines()
HEADER = LINES[0].split(",")


def _csv_with(row: int, column: str, value: str) -> bytes:
    """The demo CSV with one cell replaced; `row` as the spreadsheet counts (header = 1)."""
    lines = list(LINES)
    cells = lines[row - 1].split(",")
    cells[HEADER.index(column)] = value
    lines[row - 1] = ",".join(cells)
    return "\n".join(lines).encode("utf-8")


def _refused(content: bytes, konzeption, name: str) -> str:
    with pytest.raises(KitaDataError) as info:
        load_kitas(content, konzeption, name)
    return info.value.text()


@pytest.mark.parametrize("typo, suggestion", [("Nordd", "Nord"), ("nord", "Nord"),
                                              ("Pariser  Viertel", "Pariser Viertel")])
def test_sozialraum_must_be_spelled_as_in_the_konzeption(bk_konzeption, typo, suggestion):
    text = _refused(_csv_with(4, "sozialraum", typo), bk_konzeption, "kitas.csv")
    assert f"Datei „kitas.csv“, Zeile 4, Spalte „sozialraum“, Wert „{typo}“: Diesen Sozialraum nennt die " \
           "Konzeption nicht" in text
    assert f"Erwartet: „{suggestion}“ (genau so geschrieben)" in text


@pytest.mark.parametrize("value", ["1_0", "١٠", "１０", "٣٫٥", "1 0", "0x10", "nan", "inf"])
def test_only_ascii_digits_are_numbers(bk_konzeption, value):
    text = _refused(_csv_with(3, "anteil_nicht_deutsch_zuhause", value), bk_konzeption, "kitas.csv")
    assert f"Zeile 3, Spalte „anteil_nicht_deutsch_zuhause“, Wert „{value}“: Der Wert ist keine Zahl." in text


def test_excel_trailing_semicolon_rows_and_empty_columns_are_skipped(bk_konzeption, bk_data):
    frame = pd.read_csv(BK / "kitas.csv", dtype=str, keep_default_na=False)
    text = frame.to_csv(index=False, sep=";")
    lines = text.splitlines()
    lines = [line + ";;" for line in lines]  # two empty columns, as Excel writes a wider used range
    lines.insert(6, ";" * (len(HEADER) + 1))  # an empty row between the data
    lines += [";" * (len(HEADER) + 1)] * 5  # and the trailing ';;;' rows
    data = load_kitas("\n".join(lines).encode("cp1252"), bk_konzeption, "excel.csv")
    np.testing.assert_array_equal(data.values, bk_data.values)
    assert data.fingerprint == bk_data.fingerprint
    # rows after the empty one keep their spreadsheet numbers in messages
    cells = lines[10].split(";")
    cells[HEADER.index("anteil_nicht_deutsch_zuhause")] = "viele"
    lines[10] = ";".join(cells)
    text = _refused("\n".join(lines).encode("cp1252"), bk_konzeption, "excel.csv")
    assert "Zeile 11, Spalte „anteil_nicht_deutsch_zuhause“, Wert „viele“" in text


def test_values_in_a_column_without_header_are_refused(bk_konzeption):
    lines = [line + "," for line in LINES]
    lines[2] += "vergessen"
    text = _refused("\n".join(lines).encode(), bk_konzeption, "kitas.csv")
    # the 24 demo columns are A…X; the extra one is Y
    assert "Zeile 3, Spalte „Y“, Wert „vergessen“: Die Spalte Y hat keine Überschrift" in text


def test_duplicate_header_in_csv_is_an_error_not_renamed(bk_konzeption):
    lines = list(LINES)
    lines[0] = lines[0].replace("lon", "name")
    text = _refused("\n".join(lines).encode(), bk_konzeption, "kitas.csv")
    assert "Zeile 1, Spalte „name“: Die Spaltenüberschrift kommt mehrfach vor (Spalten B und F)" in text
    assert "name.1" not in text


def _workbook(edit) -> bytes:
    frame = pd.read_csv(BK / "kitas.csv")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append(list(row))
    edit(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_xlsx_reads_like_the_csv(bk_konzeption, bk_data):
    data = load_kitas(_workbook(lambda ws: None), bk_konzeption, "kitas.xlsx")
    np.testing.assert_array_equal(data.values, bk_data.values)
    assert data.fingerprint == bk_data.fingerprint


def test_xlsx_error_cell_is_an_error_naming_the_cell(bk_konzeption):
    col = HEADER.index("anteil_nicht_deutsch_zuhause")
    letter = openpyxl.utils.get_column_letter(col + 1)

    def edit(ws):
        ws.cell(row=5, column=col + 1).value = "#DIV/0!"
        ws.cell(row=7, column=col + 1).value = "#N/A"
    text = _refused(_workbook(edit), bk_konzeption, "kitas.xlsx")
    assert (f"Datei „kitas.xlsx“, Zeile 5, Spalte „anteil_nicht_deutsch_zuhause ({letter})“, Wert „#DIV/0!“: "
            f"Die Zelle {letter}5 enthält einen Excel-Fehler.") in text
    assert f"Zeile 7, Spalte „anteil_nicht_deutsch_zuhause ({letter})“, Wert „#N/A“" in text


def test_xlsx_formula_without_saved_value_is_an_error(bk_konzeption):
    col = HEADER.index("anteil_nicht_deutsch_zuhause") + 1

    def edit(ws):
        ws.cell(row=4, column=col).value = "=B2/C2"  # openpyxl saves formulas without a computed value
    text = _refused(_workbook(edit), bk_konzeption, "kitas.xlsx")
    assert "Zeile 4, Spalte „anteil_nicht_deutsch_zuhause (" in text
    assert "Wert „=B2/C2“: Die Formel in Zelle" in text and "hat keinen gespeicherten Wert" in text


def test_xlsx_merged_cells_are_an_error(bk_konzeption):
    def edit(ws):
        ws.merge_cells("C3:C4")
    text = _refused(_workbook(edit), bk_konzeption, "kitas.xlsx")
    assert "Datei „kitas.xlsx“, Zeile 3, Spalte „sozialraum (C)“: Die Zellen C3:C4 sind verbunden" in text


def test_xlsx_duplicate_header_and_empty_rows(bk_konzeption):
    def edit(ws):
        ws.cell(row=1, column=HEADER.index("lon") + 1).value = "name"
    text = _refused(_workbook(edit), bk_konzeption, "kitas.xlsx")
    assert "Zeile 1, Spalte „name“: Die Spaltenüberschrift kommt mehrfach vor" in text

    def gaps(ws):
        ws.insert_rows(5, amount=2)  # two empty rows in the middle, and a formatted empty row at the end
        ws.cell(row=200, column=1).number_format = "0.00"
        ws.cell(row=12, column=HEADER.index("anteil_nicht_deutsch_zuhause") + 1).value = "viele"
    text = _refused(_workbook(gaps), bk_konzeption, "kitas.xlsx")
    assert "Zeile 12, Spalte „anteil_nicht_deutsch_zuhause“, Wert „viele“" in text


def test_utf16_csv_is_read_correctly(bk_konzeption, bk_data):
    content = (BK / "kitas.csv").read_text(encoding="utf-8").replace(",", "\t").encode("utf-16")
    data = load_kitas(content, bk_konzeption, "unicode.csv")
    np.testing.assert_array_equal(data.values, bk_data.values)
    assert data.sozialraum_names == bk_data.sozialraum_names


def test_utf16_without_bom_is_refused_naming_the_encoding(bk_konzeption):
    content = (BK / "kitas.csv").read_text(encoding="utf-8").encode("utf-16-le")
    text = _refused(content, bk_konzeption, "unicode.csv")
    assert "Datei „unicode.csv“: Die Datei enthält Null-Bytes; vermutlich ist sie UTF-16" in text
    assert "Pflichtspalte" not in text


def test_unclosed_quote_gives_a_german_reason(bk_konzeption):
    content = (BK / "kitas.csv").read_bytes() + b'\nBK99,"Ohne Ende,Nord' + b"x" * 200_000
    text = _refused(content, bk_konzeption, "kitas.csv")
    assert "Datei „kitas.csv“" in text and "Die CSV-Datei ist nicht lesbar: Ein Feld ist zu lang" in text
    assert "field larger" not in text


def test_xlsx_values_beyond_the_column_limit_are_refused_not_dropped(bk_konzeption):
    def edit(ws):
        ws.cell(row=3, column=600).value = 7
    text = _refused(_workbook(edit), bk_konzeption, "breit.xlsx")
    assert "Zeile 3, Spalte „WB“: Die Tabelle hat Werte jenseits von 500 Spalten." in text
