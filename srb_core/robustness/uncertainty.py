"""Monte Carlo over weights and method choices: per Sozialraum the nominal value, median and 5–95 %
interval of share, euros and rank; per Kita how often it lies above / within / below the band and
how often it is eligible for each index-based funding strand."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..funding.model import Funding
from ..funding.rules import strand_eligibility
from ..step1 import Result
from .batch import Prepared, evaluate_draws, prepare, ranks_of
from .model import Settings
from .sample import Draws, Inputs, from_unit, inputs_of, monte_carlo
from .sobol import SobolResult, sobol_indices

Progress = Callable[[int, int], None]
CELLS_PER_CHUNK = 1_000_000  # Kitas × variants per batch: about 16 MB per array, fits in the caches' reach


@dataclass(frozen=True, eq=False)
class Interval:
    """Per Sozialraum: the engine's value and the median, 5th and 95th percentile over the variants."""

    nominal: np.ndarray
    median: np.ndarray
    p05: np.ndarray
    p95: np.ndarray


@dataclass(frozen=True, eq=False)
class Uncertainty:
    """Spread over the variants: intervals of share, euros and rank; per Kita the share of variants per class."""

    draws: int
    share: Interval
    euros_cents: Interval | None
    rank: Interval
    above: np.ndarray  # per Kita: share of variants above the band
    within: np.ndarray
    below: np.ndarray
    nominal_class: np.ndarray
    strands: tuple[tuple[str, str], ...]  # (key, label) of the index-based strands
    eligible: np.ndarray  # (Kitas × strands): share of variants in which the Kita is eligible
    nominal_eligible: np.ndarray  # (Kitas × strands), bool
    shares: np.ndarray  # (variants × Sozialräume), for plots


def chunk_rows(n_kitas: int) -> int:
    """Variants per batch: CELLS_PER_CHUNK // n_kitas (at least 1), so memory stays bounded."""
    return max(1, CELLS_PER_CHUNK // max(n_kitas, 1))


def quantiles(values: np.ndarray, nominal: np.ndarray) -> Interval:
    """Empirical quantiles that are values of actual variants (inverted CDF), so cents stay whole cents."""
    q = np.quantile(values, [0.5, 0.05, 0.95], axis=0, method="inverted_cdf")
    return Interval(np.asarray(nominal), q[0], q[1], q[2])


def run_batches(prep: Prepared, draws: Draws, kitas: bool, progress: Progress | None = None,
                done_before: int = 0, total: int | None = None):
    """Evaluate all rows in chunks; calls progress(done, total) after each chunk (it may raise to stop)."""
    rows = len(draws.k)
    step = chunk_rows(prep.n)
    total = rows if total is None else total
    for start in range(0, rows, step):
        part = draws.rows(start, start + step)
        yield evaluate_draws(prep, part.weights, part.k, part.ddof, part.aggregation, part.rescaling, kitas=kitas)
        if progress is not None:
            progress(done_before + min(start + step, rows), total)


def uncertainty(result: Result, funding: Funding | None, settings: Settings, prep: Prepared | None = None,
                progress: Progress | None = None, total: int | None = None) -> Uncertainty:
    """The Monte Carlo part of a run. `result` is the engine's nominal calculation (its values are
    reported as "nominal" unchanged); `total` lets a caller count progress over several parts."""
    settings.check()
    data, konz, params = result.data, result.konzeption, result.params
    prep = prep or prepare(data, konz, params, funding)
    inputs = inputs_of(konz, params, data, settings)
    draws = monte_carlo(inputs, params, settings)
    shares, cents, ranks = [], [], []
    above, below = np.zeros(data.n), np.zeros(data.n)
    eligible = np.zeros((data.n, len(prep.strands)))
    for batch in run_batches(prep, draws, True, progress, 0, total):
        shares.append(batch.shares)
        ranks.append(batch.ranks)
        if batch.cents is not None:
            cents.append(batch.cents)
        above += batch.above
        below += batch.below
        eligible += batch.eligible
    all_shares = np.vstack(shares)
    n = settings.draws
    nominal_rank = ranks_of(result.shares[None, :])[0]
    nominal_eligible = np.zeros((data.n, len(prep.strands)), dtype=bool)
    if funding is not None and prep.strands:
        by_key = {e.strand: e for e in strand_eligibility(result, funding)}
        for s, strand in enumerate(prep.strands):
            nominal_eligible[:, s] = by_key[strand.key].eligible
    return Uncertainty(
        draws=n, share=quantiles(all_shares, result.shares),
        euros_cents=quantiles(np.vstack(cents), result.euros_cents) if cents and result.euros_cents is not None
        else None,
        rank=quantiles(np.vstack(ranks), nominal_rank),
        above=above / n, within=(n - above - below) / n, below=below / n, nominal_class=result.kita_class,
        strands=tuple((s.key, s.label) for s in prep.strands), eligible=eligible / n,
        nominal_eligible=nominal_eligible, shares=all_shares)


@dataclass(frozen=True, eq=False)
class Sensitivity:
    """Which varied input drives the target most: Sobol indices of `target` over `inputs`."""

    inputs: Inputs
    sobol: SobolResult
    target: str  # what Y measures, for people


def sensitivity(result: Result, settings: Settings, prep: Prepared, progress: Progress | None = None,
                done_before: int = 0, total: int | None = None) -> Sensitivity | None:
    """Sobol indices of Y = mean over the Sozialräume of |euros − nominal euros| (without a budget:
    of |share − nominal share| in percentage points). None if fewer than one input varies."""
    inputs = inputs_of(result.konzeption, result.params, result.data, settings)
    if inputs.d == 0 or settings.sobol_n == 0:
        return None
    nominal_cents = result.euros_cents if prep.budget_cents is not None else None
    with_euros = nominal_cents is not None

    def model(u: np.ndarray) -> np.ndarray:
        draws = from_unit(u, inputs, result.params, settings)
        out = []
        for batch in run_batches(prep, draws, False, progress, done_before, total):
            if nominal_cents is not None and batch.cents is not None:
                out.append(np.mean(np.abs(batch.cents - nominal_cents[None, :]), axis=1) / 100)
            else:
                out.append(np.mean(np.abs(batch.shares - result.shares[None, :]), axis=1) * 100)
        return np.concatenate(out)

    target = ("mittlere Abweichung je Sozialraum in Euro" if with_euros
              else "mittlere Abweichung des Anteils je Sozialraum in Prozentpunkten")
    return Sensitivity(inputs, sobol_indices(model, inputs.d, settings.sobol_n, settings.seed + 1, settings.bootstrap),
                       target)


def runs_needed(result: Result, settings: Settings) -> int:
    """Model runs of a full analysis (Monte Carlo plus Sobol), for a progress bar."""
    d = inputs_of(result.konzeption, result.params, result.data, settings).d
    return settings.draws + (settings.sobol_n * (d + 2) if d and settings.sobol_n else 0)
