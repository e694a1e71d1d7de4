"""The Kita table as a validated, immutable data object the calculation runs on.

Validation collects every problem before refusing, so a Jugendamt fixes its file in one pass.
Values are never coerced silently: a cell is a number, empty (a missing answer), or an error.
"""
from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import KitaDataError, Problem
from .konzeption.model import Konzeption

REQUIRED = ("kita_id", "name", "sozialraum")
OPTIONAL_NUMERIC = ("children", "lat", "lon")
OPTIONAL_TEXT = ("traeger", "gemeinde")  # provider (for instalments) and municipality
ROW_OFFSET = 2  # data row i is spreadsheet row i + 2: the header is row 1
MAX_ABS_VALUE = 1e12  # larger answers are typing errors and would break the 0–100 rescaling
# ASCII digits only: float() would also read "1_0" as 10 and Arabic-Indic or full-width digits.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?", re.ASCII)


@dataclass(frozen=True, eq=False)
class KitaData:
    kita_ids: tuple[str, ...]
    names: tuple[str, ...]
    sozialraum_names: tuple[str, ...]  # canonical order of the Sozialräume
    sozialraum: np.ndarray  # int code per Kita into sozialraum_names
    values: np.ndarray  # (Kitas × variables), NaN = no answer; columns as Konzeption.variables
    columns: tuple[str, ...]
    children: np.ndarray | None = None
    lat: np.ndarray | None = None
    lon: np.ndarray | None = None
    table: pd.DataFrame | None = field(default=None, repr=False)  # the file as read, for later rules
    fingerprint: str = ""
    source: str = ""
    warnings: tuple[str, ...] = ()
    rows: tuple[int, ...] = ()  # spreadsheet row of each Kita; empty = header in row 1, no gaps

    @property
    def n(self) -> int:
        return len(self.kita_ids)

    def file_row(self, i: int) -> int:
        """Row number of Kita i as the user's spreadsheet shows it."""
        return self.rows[i] if self.rows else i + ROW_OFFSET

    def row_of(self, kita_id: str) -> int:
        return self.kita_ids.index(kita_id)


def parse_number(cell: object, decimal: str = ".") -> float | None:
    """A cell as float, None if empty; raises ValueError if it is not a plain number.

    Text must be ASCII digits with an optional sign, the file's decimal mark and an optional short
    exponent; "1_0", "١٠" or "１０" are refused although Python's float() would accept them.
    """
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return None
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, (int, float, np.integer, np.floating)):
        value = float(cell)
    else:
        text = str(cell).strip().replace("\u00a0", "")
        if text == "":
            return None
        if decimal == ",":
            if "." in text:  # "1.5" in a decimal-comma file is ambiguous: refuse, never guess
                raise ValueError(cell)
            text = text.replace(",", ".")
        if not _PLAIN_NUMBER.fullmatch(text):
            raise ValueError(cell)  # e.g. "12 %", "ca. 40", "1_0", full-width digits
        value = float(text)
    if not math.isfinite(value):
        raise ValueError(cell)
    return value


