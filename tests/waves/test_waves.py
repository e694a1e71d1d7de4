"""Laws of the wave comparison: exact decomposition, identical waves, reported Kitas, band transitions."""
from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from math import sqrt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from srb_core import build_kita_data, parse_konzeption
from srb_core.errors import ParameterError
from srb_core.waves import Wave, check_compatible, compare_waves
from tests.demos import BK, ROOT
from tests.strategies import series

# Random waves may leave a variable unanswered in a whole wave; the engine scores it 0 (constant) and
# numpy warns about the empty slice on the way.
pytestmark = pytest.mark.filterwarnings("ignore:All-NaN slice:RuntimeWarning")


def reference_overall(konz, waves, params, w: int, kita_id: str) -> Fraction:
    """Independent Fraction path: pooled min–max scores → sub-index means → weighted mean."""
    values = np.vstack([x.data.values for x in waves])
    data = waves[w].data
    row = data.values[data.row_of(kita_id)]
    weights = [Fraction(x) for x in params.weights]
    total = Fraction(0)
    for g, name in enumerate(konz.sub_indices):
        scores = []
        for j, var in enumerate(konz.variables):
            if var.index != name or np.isnan(row[j]):
                continue
            column = values[:, j][~np.isnan(values[:, j])]
            lo, hi = Fraction(column.min()), Fraction(column.max())
            if lo == hi:
                scores.append(Fraction(0))
                continue
            s = (Fraction(row[j]) - lo) / (hi - lo) * 100
            scores.append(s if var.more_is_need else 100 - s)
        total += weights[g] * sum(scores, Fraction(0)) / len(scores)
    return total / sum(weights)


