"""XLSX output: the committee pack and single tables, with number formats and no live formulas.

Written with srb_core.xlsxwrite (no openpyxl on this path): every text cell is an inline string, so a Kita
named =HYPERLINK(...) stays text and never becomes a live link.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..fmt import EXCEL
from ..xlsxwrite import Cell, Sheet, Value, workbook
from .tables import PackInput, pack_tables

EURO = EXCEL["eur"]
FORMATS = (  # first matching column-name prefix wins; the codes are the units' of srb_core.fmt
    ("Δ pp", EXCEL["pp"]), ("Δ Euro", EXCEL["eur_change"]), ("Δ VZÄ", EXCEL["fte_change"]),
    ("Anteil", EXCEL["share"]), ("Euro", EURO), ("Zugewiesen Euro", EURO), ("VZÄ", EXCEL["fte"]),
    ("Stellen", EXCEL["fte"]), ("Abstand", EXCEL["points_change"]), ("Standardwert", EXCEL["points"]),
    ("Gesamtindex", EXCEL["points"]),
)
CHANGES_HEADING = "Kitas, deren Normbereich oder Förderfähigkeit sich ändert"
Row = list[Value | Cell]


def _format_for(column: str, index_columns: frozenset[str]) -> str | None:
    if column in index_columns:
        return EXCEL["points"]
    for prefix, fmt in FORMATS:
        if column.startswith(prefix):
            return fmt
    return None


def _plain(value):
    """numpy scalars as Python values; NaN and pandas' missing markers (NA, NaT) as None (an empty cell)."""
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if value != value else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def frame_rows(frame: pd.DataFrame, index_columns: frozenset[str] = frozenset()) -> list[Row]:
    """Bold header, then one row per record; numbers get their column's format (by name prefix, see FORMATS)."""
    header: Row = [Cell(str(name), bold=True) for name in frame.columns]
    formats = [_format_for(str(name), index_columns) for name in frame.columns]
    rows = [header]
    for record in frame.itertuples(index=False):
        row: Row = []
        for value, fmt in zip(record, formats, strict=True):
            value = _plain(value)
            row.append(Cell(value, fmt) if fmt and isinstance(value, (int, float)) else value)
        rows.append(row)
    return rows


def frame_widths(frame: pd.DataFrame) -> dict[int, float]:
    """Column width = longest of header and first 200 values + 2 characters, within [13, 60]."""
    widths = {}
    for c, name in enumerate(frame.columns, start=1):
        longest = max([len(str(name))] + [len(str(v)) for v in frame.iloc[:200, c - 1]])
        widths[c] = float(max(13, min(60, longest + 2)))
    return widths


def frame_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    """One frame as a one-sheet XLSX (header frozen), cells made formula-safe."""
    return workbook([Sheet(sheet, frame_rows(frame), frame_widths(frame), freeze_header=True)])


def _sheet(name: str, table: pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame], index_columns: frozenset[str]) -> Sheet:
    """One pack sheet with a frozen header; the Vergleich tuple as two tables, one under the other."""
    if not isinstance(table, tuple):
        return Sheet(name, frame_rows(table, index_columns), frame_widths(table), freeze_header=True)
    sr, kitas = table  # Vergleich: Sozialräume, an empty row, then the Kitas that change
    rows: list[Row] = [*frame_rows(sr, index_columns), [], [Cell(CHANGES_HEADING, bold=True)]]
    widths = frame_widths(sr)
    if kitas.empty:
        rows.append(["Keine."])
    else:
        rows += frame_rows(kitas)
        for c, w in frame_widths(kitas).items():  # a column is as wide as the wider of the two tables needs
            widths[c] = max(w, widths.get(c, 0.0))
    return Sheet(name, rows, widths, freeze_header=True)


def pack_xlsx(p: PackInput) -> bytes:
    """The committee pack as XLSX: one sheet per pack_tables frame, numbers as numbers."""
    index_columns = frozenset(p.outcome.result.konzeption.sub_indices)
    return workbook([_sheet(name, table, index_columns) for name, table in pack_tables(p).items()])
