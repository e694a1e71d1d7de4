"""The table of yearly values, read with the strictness of the Kita table.

One row per year and Kita (`jahr`, `kita_id`, money, posts, Kita indicators) or per year and
Sozialraum (`jahr`, `sozialraum`, Sozialraum indicators, no `kita_id`). Money in euros with at most
two decimals (kept as integer cents), posts in full-time equivalents. Every problem is reported with
file, row, column and value; a file with any problem is refused whole; unknown columns are refused
(a misspelt indicator would otherwise vanish).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from ..data import ROW_OFFSET, KitaData, parse_number
from ..errors import Problem, SrbInputError
from ..io.tables import read_table
from ..konzeption.indicators import Indicator

MONEY = ("zugewiesen_eur", "verausgabt_eur")  # allocated and spent, euros
POSTS = ("vza_gefoerdert", "vza_besetzt")  # funded and filled posts, FTE
YEAR_RANGE = (2000, 2100)


class ReportDataError(SrbInputError):
    """The table of yearly values cannot be used."""


@dataclass(frozen=True, eq=False)
class YearlyValues:
    """The yearly values table checked against the Kita table: money, posts and indicators per year."""

    indicators: tuple[Indicator, ...]
    years: tuple[int, ...]
    kita: pd.DataFrame  # jahr, kita_id, *_cents (Int64), vza_* and Kita indicators (float, NaN = no value)
    sozialraum: pd.DataFrame  # jahr, sozialraum, Sozialraum indicators
    source: str = ""
    warnings: tuple[str, ...] = ()

    def of(self, level: str) -> tuple[Indicator, ...]:
        """The indicators of one level ('kita' or 'sozialraum')."""
        return tuple(i for i in self.indicators if i.level == level)


def template_csv(indicators: tuple[Indicator, ...], data: KitaData, year: int) -> bytes:
    """Semicolon CSV for German Excel: one row per Kita and per Sozialraum of `year`, values empty."""
    kita_cols = [i.key for i in indicators if i.level == "kita"]
    sr_cols = [i.key for i in indicators if i.level == "sozialraum"]
    header = ["jahr", "kita_id", "sozialraum", *MONEY, *POSTS, *kita_cols, *sr_cols]
    rows = [[str(year), k, data.sozialraum_names[data.sozialraum[i]]] + [""] * (len(header) - 3)
            for i, k in enumerate(data.kita_ids)]
    rows += [[str(year), "", s] + [""] * (len(header) - 3) for s in data.sozialraum_names] if sr_cols else []
    frame = pd.DataFrame(rows, columns=header)
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def load_yearly(content: bytes | str | Path, indicators: tuple[Indicator, ...], data: KitaData,
                filename: str | None = None) -> YearlyValues:
    """Read the yearly values (CSV or XLSX) and check them (build_yearly); refused whole with German reasons."""
    raw = read_table(content, filename)
    return build_yearly(raw.frame, indicators, data, raw.source, raw.decimal)


def build_yearly(frame: pd.DataFrame, indicators: tuple[Indicator, ...], data: KitaData, source: str,
                 decimal: str = ".") -> YearlyValues:
    """Check every cell and refuse the table whole if anything is wrong (rules in the module text)."""
    problems: list[Problem] = []

    def bad(message: str, row: int | None = None, column: str | None = None, value: object = None,
            expected: str | None = None) -> None:
        problems.append(Problem(message, file=source, row=row, column=column, value=value, expected=expected))

    frame = frame.reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    kita_ind = [i.key for i in indicators if i.level == "kita"]
    sr_ind = [i.key for i in indicators if i.level == "sozialraum"]
    _check_header(frame, ["jahr", "kita_id", "sozialraum", *MONEY, *POSTS, *kita_ind, *sr_ind], bad)
    if problems:
        raise ReportDataError(problems, title="Die Jahreswerte können nicht verwendet werden.")

    kita_rows: list[dict] = []
    sr_rows: list[dict] = []
    warnings: list[str] = []
    seen: dict[tuple, int] = {}
    area_of = {k: data.sozialraum_names[data.sozialraum[i]] for i, k in enumerate(data.kita_ids)}
    for i, record in enumerate(frame.to_dict("records")):
        row = i + ROW_OFFSET
        year = _year(record.get("jahr"), row, bad)
        kita_id, area = _text(record.get("kita_id")), _text(record.get("sozialraum"))
        if kita_id:
            values = _kita_row(record, row, kita_id, area, area_of, kita_ind, sr_ind, decimal, bad)
            _plausible(values, row, warnings, source)
            key: tuple = ("kita", year, kita_id)
            kita_rows.append(values)
        elif area:
            values = _area_row(record, row, area, data.sozialraum_names, kita_ind, sr_ind, decimal, bad)
            key = ("sr", year, area)
            sr_rows.append(values)
        else:
            bad("Die Zeile nennt weder eine Kita noch einen Sozialraum.", row=row, column="kita_id",
                expected="kita_id (Werte je Kita) oder sozialraum (Werte je Sozialraum)")
            continue
        values["jahr"] = year
        if year is not None and key in seen:
            bad(f"Für dieses Jahr gibt es schon eine Zeile (Zeile {seen[key]}).", row=row,
                column="kita_id" if key[0] == "kita" else "sozialraum", value=key[2],
                expected="je Jahr und Kita bzw. Sozialraum genau eine Zeile")
        seen.setdefault(key, row)
    if problems:
        raise ReportDataError(problems, title="Die Jahreswerte können nicht verwendet werden.")
    kita = pd.DataFrame(kita_rows, columns=["jahr", "kita_id", "zugewiesen_cents", "verausgabt_cents", *POSTS,
                                            *kita_ind])
    for column in ("zugewiesen_cents", "verausgabt_cents"):
        kita[column] = kita[column].astype("Int64")
    areas = pd.DataFrame(sr_rows, columns=["jahr", "sozialraum", *sr_ind])
    years = tuple(sorted({int(y) for y in kita["jahr"]} | {int(y) for y in areas["jahr"]}))
    return YearlyValues(indicators, years, kita, areas, source, tuple(warnings))


def _check_header(frame: pd.DataFrame, allowed: list[str], bad) -> None:
    for column in frame.columns:
        if column not in allowed:
            bad("Unbekannte Spalte: weder Geld, Stellen noch ein Indikator der Konzeption.", row=1, column=column,
                expected="eine von " + ", ".join(allowed))
    for column in frame.columns[frame.columns.duplicated()]:
        bad("Die Spaltenüberschrift kommt mehrfach vor.", row=1, column=column)
    if "jahr" not in frame.columns:
        bad("Pflichtspalte fehlt.", row=1, column="jahr")
    if "kita_id" not in frame.columns and "sozialraum" not in frame.columns:
        bad("Es fehlt die Spalte „kita_id“ (Werte je Kita) oder „sozialraum“ (Werte je Sozialraum).", row=1)


def _kita_row(record: dict, row: int, kita_id: str, area: str, area_of: dict[str, str], kita_ind: list[str],
              sr_ind: list[str], decimal: str, bad) -> dict:
    if kita_id not in area_of:
        bad("Diese Kita steht nicht in der Kita-Tabelle.", row=row, column="kita_id", value=kita_id,
            expected="eine Kennung aus der Kita-Tabelle")
    elif area and area != area_of[kita_id]:
        bad(f"Die Kita gehört laut Kita-Tabelle zu „{area_of[kita_id]}“.", row=row, column="sozialraum",
            value=area, expected=area_of[kita_id])
    for column in sr_ind:
        if _text(record.get(column)):
            bad("Ein Sozialraum-Indikator gehört in eine Zeile ohne kita_id.", row=row, column=column,
                value=record.get(column))
    values: dict[str, object] = {"kita_id": kita_id}
    for column in MONEY:
        values[column.replace("_eur", "_cents")] = _cents(record.get(column), decimal, row, column, bad)
    for column in POSTS:
        values[column] = _number(record.get(column), decimal, row, column, bad, (0, 100))
    for column in kita_ind:
        values[column] = _number(record.get(column), decimal, row, column, bad, None)
    return values


def _area_row(record: dict, row: int, area: str, areas: tuple[str, ...], kita_ind: list[str], sr_ind: list[str],
              decimal: str, bad) -> dict:
    if area not in areas:
        bad("Diesen Sozialraum gibt es in der Kita-Tabelle nicht.", row=row, column="sozialraum", value=area,
            expected=", ".join(areas))
    for column in [*MONEY, *POSTS, *kita_ind]:
        if _text(record.get(column)):
            bad("Geld, Stellen und Kita-Indikatoren gehören in eine Zeile mit kita_id.", row=row, column=column,
                value=record.get(column))
    values: dict[str, object] = {"sozialraum": area}
    for column in sr_ind:
        values[column] = _number(record.get(column), decimal, row, column, bad, None)
    return values


def _text(cell: object) -> str:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _year(cell: object, row: int, bad) -> int | None:
    try:
        value = parse_number(cell)
    except ValueError:
        value = None
    if value is None or value != int(value) or not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        bad("Das Jahr fehlt oder ist keine Jahreszahl.", row=row, column="jahr", value=cell,
            expected=f"ganze Zahl von {YEAR_RANGE[0]} bis {YEAR_RANGE[1]}")
        return None
    return int(value)


def _number(cell: object, decimal: str, row: int, column: str, bad, limits: tuple[float, float] | None) -> float:
    try:
        value = parse_number(cell, decimal)
    except ValueError:
        bad("Der Wert ist keine Zahl.", row=row, column=column, value=cell, expected="Zahl oder leer")
        return math.nan
    if value is None:
        return math.nan
    if limits and not limits[0] <= value <= limits[1]:
        bad("Der Wert liegt außerhalb des Möglichen.", row=row, column=column, value=cell,
            expected=f"{limits[0]:g} bis {limits[1]:g} Vollzeitäquivalente")
        return math.nan
    return value


def _cents(cell: object, decimal: str, row: int, column: str, bad) -> int | None:
    text = _text(cell)
    if not text:
        return None
    try:
        value = parse_number(cell, decimal)
        amount = Decimal(str(value)) if not isinstance(cell, str) else Decimal(
            text.replace(",", ".") if decimal == "," else text)
    except (ValueError, InvalidOperation):
        bad("Der Betrag ist keine Zahl.", row=row, column=column, value=cell, expected="Euro, z. B. 12500,00")
        return None
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        bad("Der Betrag muss ≥ 0 sein und darf höchstens zwei Nachkommastellen haben.", row=row, column=column,
            value=cell, expected="Euro auf den Cent, z. B. 12500,00")
        return None
    return int(amount * 100)


def _plausible(values: dict, row: int, warnings: list[str], source: str) -> None:
    given, spent = values.get("zugewiesen_cents"), values.get("verausgabt_cents")
    if isinstance(given, int) and isinstance(spent, int) and spent > given:
        warnings.append(f"Datei „{source}“, Zeile {row}: mehr verausgabt als zugewiesen.")
    funded, filled = values.get("vza_gefoerdert"), values.get("vza_besetzt")
    if isinstance(funded, float) and isinstance(filled, float) and filled > funded:
        warnings.append(f"Datei „{source}“, Zeile {row}: mehr Stellen besetzt als gefördert.")
