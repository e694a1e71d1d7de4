"""One pipeline: for random scenarios on both demos, every number of the CLI's JSON (compute and plan) equals
the committee pack's XLSX (read back with openpyxl) and the engine's Outcome (srb_core.pipeline.evaluate)."""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srb_core import SrbInputError, load_kitas, load_konzeption
from srb_core.cli import main
from srb_core.index.normband import CLASS_LABELS, CLASS_NAMES
from srb_core.pipeline import evaluate
from srb_core.scenarios import Scenario, dumps
from tests.strategies import cli_params

ROOT = Path(__file__).resolve().parents[2]
DEMOS = ("bad_kreuznach", "mayen_koblenz")


def _demo(key: str):
    folder = ROOT / "data/demo" / key
    konz = load_konzeption(folder / "konzeption.toml")
    return folder, konz, load_kitas(folder / "kitas.csv", konz)


LOADED = {key: _demo(key) for key in DEMOS}


def _cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def _options(folder: Path, konz, params) -> list[str]:
    weights = ",".join(f"{name}={w:g}" for name, w in zip(konz.sub_indices, params.weights, strict=True))
    return ["--kitas", str(folder / "kitas.csv"), "--konzeption", str(folder / "konzeption.toml"),
            "--weights", weights, "--k", f"{params.k:g}", "--budget", f"{params.budget_cents / 100:.2f}"]


def xl(x: float) -> float:
    """What an XLSX cell holds for a float: srb_core.xlsxwrite writes Python's shortest round-trip form, so
    the very same float (Excel itself shows 15 significant digits)."""
    return float(x)


def _sheet(wb, name: str) -> list[dict]:
    rows = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _exported(folder: Path, scenario: Scenario) -> openpyxl.Workbook:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "szenario.json"
        path.write_text(dumps(scenario), encoding="utf-8")
        out = Path(tmp) / "paket.xlsx"
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["export", "--kitas", str(folder / "kitas.csv"), "--konzeption",
                         str(folder / "konzeption.toml"), "--scenario", str(path), "--out", str(out)]) == 0
        return openpyxl.load_workbook(out)


@pytest.mark.parametrize("key", DEMOS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_cli_json_xlsx_and_outcome_show_the_same_numbers(key, data):
    folder, konz, kitas = LOADED[key]
    params = data.draw(cli_params(konz))
    scenario = Scenario(name="Probe", params=params, dataset=key, konzeption=konz.name,
                        data_fingerprint=kitas.fingerprint)
    try:
        o = evaluate(kitas, konz, scenario)
    except SrbInputError as exc:  # e.g. a budget below the top-ups: every path refuses with the same reasons
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(["plan", *_options(folder, konz, params)]) == 2
        assert exc.text() in err.getvalue()
        o = evaluate(kitas, konz, scenario, with_step2=False)
        assert json.loads(_cli("compute", *_options(folder, konz, params)))["sozialraeume"] == [
            {"sozialraum": name, "share": float(o.result.shares[j]), "euros": int(o.result.euros_cents[j]) / 100,
             "overall": float(o.result.sr_overall[j]), "band": CLASS_NAMES[int(o.result.sr_class[j])],
             "sub_indices": {sub: float(o.result.sr_sub[j, s]) for s, sub in enumerate(konz.sub_indices)}}
            for j, name in enumerate(kitas.sozialraum_names)]
        return
    r = o.result
    assert o.plan is not None and o.funding is not None and o.kita_fte is not None  # both demos have strands
    step1 = json.loads(_cli("compute", *_options(folder, konz, params)))
    step2 = json.loads(_cli("plan", *_options(folder, konz, params)))
    wb = _exported(folder, scenario)
    sr_sheet, kita_sheet = _sheet(wb, "Sozialräume"), _sheet(wb, "Kitas")
    compare_sheet = _sheet(wb, "Vergleich")

    # the parameters arrived unchanged on all three paths
    assert step1["parameters"]["weights"] == dict(zip(konz.sub_indices, params.weights, strict=True))
    assert step1["parameters"]["k"] == params.k
    assert step1["parameters"]["budget_eur"] == params.budget_cents / 100

    # step 1 per Sozialraum: index, band, share, euros; step 2: allocated euros and posts
    posts_sr = [Fraction(0)] * len(kitas.sozialraum_names)
    for i, fte in enumerate(o.kita_fte):
        posts_sr[int(kitas.sozialraum[i])] += fte
    allocated_sr = [0] * len(kitas.sozialraum_names)
    for i, row in enumerate(o.plan.cents):
        allocated_sr[int(kitas.sozialraum[i])] += sum(row)
    for j, name in enumerate(kitas.sozialraum_names):
        js, xs, ps, cs = step1["sozialraeume"][j], sr_sheet[j], step2["sozialraeume"][j], compare_sheet[j]
        assert js["sozialraum"] == xs["Sozialraum"] == ps["sozialraum"] == cs["Sozialraum"] == name
        assert js["share"] == float(r.shares[j]) and xs["Anteil"] == cs["Anteil · Probe"] == xl(r.shares[j])
        assert js["euros"] == xs["Euro"] == int(r.euros_cents[j]) / 100
        assert js["overall"] == float(r.sr_overall[j]) and xs["Gesamtindex"] == xl(r.sr_overall[j])
        assert js["band"] == CLASS_NAMES[int(r.sr_class[j])]
        assert xs["Normbereich"] == CLASS_LABELS[int(r.sr_class[j])]
        for s, sub in enumerate(konz.sub_indices):
            assert js["sub_indices"][sub] == float(r.sr_sub[j, s]) and xs[sub] == xl(r.sr_sub[j, s])
        assert ps["allocated_eur"] == xs["Zugewiesen Euro"] == allocated_sr[j] / 100
        assert ps["budget_eur"] == o.plan.sozialraum_budget[j] / 100
        assert ps["fte"] == float(posts_sr[j]) and xs["Stellen (VZÄ)"] == cs["VZÄ · Probe"] == xl(float(posts_sr[j]))

    # per Kita: index, band, euros per strand, posts
    for i, kita_id in enumerate(kitas.kita_ids):
        jk, xk, pk = step1["kitas"][i], kita_sheet[i], step2["kitas"][i]
        assert jk["kita_id"] == pk["kita_id"] == kita_id and xk["Kita"] == kitas.names[i]
        assert jk["overall"] == float(r.kita_overall[i]) and xk["Gesamtindex"] == xl(r.kita_overall[i])
        assert jk["band"] == CLASS_NAMES[int(r.kita_class[i])]
        assert xk["Normbereich"] == CLASS_LABELS[int(r.kita_class[i])]
        assert pk["euros"] == {key_: o.plan.cents[i][s] / 100 for s, key_ in enumerate(o.plan.strands)}
        assert xk["Euro Schritt 2"] == sum(o.plan.cents[i]) / 100
        assert pk["fte"] == float(o.kita_fte[i]) and xk["Stellen (VZÄ)"] == xl(float(o.kita_fte[i]))
        assert pk["eligible"] == {s.key: bool(o.proposal.eligibility[n].eligible[i])
                                  for n, s in enumerate(o.funding.strands)}
    assert sum(map(sum, o.plan.cents)) + sum(o.plan.unallocated) + o.proposal.reserve_cents == params.budget_cents
