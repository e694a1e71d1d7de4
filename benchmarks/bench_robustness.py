"""Time the robustness analysis: 10,000 variants × 2,600 Kitas × 18 variables, and leave-one-out.

`python benchmarks/bench_robustness.py` prints, side by side, the median time of
srb_core.robustness (Monte Carlo over the weights: shares, euros to the cent, ranks, band and
eligibility counts per Kita, quantiles) and of a bare numpy version of the same draws without
chunks, checks or engine reuse (two matrix products instead of the engine's order of sums), and
the time of leave-one-out for all 2,600 Kitas. Goals: < 2 s and ≤ 3× numpy; leave-one-out < 1 s.
"""
from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import KONZ, make_data  # noqa: E402

from srb_core import compute  # noqa: E402
from srb_core.funding import load_funding  # noqa: E402
from srb_core.robustness import Settings  # noqa: E402
from srb_core.robustness.extremes import leave_one_out  # noqa: E402
from srb_core.robustness.sample import inputs_of, monte_carlo  # noqa: E402
from srb_core.robustness.uncertainty import uncertainty  # noqa: E402

DRAWS, KITAS, REPEAT = 10_000, 2_600, 7


def bare_numpy(sub, weights, codes, n_sr, k, budget):
    """The same statistics straight through: the floor of what the analysis can cost."""
    wn = weights / weights.sum(axis=1, keepdims=True)
    total = wn @ sub.T  # (draws × Kitas)
    member = np.zeros((len(codes), n_sr))
    member[np.arange(len(codes)), codes] = 1 / np.bincount(codes, minlength=n_sr)[codes]
    points = total @ member
    shares = points / points.sum(axis=1, keepdims=True)
    exact = shares * budget
    cents = np.floor(exact)
    left = budget - cents.sum(axis=1)
    order = np.argsort(cents - exact, axis=1)  # largest remainders first
    cents[np.arange(len(cents))[:, None], order] += np.arange(n_sr)[None, :] < left[:, None]
    ranks = np.argsort(np.argsort(-shares, axis=1), axis=1) + 1
    mean, sd = total.mean(axis=1), total.std(axis=1, ddof=1)
    above = (total > (mean + k * sd)[:, None]).sum(axis=0)
    below = (total < (mean - k * sd)[:, None]).sum(axis=0)
    q = [np.quantile(x, [0.5, 0.05, 0.95], axis=0) for x in (shares, cents, ranks)]
    return q, above, below


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def summary(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})"


def main() -> None:
    konz = replace(KONZ, budget_cents=100_000_000)
    data = make_data(KITAS)
    result = compute(data, konz)
    funding = load_funding(konz)
    settings = Settings(draws=DRAWS, seed=1, spread=0.25, sobol_n=0)
    draws = monte_carlo(inputs_of(konz, result.params, data, settings), result.params, settings)
    sub = result.kita_sub
    n_sr = len(data.sozialraum_names)

    ours, floor, loo = [], [], []
    for _ in range(REPEAT):  # interleaved, so a busy neighbour on the machine slows both alike
        ours.append(timed(lambda: uncertainty(result, funding, settings)))
        floor.append(timed(lambda: bare_numpy(sub, draws.weights, data.sozialraum, n_sr, 1.0, 100_000_000)))
        loo.append(timed(lambda: leave_one_out(result)))
    print(f"{DRAWS:,} Varianten × {KITAS:,} Kitas × {len(konz.variables)} Variablen, {n_sr} Sozialräume "
          f"(Median von {REPEAT}, abwechselnd gemessen)")
    print(f"  srb_core.robustness   {summary(ours)}")
    print(f"  bloßes numpy          {summary(floor)}")
    print(f"  Verhältnis            {statistics.median(ours) / statistics.median(floor):.1f} × im Median, "
          f"{min(ours) / min(floor):.1f} × der Bestzeiten   (Ziel < 2 s und ≤ 3 ×)")
    print(f"Leave-one-out, {KITAS:,} Kitas: {statistics.median(loo) * 1000:.0f} ms "
          f"(min {min(loo) * 1000:.0f}, max {max(loo) * 1000:.0f})   (Ziel < 1 s)")


if __name__ == "__main__":
    main()
