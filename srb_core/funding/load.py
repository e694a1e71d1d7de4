"""Read [[strands]], [step2], [staff] and [posts] from a Konzeption; refuse them whole if inconsistent."""
from __future__ import annotations

from fractions import Fraction

from ..errors import KonzeptionError, Problem
from ..konzeption.model import Konzeption
from ..money import to_cents
from .model import MODELS, OVERALL, RULES, Funding, StaffType, Step2, Strand

_STRAND_KEYS = {"key", "label", "rule", "index", "columns", "exceptions_above_lower", "share", "cap_fte",
                "staff_type", "description"}
_STEP2_KEYS = {"model", "weight_by_children", "reassign_unused", "base_eur", "topup_eur", "topup_column", "payment"}
_POSTS_KEYS = {"state_share", "fte_step"}


def _fraction(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    return Fraction(str(value))


def load_funding(konz: Konzeption) -> Funding | None:
    """None if the Konzeption defines no funding strands (then only step 1 is available)."""
    raw = konz.extra
    if "strands" not in raw:
        return None
    problems: list[Problem] = []

    def bad(message, column=None, value=None, expected=None):
        problems.append(Problem(message, file=konz.source, column=column, value=value, expected=expected))

    staff = []
    for key, entry in (raw.get("staff") or {}).items():
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
            bad("Die Wochenstunden einer Vollzeitstelle sind keine Zahl.", column=f"{where}.hours_per_fte")
            hours = Fraction(39)
        staff.append(StaffType(key, str(entry.get("label", key)), cost, hours))
    staff_keys = {s.key for s in staff}

    strands = []
    entries = raw.get("strands")
    if not isinstance(entries, list) or not entries:
        bad("[[strands]] muss mindestens einen Förderstrang enthalten.", column="strands")
        entries = []
    for pos, entry in enumerate(entries, start=1):
        where = f"strands[{pos}]"
        if not isinstance(entry, dict):
            bad("Jeder Förderstrang ist ein [[strands]]-Block.", column=where)
            continue
        for key in entry:
            if key not in _STRAND_KEYS:
                bad("Unbekannter Schlüssel (Tippfehler?).", column=f"{where}.{key}")
        key, rule = entry.get("key"), entry.get("rule")
        if not isinstance(key, str) or not key:
            bad("Der Förderstrang braucht einen Schlüssel.", column=f"{where}.key")
            continue
        if rule not in RULES:
            bad("Unbekannte Regel.", column=f"{where}.rule", value=rule, expected=", ".join(RULES))
            continue
        index = entry.get("index", OVERALL)
        if rule.startswith("index") and index != OVERALL and index not in konz.sub_indices:
            bad("Unbekannter Index.", column=f"{where}.index", value=index,
                expected=", ".join((OVERALL,) + konz.sub_indices))
        columns = tuple(entry.get("columns", ()))
        if rule in ("any_of", "all_of") and not columns:
            bad("Die Regel braucht eine Liste von Ja/Nein-Spalten.", column=f"{where}.columns")
        staff_type = entry.get("staff_type", "")
        if staff_type not in staff_keys:
            bad("Unbekannte Personalart.", column=f"{where}.staff_type", value=staff_type,
                expected="ein Schlüssel aus [staff]: " + ", ".join(sorted(staff_keys)))
        try:
            share = _fraction(entry.get("share", 0))
            cap = None if entry.get("cap_fte") is None else _fraction(entry["cap_fte"])
        except ValueError:
            bad("Anteil oder Obergrenze ist keine Zahl.", column=where)
            continue
        if not 0 <= share <= 1:
            bad("Der Anteil muss zwischen 0 und 1 liegen.", column=f"{where}.share", value=entry.get("share"))
        strands.append(Strand(key, str(entry.get("label", key)), rule, staff_type, index, columns,
                              bool(entry.get("exceptions_above_lower", False)), share, cap))
    keys = [s.key for s in strands]
    if len(set(keys)) != len(keys):
        bad("Ein Schlüssel eines Förderstrangs kommt doppelt vor.", column="strands.key")

    step2_raw = raw.get("step2", {}) or {}
    for key in step2_raw:
        if key not in _STEP2_KEYS:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"step2.{key}")
    model = step2_raw.get("model", "proportional")
    if model not in MODELS:
        bad(
            "Unbekanntes Verteilungsmodell in Schritt 2.",
            column="step2.model",
            value=model,
            expected=" oder ".join(MODELS),
        )
    base = topup = None
    try:
        base = None if step2_raw.get("base_eur", "auto") == "auto" else to_cents(step2_raw["base_eur"])
        topup = to_cents(step2_raw.get("topup_eur", 0))
    except ValueError as exc:
        bad(f"Sockelbetrag oder Aufstockung {exc}.", column="step2")
    shared = [s for s in strands if s.rule != "on_request"]
    if model == "proportional" and shared and sum(s.share for s in shared) != 1:
        bad("Die Anteile der Förderstränge (ohne Antragsstränge) müssen zusammen 1 ergeben.", column="strands.share",
            value=" + ".join(f"{float(s.share):g}" for s in shared))
    if model == "base_plus_topup" and len(shared) != 1:
        bad("Das Modell Sockelbetrag + Aufstockung verteilt genau einen Förderstrang (neben Antragssträngen).",
            column="step2.model")
    step2 = Step2(model, bool(step2_raw.get("weight_by_children", False)),
                  bool(step2_raw.get("reassign_unused", True)), base, topup or 0,
                  str(step2_raw.get("topup_column", "")), str(step2_raw.get("payment", "monthly")))

    posts = raw.get("posts", {}) or {}
    for key in posts:
        if key not in _POSTS_KEYS:
            bad("Unbekannter Schlüssel (Tippfehler?).", column=f"posts.{key}")
    try:
        state_share = _fraction(posts.get("state_share", "0.6"))
        step = _fraction(posts.get("fte_step", "0.05"))
        if not (0 < state_share <= 1 and 0 < step <= 1):
            raise ValueError
    except ValueError:
        bad("Landesanteil und Stellenraster müssen Zahlen zwischen 0 und 1 sein.", column="posts")
        state_share, step = Fraction(3, 5), Fraction(1, 20)
    if problems:
        raise KonzeptionError(problems, title="Die Förderstränge der Konzeption können nicht verwendet werden.")
    return Funding(tuple(strands), step2, tuple(staff), state_share, step)
