"""Each rule kind, including the bound cases (exactly on the lower bound qualifies)."""
from dataclasses import replace
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from srb_core import ParameterError, build_kita_data, compute, parse_konzeption
from srb_core.funding import Choices, load_funding, strand_eligibility, suggested_centres
from srb_core.funding.rules import ELIGIBLE, EXCEPTION, NOT

TOML = """
[konzeption]
name = "Regeln"
[[variables]]
column = "a"
index = "A"
[[variables]]
column = "b"
index = "B"
[[strands]]
key = "kiso"
rule = "index_at_least_lower"
share = 0.5
staff_type = "sa"
[[strands]]
key = "ikf"
rule = "index_above_mean"
index = "B"
exceptions_above_lower = true
share = 0.25
staff_type = "sa"
[[strands]]
key = "zentrum"
rule = "one_per_sozialraum"
share = 0.25
staff_type = "sa"
[[strands]]
key = "any"
rule = "any_of"
columns = ["x", "y"]
staff_type = "sa"
[[strands]]
key = "all"
rule = "all_of"
columns = ["x", "y"]
staff_type = "sa"
[[strands]]
key = "antrag"
rule = "on_request"
cap_fte = 1.0
staff_type = "sa"
[staff]
sa = { label = "Sozialarbeit", cost_per_fte_eur = 60000 }
"""


@pytest.fixture()
def setup():
    konz = parse_konzeption(TOML, "regeln.toml")
    # a: [0, 50, 100, 50, 0] → overall per Kita = (A + B)/2 with B below
    frame = pd.DataFrame({"kita_id": list("PQRST"), "name": list("PQRST"), "sozialraum": ["O", "O", "O", "W", "W"],
                          "a": [0, 50, 100, 50, 0], "b": [0, 40, 100, 50, 10], "x": [1, 0, 1, 0, 0],
                          "y": [1, 1, 0, 0, 0], "lat": [50.0, 50.01, 50.02, 50.1, 50.12],
                          "lon": [7.0, 7.0, 7.0, 7.1, 7.1]})
    data = build_kita_data(frame, konz)
    return konz, data, load_funding(konz)


def by_key(eligibilities):
    return {e.strand: e for e in eligibilities}


def test_index_at_least_lower_counts_the_bound_itself(setup):
    konz, data, funding = setup
    result = compute(data, konz)
    lower = result.kita_band.lower
    e = by_key(strand_eligibility(result, funding))["kiso"]
    for value, ok, reason in zip(result.kita_overall, e.eligible, e.reasons, strict=False):
        assert ok == (value >= lower - 1e-9)
        assert ("≥ unterer Normwert" in reason) == ok
    # k = 0 puts the lower bound exactly on the mean (50); Kita Q has (50 + 40)/2 = 45, Kita T 5
    on_mean = compute(data, konz, konz.default_params().with_(k=0.0))
    e0 = by_key(strand_eligibility(on_mean, funding))["kiso"]
    assert on_mean.kita_band.lower == pytest.approx(np.mean([0, 45, 100, 50, 5]))
    assert list(e0.eligible) == [False, True, True, True, False]  # 45, 100 and 50 reach 40; 0 and 5 do not


def test_exactly_on_the_lower_bound_qualifies(setup):
    konz, data, funding = setup
    # make one Kita sit exactly on the mean: overall = mean with k = 0
    frame = data.table.copy()
    frame["a"] = [0, 50, 100, 50, 50]
    frame["b"] = [0, 50, 100, 50, 50]
    data2 = build_kita_data(frame, konz)
    result = compute(data2, konz, konz.default_params().with_(k=0.0))
    assert result.kita_band.lower == pytest.approx(50.0)
    e = by_key(strand_eligibility(result, funding))["kiso"]
    assert [result.kita_overall[i] for i in (1, 3, 4)] == [50.0, 50.0, 50.0]
    assert [e.eligible[i] for i in (1, 3, 4)] == [True, True, True]
    assert e.eligible[0] is False


