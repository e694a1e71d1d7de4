"""Euros to posts: an SRB amount A finances personnel costs A / state share; whole steps of FTE only."""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from .model import StaffType


@dataclass(frozen=True)
class Posts:
    """Posts a sum buys: FTE (in steps), weekly hours, the SRB money they take and the remainder below one step."""

    fte: Fraction
    hours: Fraction  # per week
    used_cents: int  # SRB money the posts take
    remainder_cents: int  # SRB money left, less than one step of a post


def posts_for(cents: int, staff: StaffType, state_share: Fraction, step: Fraction) -> Posts:
    """Largest multiple of `step` FTE whose SRB share fits into `cents`; exact rationals, so the
    posts never cost more than the budget by a rounding error."""
    personnel = Fraction(cents) / state_share
    steps = math.floor(personnel / (staff.cost_per_fte_cents * step))
    fte = steps * step
    used = math.ceil(fte * staff.cost_per_fte_cents * state_share)
    return Posts(fte, fte * staff.hours_per_fte, used, cents - used)


def cents_for_posts(fte: Fraction, staff: StaffType, state_share: Fraction) -> int:
    """SRB money needed for `fte` posts (rounded up to the cent, so the posts are fully funded)."""
    return math.ceil(Fraction(fte) * staff.cost_per_fte_cents * state_share)
