"""Step 2: the Jugendamt's proposal of euros per Kita and funding strand inside each Sozialraum."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from ..allocation import apportion_cents
from ..errors import ParameterError, Problem
from ..money import format_eur
from ..registry import Entry, registry
from ..step1 import Result
from .model import MODEL_LABELS, Choices, Funding, Plan, Rule, Step2Model
from .rules import Eligibility, index_values, indicator, requests_of, strand_eligibility
from .staff import cents_for_posts


@dataclass(frozen=True, eq=False)
class Proposal:
    """The step-2 proposal with each strand's eligibility and the reserve not yet placed."""

    plan: Plan
    eligibility: tuple[Eligibility, ...]
    reserve_cents: int  # Jugendamt level, not yet placed (base_plus_topup with a fixed base)


def propose(result: Result, funding: Funding, choices: Choices | None = None,
            budget_cents: int | None = None) -> Proposal:
    """Step 2: on-request posts off the top, the rest by the step-2 model (STEP2_MODELS); Σ cents + unplaced +
    reserve = budget exactly."""
    choices = Choices() if choices is None else choices
    budget = result.params.budget_cents if budget_cents is None else budget_cents
    if budget is None:
        raise ParameterError(Problem("Für den Vorschlag in Schritt 2 fehlt das Budget.", column="budget",
                                     expected="Betrag in Euro"))
    eligibility = strand_eligibility(result, funding, choices)
    data = result.data
    n, k = data.n, len(funding.strands)
    cents = np.zeros((n, k), dtype=np.int64)
    notes: list[str] = []

    for s, strand in enumerate(funding.strands):  # requests come off the top
        if strand.rule != Rule.ON_REQUEST:
            continue
        staff = funding.staff_type(strand.staff_type)
        for kita_id, fte in requests_of(strand, choices, data.kita_ids).items():
            cents[data.row_of(kita_id), s] = cents_for_posts(fte, staff, funding.state_share)

    model = STEP2_MODELS[funding.step2.model].fn
    sr_budget, unallocated, reserve = model(result, funding, eligibility, cents, budget, notes)

    plan = Plan(
        strands=tuple(s.key for s in funding.strands), kita_ids=data.kita_ids,
        cents=tuple(tuple(int(c) for c in row) for row in cents),
        sozialraum_budget=tuple(int(b) for b in sr_budget), unallocated=tuple(int(u) for u in unallocated),
        notes=tuple(notes))
    if sum(map(sum, plan.cents)) + sum(plan.unallocated) + reserve != budget:  # a bug, never an input error
        raise RuntimeError("Schritt 2 verteilt nicht genau das Budget")
    return Proposal(plan, eligibility, reserve)


def _weights(result: Result, funding: Funding, strand, members: np.ndarray) -> np.ndarray:
    if strand.rule.startswith("index"):
        w, _ = index_values(result, strand.index)
        w = w[members].astype(float)
    else:
        w = np.ones(len(members))
    if funding.step2.weight_by_children and result.data.children is not None:
        w = w * result.data.children[members]
    return w if w.sum() > 0 else np.ones(len(members))  # all zero points: equal parts, not nothing


def _proportional(result, funding, eligibility, cents, sr_budget, notes) -> np.ndarray:
    data = result.data
    shared = [s for s, strand in enumerate(funding.strands) if strand.rule != Rule.ON_REQUEST]
    unallocated = np.zeros(len(sr_budget), dtype=np.int64)
    for r, area in enumerate(data.sozialraum_names):
        members = np.flatnonzero(data.sozialraum == r)
        rest = int(sr_budget[r] - cents[members].sum())
        if rest < 0:
            raise ParameterError(Problem(
                f"Die Anträge im Sozialraum „{area}“ kosten {format_eur(int(cents[members].sum()))}, mehr als sein "
                f"Budget {format_eur(int(sr_budget[r]))}.", column="Antrag", value=area))
        able = {s: members[np.array([eligibility[s].eligible[i] for i in members], dtype=bool)] for s in shared}
        active = [s for s in shared if len(able[s]) and funding.strands[s].share > 0]
        if not funding.step2.reassign_unused:
            active_parts = apportion_cents(rest, np.array([float(funding.strands[s].share) for s in shared]))
            parts = dict(zip(shared, active_parts, strict=False))
            for s in shared:
                if s not in active:
                    unallocated[r] += parts[s]
        elif active:
            parts = dict(
                zip(
                    active,
                    apportion_cents(rest, np.array([float(funding.strands[s].share) for s in active])),
                    strict=False,
                )
            )
            for s in shared:
                if s not in active and funding.strands[s].share > 0:
                    notes.append(f"{area}: keine berechtigte Kita für „{funding.strands[s].label}“ – der Anteil geht "
                                 "an die übrigen Förderstränge des Sozialraums.")
        else:
            parts = {}
            unallocated[r] += rest
            notes.append(f"{area}: keine berechtigte Kita in einem Förderstrang – {format_eur(rest)} bleiben offen.")
        for s in active:
            members_s = able[s]
            cents[members_s, s] += apportion_cents(
                int(parts[s]), _weights(result, funding, funding.strands[s], members_s)
            )
    return unallocated


