"""Outcome: every number of one scenario on one dataset, computed once and shared read-only."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from ..funding import Adjusted, Eligibility, Funding, Plan, Proposal
from ..funding.report import kita_posts, plan_totals
from ..funding.staff import Posts
from ..scenarios.model import Scenario
from ..step1 import Result
from ..team.amounts import AreaAmounts, area_amounts


def plan_key(plan: Plan) -> int:
    """Identity of a proposal's euros: hash of the cents per Kita and strand (adjustments are made for one)."""
    return hash(plan.cents)


@dataclass(frozen=True)
class Outcome:
    """Step 1, strand eligibility, the proposal, the checked adjustments and the adopted plan of one scenario.

    Without strands in the Konzeption or without a budget only `result` (step 1) is set."""

    scenario: Scenario
    result: Result
    funding: Funding | None = None
    proposal: Proposal | None = None  # with the scenario's choices
    plan: Plan | None = None  # the proposal after accepted adjustments
    adjustment_problems: tuple[str, ...] = ()
    fingerprint_matches: bool = True
    adjusted: Adjusted | None = None  # the adjustments' check: changed rows and problems
    plain_eligibility: tuple[Eligibility, ...] | None = None  # without the scenario's choices (the suggestions)
    adjustments_stale: bool = False  # made for another proposal, so not applied

    @property
    def applied_adjustments(self) -> tuple:
        """The scenario's adjustments that were checked against this proposal (none if they were stale)."""
        return () if self.adjustments_stale else self.scenario.adjustments

    @cached_property
    def area_amounts(self) -> AreaAmounts | None:
        """Step 1 and step 2 euros per Sozialraum (srb_core.team.area_amounts); None without a plan."""
        if self.funding is None or self.plan is None:
            return None
        return area_amounts(self.result, self.funding, self.plan)

    @cached_property
    def totals(self) -> dict | None:
        """Budget, allocated cents, posts (FTE) and remainder of the adopted plan (funding.report.plan_totals)."""
        if self.funding is None or self.plan is None:
            return None
        return plan_totals(self.result, self.funding, self.plan)

    @cached_property
    def posts(self) -> list[list[Posts]] | None:
        """Posts per Kita and strand of the adopted plan (funding.report.kita_posts); None without a plan."""
        if self.funding is None or self.plan is None:
            return None
        return kita_posts(self.plan, self.funding)

    @cached_property
    def kita_fte(self) -> tuple[Fraction, ...] | None:
        """Posts (FTE) per Kita, exact: the sum over its strands of posts_for(cents, staff type, state share, step)."""
        if self.posts is None:
            return None
        return tuple(sum((p.fte for p in row), Fraction(0)) for row in self.posts)
