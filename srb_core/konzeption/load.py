"""Read a Konzeption from TOML and refuse it whole, with every reason, if it cannot be used."""
from __future__ import annotations

import tomllib
from pathlib import Path
from types import MappingProxyType

from ..errors import KonzeptionError, Problem
from ..money import to_cents
from .model import AGGREGATIONS, ALLOCATIONS, DIRECTIONS, SCALES, Konzeption, Variable

_TOP_KEYS = {"konzeption", "norm_band", "weights", "variables", "budget", "aggregation"}
_KONZEPTION_KEYS = {"name", "description", "demo", "aggregation", "allocation", "sozialraeume", "sub_indices"}
_NORM_KEYS = {"k", "ddof"}
_VARIABLE_KEYS = {"column", "index", "direction", "label", "scale", "unit", "range", "description"}
_BUDGET_KEYS = {"total_eur"}


def load_konzeption(path: str | Path) -> Konzeption:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KonzeptionError(Problem("Die Datei wurde nicht gefunden.", file=str(path))) from None
    except UnicodeDecodeError:
        raise KonzeptionError(Problem("Die Datei ist nicht UTF-8-kodiert.", file=str(path))) from None
    return parse_konzeption(text, source=path.name)


def parse_konzeption(text: str, source: str = "konzeption.toml") -> Konzeption:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KonzeptionError(
            Problem(f"Die Datei ist kein gültiges TOML ({exc}).", file=source),
            title="Die Konzeption kann nicht gelesen werden.",
        ) from None
    problems: list[Problem] = []

    def bad(message: str, column: str | None = None, value: object = None, expected: str | None = None) -> None:
        problems.append(Problem(message, file=source, column=column, value=value, expected=expected))

    known = _TOP_KEYS | {"strands", "step2", "staff", "posts", "budget_years", "state"}
    for key in raw:
        if key not in known:
            # Unknown tables are kept for later features; a stray top-level scalar is a typo.
            if not isinstance(raw[key], (dict, list)):
                bad("Unbekannter Eintrag.", column=key)

    head = _table(raw, "konzeption", bad)
    _unknown_keys(head, _KONZEPTION_KEYS, "konzeption", bad)
    name = head.get("name")
    if not isinstance(name, str) or not name.strip():
        bad("Die Konzeption braucht einen Namen.", column="konzeption.name", expected='name = "…"')
        name = "?"

    variables = _variables(raw.get("variables"), bad)
    order = head.get("sub_indices")
    sub_indices = tuple(dict.fromkeys(v.index for v in variables))
    if order is not None:
        if not isinstance(order, list) or sorted(map(str, order)) != sorted(sub_indices):
            bad("Die Liste der Teilindizes passt nicht zu den Variablen.", column="konzeption.sub_indices",
                value=order, expected=f"genau {list(sub_indices)}")
        else:
            sub_indices = tuple(order)

    weights_raw = _table(raw, "weights", bad)
    weights = []
    for key in weights_raw:
        if key not in sub_indices:
            bad("Gewicht für einen Teilindex, den keine Variable nennt.", column=f"weights.{key}",
                expected=f"einer von {list(sub_indices)}")
    for sub in sub_indices:
        w = weights_raw.get(sub, 1.0)
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not w >= 0 or w == float("inf"):
            bad("Ein Gewicht muss eine Zahl ≥ 0 sein.", column=f"weights.{sub}", value=w)
            w = 1.0
        weights.append(float(w))
    if sub_indices and not any(weights):
        bad("Alle Gewichte sind 0; mindestens ein Teilindex muss zählen.", column="weights")

    norm = _table(raw, "norm_band", bad)
    _unknown_keys(norm, _NORM_KEYS, "norm_band", bad)
    k = norm.get("k", 1.0)
    if isinstance(k, bool) or not isinstance(k, (int, float)) or not 0 <= k < 10:
        bad("Die Breite des Normbereichs k muss eine Zahl zwischen 0 und 10 sein.", column="norm_band.k", value=k)
        k = 1.0
    ddof = norm.get("ddof", 1)
    if ddof not in (0, 1) or isinstance(ddof, bool):
        bad("ddof muss 0 (Populations-) oder 1 (Stichproben-Standardabweichung) sein.",
            column="norm_band.ddof", value=ddof)
        ddof = 1

    aggregation = head.get("aggregation", raw.get("aggregation", "mean"))
    if aggregation not in AGGREGATIONS:
        bad("Unbekannte Aggregation der Sozialraumwerte.", column="aggregation", value=aggregation,
            expected=" oder ".join(AGGREGATIONS))
    allocation = head.get("allocation", "proportional")
    if allocation not in ALLOCATIONS:
        bad("Unbekanntes Verteilungsverfahren.", column="konzeption.allocation", value=allocation,
            expected=" oder ".join(ALLOCATIONS))

    budget = _table(raw, "budget", bad)
    _unknown_keys(budget, _BUDGET_KEYS | {"year", "period", "cost_per_fte", "state_share"}, "budget", bad)
    budget_cents = None
    if "total_eur" in budget:
        try:
            budget_cents = to_cents(budget["total_eur"])
        except ValueError as exc:
            bad(f"Das Budget {exc}.", column="budget.total_eur", value=budget["total_eur"],
                expected="Betrag in Euro, z. B. 488897.00")

    order_sr = head.get("sozialraeume", [])
    if not isinstance(order_sr, list) or not all(isinstance(s, str) for s in order_sr):
        bad("Die Reihenfolge der Sozialräume muss eine Liste von Namen sein.", column="konzeption.sozialraeume")
        order_sr = []

    if problems:
        raise KonzeptionError(problems, title="Die Konzeption kann nicht verwendet werden.")
    extra = {key: raw[key] for key in raw if key not in _TOP_KEYS}
    return Konzeption(
        name=name.strip(),
        sub_indices=sub_indices,
        variables=tuple(variables),
        weights=tuple(weights),
        k=float(k),
        ddof=int(ddof),
        aggregation=aggregation,
        allocation=allocation,
        budget_cents=budget_cents,
        sozialraeume=tuple(order_sr),
        description=str(head.get("description", "")),
        demo=bool(head.get("demo", False)),
        source=source,
        extra=MappingProxyType(extra),
    )


