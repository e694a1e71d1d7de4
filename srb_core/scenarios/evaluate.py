"""From a scenario and the data to every number the app and the committee pack show."""
from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from ..compute import Result, compute
from ..data import KitaData
from ..errors import ParameterError, Problem
from ..funding import Funding, Plan, Proposal, apply_adjustments, load_funding, propose
from ..funding.model import Rule, Step2Model
from ..konzeption import Konzeption
from .model import Scenario


@dataclass(frozen=True)
class Outcome:
    """Everything a scenario yields: step-1 result, funding, proposal, the plan after adjustments and their problems."""

    scenario: Scenario
    result: Result
    funding: Funding | None = None
    proposal: Proposal | None = None
    plan: Plan | None = None  # the proposal after accepted adjustments
    adjustment_problems: tuple[str, ...] = ()
    fingerprint_matches: bool = True


def with_shares(funding: Funding, strand_shares: tuple[tuple[str, Fraction], ...]) -> Funding:
    """The Konzeption's strands with other shares (a scenario's, or a what-if), checked."""
    if not strand_shares:
        return funding
    shares = dict(strand_shares)
    unknown = sorted(set(shares) - {s.key for s in funding.strands})
    if unknown:
        raise ParameterError([Problem("Das Szenario nennt einen Förderstrang, den die Konzeption nicht kennt.",
                                      column="strand_shares", value=k) for k in unknown],
                             title="Das Szenario passt nicht zur Konzeption.")
    strands = tuple(replace(s, share=shares.get(s.key, s.share)) for s in funding.strands)
    shared = [s for s in strands if s.rule != Rule.ON_REQUEST]
    if any(s.rule == Rule.ON_REQUEST and s.key in shares for s in strands) or \
            funding.step2.model == Step2Model.PROPORTIONAL and sum(s.share for s in shared) != 1 or \
            any(not 0 <= s.share <= 1 for s in shared):
        raise ParameterError(Problem("Die Anteile der Förderstränge (ohne Antragsstränge) müssen zwischen 0 und 1 "
                                     "liegen und zusammen 1 ergeben.", column="strand_shares",
                                     value=" + ".join(f"{float(s.share):g}" for s in shared)),
                             title="Die Anteile der Förderstränge passen nicht.")
    return replace(funding, strands=strands)


def evaluate(scenario: Scenario, data: KitaData, konzeption: Konzeption) -> Outcome:
    """Raises SrbInputError (with German reasons) if the scenario does not fit the data or Konzeption."""
    if len(scenario.params.weights) != len(konzeption.sub_indices):
        raise ParameterError(
            Problem(
                f"Das Szenario hat {len(scenario.params.weights)} Gewichte, die Konzeption "
                f"{len(konzeption.sub_indices)} Teilindizes.",
                column="params.weights",
                value=", ".join(f"{w:g}" for w in scenario.params.weights),
            ),
            title="Das Szenario passt nicht zur Konzeption.",
        )
    result = compute(data, konzeption, scenario.params)
    matches = not scenario.data_fingerprint or scenario.data_fingerprint == data.fingerprint
    base = load_funding(konzeption)
    if base is None or scenario.params.budget_cents is None:
        return Outcome(scenario, result, fingerprint_matches=matches)
    funding = with_shares(base, scenario.strand_shares)
    proposal = propose(result, funding, scenario.choices)
    adjusted = apply_adjustments(proposal.plan, scenario.adjustments, data)
    plan = adjusted.plan if adjusted.accepted else proposal.plan
    return Outcome(scenario, result, funding, proposal, plan, adjusted.problems, matches)
