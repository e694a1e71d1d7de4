"""argparse in German: usage, help, error messages, and OS errors as one German sentence.

argparse builds its messages in English before it calls `error()`; the table below maps each
template of Python 3.11's argparse to German, so nothing English reaches a planner's terminal.
Nothing global is patched: other argparse users in the same process stay as they are.
"""
from __future__ import annotations

import argparse
import errno
import math
import re
import sys
from typing import NoReturn

_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^the following arguments are required: (.*)$", r"Diese Angaben fehlen: \1"),
    (r"^unrecognized arguments: (.*)$", r"Unbekannte Angaben: \1"),
    (r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$", r"Bei \1 ist \2 nicht möglich; erlaubt: \3"),
    (r"^argument (\S+): expected one argument$", r"Nach \1 fehlt ein Wert"),
    (r"^argument (\S+): expected at least one argument$", r"Nach \1 fehlt mindestens ein Wert"),
    (r"^argument (\S+): expected (\d+) arguments?$", r"Nach \1 werden \2 Werte erwartet"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 nimmt keinen Wert, angegeben war \2"),
    (r"^argument (\S+): not allowed with argument (.*)$", r"\1 ist nicht zusammen mit \2 erlaubt"),
    (r"^argument (\S+): invalid (\S+) value: (.*)$", r"Bei \1 ist \3 kein gültiger Wert"),
    (r"^argument (\S+): (.*)$", r"Bei \1: \2"),
    (r"^one of the arguments (.*) is required$", r"Eine dieser Angaben ist nötig: \1"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"\1 ist mehrdeutig, gemeint sein könnte: \2"),
))


def translate(message: str) -> str:
    """The German form of one argparse error message (unknown messages pass unchanged)."""
    for pattern, replacement in _ERRORS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class GermanParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors are German; errors exit with code 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Befehle und Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="diese Hilfe zeigen und beenden")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Fehler: {translate(message)}.\n")


def finite_number(text: str) -> float:
    """A decimal number as typed (point or comma), refusing inf, nan and anything non-finite."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine endliche Zahl")
    return value


_OS_ERRORS = {
    errno.ENOENT: "Die Datei „{f}“ gibt es nicht.",
    errno.EACCES: "Für die Datei „{f}“ fehlt die Berechtigung.",
    errno.EPERM: "Für die Datei „{f}“ fehlt die Berechtigung.",
    errno.EISDIR: "„{f}“ ist ein Ordner, keine Datei.",
    errno.ENOTDIR: "Im Pfad „{f}“ ist ein Teil kein Ordner.",
    errno.EEXIST: "Im Pfad „{f}“ gibt es einen Teil schon als Datei, wo ein Ordner nötig ist.",
    errno.ENOSPC: "Auf dem Datenträger ist kein Platz mehr für „{f}“.",
    errno.EROFS: "„{f}“ liegt auf einem schreibgeschützten Datenträger.",
}


def os_error_text(exc: OSError) -> str:
    """One German sentence for an OS error, naming the file (never the English OS text)."""
    name = exc.filename if exc.filename is not None else "?"
    template = _OS_ERRORS.get(exc.errno or 0, "Die Datei „{f}“ kann nicht gelesen oder geschrieben werden"
                                               " (Fehlernummer {n}).")
    return template.format(f=name, n=exc.errno)
