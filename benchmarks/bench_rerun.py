"""Server-side work per rerun: the script time of one page when a weight slider moves.

`python benchmarks/bench_rerun.py [--large 2600] [--pages uebersicht,sozialraum] [--moves 20] [--profile]`
runs app.py in Streamlit's AppTest (no browser, no network), opens each page, then moves the
"Soziale Lage" slider between 2 and 1 `--moves` times and times only the script run (the part a
participant's rerun occupies the server's Python for). Printed: median and p90 per page. Alternating
two values means the result and the chart specs come from the shared caches after the first two
moves, as in a room where many participants try the same settings. `--profile` prints the top of
a cProfile of those reruns (the script thread only). `--large N` uses N synthetic Kitas from a
temporary data library (benchmarks/make_large.py).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


def measure(page: str, query: dict, moves: int, profile: cProfile.Profile | None) -> list[float]:
    import streamlit.runtime.scriptrunner.script_runner as runner
    from streamlit.testing.v1 import AppTest

    from tests.app.helpers import move, slider_args

    times: list[float] = []
    original = runner.exec_func_with_error_handling

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        if profile is not None:
            profile.enable()
        try:
            return original(*args, **kwargs)
        finally:
            if profile is not None:
                profile.disable()
            times.append(time.perf_counter() - t0)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "uebersicht":
        at.switch_page(f"app_pages/{page}.py").run()
    if at.exception:
        raise RuntimeError(str(at.exception))
    row = [r["name"] for r in slider_args(at)["rows"]].index("Soziale Lage")
    for value in (2.0, 1.0):  # warm: both results and charts once
        move(at, f"w{row}", value)  # the sliders' component value, as the browser sends it (ui/sliders.py)
    runner.exec_func_with_error_handling = timed
    try:
        for i in range(moves):
            move(at, f"w{row}", 2.0 if i % 2 == 0 else 1.0)
    finally:
        runner.exec_func_with_error_handling = original
    return [t * 1000 for t in times]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--large", type=int, default=0, metavar="N")
    ap.add_argument("--pages", default="uebersicht,sozialraum")
    ap.add_argument("--moves", type=int, default=20)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        query = {}
        if args.large:
            os.environ["SRB_BIBLIOTHEK_DB"] = str(Path(tmp) / "bibliothek.sqlite")
            from make_large import store

            query["ds"] = store(args.large)
        profile = cProfile.Profile() if args.profile else None
        label = f"{args.large} Kitas" if args.large else "Bad Kreuznach (31 Kitas)"
        for page in args.pages.split(","):
            times = measure(page, query, args.moves, profile)
            p90 = sorted(times)[int(0.9 * (len(times) - 1))]
            print(f"{label}, {page}: Skriptlauf je Reglerbewegung Median {statistics.median(times):.0f} ms, "
                  f"p90 {p90:.0f} ms (n = {len(times)})", flush=True)
        if profile is not None:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(os.environ.get("SRB_PROFILE_FILTER", ""), 45)


if __name__ == "__main__":
    main()
