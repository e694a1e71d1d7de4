"""Read a Kita table as German offices write it: CSV (',' or ';', decimal point or comma,
UTF-8 or Windows-1252) or XLSX. Cells are read as text or as Excel stored them; the conversion
to numbers happens once, in `build_kita_data`, where every bad cell is reported."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data import KitaData, build_kita_data
from ..errors import KitaDataError, Problem
from ..konzeption.model import Konzeption
from .source import read_source

_COMMA_NUMBER = re.compile(r"^\s*-?\d+,\d+\s*$")
_POINT_NUMBER = re.compile(r"^\s*-?\d+\.\d+\s*$")


@dataclass(frozen=True)
class RawTable:
    frame: pd.DataFrame
    decimal: str
    source: str
    encoding: str = ""
    delimiter: str = ""


def read_table(content: bytes | str | Path, filename: str | None = None) -> RawTable:
    """Read CSV or XLSX bytes (or a path) into a frame of raw cells; refuse unreadable files whole."""
    content, name, suffix = read_source(content, filename, "kitas.csv", KitaDataError)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(content, name)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(content, name)
    raise KitaDataError(Problem("Dieses Dateiformat wird nicht unterstützt.", file=name, value=suffix,
                                expected="CSV (.csv) oder Excel (.xlsx)"))


def load_kitas(content: bytes | str | Path, konzeption: Konzeption, filename: str | None = None) -> KitaData:
    raw = read_table(content, filename)
    return build_kita_data(raw.frame, konzeption, source=raw.source, decimal=raw.decimal)


def _read_csv(content: bytes, name: str) -> RawTable:
    if content.startswith(b"PK\x03\x04"):
        raise KitaDataError(Problem("Die Datei ist eine Excel-Datei, trägt aber die Endung .csv.", file=name,
                                    expected="Endung .xlsx oder echte CSV-Datei"))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 decodes almost anything; this is for the few undefined bytes
        raise KitaDataError(Problem("Die Zeichenkodierung ist weder UTF-8 noch Windows-1252.", file=name))
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise KitaDataError(Problem("Die Datei ist leer.", file=name))
    header = lines[0]
    delimiter = ";" if header.count(";") > header.count(",") else ("\t" if "\t" in header else ",")
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, ValueError) as exc:
        raise KitaDataError(Problem(f"Die CSV-Datei ist nicht lesbar ({exc}).", file=name,
                                    expected="eine Kopfzeile und gleich viele Felder in jeder Zeile")) from None
    decimal = "."
    if delimiter != ",":
        cells = frame.to_numpy().ravel()
        if any(isinstance(c, str) and _COMMA_NUMBER.match(c) for c in cells):
            decimal = ","
    return RawTable(frame, decimal, name, encoding, delimiter)


def _read_xlsx(content: bytes, name: str) -> RawTable:
    try:
        frame = pd.read_excel(io.BytesIO(content), sheet_name=0, dtype=object, engine="openpyxl",
                              keep_default_na=False, na_values=[])
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise KitaDataError(Problem(f"Die Excel-Datei ist nicht lesbar ({type(exc).__name__}).", file=name,
                                    expected="eine .xlsx-Datei mit der Kita-Tabelle im ersten Blatt")) from None
    frame = frame.map(lambda c: "" if c is None else c)
    return RawTable(frame, ".", name)
