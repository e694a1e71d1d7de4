"""Baseline and up to three scenarios side by side: per Sozialraum, and the Kitas whose status changes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import ParameterError, Problem
from ..funding.report import plan_sozialraum_frame
from ..index.normband import CLASS_NAMES

if TYPE_CHECKING:  # srb_core.pipeline builds on this package
    from ..pipeline import Outcome

MAX_SCENARIOS = 3


@dataclass(frozen=True)
class Comparison:
    """Outcomes side by side: per Sozialraum share, euros, FTE and Δ to the first; the Kitas that change."""

    names: tuple[str, ...]  # first is the reference (normally the baseline)
    sozialraeume: pd.DataFrame  # share_j, euros_j, fte_j for each j; delta_* for j ≥ 1
    kitas: pd.DataFrame  # one row per Kita and aspect (band or a strand's eligibility) that changes

    @property
    def n(self) -> int:
        """Number of compared outcomes."""
        return len(self.names)


def _fte(o: Outcome) -> np.ndarray:
    if o.plan is None or o.funding is None:
        return np.full(len(o.result.data.sozialraum_names), np.nan)
    return plan_sozialraum_frame(o.result, o.funding, o.plan)["fte"].to_numpy()


def _cents(o: Outcome) -> list[int | None]:
    if o.result.euros_cents is None:
        return [None] * len(o.result.data.sozialraum_names)
    return [int(c) for c in o.result.euros_cents]


def _euros(o: Outcome) -> np.ndarray:
    if o.result.euros_cents is None:
        return np.full(len(o.result.data.sozialraum_names), np.nan)
    return o.result.euros_cents / 100


def compare(outcomes: list[Outcome]) -> Comparison:
    """outcomes[0] is the reference; all must be computed on the same Kitas."""
    if not 1 <= len(outcomes) <= MAX_SCENARIOS + 1:
        raise ParameterError(Problem("Verglichen werden der Beschluss und bis zu drei Szenarien.",
                                     value=len(outcomes) - 1, expected="1 bis 3 Szenarien"))
    ref = outcomes[0].result.data
    for o in outcomes[1:]:
        if o.result.data.kita_ids != ref.kita_ids or o.result.data.sozialraum_names != ref.sozialraum_names:
            raise ParameterError(Problem("Szenarien zu verschiedenen Daten lassen sich nicht vergleichen.",
                                         value=o.scenario.name))
    frame = pd.DataFrame({"sozialraum": list(ref.sozialraum_names)})
    base_share, base_eur, base_fte = outcomes[0].result.shares, _euros(outcomes[0]), _fte(outcomes[0])
    for j, o in enumerate(outcomes):
        share, eur, fte = o.result.shares, _euros(o), _fte(o)
        frame[f"share_{j}"] = share
        frame[f"euros_{j}"] = eur
        frame[f"fte_{j}"] = fte
        frame[f"cents_{j}"] = pd.array(_cents(o), dtype="Int64")  # whole cents, <NA> without a budget
        if j:
            frame[f"delta_cents_{j}"] = frame[f"cents_{j}"] - frame["cents_0"]
            frame[f"delta_pp_{j}"] = (share - base_share) * 100
            frame[f"delta_eur_{j}"] = np.round((eur - base_eur) * 100) / 100  # whole cents, no float dust
            frame[f"delta_fte_{j}"] = np.round((fte - base_fte) * 1e6) / 1e6
    return Comparison(tuple(o.scenario.name for o in outcomes), frame, _kita_changes(outcomes))


def _kita_changes(outcomes: list[Outcome]) -> pd.DataFrame:
    data = outcomes[0].result.data
    rows = []
    aspects = [("band", "Normbereich", lambda o: [CLASS_NAMES[int(c)] for c in o.result.kita_class])]
    strands = outcomes[0].funding.strands if outcomes[0].funding is not None else ()
    for s, strand in enumerate(strands):
        def eligible(o: Outcome, s=s):
            if o.proposal is None or s >= len(o.proposal.eligibility):
                return [None] * data.n
            return list(o.proposal.eligibility[s].eligible)
        aspects.append((f"eligible:{strand.key}", strand.label, eligible))
    for key, label, of in aspects:
        columns = [of(o) for o in outcomes]
        for i in range(data.n):
            values = [c[i] for c in columns]
            if any(v != values[0] for v in values[1:]):
                rows.append({"kita_id": data.kita_ids[i], "sozialraum": data.sozialraum_names[data.sozialraum[i]],
                             "aspect": key, "aspect_label": label,
                             **{f"value_{j}": v for j, v in enumerate(values)}})
    names = ["kita_id", "sozialraum", "aspect", "aspect_label"] + [f"value_{j}" for j in range(len(outcomes))]
    return pd.DataFrame(rows, columns=names)
