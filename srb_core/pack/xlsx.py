"""XLSX output: the committee pack and single tables, with number formats and no live formulas."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..fmt import EXCEL
from .tables import PackInput, pack_tables

EURO = EXCEL["eur"]
FORMATS = (  # first matching column-name prefix wins; the codes are the units' of srb_core.fmt
    ("Δ pp", EXCEL["pp"]), ("Δ Euro", EXCEL["eur_change"]), ("Δ VZÄ", EXCEL["fte_change"]),
    ("Anteil", EXCEL["share"]), ("Euro", EURO), ("Zugewiesen Euro", EURO), ("VZÄ", EXCEL["fte"]),
    ("Stellen", EXCEL["fte"]), ("Abstand", EXCEL["points_change"]), ("Standardwert", EXCEL["points"]),
    ("Gesamtindex", EXCEL["points"]),
)
BOLD = Font(bold=True)


def _format_for(column: str, index_columns: frozenset[str]) -> str | None:
    if column in index_columns:
        return EXCEL["points"]
    for prefix, fmt in FORMATS:
        if column.startswith(prefix):
            return fmt
    return None


def _plain(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if value != value else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def write_frame(ws: Worksheet, frame: pd.DataFrame, start_row: int = 1,
                index_columns: frozenset[str] = frozenset()) -> int:
    """Writes header and rows from start_row; returns the next free row.

    Every text cell is typed as a string explicitly: openpyxl would otherwise store a text that
    starts with '=' as a formula, and a Kita named =HYPERLINK(...) would become a live link.
    """
    for c, name in enumerate(frame.columns, start=1):
        cell = ws.cell(row=start_row, column=c)
        cell.value = str(name)
        cell.data_type = "s"
        cell.font = BOLD
    formats = [_format_for(str(name), index_columns) for name in frame.columns]
    for r, row in enumerate(frame.itertuples(index=False), start=start_row + 1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            value = _plain(value)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
            elif formats[c - 1] and isinstance(value, (int, float)):
                cell.number_format = formats[c - 1]
    for c, name in enumerate(frame.columns, start=1):
        longest = max([len(str(name))] + [len(str(v)) for v in frame.iloc[:200, c - 1]])
        letter = ws.cell(row=start_row, column=c).column_letter
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, min(60, max(10, longest + 2)))
    return start_row + len(frame) + 1


def frame_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    """One frame as a one-sheet XLSX (header frozen), cells made formula-safe."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    write_frame(ws, frame)
    ws.freeze_panes = "A2"
    return _bytes(wb)


def pack_xlsx(p: PackInput) -> bytes:
    """The committee pack as XLSX: one sheet per pack_tables frame, numbers as numbers."""
    tables = pack_tables(p)
    index_columns = frozenset(p.outcome.result.konzeption.sub_indices)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, table in tables.items():
        ws = wb.create_sheet(sheet)
        if isinstance(table, tuple):  # Vergleich: Sozialräume, then the Kitas that change
            sr, kitas = table
            row = write_frame(ws, sr, 1, index_columns) + 1
            ws.cell(row=row, column=1, value="Kitas, deren Normbereich oder Förderfähigkeit sich ändert").font = BOLD
            if kitas.empty:
                ws.cell(row=row + 1, column=1, value="Keine.")
            else:
                write_frame(ws, kitas, row + 1)
        else:
            write_frame(ws, table, 1, index_columns)
        ws.freeze_panes = "A2"
    return _bytes(wb)


def _bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
