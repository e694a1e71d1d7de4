"""The plan as tables and JSON: eligibility with reasons, euros per strand, posts, remainders."""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from ..compute import Result
from .model import Funding, Plan
from .rules import Eligibility
from .staff import posts_for


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


def plan_sozialraum_frame(result: Result, funding: Funding, plan: Plan) -> pd.DataFrame:
    """One row per Sozialraum: budget, allocated = Σ of its Kitas, not allocated, FTE and the FTE remainder in euros."""
    data = result.data
    posts = kita_posts(plan, funding)
    m = len(data.sozialraum_names)
    allocated = np.zeros(m, dtype=np.int64)
    fte = [Fraction(0)] * m
    rest = np.zeros(m, dtype=np.int64)
    for i in range(data.n):
        r = int(data.sozialraum[i])
        allocated[r] += sum(plan.cents[i])
        fte[r] += sum((p.fte for p in posts[i]), Fraction(0))
        rest[r] += sum(p.remainder_cents for p in posts[i])
    return pd.DataFrame({
        "sozialraum": list(data.sozialraum_names),
        "budget_eur": [b / 100 for b in plan.sozialraum_budget],
        "allocated_eur": allocated / 100,
        "remainder_eur": [(plan.sozialraum_budget[r] - allocated[r]) / 100 for r in range(m)],
        "fte": [float(f) for f in fte],
        "fte_remainder_eur": rest / 100,
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
    """Budget = Σ Sozialraum budgets, allocated = Σ Kita cents, FTE = Σ posts, remainder = Σ FTE remainders (cents)."""
    frame = plan_sozialraum_frame(result, funding, plan)
    return {"budget_cents": sum(plan.sozialraum_budget), "allocated_cents": sum(map(sum, plan.cents)),
            "fte": float(frame["fte"].sum()), "fte_remainder_cents": int(round(frame["fte_remainder_eur"].sum() * 100))}
