"""The exact helpers the grader decides with, which the page's grader follows:
pinned against values worked out by hand."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gradbook.practice.exact import (decimal_exponent, digits, log10_big, percent_text, rounded, show, significand,
                                     snapped)
from gradbook.practice.rules import Relative


@pytest.mark.parametrize("q, exponent", [
    (Fraction(1), 0), (Fraction(999, 100), 0), (Fraction(10), 1), (Fraction(1, 3), -1), (Fraction(1, 10), -1),
    (Fraction(99, 1000), -2), (Fraction(-5, 2), 0), (Fraction(10**9000), 9000), (Fraction(1, 10**9000), -9000),
], ids=["one", "below-ten", "ten", "third", "tenth", "below-tenth", "negative", "huge", "tiny"])
def test_decimal_exponent_is_floor_log10(q, exponent):
    assert decimal_exponent(q) == exponent


@given(st.one_of(st.integers(1, 10**4000), st.integers(1, 4000).map(lambda k: 10**k),
                 st.integers(1, 4000).map(lambda k: 10**k - 1)))
def test_digits_counts_what_str_writes(n):
    """(Python writes at most 4,300 digits; digits() counts beyond, without writing.)"""
    assert digits(n) == len(str(n))


@pytest.mark.parametrize("q, figures, expected", [
    (Fraction(4515, 10**5), 3, Fraction(452, 10**4)), (Fraction(-4515, 10**5), 3, Fraction(-452, 10**4)),
    (Fraction(99996, 10**5), 3, Fraction(1)), (Fraction(1, 3), 2, Fraction(33, 100)), (Fraction(0), 3, Fraction(0)),
], ids=["half-up", "half-away-from-zero", "carries-to-a-power-of-ten", "third", "zero"])
def test_rounded_is_half_away_from_zero(q, figures, expected):
    assert rounded(q, figures) == expected


def test_snapping_reads_forty_figures_ties_to_even():
    assert significand(Fraction(1, 3)) == (int("3" * 40), -40)
    tie = Fraction(int("1" * 39 + "25"), 10**41)  # 41 figures ending in 5: half way
    assert snapped(tie) == Fraction(int("1" * 39 + "2"), 10**40)


@pytest.mark.parametrize("q, text", [
    (Fraction(387420489), "387420489"), (Fraction(10**20), "1e+20"), (Fraction(20001, 2), "10000.5"),
    (Fraction(-25, 10**8), "-2.5e-7"), (Fraction(1, 3), "0.333333"), (Fraction(1234567, 10), "123457"),
    (Fraction(10**15 + 1), "1e+15"), (Fraction(1, 10**4), "0.0001"),
], ids=["whole", "big", "half", "small", "third", "six-figures", "past-plain-whole", "smallest-plain"])
def test_message_numbers(q, text):
    assert show(q) == text


@pytest.mark.parametrize("q, text", [
    (Fraction(204, 100), "2.0"), (Fraction(15), "15"), (Fraction(52, 100), "0.52"), (Fraction(120), "120"),
    (Fraction(1234, 10**6), "0.0012"), (Fraction(1234567), "1.2 × 10^6"), (Fraction(123, 10**6), "1.2 × 10^-4"),
    (Fraction(9996, 100), "100"), (Fraction(9996, 10**4), "1.0"),
], ids=["two", "fifteen", "half", "hundred-twenty", "thousandth", "million", "small", "carry", "carry-to-one"])
def test_percentages_in_feedback_keep_two_figures(q, text):
    assert percent_text(q) == text


def test_log10_of_a_power_of_ten_is_exact():
    assert [log10_big(10**k) for k in (0, 16, 17, 400)] == [0, 16, 17, 400]


def test_a_tolerance_is_the_decimal_written():
    """0.01 is 1/100, not the binary double nearest it, so an answer at exactly 1 % is inside."""
    low, high = Relative(0.01).interval(Fraction(1))
    assert (low, high) == (Fraction(99, 100), Fraction(101, 100))
