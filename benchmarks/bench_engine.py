"""Time the full step-1 calculation for 31, 2,600 and 60,000 Kitas × 18 variables.

`python benchmarks/bench_engine.py` prints, per size, the median time of `srb_core.compute` and
its ratio to a bare numpy version of the same formulas. Goal: 60,000 Kitas < 100 ms, ≤ 3× numpy.
The data are random; loading and validation are not timed (they happen once per file, not per slider).
"""
from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from srb_core import build_kita_data, compute, load_konzeption  # noqa: E402

# The demo Konzeption's 18 variables, without its list of Bad Kreuznach Sozialräume.
KONZ = replace(load_konzeption(Path(__file__).resolve().parent.parent / "data/demo/bad_kreuznach/konzeption.toml"),
               sozialraeume=())


def make_data(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({"kita_id": [f"K{i}" for i in range(n)], "name": [f"Kita {i}" for i in range(n)],
                          "sozialraum": [f"SR{c}" for c in rng.integers(0, max(8, n // 12), n)]})
    for var in KONZ.variables:
        lo, hi = var.value_range or (0, 40)
        values = rng.uniform(lo, hi, n)
        frame[var.column] = np.round(values) if var.scale in ("count", "ordinal", "yes_no") else values.round(2)
    return build_kita_data(frame, KONZ, "bench.csv")


def bare_numpy(values, more, member, weights, codes, n_groups, k):
    """The same formulas with nothing around them: the floor of what the engine can cost."""
    lo, hi = np.nanmin(values, axis=0), np.nanmax(values, axis=0)
    s = (values - lo) / (hi - lo) * 100
    s = np.where(more, s, 100 - s)
    sub = (s @ member) / member.sum(axis=0)
    total = sub @ (weights / weights.sum())
    counts = np.bincount(codes, minlength=n_groups)
    sr = np.bincount(codes, weights=total, minlength=n_groups) / counts
    m, sd = total.mean(), total.std(ddof=1)
    cls = np.where(total > m + k * sd, 1, np.where(total < m - k * sd, -1, 0))
    shares = sr / sr.sum()
    return cls, shares


def median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return float(np.median(times))


def main() -> None:
    print(f"{'Kitas':>7} {'srb_core':>11} {'numpy':>9} {'Faktor':>7}")
    for n in (31, 2600, 60000):
        data = make_data(n)
        params = KONZ.default_params().with_(budget_cents=100224000)
        more = np.array([v.more_is_need for v in KONZ.variables])
        groups = [KONZ.sub_indices.index(v.index) for v in KONZ.variables]
        member = np.zeros((len(groups), len(KONZ.sub_indices)))
        member[np.arange(len(groups)), groups] = 1
        weights = np.array(KONZ.weights)
        repeat = 200 if n < 10000 else 40
        engine = median_ms(lambda data=data, params=params: compute(data, KONZ, params), repeat)
        bare = median_ms(lambda data=data, more=more, member=member, weights=weights: bare_numpy(
            data.values, more, member, weights, data.sozialraum, len(data.sozialraum_names), 1.0), repeat)
        print(f"{n:>7} {engine:>8.2f} ms {bare:>6.2f} ms {engine / bare:>6.1f}×")


if __name__ == "__main__":
    main()
