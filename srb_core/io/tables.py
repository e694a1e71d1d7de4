"""Read a Kita table as German offices write it: CSV (',' or ';', decimal point or comma,
UTF-8, Windows-1252 or UTF-16 with byte-order mark) or XLSX. Cells are read as text or as Excel
stored them; the conversion to numbers happens once, in `build_kita_data`, where every bad cell
is reported.

Both formats go through the same grid step: completely empty rows and columns (as Excel writes
them, e.g. trailing `;;;` lines) are skipped, every other row keeps its spreadsheet row number for
messages, a column with values but no header and a header written twice are errors. Size and row
limits (srb_core/limits.py) are checked before the expensive work.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import limits
from ..data import KitaData, build_kita_data
from ..errors import KitaDataError, Problem
from ..konzeption.model import Konzeption
from .source import read_source
from .xlsx import column_letter, read_xlsx_rows

_COMMA_NUMBER = re.compile(r"^\s*-?\d+,\d+\s*$")
_TITLE = "Die Kita-Tabelle kann nicht verwendet werden."


@dataclass(frozen=True)
class RawTable:
    """A read table before checking: cells as text, the decimal mark found, and each row's spreadsheet row number."""

    frame: pd.DataFrame
    decimal: str
    source: str
    encoding: str = ""
    delimiter: str = ""
    rows: tuple[int, ...] = ()  # spreadsheet row number of each frame row (header = the row before)


def read_table(content: bytes | str | Path, filename: str | None = None) -> RawTable:
    """Read CSV or XLSX bytes (or a path) into a frame of raw cells; refuse unreadable files whole."""
    content, name, suffix = read_source(content, filename, "kitas.csv", KitaDataError)
    if suffix in (".xlsx", ".xlsm"):
        if not content.startswith(b"PK"):
            raise KitaDataError(Problem("Die Datei trägt die Endung .xlsx, ist aber keine Excel-Datei.", file=name,
                                        expected="eine mit Excel gespeicherte .xlsx-Datei"))
        frame, rows = _frame(read_xlsx_rows(content, name), name)
        return RawTable(frame, ".", name, rows=rows)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(content, name)
    raise KitaDataError(Problem("Dieses Dateiformat wird nicht unterstützt.", file=name, value=suffix,
                                expected="CSV (.csv) oder Excel (.xlsx)"))


def load_kitas(content: bytes | str | Path, konzeption: Konzeption, filename: str | None = None) -> KitaData:
    """Read a Kita table (CSV or XLSX) and check it against the Konzeption: read_table, then build_kita_data."""
    raw = read_table(content, filename)
    return build_kita_data(raw.frame, konzeption, source=raw.source, decimal=raw.decimal, rows=raw.rows)


