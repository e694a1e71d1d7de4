"""Read [[strands]], [step2], [staff] and [posts] from a Konzeption; refuse them whole if inconsistent.

Every value is checked for its kind before use, so a table written as an array, a list where a
name belongs or a number like "1e999999999" gets a German reason instead of a traceback or a hang.
"""
from __future__ import annotations

from fractions import Fraction

from .. import limits
from ..errors import KonzeptionError, Problem
from ..konzeption.model import Konzeption
from ..konzeption.schema import POSTS_KEYS, STEP2_KEYS, STRAND_KEYS, suggestion
from ..money import to_cents
from .model import INDICATOR_RULES, MODELS, OVERALL, RULES, Funding, Rule, StaffType, Step2, Step2Model, Strand

MAX_HOURS_PER_FTE = 60  # weekly hours of a full-time post; German collective agreements say 38.5–40


def _fraction(value: object) -> Fraction:
    """An exact number from TOML (int, float or text); ValueError for anything else or too large."""
    return limits.exact_number(value)


def _as_table(raw: object) -> dict:
    return raw if isinstance(raw, dict) else {}


def load_funding(konz: Konzeption) -> Funding | None:
    """The Konzeption's funding strands, step 2 and staff types; None without [[strands]] (then only step 1).

    Parsed once per Konzeption (cached as `Konzeption.funding`, filled at load), so a bad block is refused at
    upload and every later caller gets the same parsed object.
    """
    return konz.funding


def parse_funding(konz: Konzeption) -> Funding | None:
    """Parse [[strands]], [step2], [staff], [posts] from the rule tables; KonzeptionError listing every problem."""
    raw = konz.extra
    if "strands" not in raw:
        return None
    problems: list[Problem] = []

    def bad(message, column=None, value=None, expected=None):
        problems.append(Problem(message, file=konz.source, column=column, value=value, expected=expected))

    for name in ("staff", "step2", "posts"):
        if name in raw and not isinstance(raw[name], dict):
            bad(f"„{name}“ muss eine Tabelle [{name}] sein, keine Liste.", column=name,
                expected=f"[{name}] mit Schlüssel = Wert")
    staff = _staff(_as_table(raw.get("staff")), bad)
    strands = _strands(raw.get("strands"), konz, {s.key for s in staff}, bad)
    step2 = _step2(_as_table(raw.get("step2")), strands, bad)
    state_share, step = _posts(_as_table(raw.get("posts")), bad)
    if problems:
        raise KonzeptionError(problems, title="Die Förderstränge der Konzeption können nicht verwendet werden.")
    return Funding(tuple(strands), step2, tuple(staff), state_share, step)


def _staff(table: dict, bad) -> list[StaffType]:
    staff = []
    for key, entry in table.items():
        where = f"staff.{key}"
        if not isinstance(entry, dict):
            bad("Eine Personalart braucht label und cost_per_fte_eur.", column=where)
            continue
        try:
            cost = to_cents(entry.get("cost_per_fte_eur"))
            if cost <= 0:
                raise ValueError("ist nicht positiv")
        except ValueError as exc:
            bad(f"Die Personalkosten je Vollzeitstelle {exc}.", column=f"{where}.cost_per_fte_eur",
                value=entry.get("cost_per_fte_eur"), expected="Betrag in Euro pro Jahr, z. B. 78000")
            continue
        try:
            hours = _fraction(entry.get("hours_per_fte", 39))
        except ValueError:
            bad("Die Wochenstunden einer Vollzeitstelle sind keine Zahl.", column=f"{where}.hours_per_fte",
                value=entry.get("hours_per_fte"), expected="Stunden je Woche, z. B. 39")
            continue
        if not 0 < hours <= MAX_HOURS_PER_FTE:
            bad("Die Wochenstunden einer Vollzeitstelle müssen größer als 0 und höchstens "
                f"{MAX_HOURS_PER_FTE} sein.", column=f"{where}.hours_per_fte", value=entry.get("hours_per_fte"),
                expected="Stunden je Woche, z. B. 39")
            continue
        staff.append(StaffType(key, str(entry.get("label", key)), cost, hours))
    return staff


def _strands(entries: object, konz: Konzeption, staff_keys: set[str], bad) -> list[Strand]:
    if not isinstance(entries, list) or not entries:
        bad("[[strands]] muss mindestens einen Förderstrang enthalten.", column="strands")
        return []
    strands = []
    for pos, entry in enumerate(entries, start=1):
        where = f"strands[{pos}]"
        if not isinstance(entry, dict):
            bad("Jeder Förderstrang ist ein [[strands]]-Block.", column=where)
            continue
        strand = _strand(entry, where, konz, staff_keys, bad)
        if strand is not None:
            strands.append(strand)
    keys = [s.key for s in strands]
    if len(set(keys)) != len(keys):
        bad("Ein Schlüssel eines Förderstrangs kommt doppelt vor.", column="strands.key")
    return strands


