"""One entry point: `analyse(result, funding, settings)` → uncertainty, sensitivity, leave-one-out,
borderline Kitas; plus the content key a cache stores it under."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..funding.model import Funding
from ..step1 import Result
from .batch import prepare
from .borderline import Flip, flips
from .extremes import LeaveOneOut, leave_one_out
from .model import Settings
from .uncertainty import Progress, Sensitivity, Uncertainty, runs_needed, sensitivity, uncertainty


@dataclass(frozen=True, eq=False)
class Analysis:
    """A robustness analysis: the nominal result, its settings, uncertainty, sensitivity, leave-one-out and flips."""

    result: Result  # the engine's nominal calculation
    settings: Settings
    uncertainty: Uncertainty
    sensitivity: Sensitivity | None
    leave_one_out: LeaveOneOut
    flips: dict[str, list[Flip]]  # strand key → one Flip per Kita


def content_key(result: Result, funding: Funding | None, settings: Settings) -> str:
    """Same data, Konzeption (with its strands), parameters and settings → same key, whatever the
    dataset is called; anything else → another key."""
    konz = result.konzeption
    parts = (result.data.fingerprint, repr(konz), repr(sorted(konz.extra.items(), key=lambda kv: kv[0])),
             repr(result.params), repr(funding), repr(settings))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def analyse(result: Result, funding: Funding | None, settings: Settings, progress: Progress | None = None) -> Analysis:
    """Monte Carlo first, then Sobol; progress(done, total) counts model runs of both and may raise
    to stop the run (the app's cancel button does that)."""
    settings.check()
    prep = prepare(result.data, result.konzeption, result.params, funding)
    total = runs_needed(result, settings)
    mc = uncertainty(result, funding, settings, prep, progress, total)
    sens = sensitivity(result, settings, prep, progress, settings.draws, total)
    return Analysis(result, settings, mc, sens, leave_one_out(result),
                    {s.key: flips(result, s) for s in prep.strands})
