"""`evaluate`: from a scenario and the data to every number the app, the command line and the pack show."""
from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from ..data import KitaData
from ..errors import ParameterError, Problem
from ..funding import Adjusted, Choices, Funding, apply_adjustments, load_funding, propose, strand_eligibility
from ..funding.model import Rule, Step2Model
from ..konzeption import Konzeption
from ..scenarios.model import Scenario
from ..step1 import compute
from .outcome import Outcome, plan_key


def with_shares(funding: Funding, strand_shares: tuple[tuple[str, Fraction], ...]) -> Funding:
    """The Konzeption's strands with other shares (a scenario's, or a what-if), checked.

    Rule: only strands without the rule "on_request" take a share; each share lies in [0, 1] and,
    for the step-2 model "proportional", the shares add up to exactly 1."""
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


def _check_weights(scenario: Scenario, konzeption: Konzeption) -> None:
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


def evaluate(data: KitaData, konzeption: Konzeption, scenario: Scenario, *, with_step2: bool = True) -> Outcome:
    """Every number of `scenario` on `data`: step 1 (compute), then, if the Konzeption has strands and
    the scenario a budget, strand eligibility, the proposal (propose with the scenario's choices and
    strand shares) and its adjustments (apply_adjustments; adopted only if they break no total).

    Adjustments made for another proposal (`scenario.adjustments_for` ≠ plan_key of this proposal) are
    not applied. `with_step2=False` stops after step 1 (for views that must work while step 2 is refused).
    Raises SrbInputError (German reasons) if the scenario does not fit the data or Konzeption."""
    _check_weights(scenario, konzeption)
    result = compute(data, konzeption, scenario.params)
    matches = not scenario.data_fingerprint or scenario.data_fingerprint == data.fingerprint
    base = load_funding(konzeption) if with_step2 else None
    if base is None or scenario.params.budget_cents is None:
        return Outcome(scenario, result, fingerprint_matches=matches)
    funding = with_shares(base, scenario.strand_shares)
    proposal = propose(result, funding, scenario.choices)
    plain = proposal.eligibility if scenario.choices == Choices() else strand_eligibility(result, funding)
    stale = scenario.adjustments_for is not None and scenario.adjustments_for != plan_key(proposal.plan)
    adjustments = () if stale else scenario.adjustments
    adjusted = (apply_adjustments(proposal.plan, adjustments, data) if adjustments
                else Adjusted(proposal.plan, (), ()))
    plan = adjusted.plan if adjusted.accepted else proposal.plan
    return Outcome(scenario, result, funding, proposal, plan, adjusted.problems, matches, adjusted, plain, stale)
