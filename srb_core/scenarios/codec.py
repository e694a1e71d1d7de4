"""Scenarios as JSON: the exchange file between Jugendamt laptops and the payload in the database.

Fractions and cents are written as strings and integers so that a round trip is exact.
"""
from __future__ import annotations

import json
from fractions import Fraction

from .. import limits
from ..errors import ParameterError, Problem
from ..funding.model import Adjustment, Choices
from ..konzeption import Params
from .model import Scenario

FORMAT = "srb-monitor-szenario"
VERSION = 1


def to_dict(s: Scenario) -> dict:
    """A scenario as a plain dict with format and version: parameters, choices, adjustments, shares, metadata."""
    p = s.params
    return {
        "format": FORMAT, "version": VERSION,
        "name": s.name, "author": s.author, "note": s.note,
        "dataset": s.dataset, "konzeption": s.konzeption, "data_fingerprint": s.data_fingerprint,
        "id": s.id, "created": s.created, "updated": s.updated,
        "params": {"weights": list(p.weights), "k": p.k, "ddof": p.ddof, "aggregation": p.aggregation,
                   "allocation": p.allocation, "budget_cents": p.budget_cents},
        "choices": {"centres": [list(c) for c in s.choices.centres],
                    "requests": [[st, k, str(f)] for st, k, f in s.choices.requests],
                    "exceptions": [list(e) for e in s.choices.exceptions]},
        "adjustments": [{"strand": a.strand, "kita_id": a.kita_id, "cents": a.cents, "reason": a.reason}
                        for a in s.adjustments],
        "strand_shares": [[k, str(v)] for k, v in s.strand_shares],  # a list keeps the order
    }


def dumps(s: Scenario) -> str:
    """A scenario as JSON text (sorted keys, UTF-8), the format loads reads."""
    return json.dumps(to_dict(s), ensure_ascii=False, indent=2, sort_keys=True)


