"""intervals.py: the interval each rule accepts, exactly, at both of its ends."""

from fractions import Fraction

import pytest

from gradbook.practice.exports.intervals import accepted, plain
from gradbook.practice.model import Answer
from gradbook.practice.rules import Rule

from tests.gradbook.practice.exports.conftest import HAND

TINY = Fraction(1, 10**40)


@pytest.mark.parametrize("name", HAND)
def test_each_end_is_in_or_out_exactly_as_the_rule_says(name):
    value, rule = HAND[name]
    answer = Answer("x", None, value, Rule.from_json(rule))
    right, truth = accepted(answer), Fraction(value)
    accepts = answer.grading.accepts
    assert accepts(right.low, truth) == (right.open_end != "low")
    assert accepts(right.high, truth) == (right.open_end != "high")
    if right.low < right.high:
        assert accepts(right.low + TINY, truth) and accepts(right.high - TINY, truth)
    assert not accepts(right.low - TINY, truth) and not accepts(right.high + TINY, truth)


@pytest.mark.parametrize("q, text", [
    (Fraction(-1, 8), "-0.125"), (Fraction(19), "19"), (Fraction(0), "0"), (Fraction(123, 10**9), "0.000000123"),
    (Fraction(10**24), "1" + "0" * 24), (Fraction(-5, 2), "-2.5"),
], ids=["negative", "whole", "zero", "tiny", "huge", "half"])
def test_plain_writes_every_figure_and_no_exponent(q, text):
    assert plain(q) == text and Fraction(text) == q


def test_plain_refuses_a_number_with_no_finite_decimal():
    with pytest.raises(ValueError, match="no finite decimal"):
        plain(Fraction(1, 3))
