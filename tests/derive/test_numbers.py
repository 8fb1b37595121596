from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from derive.numbers import format_decimal, round_sig, scientific


@pytest.mark.parametrize("value, sig, expected", [
    ("0.2494", 3, "0.249"),
    ("0.24995", 3, "0.250"),
    ("0.125", 2, "0.13"),           # half rounds away from zero
    ("-0.125", 2, "-0.13"),
    ("9.996e-4", 3, "0.00100"),     # the carry adds a digit; it is taken back off
    ("9999.6", 3, "1.00E+4"),
    ("1.5625e-5", 3, "0.0000156"),
    ("0", 3, "0"),
], ids=["down", "up-to-round", "half-up", "half-up-negative", "carry-small", "carry-large", "small", "zero"])
def test_round_sig(value, sig, expected):
    assert round_sig(Decimal(value), sig) == Decimal(expected)
    assert str(round_sig(Decimal(value), sig)) == expected


@pytest.mark.parametrize("value, latex, text", [
    ("0.250", "0.250", "0.250"),
    ("0.0000156", r"1.56 \times 10^{-5}", "1.56 × 10⁻⁵"),
    ("-1.56e-7", r"-1.56 \times 10^{-7}", "-1.56 × 10⁻⁷"),
    ("0.00100", "0.00100", "0.00100"),
    ("0.000999", r"9.99 \times 10^{-4}", "9.99 × 10⁻⁴"),
    ("9990", "9990", "9990"),
    ("1.00E+4", r"1.00 \times 10^{4}", "1.00 × 10⁴"),
    ("6.41E+4", r"6.41 \times 10^{4}", "6.41 × 10⁴"),
    ("9.54E-27", r"9.54 \times 10^{-27}", "9.54 × 10⁻²⁷"),
    ("2.41E-481", r"2.41 \times 10^{-481}", "2.41 × 10⁻⁴⁸¹"),
    ("0", "0", "0"),
], ids=["fixed", "small", "negative-small", "at-1e-3", "below-1e-3", "below-1e4", "at-1e4",
        "large", "tiny", "beyond-float64", "zero"])
def test_format_decimal(value, latex, text):
    assert format_decimal(Decimal(value), "latex") == latex
    assert format_decimal(Decimal(value), "text") == text


def test_trim_drops_only_trailing_zeros():
    assert format_decimal(Decimal("0.250"), trim=True) == "0.25"
    assert format_decimal(Decimal("1.00E+4"), trim=True) == r"1 \times 10^{4}"
    assert format_decimal(Decimal("1230"), trim=True) == "1230"


def test_unknown_style_is_refused():
    with pytest.raises(ValueError):
        format_decimal(Decimal(1), "html")


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e300"),
                   max_value=Decimal("1e300")).filter(lambda d: not d.is_zero()),
       st.integers(min_value=1, max_value=12))
def test_round_sig_keeps_sig_digits_and_stays_close(value, sig):
    rounded = round_sig(value, sig)
    assert len(rounded.as_tuple().digits) == sig
    assert abs(rounded - value) <= Decimal(5).scaleb(rounded.adjusted() - sig)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("1e-300"),
                   max_value=Decimal("1e300")))
def test_never_e_notation_in_prose(value):
    out = format_decimal(round_sig(value, 3), "latex")
    assert "e" not in out.replace(r"\times", "")


def test_scientific_has_the_digits_asked_for():
    assert scientific(Decimal("0.00032"), 26) == "3.2000000000000000000000000e-4"
