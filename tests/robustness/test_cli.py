"""`python -m srb_core robustness`: the JSON schema of the issue, CSV tables, German refusals."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from tests.demos import BK, MYK, PUBLISHED, ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "srb_core", "robustness", *args], capture_output=True, text=True,
                          cwd=ROOT)


def bk_args(*extra):
    return ("--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"), *extra)


def test_json_has_the_schema_of_the_issue_with_shares_as_fractions():
    out = run(*bk_args("--draws", "300", "--seed", "5", "--sobol", "128", "--vary", "k,rescaling"))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert {"sozialraeume", "kitas", "sensitivity", "leave_one_out"} <= set(doc)
    areas = {s["sozialraum"]: s for s in doc["sozialraeume"]}
    assert set(areas) == set(PUBLISHED)
    for name, (_, published_pct) in PUBLISHED.items():
        share = areas[name]["share"]
        assert set(share) == {"nominal", "median", "p05", "p95"}
        assert round(share["nominal"] * 100, 2) == published_pct  # a fraction, unrounded
        assert share["p05"] <= share["median"] <= share["p95"]
        assert set(areas[name]["euros"]) == set(areas[name]["rank"]) == {"nominal", "median", "p05", "p95"}
    assert round(sum(s["euros"]["nominal"] for s in doc["sozialraeume"]), 2) == 1_002_240.00
    kita = doc["kitas"][0]
    assert set(kita["band_probability"]) == {"above", "within", "below"}
    assert set(kita["eligible_probability"]) == {"kita_sozialarbeit", "interkulturell"}
    assert [s["key"] for s in doc["sensitivity"]] == ["w:Allgemeiner Bedarf", "w:Soziale Lage",
                                                     "w:Flucht und Migration", "w:Infrastruktur und Netzwerke",
                                                     "k", "rescaling"]
    assert {"input", "first_order", "total"} <= set(doc["sensitivity"][0])
    k_row = next(s for s in doc["sensitivity"] if s["key"] == "k")
    assert k_row["total"] == 0.0  # k moves the band, never the euros of step 1
    loo = doc["leave_one_out"]
    assert len(loo) == 31 and {"kita_id", "max_abs_share_change_pp", "shares"} <= set(loo[0])
    assert loo[0]["max_abs_share_change_pp"] >= loo[-1]["max_abs_share_change_pp"] == 0.0
    assert abs(sum(loo[0]["shares"].values()) - 1) < 1e-12


def test_spread_zero_means_no_perturbation():
    doc = json.loads(run(*bk_args("--draws", "50", "--spread", "0")).stdout)
    for area in doc["sozialraeume"]:
        for what in ("share", "euros", "rank"):
            assert len(set(area[what].values())) == 1
    assert doc["sensitivity"] == []
    assert all(max(k["band_probability"].values()) == 1.0 for k in doc["kitas"])


def test_nominal_values_are_those_of_the_compute_command():
    compute = json.loads(subprocess.run([sys.executable, "-m", "srb_core", "compute", *bk_args()], capture_output=True,
                                        text=True, cwd=ROOT).stdout)
    robust = json.loads(run(*bk_args("--draws", "20", "--sobol", "0")).stdout)
    assert [s["share"] for s in compute["sozialraeume"]] == [s["share"]["nominal"] for s in robust["sozialraeume"]]
    assert [s["euros"] for s in compute["sozialraeume"]] == [s["euros"]["nominal"] for s in robust["sozialraeume"]]


@pytest.mark.parametrize("level, column", [("sozialraum", "share_p95"), ("kita", "p_within"),
                                           ("sensitivity", "total"), ("leave_one_out", "max_abs_share_change_pp")])
def test_csv_levels(level, column):
    out = run("--kitas", str(MYK / "kitas.csv"), "--konzeption", str(MYK / "konzeption.toml"), "--draws", "100",
              "--sobol", "64", "--format", "csv", "--level", level)
    assert out.returncode == 0, out.stderr
    assert column in pd.read_csv(io.StringIO(out.stdout)).columns


@pytest.mark.parametrize("args, needle", [
    (("--draws", "0"), "Zahl der Varianten"),
    (("--spread", "1.5"), "Streuung"),
    (("--vary", "k,gewicht"), "Unbekannte Methodenwahl"),
    (("--weights", "Unbekannt=2"), "Unbekannter Teilindex"),
])
def test_bad_options_are_refused_in_german_with_exit_code_2(args, needle):
    out = run(*bk_args(*args))
    assert out.returncode == 2
    assert needle in out.stderr and "Traceback" not in out.stderr


def test_content_key_follows_content_not_names(bk):
    """The app's cache key: same data, Konzeption, parameters and settings → same key; any change → new key."""
    from dataclasses import replace

    import numpy as np

    from srb_core import compute
    from srb_core.robustness import Settings, content_key

    result, funding = bk
    key = content_key(result, funding, Settings())
    assert content_key(result, funding, Settings()) == key
    assert content_key(result, funding, Settings(seed=2)) != key
    assert content_key(result, funding, Settings(draws=999)) != key
    assert content_key(result, None, Settings()) != key
    moved = compute(result.data, result.konzeption, result.params.with_(k=0.5))
    assert content_key(moved, funding, Settings()) != key
    values = result.data.values.copy()
    values[0, 0] += 1
    other = replace(result.data, values=values, fingerprint="anders")
    assert content_key(compute(other, result.konzeption, result.params), funding, Settings()) != key
    assert np.isfinite(result.shares).all()
