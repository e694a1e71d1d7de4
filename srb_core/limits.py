"""Documented limits of every input, checked before expensive work so a refusal comes within seconds.

One place for all of them: the loaders, the command line and the app use these constants, and the
README section „Grenzen“ lists them. A limit is generous for a real Jugendamt (the largest in
Rhineland-Palatinate has a few hundred Kitas) and small enough that reading never hangs.

The parameter grid (weights, k) is what the app's sidebar can show exactly: a Konzeption outside
it is refused by the loader, so the app never rounds an adopted Konzeption without a word.
"""
from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from .errors import Problem, SrbInputError

MB = 1024 * 1024

# --- files ------------------------------------------------------------------------------------
MAX_FILE_BYTES = 20 * MB  # any uploaded or named file (Kita table, Konzeption, map, scenario)
MAX_ROWS = 20_000  # Kitas in one table (data rows, without the header and empty rows)
MAX_COLUMNS = 500
# A sheet of 20,000 Kitas × 25 columns is about 25 MB of XML; these leave room and bound the reading time.
MAX_INFLATED_BYTES = 128 * MB  # sum of the unpacked sizes of an XLSX or ZIP archive
MAX_MEMBER_BYTES = 64 * MB  # one member of an XLSX or ZIP archive, unpacked
MAX_MEMBERS = 1_000  # files inside one archive
MAX_CELL_CHARS = 1_000  # one cell of a Kita table

# --- numbers ----------------------------------------------------------------------------------
MAX_BUDGET_EUR = 10**12  # 1 Billion €; far above any Sozialraumbudget, far below 2^63 cents
MAX_BUDGET_CENTS = MAX_BUDGET_EUR * 100
MAX_NUMBER_CHARS = 40  # digits of a number written as text (shares, budgets, JSON numbers)
MAX_EXPONENT = 30  # |e| in 1e30; "1e999999999" would make an exact fraction with a billion digits

# Grid of the parameters the sidebar can show exactly (two decimals each).
WEIGHT_MIN = Decimal("0")
WEIGHT_MAX = Decimal("10")
WEIGHT_STEP = Decimal("0.01")
K_MIN = Decimal("0")
K_MAX = Decimal("3")
K_STEP = Decimal("0.01")
# The engine itself accepts a wider k (robustness runs perturb parameters beyond the sliders); it only
# needs a finite norm band, and 10 standard deviations already put every unit inside it.
K_ENGINE_MAX = 10.0

# --- scenarios --------------------------------------------------------------------------------
MAX_SCENARIO_BYTES = 5 * MB  # one scenario JSON file
MAX_JSON_DEPTH = 8  # nesting of a scenario JSON (the format itself needs 4)
MAX_NAME_CHARS = 120  # scenario name
MAX_NOTE_CHARS = 100_000  # scenario note and author in an imported file (the app's own store keeps any length)
MAX_PDF_NOTE_CHARS = 1_500  # of a note printed in the PDF (the Excel workbook has it whole)
MAX_LIST_ITEMS = 10_000  # choices, adjustments, strand shares in one scenario


