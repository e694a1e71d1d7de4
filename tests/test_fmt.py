"""srb_core.fmt: one German text per unit, and the XLSX number format of the same unit."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from srb_core import fmt


@pytest.mark.parametrize(("helper", "value", "text"), [
    (fmt.points, 44.6123, "44,6"),
    (fmt.points, 1234.56, "1.234,6"),
    (fmt.points, None, "–"),
    (fmt.points_change, -13.7, "−13,7"),
    (fmt.points_change, 0.04, "±0,0"),
    (fmt.share, 0.1737, "17,37 %"),
    (fmt.pp, 0.68, "+0,68 pp"),
    (fmt.pp, -0.57, "−0,57 pp"),
    (fmt.pp, 0.004, "±0,00 pp"),
    (fmt.fte, 2.55, "2,55"),
    (fmt.fte_change, -0.05, "−0,05"),
    (fmt.eur, 100224000, "1.002.240,00 €"),
    (fmt.eur, -5, "-0,05 €"),
    (fmt.eur_change, -5, "−0,05 €"),
    (fmt.eur_change, 0, "±0,00 €"),
])
def test_each_unit_in_german(helper, value, text):
    assert helper(value) == text


@given(st.integers(min_value=-10**14, max_value=10**14))
def test_euro_text_reads_back_to_the_same_cents(cents):
    text = fmt.eur(cents)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d\d €", text)
    assert int(text.replace(".", "").replace(",", "").replace(" €", "")) == cents


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_a_change_never_shows_a_sign_for_zero_and_always_one_otherwise(value):
    text = fmt.pp(value)
    if text.startswith("±"):
        assert round(value, 2) == 0
    else:
        assert text[0] == ("+" if value > 0 else "−")


def test_every_text_unit_has_an_excel_format():
    assert set(fmt.EXCEL) == {"eur", "eur_change", "share", "pp", "points", "points_change", "fte", "fte_change"}
    assert all(getattr(fmt, unit)(0) for unit in fmt.EXCEL)