def decode_text(content: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-16 with BOM, UTF-8 (with or without BOM) or Windows-1252."""
    if content.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise KitaDataError(Problem("Die Datei ist UTF-32-kodiert.", file=name,
                                    expected="UTF-8, UTF-16 oder Windows-1252 (in Excel: „CSV UTF-8“)"))
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise KitaDataError(Problem("Die Datei beginnt wie UTF-16, ist aber nicht lesbar kodiert.", file=name,
                                        expected="UTF-8 (in Excel: „CSV UTF-8“)")) from None
    if b"\x00" in content[:4096]:
        raise KitaDataError(Problem("Die Datei enthält Null-Bytes; vermutlich ist sie UTF-16 ohne "
                                    "Byte-Reihenfolge-Markierung kodiert.", file=name,
                                    expected="UTF-8 (in Excel: „CSV UTF-8“), Windows-1252 oder UTF-16 mit BOM"))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    # cp1252 decodes almost anything; this is for the few undefined bytes
    raise KitaDataError(Problem("Die Zeichenkodierung ist weder UTF-8 noch Windows-1252.", file=name,
                                expected="UTF-8 (in Excel: „CSV UTF-8“)"))


def _read_csv(content: bytes, name: str) -> RawTable:
    if content.startswith(b"PK\x03\x04"):
        raise KitaDataError(Problem("Die Datei ist eine Excel-Datei, trägt aber die Endung .csv.", file=name,
                                    expected="Endung .xlsx oder echte CSV-Datei"))
    text, encoding = decode_text(content, name)
    header = next((line for line in text.splitlines() if line.strip(" \t;,")), None)
    if header is None:
        raise KitaDataError(Problem("Die Datei ist leer.", file=name))
    delimiter = ";" if header.count(";") > header.count(",") else ("\t" if "\t" in header else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        frame, rows = _frame(((n, cells) for n, cells in enumerate(reader, start=1)), name)
    except csv.Error:  # the module's English text would not help; the usual causes do
        raise KitaDataError(Problem("Die CSV-Datei ist nicht lesbar: Ein Feld ist zu lang, oder ein "
                                    "Anführungszeichen wird nicht geschlossen.", file=name, row=reader.line_num,
                                    expected="eine Kopfzeile und gleich viele Felder in jeder Zeile")) from None
    decimal = "."
    if delimiter != ",":
        cells = frame.to_numpy().ravel()
        if any(isinstance(c, str) and _COMMA_NUMBER.match(c) for c in cells):
            decimal = ","
    return RawTable(frame, decimal, name, encoding, delimiter, rows)


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _frame(grid: Iterable[tuple[int, Sequence[object]]], name: str) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """Header + data rows from (row number, cells); empty rows and columns skipped, the rest checked."""
    header: list[object] | None = None
    data: list[list[object]] = []
    numbers: list[int] = []
    for number, cells in grid:
        if all(_blank(c) for c in cells):
            continue  # Excel writes empty rows (";;;") below and between the data
        if header is None:
            header = [("" if c is None else str(c)).strip() for c in cells]
            header_row = number
            continue
        if len(data) >= limits.MAX_ROWS:
            raise KitaDataError(Problem(f"Die Tabelle hat mehr als {limits.MAX_ROWS:,} Kitas.".replace(",", "."),
                                        file=name, row=number, expected=f"höchstens {limits.MAX_ROWS:,} Zeilen "
                                        "(eine je Kita); leere Zeilen zählen nicht".replace(",", ".")))
        data.append(["" if c is None else c for c in cells])
        numbers.append(number)
    if header is None:
        raise KitaDataError(Problem("Die Datei ist leer.", file=name))
    width = max([len(header)] + [len(r) for r in data])
    if width > limits.MAX_COLUMNS:
        raise KitaDataError(Problem(f"Die Tabelle hat {width} Spalten.", file=name, row=header_row,
                                    expected=f"höchstens {limits.MAX_COLUMNS}"))
    header += [""] * (width - len(header))
    for row in data:
        row.extend([""] * (width - len(row)))
    keep = _columns_to_keep(header, data, numbers, header_row, name)
    frame = pd.DataFrame([[row[j] for j in keep] for row in data], columns=[header[j] for j in keep], dtype=object)
    return frame, tuple(numbers)


def _columns_to_keep(header: list, data: list[list[object]], numbers: list[int], header_row: int,
                     name: str) -> list[int]:
    """Indices of the columns that carry data; errors for values without header and doubled headers."""
    problems: list[Problem] = []
    keep = []
    first: dict[str, int] = {}
    for j, title in enumerate(header):
        filled = next((i for i, row in enumerate(data) if not _blank(row[j])), None)
        if not title:
            if filled is not None:
                problems.append(Problem(f"Die Spalte {column_letter(j)} hat keine Überschrift, enthält aber Werte.",
                                        file=name, row=numbers[filled], column=column_letter(j),
                                        value=data[filled][j], expected="eine Überschrift in der Kopfzeile"))
            continue  # an empty column is no data
        if title in first:
            problems.append(Problem(f"Die Spaltenüberschrift kommt mehrfach vor (Spalten {column_letter(first[title])} "
                                    f"und {column_letter(j)}); unklar, welche gilt.", file=name, row=header_row,
                                    column=title, expected="jede Überschrift genau einmal"))
            continue
        first[title] = j
        keep.append(j)
    for i, row in enumerate(data):
        for j in keep:
            cell = row[j]
            if isinstance(cell, str) and len(cell) > limits.MAX_CELL_CHARS:
                problems.append(Problem(f"Die Zelle ist zu lang ({len(cell):,} Zeichen).".replace(",", "."),
                                        file=name, row=numbers[i], column=header[j], value=cell[:40] + "…",
                                        expected=f"höchstens {limits.MAX_CELL_CHARS} Zeichen"))
    if problems:
        raise KitaDataError(problems, title=_TITLE)
    return keep
