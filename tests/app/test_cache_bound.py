"""The shared caches are bounded by memory: a 60,000-Kita dataset cannot fill the server."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from srb_core import build_kita_data, compute, load_konzeption
from ui.bounded import ENTRY_OVERHEAD, MIB, BoundedCache, budget_bytes, estimate_bytes

ROOT = Path(__file__).resolve().parents[2]
KONZ = replace(load_konzeption(ROOT / "data/demo/bad_kreuznach/konzeption.toml"), sozialraeume=())


def _data(n: int):
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"kita_id": [f"K{i}" for i in range(n)], "name": [f"Kita {i}" for i in range(n)],
                          "sozialraum": [f"SR{i % 8}" for i in range(n)]})
    for var in KONZ.variables:
        lo, hi = var.value_range or (0, 40)
        values = rng.uniform(lo, hi, n)
        frame[var.column] = np.round(values) if var.scale in ("count", "ordinal", "yes_no") else values.round(2)
    return build_kita_data(frame, KONZ, "gross.csv")


@dataclass(frozen=True)
class Box:
    a: np.ndarray
    b: tuple
    shared: object


def test_estimate_counts_owned_buffers_once_and_skips_shared_objects():
    shared = np.zeros(1000)  # 8,000 bytes, shared by every entry
    a = np.zeros(100)  # 800 bytes
    box = Box(a, (a[:10], np.ones(50, dtype=np.int32)), shared)  # the view is a's buffer again; 200 bytes
    assert estimate_bytes(box, shared=(shared,)) == ENTRY_OVERHEAD + 800 + 200
    assert estimate_bytes(box) == ENTRY_OVERHEAD + 800 + 200 + 8000


def test_lru_drops_the_least_recently_used_until_the_bytes_fit():
    cache: BoundedCache[str] = BoundedCache(max_bytes=300)
    cache.put("a", "A", 100)
    cache.put("b", "B", 100)
    cache.put("c", "C", 100)
    assert cache.get("a") == "A"  # a is now the most recent, b the oldest
    cache.put("d", "D", 100)
    assert cache.get("b") is None and [cache.get(k) for k in "acd"] == ["A", "C", "D"]
    assert cache.bytes == 300 and len(cache) == 3
    cache.put("e", "E", 250)  # needs room for 250: drops c and a (the oldest two), then d
    assert len(cache) == 1 and cache.bytes == 250 and cache.get("e") == "E"


def test_an_entry_larger_than_the_budget_is_computed_but_not_kept():
    cache: BoundedCache[str] = BoundedCache(max_bytes=100)
    cache.put("small", "s", 50)
    assert cache.get_or_compute("big", lambda: "B", lambda v: 101) == "B"
    assert cache.get("big") is None and cache.get("small") == "s"


def test_count_bound_still_holds_for_tiny_entries():
    cache: BoundedCache[int] = BoundedCache(max_bytes=10**9, max_entries=3)
    for i in range(10):
        cache.put(i, i, 1)
    assert len(cache) == 3 and cache.get(9) == 9 and cache.get(6) is None


def test_budget_from_the_environment(monkeypatch):
    monkeypatch.setenv("SRB_CACHE_MB", "100")
    assert budget_bytes(0.5) == 50 * MIB
    for bad in ("", "abc", "-5", "nan"):
        monkeypatch.setenv("SRB_CACHE_MB", bad)
        assert budget_bytes(1.0) == 512 * MIB


def test_results_at_60000_kitas_stay_within_the_budget():
    """Slider moves at 60,000 Kitas: every new weight is a new result (~11 MB each, scores 60,000 × 18 × 8
    bytes alone 8.6 MB); the store keeps only as many as fit, the 512 of a count bound would be ~6 GB."""
    data = _data(60_000)
    params = KONZ.default_params()
    one = compute(data, KONZ, params)
    size = estimate_bytes(one, (data, KONZ))
    assert 60_000 * 18 * 8 < size < 40 * MIB
    budget = 64 * MIB
    cache: BoundedCache = BoundedCache(budget)
    for w in range(12):
        p = params.with_(weights=(1.0 + w / 4, 1.0, 1.0, 1.0))
        cache.get_or_compute(("r", p), lambda p=p: compute(data, KONZ, p), lambda r: estimate_bytes(r, (data, KONZ)))
        assert cache.bytes <= budget
    assert len(cache) == budget // size  # as many as fit, the newest kept
    assert cache.get(("r", params.with_(weights=(3.75, 1.0, 1.0, 1.0)))) is not None


def test_results_at_2600_kitas_are_small_enough_to_keep_hundreds():
    data = _data(2_600)
    one = compute(data, KONZ, KONZ.default_params())
    assert estimate_bytes(one, (data, KONZ)) < MIB  # 512 MiB × 0.5 keeps > 256 results
