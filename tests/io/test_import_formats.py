"""Kita tables as German offices write them, and the CSV ↔ XLSX round trip."""
import io

import numpy as np
import pandas as pd
import pytest

from srb_core import KitaDataError, load_kitas, read_table
from srb_core.io.template import template_columns, template_csv, template_xlsx
from tests.demos import BK


def _german_excel_csv(path) -> bytes:
    """The demo as German Excel saves it: ';', decimal comma, Windows-1252."""
    frame = pd.read_csv(path, dtype=str)
    for column in frame.columns[3:]:
        frame[column] = frame[column].str.replace(".", ",", regex=False)
    return frame.to_csv(index=False, sep=";").encode("cp1252")


def test_german_excel_csv_gives_the_same_numbers(bk_konzeption, bk_data):
    data = load_kitas(_german_excel_csv(BK / "kitas.csv"), bk_konzeption, "kitas_excel.csv")
    np.testing.assert_array_equal(data.values, bk_data.values)
    assert data.sozialraum_names == bk_data.sozialraum_names  # "Süd-West", "Münster" survive cp1252
    assert data.fingerprint == bk_data.fingerprint


def test_utf8_with_bom_and_semicolon(bk_konzeption, bk_data):
    content = (BK / "kitas.csv").read_text(encoding="utf-8").replace(",", ";").encode("utf-8-sig")
    data = load_kitas(content, bk_konzeption, "bom.csv")
    np.testing.assert_array_equal(data.values, bk_data.values)


def test_mixed_decimal_marks_are_refused_not_guessed(bk_konzeption):
    content = _german_excel_csv(BK / "kitas.csv").decode("cp1252").splitlines()
    header = content[0].split(";")
    cells = content[5].split(";")
    cells[header.index("anteil_familien_beratungsbedarf")] = "23.7"
    content[5] = ";".join(cells)
    with pytest.raises(KitaDataError) as info:
        load_kitas("\n".join(content).encode("cp1252"), bk_konzeption, "gemischt.csv")
    assert (
        "Zeile 6, Spalte „anteil_familien_beratungsbedarf“, Wert „23.7“: Der Wert ist keine Zahl." in info.value.text()
    )


def test_csv_xlsx_round_trip(bk_konzeption, bk_data, tmp_path):
    frame = pd.read_csv(BK / "kitas.csv")
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    from_xlsx = load_kitas(buffer.getvalue(), bk_konzeption, "kitas.xlsx")
    np.testing.assert_array_equal(from_xlsx.values, bk_data.values)
    assert from_xlsx.kita_ids == bk_data.kita_ids
    assert from_xlsx.fingerprint == bk_data.fingerprint
    back = read_table(buffer.getvalue(), "kitas.xlsx").frame
    csv_again = back.to_csv(index=False).encode()
    assert load_kitas(csv_again, bk_konzeption, "wieder.csv").fingerprint == bk_data.fingerprint


def test_unsupported_format(bk_konzeption):
    with pytest.raises(KitaDataError, match="Dateiformat wird nicht unterstützt"):
        load_kitas(b"x", bk_konzeption, "kitas.ods")


def test_templates_have_every_variable(bk_konzeption):
    columns = template_columns(bk_konzeption)
    assert columns[:3] == ["kita_id", "name", "sozialraum"]
    assert len(columns) == 6 + 18
    csv_header = template_csv(bk_konzeption).decode("cp1252").strip().split(";")
    assert csv_header == columns
    sheets = pd.read_excel(io.BytesIO(template_xlsx(bk_konzeption)), sheet_name=None)
    assert list(sheets["Kitas"].columns) == columns
    help_rows = sheets["Erläuterungen"].set_index("Spalte")
    assert help_rows.loc["oepnv_qualitaet", "Richtung"] == "höher = weniger Bedarf"
    assert help_rows.loc["anteil_nicht_deutsch_zuhause", "Zulässig"].startswith("0 bis 100")


def test_filled_template_is_accepted(bk_konzeption, bk_data):
    sheet = pd.read_excel(io.BytesIO(template_xlsx(bk_konzeption)), sheet_name="Kitas")
    filled = pd.concat([sheet, pd.read_csv(BK / "kitas.csv")])[sheet.columns]
    buffer = io.BytesIO()
    filled.to_excel(buffer, index=False)
    assert load_kitas(buffer.getvalue(), bk_konzeption, "ausgefuellt.xlsx").n == 31