def build_kita_data(frame: pd.DataFrame, konzeption: Konzeption, source: str = "kitas.csv",
                    decimal: str = ".", rows: Sequence[int] = ()) -> KitaData:
    """Check a Kita table against a Konzeption and turn it into KitaData, or refuse it whole.

    `rows` are the spreadsheet row numbers of the frame's rows (when the reader skipped empty
    rows); without them row i is i + 2.
    """
    problems: list[Problem] = []
    rows = tuple(rows) if len(rows) == len(frame) else ()

    def row_no(i: int) -> int:
        return rows[i] if rows else i + ROW_OFFSET

    def bad(message: str, row: int | None = None, column: str | None = None, value: object = None,
            expected: str | None = None) -> None:
        problems.append(Problem(message, file=source, row=row, column=column, value=value, expected=expected))

    frame = frame.reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    for column in missing:
        bad("Pflichtspalte fehlt.", row=1, column=column)
    for variable in konzeption.variables:
        if variable.column not in frame.columns:
            bad(f"Die Konzeption „{konzeption.source or konzeption.name}“ nennt diese Variable "
                f"({variable.title}), die Kita-Tabelle hat aber keine solche Spalte.", row=1, column=variable.column)
    duplicated_headers = frame.columns[frame.columns.duplicated()].tolist()
    for column in duplicated_headers:
        bad("Die Spaltenüberschrift kommt mehrfach vor.", row=1, column=column)
    if frame.empty:
        bad("Die Tabelle enthält keine Kitas.")
    if problems:
        raise KitaDataError(problems, title="Die Kita-Tabelle kann nicht verwendet werden.")

    ids = [_text(x) for x in frame["kita_id"]]
    names = [_text(x) for x in frame["name"]]
    areas = [_text(x) for x in frame["sozialraum"]]
    first_row: dict[str, int] = {}
    for i, kita_id in enumerate(ids):
        row = row_no(i)
        if not kita_id:
            bad("Die Kita hat keine Kennung.", row=row, column="kita_id", expected="eine eindeutige Kennung")
        elif kita_id in first_row:
            bad(f"Die Kennung ist doppelt (zuerst in Zeile {first_row[kita_id]}).", row=row, column="kita_id",
                value=kita_id, expected="jede Kennung genau einmal")
        else:
            first_row[kita_id] = row
        if not names[i]:
            bad("Die Kita hat keinen Namen.", row=row, column="name")
        if not areas[i]:
            bad("Der Sozialraum ist leer.", row=row, column="sozialraum", expected="Name eines Sozialraums")

    values = np.full((len(frame), len(konzeption.variables)), np.nan)
    bad_rows: set[int] = set()  # rows with a refused cell: no second message about a missing sub-index
    for j, variable in enumerate(konzeption.variables):
        for i, cell in enumerate(frame[variable.column]):
            row = row_no(i)
            try:
                value = parse_number(cell, decimal)
            except ValueError:
                bad("Der Wert ist keine Zahl.", row=row, column=variable.column, value=cell,
                    expected=_expectation(variable))
                bad_rows.add(row)
                continue
            if value is None:
                continue
            reason = _out_of_scale(value, variable)
            if reason:
                bad(reason, row=row, column=variable.column, value=cell, expected=_expectation(variable))
                bad_rows.add(row)
                continue
            values[i, j] = value

    for sub in konzeption.sub_indices:
        cols = [j for j, v in enumerate(konzeption.variables) if v.index == sub]
        for i in np.flatnonzero(np.all(np.isnan(values[:, cols]), axis=1)):
            if ids[i] and row_no(i) not in bad_rows:
                bad(f"Die Kita hat keine einzige Angabe für den Teilindex „{sub}“; er kann nicht berechnet "
                    "werden und wird nicht still mit 0 gewertet.", row=row_no(i),
                    column=", ".join(konzeption.variables[j].column for j in cols),
                    expected="mindestens eine Angabe je Teilindex")

    optional = {}
    for column in OPTIONAL_NUMERIC:
        if column not in frame.columns:
            continue
        parsed = np.full(len(frame), np.nan)
        for i, cell in enumerate(frame[column]):
            row = row_no(i)
            try:
                value = parse_number(cell, decimal)
            except ValueError:
                bad("Der Wert ist keine Zahl.", row=row, column=column, value=cell)
                continue
            limits = {"children": (0, 10_000), "lat": (-90, 90), "lon": (-180, 180)}[column]
            if value is None:
                if column == "children":
                    bad("Die Kinderzahl fehlt.", row=row, column=column, expected="ganze Zahl ≥ 0")
                continue
            if not limits[0] <= value <= limits[1] or (column == "children" and value != int(value)):
                bad("Der Wert liegt außerhalb des Möglichen.", row=row, column=column, value=cell,
                    expected={"children": "ganze Zahl ≥ 0", "lat": "Breitengrad −90…90",
                              "lon": "Längengrad −180…180"}[column])
                continue
            parsed[i] = value
        optional[column] = parsed

    present = [a for a in dict.fromkeys(areas) if a]
    order = [s for s in konzeption.sozialraeume if s in present] + sorted(
        s for s in present if s not in konzeption.sozialraeume)
    if konzeption.sozialraeume:
        for i, area in enumerate(areas):
            if area and area not in konzeption.sozialraeume:
                bad("Diesen Sozialraum nennt die Konzeption nicht; er würde sonst als zusätzlicher Sozialraum "
                    "Geld erhalten.", row=row_no(i), column="sozialraum", value=area,
                    expected=_nearest_sozialraum(area, konzeption))
    for name in konzeption.sozialraeume:
        if name not in present:
            bad(f"Der Sozialraum „{name}“ steht in der Konzeption, hat aber keine Kita.", column="sozialraum",
                value=name, expected="mindestens eine Kita je Sozialraum")
    if problems:
        raise KitaDataError(problems, title="Die Kita-Tabelle kann nicht verwendet werden.")

    warnings = []
    used = set(REQUIRED) | set(OPTIONAL_NUMERIC) | set(OPTIONAL_TEXT) | set(konzeption.columns) | _named_in(
        konzeption.extra)
    unused = [c for c in frame.columns if c not in used]
    if unused:
        warnings.append("Diese Spalten nennt die Konzeption nicht; sie werden nicht verwendet: "
                        + ", ".join(f"„{c}“" for c in unused) + ".")
    for j, variable in enumerate(konzeption.variables):
        column = values[:, j]
        observed = column[~np.isnan(column)]
        if observed.size and observed.min() == observed.max():
            warnings.append(f"Die Variable „{variable.title}“ hat bei allen Kitas denselben Wert "
                            f"({observed[0]:g}); sie trägt keine Information und erhält überall 0 Punkte.")
        missing_count = int(np.isnan(column).sum())
        if missing_count:
            warnings.append(f"Bei der Variable „{variable.title}“ fehlen {missing_count} Angaben; der Teilindex "
                            "dieser Kitas ist der Mittelwert der vorhandenen Variablen.")

    code = {name: c for c, name in enumerate(order)}
    values.setflags(write=False)
    return KitaData(
        kita_ids=tuple(ids),
        names=tuple(names),
        sozialraum_names=tuple(order),
        sozialraum=np.array([code[a] for a in areas], dtype=np.intp),
        values=values,
        columns=konzeption.columns,
        children=optional.get("children"),
        lat=optional.get("lat"),
        lon=optional.get("lon"),
        table=frame,
        fingerprint=fingerprint(frame, decimal),
        source=source,
        warnings=tuple(warnings),
        rows=rows,
    )


