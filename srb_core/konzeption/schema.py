"""Which tables and keys a Konzeption may contain, and in which shape.

A typo such as `[wieghts]` or `[norm_bnad]` would otherwise be ignored and the adopted weights or k
silently replaced by defaults, so every unknown name is an error with the nearest known name
suggested (difflib). Shapes are checked too: `[staff]` written as `[[staff]]`, `columns = 5` or a
list where a name belongs get a German reason instead of a traceback further on.

A feature that reads a new table adds it to TABLES (name → allowed keys, shape).
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from ..errors import Problem
from .indicators import INDICATOR_KEYS

TABLE, ARRAY, SCALAR, FREE = "table", "array of tables", "value", "free"

KONZEPTION_KEYS = frozenset({"name", "description", "demo", "aggregation", "allocation", "sozialraeume",
                             "sub_indices"})
NORM_KEYS = frozenset({"k", "ddof"})
VARIABLE_KEYS = frozenset({"column", "index", "direction", "label", "scale", "unit", "range", "description"})
BUDGET_KEYS = frozenset({"total_eur", "year", "period", "cost_per_fte", "state_share"})
STRAND_KEYS = frozenset({"key", "label", "rule", "index", "columns", "exceptions_above_lower", "share", "cap_fte",
                         "staff_type", "description"})
STEP2_KEYS = frozenset({"model", "weight_by_children", "reassign_unused", "base_eur", "topup_eur", "topup_column",
                        "payment"})
STAFF_KEYS = frozenset({"label", "cost_per_fte_eur", "hours_per_fte"})
POSTS_KEYS = frozenset({"state_share", "fte_step"})

# Top-level name → (shape, allowed keys; None = any key, checked by the reader of that table).
TABLES: dict[str, tuple[str, frozenset[str] | None]] = {
    "konzeption": (TABLE, KONZEPTION_KEYS),
    "norm_band": (TABLE, NORM_KEYS),
    "weights": (TABLE, None),  # keys are sub-index names
    "variables": (ARRAY, VARIABLE_KEYS),
    "budget": (TABLE, BUDGET_KEYS),
    "aggregation": (SCALAR, None),  # older files wrote it at the top level
    "strands": (ARRAY, STRAND_KEYS),
    "step2": (TABLE, STEP2_KEYS),
    "staff": (TABLE, None),  # staff type key → table with STAFF_KEYS
    "posts": (TABLE, POSTS_KEYS),
    "budget_years": (FREE, None),  # reserved names, kept verbatim
    "state": (FREE, None),
    "indicators": (ARRAY, INDICATOR_KEYS),  # yearly reports; values checked in indicators.py
}
# Types of single values: key → (check, German expectation).
_TEXT = (lambda v: isinstance(v, str), "ein Text in Anführungszeichen")
_TEXT_LIST = (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
              'eine Liste von Texten, z. B. ["a", "b"]')
_BOOL = (lambda v: isinstance(v, bool), "true oder false")
VALUE_TYPES: dict[str, tuple[Callable[[object], bool], str]] = {
    "konzeption.name": _TEXT, "konzeption.description": _TEXT, "konzeption.demo": _BOOL,
    "konzeption.aggregation": _TEXT, "konzeption.allocation": _TEXT,
    "konzeption.sozialraeume": _TEXT_LIST, "konzeption.sub_indices": _TEXT_LIST,
    "variables.column": _TEXT, "variables.index": _TEXT, "variables.direction": _TEXT, "variables.label": _TEXT,
    "variables.scale": _TEXT, "variables.unit": _TEXT, "variables.description": _TEXT,
    "strands.key": _TEXT, "strands.label": _TEXT, "strands.rule": _TEXT, "strands.index": _TEXT,
    "strands.columns": _TEXT_LIST, "strands.exceptions_above_lower": _BOOL, "strands.staff_type": _TEXT,
    "strands.description": _TEXT,
    "step2.model": _TEXT, "step2.weight_by_children": _BOOL, "step2.reassign_unused": _BOOL,
    "step2.topup_column": _TEXT, "step2.payment": _TEXT,
    "staff.label": _TEXT,
}
_SHAPE_DE = {TABLE: "eine Tabelle [{name}]", ARRAY: "eine Liste von Blöcken [[{name}]]", SCALAR: "ein einzelner Wert"}


def suggestion(key: str, known: Iterable[str]) -> str:
    """'einer von a, b, c' — led by the nearest known name if one is close (difflib ratio ≥ 0.6)."""
    known = sorted(known)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    listing = "einer von " + ", ".join(known)
    return f"„{close[0]}“ (Tippfehler?); {listing}" if close else listing


def check_schema(raw: dict, source: str) -> list[Problem]:
    """Every unknown table or key, wrong shape or wrong value type, as Problems naming the key."""
    problems: list[Problem] = []

    def bad(message: str, column: str, value: object = None, expected: str | None = None) -> None:
        problems.append(Problem(message, file=source, column=column, value=value, expected=expected))

    for name, node in raw.items():
        if name not in TABLES:
            kind = "Tabelle" if isinstance(node, (dict, list)) else "Eintrag"
            bad(f"Unbekannte {kind} (Tippfehler?).", column=name, expected=suggestion(name, TABLES))
            continue
        shape, keys = TABLES[name]
        blocks = _blocks(name, node, shape, bad)
        for where, block in blocks:
            _check_keys(name, where, block, keys, bad)
        if name == "staff" and blocks:
            for key, entry in blocks[0][1].items():
                if not isinstance(entry, dict):
                    bad("Eine Personalart ist eine Tabelle mit label, cost_per_fte_eur und hours_per_fte.",
                        column=f"staff.{key}", value=_short(entry),
                        expected=f'{key} = {{ label = "…", cost_per_fte_eur = 78000 }}')
                else:
                    _check_keys("staff", f"staff.{key}", entry, STAFF_KEYS, bad)
    return problems


def _blocks(name: str, node: object, shape: str, bad) -> list[tuple[str, dict]]:
    """The dict(s) of a table or array of tables, or [] after reporting a wrong shape."""
    if shape == FREE:
        return []
    if shape == SCALAR:
        if isinstance(node, (dict, list)):
            bad("Hier gehört ein einzelner Wert hin, keine Tabelle.", column=name)
        return []
    if shape == TABLE:
        if not isinstance(node, dict):
            bad(f"„{name}“ ist falsch geschrieben: {_described(node)}.", column=name,
                expected=_SHAPE_DE[TABLE].format(name=name))
            return []
        return [(name, node)]
    if not isinstance(node, list) or not all(isinstance(b, dict) for b in node):
        bad(f"„{name}“ ist falsch geschrieben: {_described(node)}.", column=name,
            expected=_SHAPE_DE[ARRAY].format(name=name))
        return []
    return [(f"{name}[{i}]", block) for i, block in enumerate(node, start=1)]


def _check_keys(table: str, where: str, block: dict, keys: frozenset[str] | None, bad) -> None:
    for key, value in block.items():
        if keys is not None and key not in keys:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"{where}.{key}", expected=suggestion(key, keys))
            continue
        check = VALUE_TYPES.get(f"{table}.{key}")
        if check and not check[0](value):
            bad("Der Wert hat die falsche Art.", column=f"{where}.{key}", value=_short(value), expected=check[1])


def _described(node: object) -> str:
    if isinstance(node, list):
        return "eine Liste [[…]] statt einer Tabelle" if node and isinstance(node[0], dict) else "eine Liste"
    if isinstance(node, dict):
        return "eine Tabelle statt einer Liste von Blöcken"
    return f"ein einzelner Wert ({_short(node)})"


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