def _table(raw: dict, key: str, bad) -> dict:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        bad(f"„{key}“ muss eine Tabelle [{key}] sein.", column=key)
        return {}
    return value


def _unknown_keys(table: dict, allowed: set[str], prefix: str, bad) -> None:
    for key in table:
        if key not in allowed:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"{prefix}.{key}",
                expected="einer von " + ", ".join(sorted(allowed)))


def _variables(entries: object, bad) -> list[Variable]:
    if not isinstance(entries, list) or not entries:
        bad("Die Konzeption nennt keine Variablen.", column="variables", expected="mindestens ein [[variables]]-Block")
        return []
    out: list[Variable] = []
    seen: set[str] = set()
    for pos, entry in enumerate(entries, start=1):
        where = f"variables[{pos}]"
        if not isinstance(entry, dict):
            bad("Jeder Eintrag muss ein [[variables]]-Block sein.", column=where)
            continue
        _unknown_keys(entry, _VARIABLE_KEYS, where, bad)
        column, index = entry.get("column"), entry.get("index")
        if not isinstance(column, str) or not column.strip():
            bad("Die Variable nennt keine Spalte.", column=f"{where}.column")
            continue
        if column in seen:
            bad("Die Spalte ist doppelt als Variable eingetragen.", column=f"{where}.column", value=column)
        seen.add(column)
        if not isinstance(index, str) or not index.strip():
            bad("Die Variable nennt keinen Teilindex.", column=f"{where}.index", value=index)
            continue
        direction = entry.get("direction", "higher_is_more_need")
        if direction not in DIRECTIONS:
            bad(
                "Unbekannte Richtung.", column=f"{where}.direction", value=direction, expected=" oder ".join(DIRECTIONS)
            )
        scale = entry.get("scale", "number")
        if scale not in SCALES:
            bad("Unbekannte Skala.", column=f"{where}.scale", value=scale, expected=", ".join(SCALES))
        value_range = entry.get("range")
        if value_range is None:
            value_range = {"share": (0, 100), "yes_no": (0, 1)}.get(scale)
        elif (not isinstance(value_range, list) or len(value_range) != 2
              or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value_range)
              or value_range[0] >= value_range[1]):
            bad("Der Wertebereich muss [min, max] mit min < max sein.", column=f"{where}.range", value=value_range)
            value_range = None
        out.append(Variable(
            column=column.strip(),
            index=index.strip(),
            direction=direction,
            label=str(entry.get("label", "")),
            scale=scale,
            unit=str(entry.get("unit", "")),
            value_range=tuple(float(x) for x in value_range) if value_range else None,
            description=str(entry.get("description", "")),
        ))
    return out
