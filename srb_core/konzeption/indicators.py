"""The indicator catalogue of the yearly reports (`[[indicators]]` in the Konzeption).

Indicators describe what happens in practice (use of services, case numbers, staff turnover …). They
are context for a Kita's or Sozialraum's own development, never a ranking of Kitas.
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import KonzeptionError, Problem

LEVELS = ("kita", "sozialraum")
INDICATOR_KEYS = frozenset({"key", "label", "unit", "level", "higher_is_better", "description"})
# Column names the yearly table uses for money and posts; an indicator must not take them.
RESERVED = {"jahr", "kita_id", "sozialraum", "zugewiesen_eur", "verausgabt_eur", "vza_gefoerdert", "vza_besetzt"}


@dataclass(frozen=True)
class Indicator:
    """One indicator of the yearly reports ([[indicators]]): column, German label, unit, level and which direction is
    better."""

    key: str  # column in the table of yearly values
    label: str  # German, shown on screen and in the report
    unit: str = ""
    level: str = "kita"  # "kita" or "sozialraum"
    higher_is_better: bool | None = None  # None: neither direction is better (pure context)
    description: str = ""


def parse_indicators(entries: object, bad: Callable[..., None], check_keys: bool = True) -> tuple[Indicator, ...]:
    """`bad(message, column=…, value=…, expected=…)` collects problems; every entry is checked. Inside a
    Konzeption the schema check (schema.py) has already reported unknown keys: check_keys=False."""
    if entries is None:
        return ()
    if not isinstance(entries, list):
        if check_keys:
            bad("„indicators“ muss eine Liste von [[indicators]]-Blöcken sein.", column="indicators")
        return ()
    out: list[Indicator] = []
    seen: set[str] = set()
    for pos, entry in enumerate(entries, start=1):
        indicator = _indicator(entry, f"indicators[{pos}]", seen, bad, check_keys)
        if indicator is not None:
            out.append(indicator)
    return tuple(out)


def _indicator(entry: object, where: str, seen: set[str], bad: Callable[..., None],
               check_keys: bool) -> Indicator | None:
    if not isinstance(entry, dict):
        if check_keys:  # inside a Konzeption the schema check reported the shape
            bad("Jeder Eintrag muss ein [[indicators]]-Block sein.", column=where)
        return None
    for key in entry:
        if check_keys and key not in INDICATOR_KEYS:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"{where}.{key}",
                expected="einer von " + ", ".join(sorted(INDICATOR_KEYS)))
    key, label = entry.get("key"), entry.get("label")
    if not isinstance(key, str) or not key.strip() or key.strip() != key or any(c in key for c in ",;\"'"):
        bad("Der Indikator braucht einen Schlüssel (Spaltenname ohne Leerzeichen am Rand, ohne , ; und "
            "Anführungszeichen).", column=f"{where}.key", value=key)
        return None
    if key in RESERVED:
        bad("Dieser Schlüssel ist für Geld und Stellen reserviert.", column=f"{where}.key", value=key,
            expected="ein anderer Name als " + ", ".join(sorted(RESERVED)))
    if key in seen:
        bad("Der Schlüssel ist doppelt.", column=f"{where}.key", value=key)
    seen.add(key)
    if not isinstance(label, str) or not label.strip():
        bad("Der Indikator braucht eine deutsche Bezeichnung.", column=f"{where}.label", value=label)
        label = key
    level = entry.get("level", "kita")
    if level not in LEVELS:
        bad("Unbekannte Ebene.", column=f"{where}.level", value=level, expected="kita oder sozialraum")
    better = entry.get("higher_is_better")
    if better is not None and not isinstance(better, bool):
        bad("„higher_is_better“ muss true oder false sein (oder fehlen).", column=f"{where}.higher_is_better",
            value=better)
        better = None
    return Indicator(key, label.strip(), str(entry.get("unit", "")), str(level), better,
                     str(entry.get("description", "")))


def parse_catalogue(text: str, source: str) -> tuple[Indicator, ...]:
    """A TOML file holding only `[[indicators]]` (for a Konzeption that must stay as adopted)."""
    problems: list[Problem] = []

    def bad(message: str, column: str | None = None, value: object = None, expected: str | None = None) -> None:
        problems.append(Problem(message, file=source, column=column, value=value, expected=expected))

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KonzeptionError(Problem(f"Die Datei ist kein gültiges TOML ({exc}).", file=source)) from None
    for key in raw:
        if key != "indicators":
            bad("Unbekannter Eintrag.", column=key, expected="nur [[indicators]]-Blöcke")
    indicators = parse_indicators(raw.get("indicators", []), bad)
    if problems:
        raise KonzeptionError(problems, title="Der Indikatorenkatalog kann nicht verwendet werden.")
    return indicators
