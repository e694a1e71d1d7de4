"""Evaluating a scenario: strand shares are checked and really used; the budget is kept to the cent."""
from fractions import Fraction

import pytest

from srb_core import ParameterError
from srb_core.funding import load_funding
from srb_core.pipeline import evaluate, with_shares


def test_strand_shares_must_add_up_to_one(bk_konzeption):
    funding = load_funding(bk_konzeption)
    with pytest.raises(ParameterError, match="zusammen 1"):
        with_shares(funding, (("kita_sozialarbeit", Fraction(3, 5)),))  # 0.60 + 0.25 + 0.20
    with pytest.raises(ParameterError, match="nicht kennt"):
        with_shares(funding, (("gibt_es_nicht", Fraction(1)),))
    with pytest.raises(ParameterError):
        with_shares(funding, (("betriebserlaubnis", Fraction(0)),))  # a strand on request has no share


def test_scenario_shares_move_money_between_strands(bk_baseline, bk_data, bk_konzeption):
    shares = (("kita_sozialarbeit", Fraction(3, 5)), ("nachbarschaftszentrum", Fraction(1, 5)),
              ("interkulturell", Fraction(1, 5)))
    before = evaluate(bk_data, bk_konzeption, bk_baseline)
    after = evaluate(bk_data, bk_konzeption, bk_baseline.with_(strand_shares=shares))

    def per_strand(o):
        return [sum(o.plan.cents[i][s] for i in range(bk_data.n)) for s in range(len(o.plan.strands))]

    s_ksa = before.plan.strands.index("kita_sozialarbeit")
    s_nbz = before.plan.strands.index("nachbarschaftszentrum")
    assert per_strand(after)[s_ksa] > per_strand(before)[s_ksa]
    assert per_strand(after)[s_nbz] < per_strand(before)[s_nbz]
    assert sum(per_strand(after)) == sum(per_strand(before))  # the same budget, only split otherwise
    # within each Sozialraum (outside the on-request strand) the split follows 60 : 20 : 20 up to a cent
    r = 0
    members = [i for i in range(bk_data.n) if bk_data.sozialraum[i] == r]
    parts = [sum(after.plan.cents[i][s] for i in members) for s in (s_ksa, s_nbz)]
    assert abs(parts[0] - 3 * parts[1]) <= 3