class _Reader:
    """Collects every problem of a file instead of stopping at the first."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def bad(self, field: str, value, expected: str, text: str = "Ungültiger Wert.") -> None:
        self.problems.append(Problem(text, file=self.source, column=field, value=_short(value), expected=expected))

    def get(self, obj: dict, key: str, kind, expected: str, path: str, default=None, optional=False):
        if key not in obj:
            if optional:
                return default
            self.problems.append(Problem("Angabe fehlt.", file=self.source, column=path + key, expected=expected))
            return default
        value = obj[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            self.bad(path + key, value, expected)
            return default
        return value


_WEIGHTS = f"Liste von Zahlen von 0 bis {limits.WEIGHT_MAX}"
_K = f"Zahl von 0 bis {limits.K_MAX}"


def _weight(w) -> bool:
    return isinstance(w, (int, float)) and not isinstance(w, bool) and 0 <= float(w) <= float(limits.WEIGHT_MAX)


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 80 else text[:77] + "…"


def _fraction(r: _Reader, text, field: str) -> Fraction | None:
    try:
        value = limits.exact_number(text if isinstance(text, (str, int, float)) else str(text))
    except ValueError:
        r.bad(field, text, f"Bruch oder Dezimalzahl, z. B. 0.25 oder 1/4, höchstens {limits.MAX_NUMBER_CHARS} "
              f"Zeichen und Exponent höchstens ±{limits.MAX_EXPONENT}")
        return None
    if value < 0:
        r.bad(field, text, "nicht negativ")
        return None
    return value


def from_dict(obj, source: str = "Szenario", stored: bool = False) -> Scenario:
    """Reads a scenario; raises ParameterError naming every bad field at once.

    `stored`: the payload comes from the app's own database (checksummed), where a long note the
    user typed is kept whole; files from elsewhere are held to the text limits of limits.py.
    """
    r = _Reader(source)
    if not isinstance(obj, dict):
        raise ParameterError(Problem("Die Datei enthält kein Szenario-Objekt.", file=source,
                                     expected="JSON-Objekt"), title="Das Szenario kann nicht gelesen werden.")
    if obj.get("format") != FORMAT:
        r.bad("format", obj.get("format"), f'"{FORMAT}"', "Keine Szenario-Datei von SRB-Monitor.")
    if obj.get("version") != VERSION:
        r.bad("version", obj.get("version"), str(VERSION), "Unbekannte Version des Dateiformats.")
    name, texts = _texts(r, obj, stored)
    params = _params(r, r.get(obj, "params", dict, "Objekt", "", default={}))
    c = r.get(obj, "choices", dict, "Objekt", "", default={}, optional=True)
    centres = _pairs(r, c.get("centres", []), "choices.centres")
    exceptions = _pairs(r, c.get("exceptions", []), "choices.exceptions")
    requests = _requests(r, c.get("requests", []))
    adjustments = _adjustments(r, obj.get("adjustments", []))
    shares = _shares(r, obj.get("strand_shares", []))
    if r.problems or params is None:
        raise ParameterError(r.problems, title="Das Szenario kann nicht gelesen werden.")
    return Scenario(name=name.strip(), params=params,
                    choices=Choices(tuple(centres), tuple(requests), tuple(exceptions)),
                    adjustments=tuple(adjustments), strand_shares=tuple(shares)).with_(**texts)


def _texts(r: _Reader, obj: dict, stored: bool) -> tuple[str, dict[str, str]]:
    """Name and the free texts; outside the app's own store each within its length limit."""
    name = r.get(obj, "name", str, "Text", "")
    if isinstance(name, str) and not name.strip():
        r.bad("name", name, "nicht leer")
    if isinstance(name, str) and len(name) > limits.MAX_NAME_CHARS:
        r.bad("name", name, f"höchstens {limits.MAX_NAME_CHARS} Zeichen", "Der Name ist zu lang.")
    texts = {k: r.get(obj, k, str, "Text", "", default="", optional=True)
             for k in ("author", "note", "dataset", "konzeption", "data_fingerprint", "id", "created", "updated")}
    for key, text in texts.items() if not stored else ():
        longest = limits.MAX_NOTE_CHARS if key in ("author", "note") else limits.MAX_NAME_CHARS
        if len(text) > longest:
            r.bad(key, text, f"Text mit höchstens {longest:,} Zeichen".replace(",", "."),
                  f"Der Text ist zu lang ({len(text):,} Zeichen).".replace(",", "."))
    return name if isinstance(name, str) else "", texts


def _params(r: _Reader, p: dict) -> Params | None:
    """Weights, k, method and budget, each within the limits of limits.py."""
    weights = r.get(p, "weights", list, _WEIGHTS, "params.", default=None)
    if weights is not None and not (weights and all(_weight(w) for w in weights)):
        r.bad("params.weights", weights, _WEIGHTS)
        weights = None
    k = r.get(p, "k", float, _K, "params.", default=1.0)
    if isinstance(k, float) and not 0 <= k <= float(limits.K_MAX):
        r.bad("params.k", k, _K)
        k = 1.0
    ddof = r.get(p, "ddof", int, "0 oder 1", "params.", default=1, optional=True)
    aggregation = r.get(p, "aggregation", str, "Text", "params.", default="mean", optional=True)
    allocation = r.get(p, "allocation", str, "Text", "params.", default="proportional", optional=True)
    budget = p.get("budget_cents") if isinstance(p, dict) else None
    if budget is not None and (not isinstance(budget, int) or isinstance(budget, bool)
                               or not 0 <= budget <= limits.MAX_BUDGET_CENTS):
        r.bad("params.budget_cents", budget, f"ganze Zahl von Cent von 0 bis {limits.MAX_BUDGET_CENTS:,} "
              "(10¹² €) oder null".replace(",", "."))
        budget = None
    if weights is None or k is None:
        return None
    return Params(weights=tuple(float(w) for w in weights), k=float(k), ddof=ddof, aggregation=aggregation,
                  allocation=allocation, budget_cents=budget)


def _requests(r: _Reader, items) -> list[tuple[str, str, Fraction]]:
    out = []
    for n, item in enumerate(items if isinstance(items, list) else [None]):
        if not (isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)):
            r.bad(f"choices.requests[{n}]", item, '["strang", "kita_id", "0.5"]')
            continue
        fte = _fraction(r, item[2], f"choices.requests[{n}]")
        if fte is not None:
            out.append((item[0], item[1], fte))
    return out