def fingerprint(frame: pd.DataFrame, decimal: str = ".") -> str:
    """Content hash of the table, independent of file format, column order and row order.

    Cells are compared by meaning: "12,50" in a German CSV and 12.5 in Excel are the same answer.
    """
    def norm(cell: object) -> str:
        try:
            value = parse_number(cell, decimal)
        except ValueError:
            return str(cell).strip()
        return "" if value is None else repr(value)

    columns = sorted(frame.columns)
    rows = sorted("\x1f".join(norm(cell) for cell in row) for row in frame[columns].itertuples(index=False))
    canonical = "\x1e".join(columns) + "\n" + "\n".join(rows)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _named_in(node: object) -> set[str]:
    """Every string inside the Konzeption's rule tables: a column a rule refers to is in use."""
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict) or hasattr(node, "items"):
        return set().union(*(_named_in(v) for v in node.values())) if node else set()
    if isinstance(node, (list, tuple)):
        return set().union(*(_named_in(v) for v in node)) if node else set()
    return set()


def _text(cell: object) -> str:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # Excel stores ids like 17 as 17.0
    return str(cell).strip()


def _nearest_sozialraum(area: str, konzeption: Konzeption) -> str:
    """'„Nord“ (genau so geschrieben); zulässig: …' — the closest name by case or by difflib."""
    names = konzeption.sozialraeume
    same_case = [n for n in names if n.casefold() == area.casefold()]
    close = same_case or difflib.get_close_matches(area, names, n=1, cutoff=0.6)
    allowed = "genau einer der Namen der Konzeption: " + ", ".join(f"„{n}“" for n in names)
    return f"„{close[0]}“ (genau so geschrieben); {allowed}" if close else allowed


def _out_of_scale(value: float, variable) -> str | None:
    if abs(value) > MAX_ABS_VALUE:
        return "Der Wert ist unplausibel groß (mehr als eine Billion)."
    lo_hi = variable.value_range
    if lo_hi and not lo_hi[0] <= value <= lo_hi[1]:
        return "Der Wert liegt außerhalb des zulässigen Bereichs."
    if variable.scale in ("count", "ordinal", "yes_no") and value != int(value):
        return "Der Wert muss eine ganze Zahl sein."
    if variable.scale == "count" and value < 0:
        return "Eine Anzahl kann nicht negativ sein."
    return None


def _expectation(variable) -> str:
    lo_hi = variable.value_range
    span = f" von {lo_hi[0]:g} bis {lo_hi[1]:g}" if lo_hi else ""
    return {
        "share": f"Anteil in Prozent{span}",
        "rating": f"Mittelwert der Bewertung{span}",
        "count": f"ganze Zahl ≥ 0{span}",
        "yes_no": "1 (ja) oder 0 (nein)",
        "ordinal": f"ganze Rangstufe{span}",
        "number": f"Zahl{span}",
    }[variable.scale] + " oder leer, wenn keine Angabe"
