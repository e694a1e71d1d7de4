"""The step-2 plan as German display tables (formatting and anonymisation only)."""
from __future__ import annotations

import pandas as pd

from srb_core import Result
from srb_core.fmt import fte, num
from srb_core.funding import Funding, Plan
from srb_core.funding.report import plan_by_sozialraum, plan_kita_frame
from srb_core.privacy import display_names

from . import state
from . import texts as T
from .views import eur


def sozialraum_table(res: Result, funding: Funding, plan: Plan, step1_cents: tuple[int, ...] | None = None
                     ) -> pd.DataFrame:
    """Step 2 per Sozialraum; with `step1_cents` (where step 2 yields other amounts) step 1 next to it."""
    sums = plan_by_sozialraum(res, funding, plan)
    out = pd.DataFrame({
        T.COL_SOZIALRAUM: list(res.data.sozialraum_names),
        **({T.BU_COL_STEP1: [eur(c) for c in step1_cents]} if step1_cents is not None else {}),
        T.BU_COL_STEP2 if step1_cents is not None else T.BU_COL_BUDGET: [eur(c) for c in sums.budget_cents],
        T.BU_COL_ALLOCATED: [eur(c) for c in sums.allocated_cents],
        T.BU_COL_OPEN: [eur(c) for c in sums.remainder_cents],
        T.BU_COL_FTE: [fte(float(f)) for f in sums.fte],
        T.BU_COL_FTE_REST: [eur(c) for c in sums.fte_remainder_cents],
    })
    return out.set_index(T.COL_SOZIALRAUM)


def kita_table(res: Result, funding: Funding, plan: Plan, eligibility, anonymised: bool,
               with_reasons: bool = True) -> pd.DataFrame:
    frame = plan_kita_frame(res, funding, plan, eligibility)
    out = pd.DataFrame({T.COL_KITA: display_names(res.data, anonymised, state.pseudonym_key()),
                        T.COL_SOZIALRAUM: frame["sozialraum"]})
    for strand in funding.strands:
        column = plan.strands.index(strand.key)
        out[strand.label] = [f"{T.STATUS_MARK[s]} {eur(row[column]) if row[column] else ''}".strip()
                             for s, row in zip(frame[f"{strand.key}_status"], plan.cents, strict=True)]
        if with_reasons:
            out[f"{strand.label}: Begründung"] = frame[f"{strand.key}_reason"]
    out[T.BU_COL_FTE] = [fte(v) for v in frame["fte"]]
    out[T.BU_COL_HOURS] = [num(v, 1) for v in frame["hours_per_week"]]
    return out


def export_table(res: Result, funding: Funding, plan: Plan, eligibility, anonymised: bool) -> pd.DataFrame:
    """Numbers as numbers for CSV/XLSX; names replaced when anonymised."""
    frame = plan_kita_frame(res, funding, plan, eligibility)
    frame["name"] = display_names(res.data, anonymised, state.pseudonym_key())
    if anonymised:
        frame = frame.drop(columns=["kita_id"])
    return frame


def eligibility_columns(res: Result, funding: Funding, eligibility) -> dict[str, list[str]]:
    """For the Kitas page: per strand '✓ reason' text."""
    return {s.label: [f"{T.STATUS_MARK[st]} {reason}" for st, reason in zip(e.status, e.reasons, strict=False)]
            for s, e in zip(funding.strands, eligibility, strict=False)}