def test_index_above_mean_with_exception_tier(setup):
    konz, data, funding = setup
    result = compute(data, konz)
    b = result.kita_sub[:, 1]
    band = result.kita_sub_bands[1]
    e = by_key(strand_eligibility(result, funding))["ikf"]
    for value, status in zip(b, e.status, strict=False):
        expected = ELIGIBLE if value > band.mean else (EXCEPTION if value >= band.lower else NOT)
        assert status == expected
    exceptions = [data.kita_ids[i] for i, s in enumerate(e.status) if s == EXCEPTION]
    assert exceptions, "the example has a Kita between lower bound and mean"
    assert not any(e.eligible[data.row_of(k)] for k in exceptions)
    approved = by_key(strand_eligibility(result, funding, Choices(exceptions=(("ikf", exceptions[0]),))))["ikf"]
    assert approved.eligible[data.row_of(exceptions[0])] is True
    assert "begründete Ausnahme anerkannt" in approved.reasons[data.row_of(exceptions[0])]


def test_any_of_and_all_of(setup):
    konz, data, funding = setup
    e = by_key(strand_eligibility(compute(data, konz), funding))
    assert list(e["any"].eligible) == [True, True, True, False, False]
    assert list(e["all"].eligible) == [True, False, False, False, False]
    assert e["any"].reasons[3] == "kein Indikator trifft zu – nötig: mindestens einer von 2"


def test_indicator_must_be_yes_or_no(setup):
    konz, data, funding = setup
    frame = data.table.copy()
    frame["x"] = [1, 2, 0, 0, 0]
    with pytest.raises(ParameterError, match="1 \\(trifft zu\\) oder 0"):
        strand_eligibility(compute(build_kita_data(frame, konz), konz), funding)


def test_one_per_sozialraum_suggests_the_central_kita_and_takes_the_choice(setup):
    konz, data, funding = setup
    result = compute(data, konz)
    assert suggested_centres(result) == {"O": "Q", "W": "S"}  # Q sits between P and R
    e = by_key(strand_eligibility(result, funding))["zentrum"]
    assert [data.kita_ids[i] for i, ok in enumerate(e.eligible) if ok] == ["Q", "S"]
    chosen = by_key(strand_eligibility(result, funding, Choices(centres=(("zentrum", "R"),))))["zentrum"]
    assert [data.kita_ids[i] for i, ok in enumerate(chosen.eligible) if ok] == ["R", "S"]
    assert "Entscheidung des Jugendamts" in chosen.reasons[data.row_of("R")]


def test_on_request_and_cap(setup):
    konz, data, funding = setup
    result = compute(data, konz)
    e = by_key(strand_eligibility(result, funding, Choices(requests=(("antrag", "P", Fraction(1, 2)),))))["antrag"]
    assert e.eligible[0] and e.reasons[0] == "Antrag des Trägers: 0,50 VZÄ"
    assert e.reasons[1] == "kein Antrag"
    # exactly at the cap is allowed; above is refused with the numbers
    strand_eligibility(result, funding,
                       Choices(requests=(("antrag", "P", Fraction(1, 2)), ("antrag", "Q", Fraction(1, 2)))))
    with pytest.raises(ParameterError, match="1,05 VZÄ beantragt; die Obergrenze des Jugendamts ist 1,00 VZÄ"):
        strand_eligibility(
            result, funding, Choices(requests=(("antrag", "P", Fraction(1, 2)), ("antrag", "Q", Fraction(11, 20))))
        )
    assert replace(funding, strands=funding.strands)  # frozen data can be copied with changes


def test_every_rule_the_loader_accepts_has_exactly_one_decider():
    from srb_core.funding.model import RULES
    from srb_core.funding.rules import DECIDERS

    assert set(DECIDERS) == set(RULES)