@settings(max_examples=60, deadline=None)
@given(series())
def test_contributions_add_up_to_the_change_exactly(case):
    konz, waves, params = case
    exact = compare_waves(waves, konz, params, exact=True)
    for w, wave in enumerate(waves):
        for kita_id in wave.data.kita_ids:
            i = exact.kita_ids.index(kita_id)
            assert exact.kita_overall[i, w] == reference_overall(konz, waves, params, w, kita_id)
    for a in range(len(waves)):
        for b in range(len(waves)):
            change, contrib = exact.kita_change(a, b)
            for i in range(len(exact.kita_ids)):
                if exact.present[i, a] and exact.present[i, b]:
                    assert sum(contrib[i], Fraction(0)) == change[i]  # Fractions: equality, not closeness
                else:
                    assert change[i] is None
            change, contrib = exact.sr_change(a, b)
            for r in range(len(exact.sozialraum_names)):
                if exact.sr_present[r, a] and exact.sr_present[r, b]:
                    assert sum(contrib[r], Fraction(0)) == change[r]

    # Floats: G = Σ_v t_v with t_v ∈ [0, 100]; each sum of ≤ V terms rounds by at most V·u·100 with
    # u = 2^-53, so |Σ c − ΔG| ≤ 3·V·u·100 < 1e-11 for V ≤ 40 (and the Sozialraum means add one
    # rounding per Kita term of the same size). 1e-9 leaves room and still catches any real leak.
    floats = compare_waves(waves, konz, params)
    change, contrib = floats.kita_change()
    both = floats.present[:, 0] & floats.present[:, -1]
    assert np.all(np.abs(np.nansum(contrib, axis=1) - change)[both] <= 1e-9)
    assert np.allclose(floats.kita_overall[exact.present], exact.kita_overall[exact.present].astype(float),
                       rtol=0, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(series())
def test_identical_waves_change_nothing(case):
    konz, waves, params = case
    same = [Wave("A", waves[0].data), Wave("B", waves[0].data), Wave("C", waves[0].data)]
    cmp = compare_waves(same, konz, params)
    for a, b in ((0, 1), (0, 2), (1, 2)):
        change, contrib = cmp.kita_change(a, b)
        assert np.all(change == 0) and np.all(contrib == 0)
        change, contrib = cmp.sr_change(a, b)
        assert np.all(change == 0) and np.all(contrib == 0)
        assert cmp.transitions(a, b) == [] and cmp.new_kitas(a, b) == [] and cmp.closed_kitas(a, b) == []


@settings(max_examples=30, deadline=None)
@given(series())
def test_one_wave_alone_reproduces_the_konzeption(case):
    """With identical waves the pooled bounds are the wave's own: the pooled Gesamtindex is compute()'s."""
    konz, waves, params = case
    cmp = compare_waves([Wave("A", waves[0].data), Wave("B", waves[0].data)], konz, params)
    if cmp.results[0] is not None:
        assert np.allclose(cmp.kita_overall[:, 0], cmp.results[0].kita_overall, rtol=0, atol=1e-9)


TOML = """
[konzeption]
name = "Hand"
[[variables]]
column = "a"
index = "A"
[[variables]]
column = "b"
index = "B"
"""


def _wave(label: str, rows: list[tuple]) -> Wave:
    konz = parse_konzeption(TOML)
    frame = pd.DataFrame(rows, columns=["kita_id", "name", "sozialraum", "a", "b"])
    return Wave(label, build_kita_data(frame, konz, label))


def test_kita_in_one_wave_only_is_reported_never_dropped():
    konz = parse_konzeption(TOML)
    a = _wave("T0", [("x", "X", "R1", 0, 0), ("y", "Y", "R1", 10, 10), ("gone", "G", "R2", 5, 5)])
    b = _wave("T1", [("x", "X", "R1", 0, 0), ("y", "Y", "R1", 10, 10), ("new", "N", "R2", 5, 5)])
    cmp = compare_waves([a, b], konz)
    assert cmp.kita_ids == ("x", "y", "gone", "new")
    assert cmp.new_kitas() == ["new"] and cmp.closed_kitas() == ["gone"]
    from srb_core.waves.report import waves_json

    doc = waves_json(cmp)
    by_id = {k["kita_id"]: k for k in doc["kitas"]}
    assert by_id["gone"]["overall"][1] is None and by_id["gone"]["change"] is None
    assert by_id["new"]["overall"][0] is None and by_id["new"]["present"] == [False, True]
    assert doc["new_kitas"] == ["new"] and doc["closed_kitas"] == ["gone"]


def test_band_transitions_against_a_hand_worked_example():
    """One variable counts (b is the same for all: 0 points). Scores = a on 0–100.

    T0: a = 0, 40, 60, 100 → mean 50, SD √(5200/3) = 41.63 → band [8.37, 91.63]:
        p below, q within, r within, s above.
    T1: a = 0, 100, 45, 55 → mean 50, SD √(5050/3) = 41.03 → band [8.97, 91.03]:
        p below, q above, r within, s within.
    Transitions: q within → above, s above → within; p and r stay.
    """
    assert abs(sqrt(5200 / 3) - 41.63) < 0.01 and abs(sqrt(5050 / 3) - 41.03) < 0.01
    konz = parse_konzeption(TOML.replace('index = "B"', 'index = "A"'))
    t0 = [("p", "P", "R", 0, 1), ("q", "Q", "R", 40, 1), ("r", "R", "R", 60, 1), ("s", "S", "R", 100, 1)]
    t1 = [("p", "P", "R", 0, 1), ("q", "Q", "R", 100, 1), ("r", "R", "R", 45, 1), ("s", "S", "R", 55, 1)]
    frames = [pd.DataFrame(rows, columns=["kita_id", "name", "sozialraum", "a", "b"]) for rows in (t0, t1)]
    waves = [Wave(f"T{i}", build_kita_data(f, konz, f"T{i}")) for i, f in enumerate(frames)]
    cmp = compare_waves(waves, konz)
    assert cmp.transitions() == [("q", "within", "above"), ("s", "above", "within")]
    assert cmp.transition_matrix().tolist() == [[0, 1, 0], [1, 1, 0], [0, 0, 1]]


def test_hand_worked_decomposition():
    """Two sub-indices, weight 1 each. Pooled bounds a: 0…10, b: 0…20.
    x: T0 a=5, b=20 → G = (50 + 100)/2 = 75; T1 a=10, b=10 → G = (100 + 50)/2 = 75; change 0 = +25 − 25.
    y: T0 a=0, b=0 → 0; T1 a=10, b=0 → 50: contribution a = +50, b = 0."""
    konz = parse_konzeption(TOML)
    a = _wave("T0", [("x", "X", "R", 5, 20), ("y", "Y", "R", 0, 0)])
    b = _wave("T1", [("x", "X", "R", 10, 10), ("y", "Y", "R", 10, 0)])
    cmp = compare_waves([a, b], konz)
    change, contrib = cmp.kita_change()
    assert cmp.kita_overall.tolist() == [[75.0, 75.0], [0.0, 50.0]]
    assert change.tolist() == [0.0, 50.0] and contrib.tolist() == [[25.0, -25.0], [50.0, 0.0]]
    sr_change, sr_contrib = cmp.sr_change()
    assert sr_change.tolist() == [25.0] and sr_contrib.tolist() == [[37.5, -12.5]]


def test_incompatible_konzeptionen_are_named():
    one = parse_konzeption(TOML)
    other = parse_konzeption(TOML.replace('column = "b"', 'column = "c"'))
    with pytest.raises(ParameterError) as info:
        check_compatible([one, other], ["2021", "2022"])
    assert "fehlt: b" in info.value.text() and "zusätzlich: c" in info.value.text() and "2022" in info.value.text()


def test_cli_waves_json_follows_the_schema():
    files = [BK / "kitas.csv", BK / "waves" / "T1.csv", BK / "waves" / "T2.csv"]
    out = subprocess.run([sys.executable, "-m", "srb_core", "waves", "--kitas", *map(str, files),
                          "--konzeption", str(BK / "konzeption.toml"), "--labels", "T0,T1,T2"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    assert doc["waves"] == ["T0", "T1", "T2"]
    kita = next(k for k in doc["kitas"] if k["kita_id"] == "BK01")
    assert len(kita["overall"]) == 3 and abs(sum(kita["contributions"].values()) - kita["change"]) < 1e-9
    assert abs(kita["change"] - (kita["overall"][2] - kita["overall"][0])) < 1e-9
    assert {k["kita_id"] for k in doc["kitas"] if k["change"] is None} == {"BK17", "BK32"}
    assert doc["new_kitas"] == ["BK32"] and doc["closed_kitas"] == ["BK17"]
    area = doc["sozialraeume"][0]
    assert set(area) >= {"sozialraum", "overall", "change", "contributions"}
    assert all(set(t) == {"kita_id", "from", "to"} for t in doc["transitions"])


def test_cli_waves_refuses_a_single_wave_in_german():
    out = subprocess.run([sys.executable, "-m", "srb_core", "waves", "--kitas", str(BK / "kitas.csv"),
                          "--konzeption", str(BK / "konzeption.toml")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "mindestens zwei Wellen" in out.stderr and "Traceback" not in out.stderr
