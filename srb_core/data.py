"""The Kita table as a validated, immutable data object the calculation runs on.

Validation collects every problem before refusing, so a Jugendamt fixes its file in one pass.
Values are never coerced silently: a cell is a number, empty (a missing answer), or an error.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import KitaDataError
from .konzeption.model import Konzeption
from .table_check import (  # noqa: F401 — REQUIRED … ROW_OFFSET are imported from here by other modules
    OPTIONAL_NUMERIC,
    OPTIONAL_TEXT,
    REQUIRED,
    ROW_OFFSET,
    TableCheck,
    parse_number,
    text,
)


@dataclass(frozen=True, eq=False)
class KitaData:
    """The Kita table as the engine reads it: ids, names, Sozialraum codes and the answers (Kitas × variables, NaN = no
    answer)."""

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
        """Number of Kitas."""
        return len(self.kita_ids)

    def file_row(self, i: int) -> int:
        """Row number of Kita i as the user's spreadsheet shows it."""
        return self.rows[i] if self.rows else i + ROW_OFFSET

    def row_of(self, kita_id: str) -> int:
        """Row index of a Kita id (ValueError if unknown)."""
        return self.kita_ids.index(kita_id)


def build_kita_data(frame: pd.DataFrame, konzeption: Konzeption, source: str = "kitas.csv",
                    decimal: str = ".", rows: Sequence[int] = ()) -> KitaData:
    """Check a Kita table against a Konzeption and turn it into KitaData, or refuse it whole.

    `rows` are the spreadsheet row numbers of the frame's rows (when the reader skipped empty
    rows); without them row i is i + 2. The rules are in table_check.TableCheck.
    """
    frame = frame.reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    check = TableCheck(frame, konzeption, source, decimal, rows)
    check.header()
    if check.problems:
        raise KitaDataError(check.problems, title="Die Kita-Tabelle kann nicht verwendet werden.")

    ids = [text(x) for x in frame["kita_id"]]
    names = [text(x) for x in frame["name"]]
    areas = [text(x) for x in frame["sozialraum"]]
    check.identities(ids, names, areas)
    values = check.variables()
    check.sub_indices_present(values, ids)
    optional = check.optional()
    order = check.sozialraeume(areas)
    if check.problems:
        raise KitaDataError(check.problems, title="Die Kita-Tabelle kann nicht verwendet werden.")

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
        warnings=tuple(check.warnings(values)),
        rows=check.rows,
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


