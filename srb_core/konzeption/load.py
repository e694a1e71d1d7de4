"""Read a Konzeption from TOML and refuse it whole, with every reason, if it cannot be used."""
from __future__ import annotations

import tomllib
from pathlib import Path
from types import MappingProxyType

from .. import limits
from ..errors import KonzeptionError, Problem
from ..money import to_cents
from .indicators import parse_indicators
from .model import AGGREGATIONS, ALLOCATIONS, DIRECTIONS, SCALES, Konzeption, Variable
from .schema import check_schema, suggestion

_CORE_TABLES = {"konzeption", "norm_band", "weights", "variables", "budget", "aggregation"}
_TITLE = "Die Konzeption kann nicht verwendet werden."


def load_konzeption(path: str | Path) -> Konzeption:
    """Read a Konzeption TOML file and parse it (parse_konzeption); a missing or unreadable file is a
    KonzeptionError."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise KonzeptionError(Problem("Die Datei wurde nicht gefunden.", file=str(path))) from None
    except OSError as exc:
        raise KonzeptionError(Problem(f"Die Datei kann nicht gelesen werden ({exc.strerror}).",
                                      file=str(path))) from None
    return parse_konzeption(decode_toml(content, path.name), source=path.name)


def decode_toml(content: bytes, source: str) -> str:
    """TOML text from bytes: UTF-8 with or without BOM; anything else is refused naming the encoding."""
    limits.check_size(content, source, KonzeptionError)
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise KonzeptionError(Problem("Die Datei ist UTF-16-kodiert.", file=source,
                                      expected="UTF-8 (im Editor „Speichern unter … UTF-8“)"), title=_TITLE)
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KonzeptionError(Problem(f"Die Datei ist nicht UTF-8-kodiert (Byte {exc.start + 1}).", file=source,
                                      expected="UTF-8 (im Editor „Speichern unter … UTF-8“)"), title=_TITLE) from None


def parse_konzeption(text: str, source: str = "konzeption.toml") -> Konzeption:
    """Parse and check a Konzeption (schema, variables, weights, k, strands): used exactly as written or refused whole
    in German."""
    text = text.removeprefix("\ufeff")  # a UTF-8 BOM is how Windows editors mark UTF-8
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KonzeptionError(
            Problem(f"Die Datei ist kein gültiges TOML ({exc}).", file=source),
            title="Die Konzeption kann nicht gelesen werden.",
        ) from None
    problems: list[Problem] = check_schema(raw, source)

    def bad(message: str, column: str | None = None, value: object = None, expected: str | None = None) -> None:
        problems.append(Problem(message, file=source, column=column, value=value, expected=expected))

    head = _table(raw, "konzeption")
    name = head.get("name")
    if not isinstance(name, str) or not name.strip():
        bad("Die Konzeption braucht einen Namen.", column="konzeption.name", expected='name = "…"')
        name = "?"

    variables = _variables(raw.get("variables"), bad)
    sub_indices = _sub_indices(head.get("sub_indices"), variables, bad)
    weights = _weights(_table(raw, "weights"), sub_indices, bad)
    k, ddof = _norm_band(_table(raw, "norm_band"), bad)

    aggregation = head.get("aggregation", raw.get("aggregation", "mean"))
    if aggregation not in AGGREGATIONS:
        bad("Unbekannte Aggregation der Sozialraumwerte.", column="aggregation", value=aggregation,
            expected=" oder ".join(AGGREGATIONS))
    allocation = head.get("allocation", "proportional")
    if allocation not in ALLOCATIONS:
        bad("Unbekanntes Verteilungsverfahren.", column="konzeption.allocation", value=allocation,
            expected=" oder ".join(ALLOCATIONS))

    budget = _table(raw, "budget")
    budget_cents = None
    if "total_eur" in budget:
        try:
            budget_cents = to_cents(budget["total_eur"])
        except ValueError as exc:
            bad(f"Das Budget {exc}.", column="budget.total_eur", value=budget["total_eur"],
                expected="Betrag in Euro, z. B. 488897.00")

    order_sr = _sozialraeume(head.get("sozialraeume", []), bad)
    indicators = parse_indicators(raw.get("indicators"), bad, check_keys=False)  # yearly reports (issue 17)
    if problems:
        raise KonzeptionError(problems, title=_TITLE)
    extra = {key: raw[key] for key in raw if key not in _CORE_TABLES | {"indicators"}}
    konzeption = Konzeption(
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
        indicators=indicators,
    )
    konzeption.funding  # noqa: B018 - parsed now: a Konzeption whose strands cannot be used is refused at upload
    return konzeption


def _table(raw: dict, key: str) -> dict:
    """The table, or {} if absent or of the wrong shape (check_schema has reported that)."""
    value = raw.get(key, {})
    return value if isinstance(value, dict) else {}


def _sub_indices(order: object, variables: list[Variable], bad) -> tuple[str, ...]:
    sub_indices = tuple(dict.fromkeys(v.index for v in variables))
    if order is None:
        return sub_indices
    if not isinstance(order, list) or sorted(map(str, order)) != sorted(sub_indices):
        bad("Die Liste der Teilindizes passt nicht zu den Variablen.", column="konzeption.sub_indices",
            value=order, expected=f"genau {list(sub_indices)}")
        return sub_indices
    return tuple(order)


def _weights(weights_raw: dict, sub_indices: tuple[str, ...], bad) -> list[float]:
    """One weight per sub-index (default 1), each on the grid the app can show exactly (limits.py)."""
    for key in weights_raw:
        if key not in sub_indices:
            bad("Gewicht für einen Teilindex, den keine Variable nennt.", column=f"weights.{key}",
                expected=suggestion(key, sub_indices))
    weights = []
    grid = limits.grid_text(limits.WEIGHT_MIN, limits.WEIGHT_MAX, limits.WEIGHT_STEP)
    for sub in sub_indices:
        w = weights_raw.get(sub, 1.0)
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not limits.on_grid(
                w, limits.WEIGHT_MIN, limits.WEIGHT_MAX, limits.WEIGHT_STEP):
            bad("Das Gewicht liegt nicht im zulässigen Raster; die App könnte es nicht genau zeigen.",
                column=f"weights.{sub}", value=w, expected=grid)
            w = 1.0
        weights.append(float(w))
    if sub_indices and not any(weights):
        bad("Alle Gewichte sind 0; mindestens ein Teilindex muss zählen.", column="weights")
    return weights


def _norm_band(norm: dict, bad) -> tuple[float, int]:
    k = norm.get("k", 1.0)
    if isinstance(k, bool) or not isinstance(k, (int, float)) or not limits.on_grid(
            k, limits.K_MIN, limits.K_MAX, limits.K_STEP):
        bad("Die Breite k des Normbereichs liegt nicht im zulässigen Raster; die App könnte sie nicht genau zeigen.",
            column="norm_band.k", value=k, expected=limits.grid_text(limits.K_MIN, limits.K_MAX, limits.K_STEP))
        k = 1.0
    ddof = norm.get("ddof", 1)
    if ddof not in (0, 1) or isinstance(ddof, bool):
        bad("ddof muss 0 (Populations-) oder 1 (Stichproben-Standardabweichung) sein.",
            column="norm_band.ddof", value=ddof)
        ddof = 1
    return float(k), int(ddof)


def _sozialraeume(order_sr: object, bad) -> list[str]:
    if not isinstance(order_sr, list) or not all(isinstance(s, str) for s in order_sr):
        return []  # check_schema has reported it
    names = [s.strip() for s in order_sr]
    for name in names:
        if not name:
            bad("Ein Sozialraum hat keinen Namen.", column="konzeption.sozialraeume")
        elif names.count(name) > 1:
            bad("Der Sozialraum steht mehrfach in der Liste.", column="konzeption.sozialraeume", value=name)
    return list(dict.fromkeys(n for n in names if n))


def _variables(entries: object, bad) -> list[Variable]:
    if not isinstance(entries, list) or not entries:
        if entries is None or entries == []:
            bad("Die Konzeption nennt keine Variablen.", column="variables",
                expected="mindestens ein [[variables]]-Block")
        return []
    out: list[Variable] = []
    seen: set[str] = set()
    for pos, entry in enumerate(entries, start=1):
        where = f"variables[{pos}]"
        if not isinstance(entry, dict):
            continue  # check_schema has reported it
        variable = _variable(entry, where, bad)
        if variable is None:
            continue
        if variable.column in seen:
            bad("Die Spalte ist doppelt als Variable eingetragen.", column=f"{where}.column", value=variable.column)
        seen.add(variable.column)
        out.append(variable)
    return out


def _variable(entry: dict, where: str, bad) -> Variable | None:
    column, index = entry.get("column"), entry.get("index")
    if not isinstance(column, str) or not column.strip():
        bad("Die Variable nennt keine Spalte.", column=f"{where}.column")
        return None
    if not isinstance(index, str) or not index.strip():
        bad("Die Variable nennt keinen Teilindex.", column=f"{where}.index", value=index)
        return None
    direction = entry.get("direction", "higher_is_more_need")
    if direction not in DIRECTIONS:
        bad("Unbekannte Richtung.", column=f"{where}.direction", value=direction, expected=" oder ".join(DIRECTIONS))
    scale = entry.get("scale", "number")
    if scale not in SCALES:
        bad("Unbekannte Skala.", column=f"{where}.scale", value=scale, expected=", ".join(SCALES))
    value_range = entry.get("range")
    if value_range is None:
        value_range = {"share": (0, 100), "yes_no": (0, 1)}.get(scale)
    elif (not isinstance(value_range, list) or len(value_range) != 2
          or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value_range)
          or not all(abs(x) < 1e15 for x in value_range) or value_range[0] >= value_range[1]):
        bad("Der Wertebereich muss [min, max] mit min < max sein.", column=f"{where}.range", value=value_range)
        value_range = None
    return Variable(
        column=column.strip(),
        index=index.strip(),
        direction=direction,
        label=str(entry.get("label", "")),
        scale=scale,
        unit=str(entry.get("unit", "")),
        value_range=(float(value_range[0]), float(value_range[1])) if value_range else None,
        description=str(entry.get("description", "")),
    )
