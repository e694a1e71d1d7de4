"""The plan as tables and JSON: eligibility with reasons, euros per strand, posts, remainders."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from ..step1 import Result
from .model import Funding, Plan
from .rules import Eligibility
from .staff import Posts, posts_for


def kita_posts(plan: Plan, funding: Funding) -> list[list]:
    """Posts per Kita and strand (each strand has its own staff type and cost)."""
    return [[posts_for(plan.cents[i][s], funding.staff_type(funding.strands[s].staff_type), funding.state_share,
                       funding.fte_step) for s in range(len(plan.strands))] for i in range(len(plan.kita_ids))]


def plan_kita_frame(result: Result, funding: Funding, plan: Plan, eligibility: tuple[Eligibility, ...]) -> pd.DataFrame:
    """One row per Kita: status, eligibility, reason, euros and FTE per strand."""
    data = result.data
    posts = kita_posts(plan, funding)
    frame = pd.DataFrame({"kita_id": data.kita_ids, "name": data.names,
                          "sozialraum": [data.sozialraum_names[c] for c in data.sozialraum]})
    for s, strand in enumerate(funding.strands):
        frame[f"{strand.key}_status"] = eligibility[s].status
        frame[f"{strand.key}_eligible"] = eligibility[s].eligible
        frame[f"{strand.key}_reason"] = eligibility[s].reasons
        frame[f"{strand.key}_eur"] = [plan.cents[i][s] / 100 for i in range(data.n)]
        frame[f"{strand.key}_fte"] = [float(posts[i][s].fte) for i in range(data.n)]
    frame["euros"] = [sum(row) / 100 for row in plan.cents]
    frame["fte"] = [float(sum((p.fte for p in row), Fraction(0))) for row in posts]
    frame["hours_per_week"] = [float(sum((p.hours for p in row), Fraction(0))) for row in posts]
    frame["fte_remainder_eur"] = [sum(p.remainder_cents for p in row) / 100 for row in posts]
    return frame


@dataclass(frozen=True)
class SozialraumPlan:
    """Step 2 per Sozialraum in whole cents and exact posts (aligned to data.sozialraum_names)."""

    budget_cents: tuple[int, ...]
    allocated_cents: tuple[int, ...]  # Σ of its Kitas' cents over all strands
    remainder_cents: tuple[int, ...]  # budget − allocated
    fte: tuple[Fraction, ...]  # Σ of its Kitas' posts
    fte_remainder_cents: tuple[int, ...]  # Σ of the cents that do not make a whole post step


def plan_by_sozialraum(result: Result, funding: Funding, plan: Plan,
                       posts: list[list[Posts]] | None = None) -> SozialraumPlan:
    """Sums per Sozialraum of the plan's cents and of the posts (kita_posts), all exact."""
    data = result.data
    posts = kita_posts(plan, funding) if posts is None else posts
    m = len(data.sozialraum_names)
    allocated, rest = [0] * m, [0] * m
    fte = [Fraction(0)] * m
    for i in range(data.n):
        r = int(data.sozialraum[i])
        allocated[r] += sum(plan.cents[i])
        fte[r] += sum((p.fte for p in posts[i]), Fraction(0))
        rest[r] += sum(p.remainder_cents for p in posts[i])
    return SozialraumPlan(tuple(plan.sozialraum_budget), tuple(allocated),
                          tuple(plan.sozialraum_budget[r] - allocated[r] for r in range(m)), tuple(fte), tuple(rest))


def plan_sozialraum_frame(result: Result, funding: Funding, plan: Plan) -> pd.DataFrame:
    """One row per Sozialraum: budget, allocated = Σ of its Kitas, not allocated, FTE and the FTE remainder in
    euros (plan_by_sozialraum, cents / 100), for CSV and JSON."""
    sums = plan_by_sozialraum(result, funding, plan)
    return pd.DataFrame({
        "sozialraum": list(result.data.sozialraum_names),
        "budget_eur": [b / 100 for b in sums.budget_cents],
        "allocated_eur": np.asarray(sums.allocated_cents, dtype=np.int64) / 100,
        "remainder_eur": [c / 100 for c in sums.remainder_cents],
        "fte": [float(f) for f in sums.fte],
        "fte_remainder_eur": np.asarray(sums.fte_remainder_cents, dtype=np.int64) / 100,
    })


def plan_json(result: Result, funding: Funding, plan: Plan, eligibility: tuple[Eligibility, ...]) -> dict:
    """The plan as JSON: per Kita eligibility, reason, cents and FTE per strand; per Sozialraum budget, allocated,
    FTE."""
    kitas = plan_kita_frame(result, funding, plan, eligibility)
    keys = [s.key for s in funding.strands]
    return {
        "strands": {s.key: s.label for s in funding.strands},
        "kitas": [{
            "kita_id": row["kita_id"], "sozialraum": row["sozialraum"],
            "eligible": {k: bool(row[f"{k}_eligible"]) for k in keys},
            "status": {k: row[f"{k}_status"] for k in keys},
            "reasons": {k: row[f"{k}_reason"] for k in keys},
            "euros": {k: row[f"{k}_eur"] for k in keys},
            "fte": row["fte"], "hours_per_week": row["hours_per_week"],
        } for _, row in kitas.iterrows()],
        "sozialraeume": plan_sozialraum_frame(result, funding, plan).to_dict(orient="records"),
        "notes": list(plan.notes),
    }


def plan_totals(result: Result, funding: Funding, plan: Plan) -> dict:
    """Budget = Σ Sozialraum budgets, allocated = Σ Kita cents, FTE = Σ posts, remainder = Σ FTE remainders (cents);
    exact sums, the posts converted to float at the end."""
    sums = plan_by_sozialraum(result, funding, plan)
    return {"budget_cents": sum(plan.sozialraum_budget), "allocated_cents": sum(map(sum, plan.cents)),
            "fte": float(sum(sums.fte, Fraction(0))), "fte_remainder_cents": sum(sums.fte_remainder_cents)}
