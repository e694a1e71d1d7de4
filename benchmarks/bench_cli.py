"""Command line: which heavy libraries each command imports, and `export --out x.xlsx` against `import srb_core`.

`python benchmarks/bench_cli.py` runs every subcommand (compute, plan, export as XLSX and PDF,
robustness, waves, report as XLSX and PDF) on the Bad Kreuznach demo with `python -X importtime`
and lists the heavy libraries each one loaded (PDF: fpdf, fontTools; geo: geopandas, pyogrio,
pyproj, shapely; XLSX: openpyxl). Only the PDF outputs and `--map` may load theirs; no command loads
openpyxl (XLSX is written by srb_core.xlsxwrite).

Then it times whole processes, alternately, `--runs` times each (default 11) with
`/usr/bin/time -f %e`: `python -c "import srb_core"` and
`python -m srb_core export … --out x.xlsx`, and prints both medians and the ratio
(goal ≤ 1.5×). Alternating runs in one go keep the ratio fair on a machine whose speed drifts.
Exit code 1 if a command imported a library it must not.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data/demo/bad_kreuznach"
HEAVY = {"pdf": ("fpdf", "fontTools"), "geo": ("geopandas", "pyogrio", "pyproj", "shapely"), "xlsx": ("openpyxl",)}
TIME = "/usr/bin/time"


def commands(out: Path) -> dict[str, tuple[list[str], set[str]]]:
    """Name → (arguments after `-m srb_core`, heavy groups it may import)."""
    base = ["--kitas", str(DEMO / "kitas.csv"), "--konzeption", str(DEMO / "konzeption.toml")]
    report = ["report", "--kita", "BK07", "--year", "2023", *base,
              "--indicators", str(DEMO / "berichte/jahreswerte.csv"),
              "--catalogue", str(DEMO / "berichte/indikatoren.toml")]
    return {
        "compute": (["compute", *base], set()),
        "plan": (["plan", *base], set()),
        "export xlsx": (["export", *base, "--out", str(out / "x.xlsx")], set()),
        "export pdf": (["export", *base, "--out", str(out / "x.pdf")], {"pdf"}),
        "export pdf --map": (["export", *base, "--map", str(ROOT / "geodata/bad_kreuznach.geojson"),
                              "--out", str(out / "m.pdf")], {"pdf", "geo"}),
        "robustness": (["robustness", *base, "--draws", "200"], set()),
        "waves": (["waves", "--kitas", str(DEMO / "kitas.csv"), str(DEMO / "waves/T2.csv"),
                   "--konzeption", str(DEMO / "konzeption.toml")], set()),
        "report xlsx": ([*report, "--out", str(out / "b.xlsx")], set()),
        "report pdf": ([*report, "--out", str(out / "b.pdf")], {"pdf"}),
    }


def imported_top_level(args: list[str]) -> tuple[set[str], int]:
    """Top-level package names in the `-X importtime` log of one run, and the run's exit code."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "srb_core", *args], cwd=ROOT,
                         capture_output=True, text=True, check=False, timeout=300)
    names = set()
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names, run.returncode


def check_imports(out: Path) -> bool:
    ok = True
    for name, (args, allowed) in commands(out).items():
        loaded, code = imported_top_level(args)
        heavy = {group: sorted(set(mods) & loaded) for group, mods in HEAVY.items()}
        wrong = {g: m for g, m in heavy.items() if m and g not in allowed}
        ok &= not wrong
        shown = ", ".join(f"{g}: {'/'.join(m)}" for g, m in heavy.items() if m) or "keine"
        print(f"  {name:<18} schwere Bibliotheken: {shown}{'  ← nicht erlaubt' if wrong else ''}"
              f"{f'  (Exit-Code {code})' if code else ''}")
    return ok


def wall(argv: list[str]) -> float:
    """Wall time of one whole process, as /usr/bin/time -f %e reports it (seconds, 2 decimals)."""
    run = subprocess.run([TIME, "-f", "%e", *argv], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=300)
    return float(run.stderr.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=11, help="Läufe je Befehl (abwechselnd)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print("Importe je Befehl (python -X importtime):")
        ok = check_imports(out)
        floor_cmd = [sys.executable, "-c", "import srb_core"]
        export_cmd = [sys.executable, "-m", "srb_core", *commands(out)["export xlsx"][0]]
        wall(floor_cmd), wall(export_cmd)  # warm the file cache once
        floor, export = [], []
        for _ in range(args.runs):
            floor.append(wall(floor_cmd))
            export.append(wall(export_cmd))
    f, e = statistics.median(floor), statistics.median(export)
    print(f"import srb_core: Median {f:.2f} s; export --out x.xlsx: Median {e:.2f} s "
          f"({args.runs} Läufe abwechselnd) → {e / f:.2f}× (Ziel ≤ 1,5×)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
