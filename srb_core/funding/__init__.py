"""Step 2: funding strands, the Kita proposal, posts, budget years, unused funds, instalments."""
from .adjust import Adjusted, apply_adjustments
from .budget import budget_years, instalments, monthly, redistribute_unused, state_allocation
from .load import load_funding
from .model import Adjustment, Choices, Funding, Plan, StaffType, Step2, Strand
from .proposal import Proposal, propose
from .rules import Eligibility, strand_eligibility, suggested_centres
from .staff import Posts, cents_for_posts, posts_for

__all__ = [
    "Adjusted",
    "Adjustment",
    "Choices",
    "Eligibility",
    "Funding",
    "Plan",
    "Posts",
    "Proposal",
    "StaffType",
    "Step2",
    "Strand",
    "apply_adjustments",
    "budget_years",
    "cents_for_posts",
    "strand_eligibility",
    "instalments",
    "load_funding",
    "monthly",
    "posts_for",
    "propose",
    "redistribute_unused",
    "state_allocation",
    "suggested_centres",
]
