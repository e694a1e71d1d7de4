"""srb_core.money: euros as whole cents. Laws: to_cents(format_eur(c)) = c for every amount the engine allows;
German and English decimal marks read the same; anything not a non-negative amount with at most two
decimals is refused, never rounded."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from srb_core.limits import MAX_BUDGET_CENTS, MAX_BUDGET_EUR
from srb_core.money import format_eur, to_cents
from tests.strategies import cents


@pytest.mark.parametrize("text, expected", [
    ("1.002.240,00", 100_224_000), ("1002240.00", 100_224_000), ("1002240", 100_224_000), ("0,01", 1),
    ("12,5", 1250), ("  7 € ", 700), ("3 EUR", 300), (0, 0), (250000, 25_000_000), (0.1, 10),
])
def test_amounts_by_hand(text, expected):
    assert to_cents(text) == expected


@pytest.mark.parametrize("cents_, text", [(0, "0,00 €"), (1, "0,01 €"), (100_224_000, "1.002.240,00 €"),
                                          (-150, "-1,50 €"), (None, "–")])
def test_format_by_hand(cents_, text):
    assert format_eur(cents_) == text


@pytest.mark.parametrize("bad", ["-1", "1,234", "0.001", "abc", "", "nan", "inf", True, "1" * 41, "²",
                                 str(MAX_BUDGET_EUR + 1)])
def test_not_an_amount_is_refused_not_rounded(bad):
    with pytest.raises(ValueError):
        to_cents(bad)


def test_the_largest_budget_is_an_amount():
    assert to_cents(str(MAX_BUDGET_EUR)) == MAX_BUDGET_CENTS


@given(cents())
def test_format_then_parse_is_the_identity(c):
    assert to_cents(format_eur(c).removesuffix(" €")) == c


@given(cents())
def test_german_and_english_decimal_marks_read_the_same(c):
    euros, rest = divmod(c, 100)
    assert to_cents(f"{euros}.{rest:02d}") == to_cents(f"{euros},{rest:02d}") == c


@given(cents(), cents())
def test_format_keeps_the_order_of_amounts(a, b):
    assert (to_cents(format_eur(a).removesuffix(" €")) <= to_cents(format_eur(b).removesuffix(" €"))) == (a <= b)


@given(cents(max_cents=MAX_BUDGET_CENTS - 1), st.integers(1, 9))
def test_a_third_decimal_is_refused(c, digit):
    with pytest.raises(ValueError, match="zwei Nachkommastellen"):
        to_cents(f"{c // 100}.{c % 100:02d}{digit}")


@given(cents(max_cents=MAX_BUDGET_CENTS - 1).map(lambda c: -c - 1))
def test_negative_amounts_are_refused(c):
    with pytest.raises(ValueError, match="negativ"):
        to_cents(format_eur(c).removesuffix(" €"))
