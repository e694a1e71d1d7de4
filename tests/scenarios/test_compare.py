"""Comparison: differences equal the two calculations' own numbers; only real changes are listed."""
import numpy as np
import pytest

from srb_core import compute
from srb_core.index.normband import CLASS_NAMES
from srb_core.pipeline import evaluate
from srb_core.scenarios import compare


def test_differences_are_those_of_two_independent_calculations(bk_baseline, doubled, bk_data, bk_konzeption):
    c = compare([evaluate(bk_data, bk_konzeption, bk_baseline), evaluate(bk_data, bk_konzeption, doubled)])
    base = compute(bk_data, bk_konzeption, bk_konzeption.default_params())
    other = compute(bk_data, bk_konzeption, doubled.params)
    sr = c.sozialraeume
    np.testing.assert_allclose(sr["delta_pp_1"], (other.shares - base.shares) * 100, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(np.round(sr["delta_eur_1"] * 100).astype(int), other.euros_cents - base.euros_cents)
    assert sr["delta_eur_1"].sum() == pytest.approx(0, abs=1e-9)  # the budget is the same, only its split moves
    changed = {k for k, a in zip(c.kitas["kita_id"], c.kitas["aspect"], strict=False) if a == "band"}
    expected = {k for k, a, b in zip(bk_data.kita_ids, base.kita_class, other.kita_class, strict=False) if a != b}
    assert changed == expected and expected  # k = 0.5 narrows the band, so some Kitas must move
    row = c.kitas[c.kitas["aspect"] == "band"].iloc[0]
    i = bk_data.kita_ids.index(row["kita_id"])
    assert (row["value_0"], row["value_1"]) == (
        CLASS_NAMES[int(base.kita_class[i])],
        CLASS_NAMES[int(other.kita_class[i])],
    )


def test_identical_scenario_changes_nothing(bk_baseline, bk_data, bk_konzeption):
    o = evaluate(bk_data, bk_konzeption, bk_baseline)
    c = compare([o, evaluate(bk_data, bk_konzeption, bk_baseline.with_(name="gleich", id=""))])
    assert c.kitas.empty
    assert (c.sozialraeume[["delta_pp_1", "delta_eur_1", "delta_fte_1"]] == 0).all().all()


def test_at_most_three_scenarios(bk_baseline, bk_data, bk_konzeption):
    o = evaluate(bk_data, bk_konzeption, bk_baseline)
    assert compare([o] * 4).n == 4
    with pytest.raises(Exception, match="bis zu drei"):
        compare([o] * 5)


def test_foreign_fingerprint_is_reported(doubled, bk_data, bk_konzeption):
    assert evaluate(bk_data, bk_konzeption, doubled).fingerprint_matches
    assert not evaluate(bk_data, bk_konzeption, doubled.with_(data_fingerprint="anders")).fingerprint_matches