def _adjustments(r: _Reader, raw) -> list[Adjustment]:
    out = []
    for n, a in enumerate(raw if isinstance(raw, list) else [raw]):
        path = f"adjustments[{n}]."
        if not isinstance(a, dict):
            r.bad(f"adjustments[{n}]", a, "Objekt mit strand, kita_id, cents, reason")
            continue
        strand = r.get(a, "strand", str, "Text", path)
        kita = r.get(a, "kita_id", str, "Text", path)
        cents = r.get(a, "cents", int, "ganze Zahl von Cent", path)
        reason = r.get(a, "reason", str, "Text", path, default="", optional=True)
        if None not in (strand, kita, cents):
            out.append(Adjustment(strand, kita, cents, reason))
    return out


def _shares(r: _Reader, raw) -> list[tuple[str, Fraction]]:
    out = []
    for n, item in enumerate(raw if isinstance(raw, list) else [raw]):
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            r.bad(f"strand_shares[{n}]", item, '["strang", "0.55"]')
            continue
        value = _fraction(r, item[1], f"strand_shares[{n}]")
        if value is not None:
            out.append((item[0], value))
    return out


def _pairs(r: _Reader, items, field: str) -> list[tuple[str, str]]:
    out = []
    for n, item in enumerate(items if isinstance(items, list) else [items]):
        if isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item):
            out.append((item[0], item[1]))
        else:
            r.bad(f"{field}[{n}]", item, '["strang", "kita_id"]')
    return out


class _Refused(ValueError):
    """A JSON number or constant beyond the limits; raised from inside json.loads."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > limits.MAX_NUMBER_CHARS:
        raise _Refused(f"eine Zahl mit {len(text)} Stellen")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if len(text) > limits.MAX_NUMBER_CHARS or value in (float("inf"), float("-inf")):
        raise _Refused(f"die Zahl {text[:20]}{'…' if len(text) > 20 else ''}")
    return value


def _constant(text: str) -> float:
    raise _Refused(f"den Wert {text}")


def _depth(node: object) -> int:
    if isinstance(node, dict):
        return 1 + max((_depth(v) for v in node.values()), default=0)
    if isinstance(node, list):
        return 1 + max((_depth(v) for v in node), default=0)
    return 0


def _refuse(source: str, message: str, expected: str, row: int | None = None) -> ParameterError:
    return ParameterError(Problem(message, file=source, row=row, expected=expected),
                          title="Das Szenario kann nicht gelesen werden.")


def loads(text: str | bytes, source: str = "Szenario", stored: bool = False) -> Scenario:
    """Parse a scenario file within the limits of srb_core/limits.py (size, nesting, digits).

    `stored` (the app's own checksummed database): no limit on size and note length.
    """
    if not stored and len(text) > limits.MAX_SCENARIO_BYTES:
        raise _refuse(source, f"Die Datei ist zu groß ({len(text):,} Bytes).".replace(",", "."),
                      f"höchstens {limits.MAX_SCENARIO_BYTES // limits.MB} MB")
    try:
        obj = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _refuse(source, f"Die Datei ist kein gültiges JSON ({exc.__class__.__name__}).",
                      "JSON-Datei aus SRB-Monitor", getattr(exc, "lineno", None)) from None
    except _Refused as exc:
        raise _refuse(source, f"Die Datei enthält {exc}; so große oder unendliche Zahlen kommen in einem Szenario "
                      "nicht vor.", f"Zahlen mit höchstens {limits.MAX_NUMBER_CHARS} Zeichen") from None
    except RecursionError:
        raise _refuse(source, "Die Datei ist zu tief verschachtelt.",
                      f"höchstens {limits.MAX_JSON_DEPTH} Ebenen") from None
    if _depth(obj) > limits.MAX_JSON_DEPTH:
        raise _refuse(source, f"Die Datei ist zu tief verschachtelt ({_depth(obj)} Ebenen).",
                      f"höchstens {limits.MAX_JSON_DEPTH} Ebenen")
    return from_dict(obj, source, stored)
