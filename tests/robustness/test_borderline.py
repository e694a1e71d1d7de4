"""Borderline Kitas: a Kita on the bound is uncertain; the smallest single change really flips."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from srb_core import build_kita_data, compute, parse_konzeption
from srb_core.funding import load_funding
from srb_core.funding.rules import strand_eligibility
from srb_core.robustness import Settings
from srb_core.robustness.batch import index_strands
from srb_core.robustness.borderline import flips, index_shift
from srb_core.robustness.uncertainty import uncertainty

TOML = """
[konzeption]
name = "Grenzfall"
sub_indices = ["A", "B"]
[[variables]]
column = "a"
index = "A"
[[variables]]
column = "b"
index = "B"
[budget]
total_eur = 1000.00
[[strands]]
key = "kiso"
label = "Kita-Sozialarbeit"
rule = "index_at_least_lower"
share = 1.0
staff_type = "sa"
[staff]
sa = { label = "Sozialarbeit", cost_per_fte_eur = 78000 }
"""


def on_the_bound():
    """Nine Kitas plus Kita T with a = 30 points and b chosen by bisection so that its Gesamtindex
    is the lower bound of the band (to ~1e-13): T counts as within (on the bound is within)."""
    konz = parse_konzeption(TOML, "grenzfall.toml")
    a = [0, 20, 35, 50, 60, 70, 80, 90, 100, 30]
    b = [10, 80, 40, 90, 20, 70, 100, 50, 30, None]

    def run(bt):
        frame = pd.DataFrame({"kita_id": [f"k{i}" for i in range(10)], "name": [f"Kita {i}" for i in range(10)],
                              "sozialraum": ["Nord"] * 5 + ["Süd"] * 5, "a": a, "b": b[:9] + [bt]})
        data = build_kita_data(frame, konz, "grenzfall.csv")
        return compute(data, konz)

    lo, hi = 0.0, 100.0  # b_T = 0 → T (15 points) below the band; b_T = 100 → (65 points) above its lower bound
    for _ in range(200):
        mid = (lo + hi) / 2
        r = run(mid)
        if r.kita_overall[9] < r.kita_band.lower:
            lo = mid
        else:
            hi = mid
    return run(hi), load_funding(konz)


def test_a_kita_exactly_on_the_bound_is_eligible_in_some_variants_but_not_all():
    result, funding = on_the_bound()
    assert abs(result.kita_overall[9] - result.kita_band.lower) < 1e-9
    assert result.kita_class[9] == 0  # on the bound counts as within …
    assert strand_eligibility(result, funding)[0].eligible[9]  # … and as eligible
    u = uncertainty(result, funding, Settings(draws=2000, spread=0.25, sobol_n=0))
    p = u.eligible[9, 0]
    assert 0 < p < 1
    # and a Kita far from every bound is never in doubt
    assert u.eligible[8, 0] == 1.0 and u.eligible[0, 0] == 0.0
    assert 0 < u.below[9] < 1


def test_index_shift_puts_the_kita_exactly_on_the_moving_bound(bk):
    result, _ = bk
    values = result.kita_overall
    t = index_shift(values, "index_at_least_lower", result.params.k, result.params.ddof)
    n = len(values)
    for i in range(0, n, 5):  # recompute mean and SD of the shifted values directly
        moved = values.copy()
        moved[i] += t[i]
        lower = moved.mean() - result.params.k * moved.std(ddof=result.params.ddof)
        assert moved[i] == pytest.approx(lower, abs=1e-9)
    # the mean rule in closed form: v + t = mean + t/n
    t_mean = index_shift(values, "index_above_mean", 1.0, 1)
    moved = values + t_mean
    assert np.allclose(moved, values.mean() + t_mean / n)


def flipped(result, funding, key, i, column, value):
    data = result.data
    values = data.values.copy()
    values[i, data.columns.index(column)] = value
    other = compute(replace(data, values=values), result.konzeption, result.params)
    return {e.strand: e for e in strand_eligibility(other, funding)}[key].eligible[i]


def test_the_smallest_single_change_flips_the_decision_and_a_little_less_does_not(bk):
    result, funding = bk
    nominal = {e.strand: e for e in strand_eligibility(result, funding)}
    checked = 0
    for strand in index_strands(funding, result.konzeption):
        for i, f in enumerate(flips(result, strand)):
            var = next((v for v in result.konzeption.variables if v.column == f.variable), None)
            if var is None or var.scale in ("count", "ordinal", "yes_no"):
                continue
            assert f.eligible == nominal[strand.key].eligible[i]
            j = result.data.columns.index(f.variable)
            step = 1e-6 * (result.maximum[j] - result.minimum[j]) * np.sign(f.needed - f.current)
            assert flipped(result, funding, strand.key, i, f.variable, f.needed + step) != f.eligible
            assert flipped(result, funding, strand.key, i, f.variable, f.needed - step) == f.eligible
            checked += 1
    assert checked >= 10


def test_distance_is_index_minus_bound_in_points(bk):
    result, funding = bk
    strand = index_strands(funding, result.konzeption)[0]
    assert strand.key == "kita_sozialarbeit"
    for i, f in enumerate(flips(result, strand)):
        assert f.distance == pytest.approx(result.kita_overall[i] - result.kita_band.lower)
        assert f.eligible == (f.distance >= -1e-9)
