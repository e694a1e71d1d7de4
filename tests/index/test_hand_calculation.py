"""A four-Kita example worked out by hand (numbers in the comments), checked against the engine."""
import numpy as np
import pytest

from srb_core import ParameterError, compute, explain_kita
from srb_core.konzeption import Params


def test_scores_subindices_overall_by_hand(small):
    konz, data = small
    result = compute(data, konz)
    # a = [0,10,5,10] → [0,100,50,100]; b = [1,5,3,1], less need when higher → [100,0,50,100]
    # c = [2,2,4,6] → [0,0,50,100]
    np.testing.assert_allclose(result.scores, [[0, 100, 0], [100, 0, 0], [50, 50, 50], [100, 100, 100]])
    np.testing.assert_allclose(result.kita_sub, [[50, 0], [50, 0], [50, 50], [100, 100]])
    np.testing.assert_allclose(result.kita_overall, [25, 25, 50, 100])
    # Sozialräume: Ost = (25+25)/2, West = (50+100)/2; shares 25/100 and 75/100
    np.testing.assert_allclose(result.sr_overall, [25, 75])
    np.testing.assert_allclose(result.shares, [0.25, 0.75])


def test_norm_band_sample_sd_by_hand(small):
    konz, data = small
    result = compute(data, konz)
    # mean 50, squared deviations 625+625+0+2500 = 3750, / (4-1) = 1250, sd = 35.3553…
    assert result.kita_band.mean == pytest.approx(50)
    assert result.kita_band.sd == pytest.approx(1250 ** 0.5)
    assert result.kita_band.lower == pytest.approx(50 - 1250 ** 0.5)
    assert list(result.kita_class) == [0, 0, 0, 1]  # within, within, within, above


def test_weights_and_euros_by_hand(small):
    konz, data = small
    params = Params(weights=(3.0, 1.0), budget_cents=100001)
    result = compute(data, konz, params)
    # overall = 0.75·A + 0.25·B
    np.testing.assert_allclose(result.kita_overall, [37.5, 37.5, 50, 100])
    np.testing.assert_allclose(result.effective_weights, [0.75, 0.25])
    # Ost 37.5, West 75 → shares 1/3, 2/3 of 1,000.01 € = 333.33667 / 666.67333 → floors 33333 / 66667 cents
    np.testing.assert_allclose(result.shares, [1 / 3, 2 / 3])
    assert list(result.euros_cents) == [33334, 66667]  # 1 leftover cent to the larger remainder .33667


def test_weight_zero_drops_sub_index(small):
    konz, data = small
    result = compute(data, konz, Params(weights=(0.0, 1.0)))
    np.testing.assert_allclose(result.kita_overall, result.kita_sub[:, 1])


def test_on_the_bound_counts_within(small):
    konz, data = small
    # k = 0: the band is the mean itself (50); Kita k3 has exactly 50 → within
    result = compute(data, konz, Params(weights=(1.0, 1.0), k=0.0))
    assert list(result.kita_class) == [-1, -1, 0, 1]


def test_explain_shows_every_step(small):
    konz, data = small
    path = explain_kita(compute(data, konz), "k4")
    assert [s.score for s in path.variables] == [100, 100, 100]
    assert "100 − (1,00 − 1,00) ÷ (5,00 − 1,00) × 100 = 100,0" in path.variables[1].formula
    assert path.sub_indices[0].formula == "(100,0 + 100,0) ÷ 2 = 100,0"
    assert path.overall == pytest.approx(100)
    assert path.band_class == "above"
    assert "oberhalb" in path.band_text


def test_all_zero_weights_refused(small):
    konz, data = small
    with pytest.raises(ParameterError, match="Alle Gewichte sind 0"):
        compute(data, konz, Params(weights=(0.0, 0.0)))


def test_children_weighted_aggregation(small):
    import pandas as pd

    from srb_core import build_kita_data

    konz, data = small
    frame = data.table.copy()
    frame["children"] = [10, 30, 50, 50]
    weighted = build_kita_data(frame, konz)
    result = compute(weighted, konz, Params(weights=(1.0, 1.0), aggregation="children_weighted"))
    # Ost = (25·10 + 25·30)/40 = 25; West = (50·50 + 100·50)/100 = 75
    np.testing.assert_allclose(result.sr_overall, [25, 75])
    assert isinstance(frame, pd.DataFrame)