def check_size(content: bytes, name: str, error: type[SrbInputError], limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file larger than `limit` bytes before anything reads it."""
    if len(content) > limit:
        raise error(Problem(f"Die Datei ist zu groß ({_mb(len(content))}).", file=name,
                            expected=f"höchstens {_mb(limit)}"))


def check_archive(content: bytes, name: str, error: type[SrbInputError], excel: bool = False) -> None:
    """Refuse a ZIP (or XLSX, which is a ZIP) whose members would unpack too large.

    Uses the sizes the archive declares in its directory, so nothing is unpacked; members that lie
    about their size are caught by `read_member`, which stops after the declared size.
    """
    kind, invalid = ("Die Excel-Datei", "keine gültige Excel-Datei") if excel else ("Das ZIP-Archiv",
                                                                                 "kein gültiges ZIP-Archiv")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise error(Problem(f"Die Datei ist {invalid}.", file=name)) from None
    if len(infos) > MAX_MEMBERS:
        raise error(Problem(f"{kind} enthält zu viele Dateien ({len(infos)}).", file=name,
                            expected=f"höchstens {MAX_MEMBERS}"))
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise error(Problem(f"{kind} enthält eine Datei, die entpackt zu groß wäre "
                                f"({_mb(info.file_size)} aus {_mb(info.compress_size)}).", file=name,
                                value=info.filename, expected=f"höchstens {_mb(MAX_MEMBER_BYTES)} je Datei"))
    if total > MAX_INFLATED_BYTES:
        raise error(Problem(f"{kind} wäre entpackt zu groß ({_mb(total)}).", file=name,
                            expected=f"höchstens {_mb(MAX_INFLATED_BYTES)}"))


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its declared size (a lying header cannot inflate further)."""
    with zf.open(info) as stream:
        data = stream.read(min(info.file_size, MAX_MEMBER_BYTES) + 1)
    if len(data) > info.file_size:
        raise zipfile.BadZipFile("member larger than declared")
    return data


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_FRACTION = re.compile(r"[+-]?[0-9]+/[0-9]+")


def exact_number(value: object) -> Fraction:
    """A number from TOML, JSON or a text field as an exact Fraction, refusing what would hang.

    Accepted: int, float, or ASCII text `[+-]digits[.digits][e±dd]` or `a/b`, at most
    MAX_NUMBER_CHARS characters and |exponent| ≤ MAX_EXPONENT. Raises ValueError otherwise, because
    `Fraction("1e999999999")` would build a number with a billion digits.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        if abs(value) >= 10**MAX_NUMBER_CHARS:
            raise ValueError(value)
        return Fraction(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) >= 10.0**MAX_NUMBER_CHARS:
            raise ValueError(value)
        return Fraction(str(value))
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if len(text) > MAX_NUMBER_CHARS or not (_DECIMAL.fullmatch(text) or _FRACTION.fullmatch(text)):
        raise ValueError(value)
    if "/" not in text:
        try:
            exponent = Decimal(text).as_tuple().exponent
        except InvalidOperation:
            raise ValueError(value) from None
        if not isinstance(exponent, int) or abs(exponent) > MAX_EXPONENT:
            raise ValueError(value)
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise ValueError(value) from None


def on_grid(value: float, lo: Decimal, hi: Decimal, step: Decimal) -> bool:
    """True if `value` lies in [lo, hi] and is a whole multiple of `step` (as written in decimal)."""
    try:
        exact = Decimal(repr(float(value)))
    except (InvalidOperation, ValueError, OverflowError):
        return False
    return exact.is_finite() and lo <= exact <= hi and exact % step == 0


def grid_text(lo: Decimal, hi: Decimal, step: Decimal) -> str:
    """'eine Zahl von 0 bis 10 mit höchstens 2 Nachkommastellen' for messages."""
    places = -int(step.as_tuple().exponent)
    if step == Decimal(1).scaleb(-places):
        return f"eine Zahl von {_de(lo)} bis {_de(hi)} mit höchstens {places} Nachkommastellen"
    return f"eine Zahl von {_de(lo)} bis {_de(hi)} in Schritten von {_de(step)}"


def _de(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def _mb(size: int) -> str:
    if size >= MB:
        return f"{size / MB:,.1f} MB".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{size:,} Bytes".replace(",", ".")


LIMITS_DE = (
    ("Dateigröße (Kita-Tabelle, Konzeption, Karte)", f"höchstens {MAX_FILE_BYTES // MB} MB"),
    ("Kitas in einer Tabelle", f"höchstens {MAX_ROWS:,}".replace(",", ".") + " Zeilen"),
    ("Spalten in einer Tabelle", f"höchstens {MAX_COLUMNS}"),
    ("Excel-Datei oder ZIP-Archiv entpackt", f"höchstens {MAX_INFLATED_BYTES // MB} MB, "
     f"je enthaltene Datei {MAX_MEMBER_BYTES // MB} MB"),
    ("Budget", "höchstens 1 Billion € (10¹² €), auf den Cent"),
    ("Gewichte der Teilindizes", grid_text(WEIGHT_MIN, WEIGHT_MAX, WEIGHT_STEP)),
    ("Breite k des Normbereichs", grid_text(K_MIN, K_MAX, K_STEP)),
    ("Zahlen als Text (Anteile, Beträge)", f"höchstens {MAX_NUMBER_CHARS} Zeichen, Exponent höchstens "
     f"±{MAX_EXPONENT}"),
    ("Szenario-Datei (JSON)", f"höchstens {MAX_SCENARIO_BYTES // MB} MB, Verschachtelung höchstens "
     f"{MAX_JSON_DEPTH} Ebenen"),
    ("Name / Notiz eines Szenarios", f"höchstens {MAX_NAME_CHARS} / {MAX_NOTE_CHARS:,} Zeichen; im PDF die ersten "
     f"{MAX_PDF_NOTE_CHARS:,} Zeichen der Notiz".replace(",", ".")),
)
