"""A synthetic 2,600-Kita dataset (about all Kitas of Rhineland-Palatinate) for the benchmarks.

`python benchmarks/make_large.py [--n 2600] [--seed 1]` resamples Bad Kreuznach's 31 demo Kitas
(synthetic themselves) into the same 8 Sozialräume with the Bad Kreuznach Konzeption and map:
each new Kita copies a random demo Kita of its Sozialraum, every variable moved by Gaussian noise
(σ = 10 % of the variable's range, clipped to its allowed range, whole numbers kept whole) and its
point moved by up to ~300 m, redrawn until it lies inside its Sozialraum's area. Ids G0001 … G2600
are unique. The dataset is stored in the data library (SRB_BIBLIOTHEK_DB; the benchmark scripts set
it to a temporary file) and its link `?ds=lib:<id>` is printed as the last line.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from srb_core import load_konzeption  # noqa: E402
from srb_core.library import LibraryStore  # noqa: E402
from srb_core.library.store import StoredFiles  # noqa: E402

DEMO = ROOT / "data/demo/bad_kreuznach"
MAP = ROOT / "geodata/bad_kreuznach.geojson"


def _areas() -> dict:
    from shapely.geometry import shape  # only this script needs geometry

    features = json.loads(MAP.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["sozialraum"]: shape(f["geometry"]) for f in features}


def make_table(n: int, seed: int) -> pd.DataFrame:
    """n Kitas resampled from the demo with noise; every point inside its Sozialraum."""
    from shapely.geometry import Point

    rng = np.random.default_rng(seed)
    konz = load_konzeption(DEMO / "konzeption.toml")
    demo = pd.read_csv(DEMO / "kitas.csv", dtype={"kita_id": str})
    areas = _areas()
    rows = demo.iloc[rng.integers(0, len(demo), n)].reset_index(drop=True)
    out = rows.copy()
    out["kita_id"] = [f"G{i + 1:04d}" for i in range(n)]
    out["name"] = [f"Kita {i + 1:04d} ({area})" for i, area in enumerate(rows["sozialraum"])]
    out["children"] = np.clip(np.round(rows["children"] * rng.uniform(0.6, 1.4, n)), 10, None).astype(int)
    for var in konz.variables:
        lo, hi = var.value_range or (float(demo[var.column].min()), float(demo[var.column].max()))
        noisy = rows[var.column].to_numpy(float) + rng.normal(0, 0.1 * (hi - lo or 1), n)
        noisy = np.clip(noisy, lo, hi)
        whole = var.scale in ("count", "ordinal", "yes_no")
        out[var.column] = np.round(noisy).astype(int) if whole else np.round(noisy, 2)
    lat, lon = out["lat"].to_numpy(float).copy(), out["lon"].to_numpy(float).copy()
    for i, area in enumerate(rows["sozialraum"]):
        polygon = areas[area]
        for _ in range(200):
            y, x = rows["lat"][i] + rng.normal(0, 0.0025), rows["lon"][i] + rng.normal(0, 0.004)
            if polygon.contains(Point(x, y)):
                lat[i], lon[i] = round(y, 5), round(x, 5)
                break
    out["lat"], out["lon"] = lat, lon
    return out


def store(n: int = 2600, seed: int = 1) -> str:
    """Stores the dataset in the library (SRB_BIBLIOTHEK_DB) as 'Benchmark <n> Kitas (synthetisch)',
    replacing an older one of that name; returns its key (lib:<id>)."""
    table = make_table(n, seed)
    buffer = io.StringIO()
    table.to_csv(buffer, index=False)
    library = LibraryStore()
    name = f"Benchmark {n:,} Kitas (synthetisch)".replace(",", ".")
    for old in library.list():
        if old.name == name:
            library.delete(old.id)
    files = StoredFiles(buffer.getvalue().encode(), "kitas_gross.csv",
                        (DEMO / "konzeption.toml").read_bytes(), "konzeption.toml", MAP.read_bytes(), MAP.name)
    return library.store(files, name, "2026-01-01", "Für die Leistungsmessung erzeugt (benchmarks/make_large.py)").key


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2600)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    key = store(args.n, args.seed)
    print(f"?ds={key}")


if __name__ == "__main__":
    main()
