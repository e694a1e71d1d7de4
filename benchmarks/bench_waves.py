"""Time a comparison of 5 survey waves × 2,600 Kitas × 18 variables, decomposition included.

`python benchmarks/bench_waves.py` prints the median of 20 runs of `compare_waves` followed by the
decomposition of every Kita and every Sozialraum (first → last wave and every consecutive pair), and
its ratio to the floor measured in the same run: computing the five waves on their own with
`srb_core.compute` (what the comparison must do anyway). Goal: under 200 ms.
Each wave drops 2 % of the Kitas and adds new ones, so matching by kita_id is part of the work.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import KONZ, make_data  # noqa: E402

from srb_core import build_kita_data, compute  # noqa: E402
from srb_core.waves import Wave, compare_waves  # noqa: E402

N, WAVES, GOAL_MS = 2600, 5, 200.0


def make_waves() -> list[Wave]:
    rng = np.random.default_rng(7)
    base = make_data(N, seed=3).table
    waves = []
    for w in range(WAVES):
        frame = base.copy()
        for var in KONZ.variables:
            if var.scale not in ("count", "ordinal", "yes_no"):
                lo, hi = var.value_range or (0, 40)
                frame[var.column] = np.clip(frame[var.column].astype(float) + rng.normal(0, 2, N), lo, hi).round(2)
        keep = rng.random(N) > 0.02 * w
        frame = frame[keep].copy()
        frame.loc[frame.index[:20 * w], "kita_id"] = [f"neu{w}_{i}" for i in range(min(20 * w, len(frame)))]
        waves.append(Wave(f"T{w}", build_kita_data(frame, KONZ, f"T{w}.csv")))
    return waves


def run(waves: list[Wave]) -> None:
    cmp = compare_waves(waves, KONZ)
    cmp.kita_change(), cmp.sr_change(), cmp.transitions(), cmp.transition_matrix()
    for a in range(WAVES - 1):
        cmp.kita_change(a, a + 1), cmp.sr_change(a, a + 1)


def median_ms(fn, repeat: int = 20) -> tuple[float, float, float]:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return float(np.median(times)), min(times), max(times)


def main() -> None:
    waves = make_waves()
    floor = median_ms(lambda: [compute(w.data, KONZ) for w in waves])
    total = median_ms(lambda: run(waves))
    print(f"{WAVES} Wellen × {N} Kitas × {len(KONZ.variables)} Variablen")
    print(f"  nur die Wellen einzeln (compute): {floor[0]:.1f} ms")
    print(f"  Vergleich inkl. Zerlegung:        {total[0]:.1f} ms (min {total[1]:.1f}, max {total[2]:.1f}; "
          f"{total[0] / floor[0]:.1f} × die Einzelrechnung)  Ziel < {GOAL_MS:.0f} ms: "
          f"{'erreicht' if total[0] < GOAL_MS else 'VERFEHLT'}")


if __name__ == "__main__":
    main()
