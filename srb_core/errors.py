"""Typed errors whose text a planner can act on without reading code.

Every problem names where it sits (file, row, column, value) and what was expected, in German,
because the message is shown unchanged in the app and on the command line.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One concrete defect in an input file."""

    message: str
    file: str | None = None
    row: int | None = None  # as a spreadsheet program shows it: header = row 1
    column: str | None = None
    value: object = None
    expected: str | None = None
    option: str | None = None  # a command-line option such as --weights (not a column of a file)

    def text(self) -> str:
        """One German sentence: where (Datei, Zeile, Spalte, Wert), what is wrong, what was expected."""
        where = []
        if self.file:
            where.append(f"Datei „{self.file}“")
        if self.row is not None:
            where.append(f"Zeile {self.row}")
        if self.column:
            where.append(f"Spalte „{self.column}“")
        if self.option:
            where.append(f"Option „{self.option}“")
        if self.value is not None:
            where.append(f"Wert „{self.value}“")
        head = ", ".join(where)
        body = self.message + (f" Erwartet: {self.expected}." if self.expected else "")
        return f"{head}: {body}" if head else body


class SrbError(Exception):
    """Base of every error srb_core raises on purpose."""


class SrbInputError(SrbError):
    """An input file or parameter cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem, title: str = "Die Eingabe kann nicht verwendet werden."):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.title = title
        super().__init__(self.text())

    def text(self, limit: int = 50) -> str:
        """The title and one line per problem, at most `limit` lines and a count of the rest."""
        lines = [self.title]
        lines += [f"- {p.text()}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"- … und {len(self.problems) - limit} weitere Probleme.")
        return "\n".join(lines)


class KonzeptionError(SrbInputError):
    """The Konzeption (TOML) is malformed or inconsistent with the Kita table."""


class KitaDataError(SrbInputError):
    """The Kita table is malformed."""


class ParameterError(SrbInputError):
    """A user-chosen parameter (weights, k, budget) is not allowed."""
