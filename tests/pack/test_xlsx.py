"""The XLSX pack, opened again with openpyxl: sheets, numbers equal to the engine, no formulas."""
import io

import openpyxl
import pytest

from srb_core.funding.report import plan_sozialraum_frame
from srb_core.pack import SHEETS, pack_xlsx
from tests.pack.helpers import EVIL, make_input
from ui.views import csv_bytes

# srb_core.xlsxwrite writes every float in its shortest round-trip form, so cells hold the engine's very
# floats and are compared exactly (Excel itself shows 15 significant digits); euros are whole cents.


def _rows(ws):
    header = [c.value for c in ws[1]]
    return header, [
        dict(zip(header, (c.value for c in row), strict=False)) for row in ws.iter_rows(min_row=2) if row[0].value
    ]


@pytest.fixture(scope="module")
def workbook(outcomes):
    return openpyxl.load_workbook(io.BytesIO(pack_xlsx(make_input(outcomes))))


def test_sheets(workbook):
    assert tuple(workbook.sheetnames) == SHEETS


def test_sozialraum_numbers_are_the_engines(workbook, outcomes):
    o = outcomes[1]
    _, rows = _rows(workbook["Sozialräume"])
    assert [r["Sozialraum"] for r in rows] == list(o.result.data.sozialraum_names)
    for r, row in enumerate(rows):
        assert row["Anteil"] == o.result.shares[r]
        assert round(row["Euro"] * 100) == o.result.euros_cents[r]
        assert row["Gesamtindex"] == o.result.sr_overall[r]
    plan = plan_sozialraum_frame(o.result, o.funding, o.plan)
    assert [row["Stellen (VZÄ)"] for row in rows] == list(plan["fte"])
    assert sum(round(row["Euro"] * 100) for row in rows) == o.result.params.budget_cents


def test_kita_numbers_and_formats(workbook, outcomes):
    o = outcomes[1]
    ws = workbook["Kitas"]
    header, rows = _rows(ws)
    assert [row["Gesamtindex"] for row in rows] == list(o.result.kita_overall)
    assert [round(row["Euro Schritt 2"] * 100) for row in rows] == [sum(c) for c in o.plan.cents]
    assert ws.cell(row=2, column=header.index("Gesamtindex") + 1).number_format == "0.0"


def test_comparison_sheet(workbook, outcomes):
    header, rows = _rows(workbook["Vergleich"])
    base, other = outcomes[0].result, outcomes[1].result
    delta = header[header.index("Δ Euro · Soziale Lage doppelt")]
    first = rows[: len(base.shares)]
    assert [round(r[delta] * 100) for r in first] == list(other.euros_cents - base.euros_cents)


def test_rechenweg_has_every_score(workbook, outcomes):
    o = outcomes[1]
    _, rows = _rows(workbook["Rechenweg"])
    assert len(rows) == o.result.data.n * len(o.result.konzeption.variables)
    scores = [r["Standardwert"] for r in rows]
    expected = o.result.scores[0]
    assert [s is None for s in scores[: len(expected)]] == [bool(s != s) for s in expected]
    assert [s for s in scores[: len(expected)] if s is not None] == [s for s in expected if s == s]


def test_formula_name_stays_text_in_xlsx_and_csv(workbook, outcomes):
    for sheet in ("Kitas", "Förderstränge", "Rechenweg"):
        cells = [c for row in workbook[sheet].iter_rows() for c in row if c.value == EVIL]
        assert cells, sheet
        assert all(c.data_type == "s" for c in cells)
    formulas = [c for ws in workbook for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    from srb_core.pack.tables import pack_kita_frame
    text = csv_bytes(pack_kita_frame(make_input(outcomes))).decode("utf-8-sig")
    assert "'" + EVIL.replace('"', '""') in text  # quoted by CSV, prefixed against formula evaluation


def test_anonymised_pack_has_no_kita_name(outcomes):
    wb = openpyxl.load_workbook(io.BytesIO(pack_xlsx(make_input(outcomes, anonymised=True))))
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    names = outcomes[1].result.data.names
    assert not [n for n in names if n in cells]
    assert "Kita 01" in cells


def test_anonymised_pack_hides_names_in_adjustment_reasons(bk_konzeption, evil_data):
    from srb_core.funding import Adjustment
    from srb_core.pipeline import evaluate
    from srb_core.scenarios import baseline_scenario

    base = baseline_scenario(bk_konzeption, "bad_kreuznach", evil_data.fingerprint)
    plan = evaluate(evil_data, bk_konzeption, base).plan
    s = plan.strands.index("kita_sozialarbeit")
    a, b = [i for i in range(evil_data.n) if evil_data.sozialraum[i] == 0 and plan.cents[i][s]][:2]
    named = evil_data.names[b]
    moves = (Adjustment("kita_sozialarbeit", evil_data.kita_ids[a], plan.cents[a][s] + 500, f"Ausgleich für {named}"),
             Adjustment("kita_sozialarbeit", evil_data.kita_ids[b], plan.cents[b][s] - 500, "siehe oben"))
    o = evaluate(evil_data, bk_konzeption, base.with_(id="", name="Mit Begründung", adjustments=moves))
    assert o.adjustment_problems == ()
    wb = openpyxl.load_workbook(io.BytesIO(pack_xlsx(make_input([evaluate(evil_data, bk_konzeption, base), o],
                                                                anonymised=True))))
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    assert named not in cells and "Ausgleich für Kita " in cells


def test_single_table_keeps_types_formats_and_missing_values():
    import pandas as pd

    from srb_core.pack import frame_xlsx

    frame = pd.DataFrame({"Kita": [EVIL, "Kita „Löwenzahn“ <b>&</b>", None],
                          "Kinder": pd.array([12, None, 7], dtype="Int64"),
                          "Euro": [1234.56, float("nan"), -0.01], "Anteil": [0.1737, 0.5, 0.3263]})
    ws = openpyxl.load_workbook(io.BytesIO(frame_xlsx(frame, "Kitas"))).active
    assert ws.title == "Kitas" and ws.freeze_panes == "A2" and all(c.font.b for c in ws[1])
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        [EVIL, 12, 1234.56, 0.1737], ["Kita „Löwenzahn“ <b>&</b>", None, None, 0.5], [None, 7, -0.01, 0.3263]]
    assert ws["A2"].data_type == "s" and ws["C2"].number_format == '#,##0.00 "€"'
    assert ws["D2"].number_format == "0.00%" and ws["B2"].number_format == "General"
    widths = ws.column_dimensions
    assert widths["A"].width == len("Kita „Löwenzahn“ <b>&</b>") + 2 and widths["B"].width == 13  # at least 13
