"""The checks of a Kita table against a Konzeption, one method per rule, every problem collected.

Values are never coerced silently: a cell is a number, empty (a missing answer), or an error. A
number is ASCII digits with an optional sign, the file's decimal mark and a short exponent —
Python's float() would also read "1_0" as 10 and Arabic-Indic or full-width digits.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .errors import Problem
from .konzeption.model import Konzeption, Variable

REQUIRED = ("kita_id", "name", "sozialraum")
OPTIONAL_NUMERIC = ("children", "lat", "lon")
OPTIONAL_TEXT = ("traeger", "gemeinde")  # provider (for instalments) and municipality
ROW_OFFSET = 2  # data row i is spreadsheet row i + 2: the header is row 1
MAX_ABS_VALUE = 1e12  # larger answers are typing errors and would break the 0–100 rescaling
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?", re.ASCII)
_OPTIONAL_RANGE = {"children": (0, 10_000), "lat": (-90, 90), "lon": (-180, 180)}
_OPTIONAL_EXPECTED = {"children": "ganze Zahl ≥ 0", "lat": "Breitengrad −90…90", "lon": "Längengrad −180…180"}


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


class TableCheck:
    """Collects the problems of one table; `rows` are spreadsheet row numbers (else i + 2)."""

    def __init__(self, frame: pd.DataFrame, konzeption: Konzeption, source: str, decimal: str,
                 rows: Sequence[int]):
        self.frame, self.konzeption, self.source, self.decimal = frame, konzeption, source, decimal
        self.rows = tuple(rows) if len(rows) == len(frame) else ()
        self.problems: list[Problem] = []
        self.bad_rows: set[int] = set()  # rows with a refused cell: no second message about a missing sub-index

    def row(self, i: int) -> int:
        """Spreadsheet row number of frame row i (as read, or i + ROW_OFFSET)."""
        return self.rows[i] if self.rows else i + ROW_OFFSET

    def bad(self, message: str, row: int | None = None, column: str | None = None, value: object = None,
            expected: str | None = None) -> None:
        """Record one problem with this table's file name, and row/column/value/expected where known."""
        self.problems.append(Problem(message, file=self.source, row=row, column=column, value=value,
                                     expected=expected))

    def header(self) -> None:
        """Required columns, the Konzeption's columns, doubled headers, at least one Kita."""
        columns = self.frame.columns
        for column in REQUIRED:
            if column not in columns:
                self.bad("Pflichtspalte fehlt.", row=1, column=column)
        for variable in self.konzeption.variables:
            if variable.column not in columns:
                self.bad(f"Die Konzeption „{self.konzeption.source or self.konzeption.name}“ nennt diese Variable "
                         f"({variable.title}), die Kita-Tabelle hat aber keine solche Spalte.", row=1,
                         column=variable.column)
        for column in columns[columns.duplicated()].tolist():
            self.bad("Die Spaltenüberschrift kommt mehrfach vor.", row=1, column=column)
        if self.frame.empty:
            self.bad("Die Tabelle enthält keine Kitas.")

    def identities(self, ids: list[str], names: list[str], areas: list[str]) -> None:
        """Every Kita has a unique id, a name and a Sozialraum."""
        first_row: dict[str, int] = {}
        for i, kita_id in enumerate(ids):
            row = self.row(i)
            if not kita_id:
                self.bad("Die Kita hat keine Kennung.", row=row, column="kita_id", expected="eine eindeutige Kennung")
            elif kita_id in first_row:
                self.bad(f"Die Kennung ist doppelt (zuerst in Zeile {first_row[kita_id]}).", row=row,
                         column="kita_id", value=kita_id, expected="jede Kennung genau einmal")
            else:
                first_row[kita_id] = row
            if not names[i]:
                self.bad("Die Kita hat keinen Namen.", row=row, column="name")
            if not areas[i]:
                self.bad("Der Sozialraum ist leer.", row=row, column="sozialraum", expected="Name eines Sozialraums")

    def variables(self) -> np.ndarray:
        """(Kitas × variables) of the Konzeption's columns; NaN = no answer."""
        variables = self.konzeption.variables
        values = np.full((len(self.frame), len(variables)), np.nan)
        for j, variable in enumerate(variables):
            for i, cell in enumerate(self.frame[variable.column]):
                value = self._cell(i, variable.column, cell, variable)
                if value is not None:
                    values[i, j] = value
        return values

    def _cell(self, i: int, column: str, cell: object, variable: Variable) -> float | None:
        row = self.row(i)
        try:
            value = parse_number(cell, self.decimal)
        except ValueError:
            self.bad("Der Wert ist keine Zahl.", row=row, column=column, value=cell, expected=_expectation(variable))
            self.bad_rows.add(row)
            return None
        reason = None if value is None else _out_of_scale(value, variable)
        if reason:
            self.bad(reason, row=row, column=column, value=cell, expected=_expectation(variable))
            self.bad_rows.add(row)
            return None
        return value

    def sub_indices_present(self, values: np.ndarray, ids: list[str]) -> None:
        """A Kita without any answer for a sub-index is refused, never scored 0."""
        konz = self.konzeption
        for sub in konz.sub_indices:
            cols = [j for j, v in enumerate(konz.variables) if v.index == sub]
            for i in map(int, np.flatnonzero(np.all(np.isnan(values[:, cols]), axis=1))):
                if ids[i] and self.row(i) not in self.bad_rows:
                    self.bad(f"Die Kita hat keine einzige Angabe für den Teilindex „{sub}“; er kann nicht berechnet "
                             "werden und wird nicht still mit 0 gewertet.", row=self.row(i),
                             column=", ".join(konz.variables[j].column for j in cols),
                             expected="mindestens eine Angabe je Teilindex")

    def optional(self) -> dict[str, np.ndarray]:
        """children, lat, lon where present, each within what is possible."""
        out = {}
        for column in OPTIONAL_NUMERIC:
            if column in self.frame.columns:
                out[column] = np.array([self._optional(i, column, cell) for i, cell in
                                        enumerate(self.frame[column])], dtype=float)
        return out

    def _optional(self, i: int, column: str, cell: object) -> float:
        row = self.row(i)
        try:
            value = parse_number(cell, self.decimal)
        except ValueError:
            self.bad("Der Wert ist keine Zahl.", row=row, column=column, value=cell)
            return np.nan
        if value is None:
            if column == "children":
                self.bad("Die Kinderzahl fehlt.", row=row, column=column, expected="ganze Zahl ≥ 0")
            return np.nan
        lo, hi = _OPTIONAL_RANGE[column]
        if not lo <= value <= hi or (column == "children" and value != int(value)):
            self.bad("Der Wert liegt außerhalb des Möglichen.", row=row, column=column, value=cell,
                     expected=_OPTIONAL_EXPECTED[column])
            return np.nan
        return value

    def sozialraeume(self, areas: list[str]) -> list[str]:
        """Display order of the Sozialräume; names must be exactly the Konzeption's, if it lists them."""
        names = self.konzeption.sozialraeume
        present = [a for a in dict.fromkeys(areas) if a]
        if names:
            for i, area in enumerate(areas):
                if area and area not in names:
                    self.bad("Diesen Sozialraum nennt die Konzeption nicht; er würde sonst als zusätzlicher "
                             "Sozialraum Geld erhalten.", row=self.row(i), column="sozialraum", value=area,
                             expected=_nearest_sozialraum(area, names))
        for name in names:
            if name not in present:
                self.bad(f"Der Sozialraum „{name}“ steht in der Konzeption, hat aber keine Kita.", column="sozialraum",
                         value=name, expected="mindestens eine Kita je Sozialraum")
        return [s for s in names if s in present] + sorted(s for s in present if s not in names)

    def warnings(self, values: np.ndarray) -> list[str]:
        """Unused columns, constant variables, missing answers: allowed, but said."""
        konz = self.konzeption
        warnings = []
        used = set(REQUIRED) | set(OPTIONAL_NUMERIC) | set(OPTIONAL_TEXT) | set(konz.columns) | named_in(konz.extra)
        unused = [c for c in self.frame.columns if c not in used]
        if unused:
            warnings.append("Diese Spalten nennt die Konzeption nicht; sie werden nicht verwendet: "
                            + ", ".join(f"„{c}“" for c in unused) + ".")
        for j, variable in enumerate(konz.variables):
            column = values[:, j]
            observed = column[~np.isnan(column)]
            if observed.size and observed.min() == observed.max():
                warnings.append(f"Die Variable „{variable.title}“ hat bei allen Kitas denselben Wert "
                                f"({observed[0]:g}); sie trägt keine Information und erhält überall 0 Punkte.")
            missing_count = int(np.isnan(column).sum())
            if missing_count:
                warnings.append(f"Bei der Variable „{variable.title}“ fehlen {missing_count} Angaben; der Teilindex "
                                "dieser Kitas ist der Mittelwert der vorhandenen Variablen.")
        return warnings


def named_in(node: object) -> set[str]:
    """Every string inside the Konzeption's rule tables: a column a rule refers to is in use."""
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict) or hasattr(node, "items"):
        return set().union(*(named_in(v) for v in node.values())) if node else set()  # type: ignore[attr-defined]
    if isinstance(node, (list, tuple)):
        return set().union(*(named_in(v) for v in node)) if node else set()
    return set()


def text(cell: object) -> str:
    """A cell as text: '' for empty, 17.0 → '17' (Excel ids), else stripped."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # Excel stores ids like 17 as 17.0
    return str(cell).strip()


def _nearest_sozialraum(area: str, names: tuple[str, ...]) -> str:
    """'„Nord“ (genau so geschrieben); genau einer der Namen …' — the closest name by case or by difflib."""
    same_case = [n for n in names if n.casefold() == area.casefold()]
    close = same_case or difflib.get_close_matches(area, names, n=1, cutoff=0.6)
    allowed = "genau einer der Namen der Konzeption: " + ", ".join(f"„{n}“" for n in names)
    return f"„{close[0]}“ (genau so geschrieben); {allowed}" if close else allowed


def _out_of_scale(value: float, variable: Variable) -> str | None:
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


def _expectation(variable: Variable) -> str:
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