def _proportional_model(result, funding, eligibility, cents, budget, notes):
    """Sozialraum budget = step 1 (re-apportioned if the budget differs); inside, strand shares × rest."""
    same = result.params.budget_cents == budget
    sr_budget = result.euros_cents if same else apportion_cents(budget, result.shares)
    unallocated = _proportional(result, funding, eligibility, cents, np.asarray(sr_budget), notes)
    return sr_budget, unallocated, 0


def _base_plus_topup(result, funding, eligibility, cents, budget, notes):
    """Each eligible Kita gets the base (given, or budget left after requests and top-ups ÷ eligible Kitas);
    Kitas with the top-up indicator get the top-up on top; a Sozialraum's budget is the sum of its Kitas'."""
    data = result.data
    s = next(i for i, strand in enumerate(funding.strands) if strand.rule != Rule.ON_REQUEST)
    eligible = np.array(eligibility[s].eligible, dtype=bool)
    step2 = funding.step2
    topped = indicator(result, step2.topup_column) if step2.topup_column else np.zeros(data.n, dtype=bool)
    topups = np.where(eligible & topped, step2.topup_cents, 0).astype(np.int64)
    rest = budget - int(cents.sum())
    n_el = int(eligible.sum())
    if n_el == 0:
        raise ParameterError(Problem("Keine Kita erfüllt die Voraussetzungen; es gibt nichts zu verteilen."))
    if step2.base_cents is None:
        base_total = rest - int(topups.sum())
        if base_total < 0:
            raise ParameterError(Problem(
                f"Aufstockungen ({format_eur(int(topups.sum()))}) und Anträge übersteigen das Budget "
                f"({format_eur(budget)}).", column="step2.topup_eur"))
        base = apportion_cents(base_total, np.ones(n_el))
        reserve = 0
        notes.append(f"Sockelbetrag je Kita: {format_eur(int(base.min()))}"
                     + (f" bis {format_eur(int(base.max()))} (Cent-Ausgleich)" if base.max() != base.min() else "")
                     + f", Aufstockung {format_eur(step2.topup_cents)} in Kommunen mit Mehrbedarf.")
    else:
        base = np.full(n_el, step2.base_cents, dtype=np.int64)
        reserve = rest - int(base.sum()) - int(topups.sum())
        if reserve < 0:
            raise ParameterError(Problem(f"Sockelbeträge und Aufstockungen übersteigen das Budget um "
                                         f"{format_eur(-reserve)}.", column="step2.base_eur"))
    cents[np.flatnonzero(eligible), s] += base
    cents[:, s] += topups
    m = len(data.sozialraum_names)
    sr_budget = np.bincount(data.sozialraum, weights=cents.sum(axis=1), minlength=m).astype(np.int64)
    return sr_budget, np.zeros(m, dtype=np.int64), reserve


# (result, funding, eligibility, cents per Kita × strand to fill in place, budget, notes)
# → (cents per Sozialraum, cents left unplaced per Sozialraum, reserve at Jugendamt level)
Step2Fn = Callable[..., tuple[np.ndarray, np.ndarray, int]]
# The step-2 models: key as in [step2] model = "…" (model.Step2Model) → German label and how it divides.
STEP2_MODELS: Mapping[str, Entry[Step2Fn]] = registry(
    Entry(Step2Model.PROPORTIONAL.value, MODEL_LABELS[Step2Model.PROPORTIONAL], _proportional_model),
    Entry(Step2Model.BASE_PLUS_TOPUP.value, MODEL_LABELS[Step2Model.BASE_PLUS_TOPUP], _base_plus_topup),
)