def _strand(entry: dict, where: str, konz: Konzeption, staff_keys: set[str], bad) -> Strand | None:
    for key in entry:
        if key not in STRAND_KEYS:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"{where}.{key}", expected=suggestion(key, STRAND_KEYS))
    key, rule = entry.get("key"), entry.get("rule")
    if not isinstance(key, str) or not key:
        bad("Der Förderstrang braucht einen Schlüssel.", column=f"{where}.key")
        return None
    if not isinstance(rule, str) or rule not in RULES:
        bad("Unbekannte Regel.", column=f"{where}.rule", value=rule, expected=", ".join(RULES))
        return None
    index = entry.get("index", OVERALL)
    if rule.startswith("index") and index != OVERALL and index not in konz.sub_indices:
        bad("Unbekannter Index.", column=f"{where}.index", value=index,
            expected=", ".join((OVERALL,) + konz.sub_indices))
    columns = entry.get("columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        bad("„columns“ muss eine Liste von Spaltennamen sein.", column=f"{where}.columns", value=columns,
            expected='z. B. columns = ["kein_zugang_beratung"]')
        columns = []
    if rule in INDICATOR_RULES and not columns:
        bad("Die Regel braucht eine Liste von Ja/Nein-Spalten.", column=f"{where}.columns")
    staff_type = entry.get("staff_type", "")
    if not isinstance(staff_type, str) or staff_type not in staff_keys:
        bad("Unbekannte Personalart.", column=f"{where}.staff_type", value=staff_type,
            expected="ein Schlüssel aus [staff]: " + ", ".join(sorted(staff_keys)))
        staff_type = ""
    try:
        share = _fraction(entry.get("share", 0))
        cap = None if entry.get("cap_fte") is None else _fraction(entry["cap_fte"])
    except ValueError:
        bad("Anteil oder Obergrenze ist keine Zahl (oder zu groß).", column=where,
            value=entry.get("share", entry.get("cap_fte")), expected="z. B. share = 0.55 oder cap_fte = 4.5")
        return None
    if not 0 <= share <= 1:
        bad("Der Anteil muss zwischen 0 und 1 liegen.", column=f"{where}.share", value=entry.get("share"))
    if cap is not None and cap < 0:
        bad("Die Obergrenze in VZÄ darf nicht negativ sein.", column=f"{where}.cap_fte", value=entry.get("cap_fte"))
    return Strand(key, str(entry.get("label", key)), rule, staff_type, str(index), tuple(columns),
                  bool(entry.get("exceptions_above_lower", False)), share, cap)


def _step2(table: dict, strands: list[Strand], bad) -> Step2:
    for key in table:
        if key not in STEP2_KEYS:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"step2.{key}", expected=suggestion(key, STEP2_KEYS))
    model = table.get("model", "proportional")
    if not isinstance(model, str) or model not in MODELS:
        bad("Unbekanntes Verteilungsmodell in Schritt 2.", column="step2.model", value=model,
            expected=" oder ".join(MODELS))
    base = topup = None
    try:
        base = None if table.get("base_eur", "auto") == "auto" else to_cents(table["base_eur"])
        topup = to_cents(table.get("topup_eur", 0))
    except ValueError as exc:
        bad(f"Sockelbetrag oder Aufstockung {exc}.", column="step2",
            value=table.get("base_eur", table.get("topup_eur")))
    shared = [s for s in strands if s.rule != Rule.ON_REQUEST]
    if model == Step2Model.PROPORTIONAL and shared and sum(s.share for s in shared) != 1:
        bad("Die Anteile der Förderstränge (ohne Antragsstränge) müssen zusammen 1 ergeben.", column="strands.share",
            value=" + ".join(f"{float(s.share):g}" for s in shared))
    if model == Step2Model.BASE_PLUS_TOPUP and len(shared) != 1:
        bad("Das Modell Sockelbetrag + Aufstockung verteilt genau einen Förderstrang (neben Antragssträngen).",
            column="step2.model")
    return Step2(str(model), bool(table.get("weight_by_children", False)), bool(table.get("reassign_unused", True)),
                 base, topup or 0, str(table.get("topup_column", "")), str(table.get("payment", "monthly")))


def _posts(table: dict, bad) -> tuple[Fraction, Fraction]:
    for key in table:
        if key not in POSTS_KEYS:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"posts.{key}", expected=suggestion(key, POSTS_KEYS))
    try:
        state_share = _fraction(table.get("state_share", "0.6"))
        step = _fraction(table.get("fte_step", "0.05"))
        if not (0 < state_share <= 1 and 0 < step <= 1):
            raise ValueError
    except ValueError:
        bad("Landesanteil und Stellenraster müssen Zahlen zwischen 0 und 1 sein.", column="posts",
            value=f"{table.get('state_share', '0.6')}, {table.get('fte_step', '0.05')}")
        return Fraction(3, 5), Fraction(1, 20)
    return state_share, step
