"""Bounded evaluation: each limit refuses what lies beyond it, with its
reason, before the work is done; what lies within is computed exactly."""

from fractions import Fraction

import mpmath
import pytest

from gradbook.practice.exact import significand
from gradbook.practice.evaluate import ARGUMENT_LIMIT, MAX_EXPONENT, Budget, Undefined, evaluate, number
from gradbook.practice.parse import MAX_MAGNITUDE, AnswerError, parse


@pytest.mark.parametrize("text, message", [
    (f"2^{MAX_EXPONENT + 1}", "exponent of"),
    (f"1.0001^-{MAX_EXPONENT + 1}", "exponent of"),
    (f"exp({ARGUMENT_LIMIT + 1})", "argument must be at most"),
    (f"sigma(-{ARGUMENT_LIMIT + 1})", "argument must be at most"),
    (f"tanh({ARGUMENT_LIMIT}.5)", "argument must be at most"),
    (f"10^{MAX_MAGNITUDE // 2}*10^{MAX_MAGNITUDE // 2 + 1}", r"a value of about 10\^10001"),
    (f"(1e-{MAX_MAGNITUDE})^2", "a power of about 10\\^±2"),
    (f"1e{MAX_MAGNITUDE + 1}", "too large or too small"),
], ids=["exponent", "negative-exponent", "exp-argument", "sigma-argument", "tanh-argument", "product-size",
        "power-size", "literal-size"])
def test_each_limit_refuses_what_lies_beyond_it(text, message):
    with pytest.raises(AnswerError, match=message):
        number(text)


@pytest.mark.parametrize("text, exact", [
    ("2^-1074", Fraction(1, 2**1074)),
    (f"10^{MAX_MAGNITUDE}", Fraction(10**MAX_MAGNITUDE)),
    (f"1e-{MAX_MAGNITUDE}", Fraction(1, 10**MAX_MAGNITUDE)),
    ("0^0", Fraction(1)),
    ("1/3", Fraction(1, 3)),
    ("2.5 × 10^-1", Fraction(1, 4)),
    ("12.5%", Fraction(1, 8)),
    ("(-2/3)^-3", Fraction(-27, 8)),
], ids=["float64-smallest", "at-the-magnitude-limit", "smallest-literal", "zero-to-zero", "third", "times-ten",
        "percent", "negative-power"])
def test_rational_answers_are_exact(text, exact):
    assert number(text) == exact


@pytest.mark.parametrize("text, value", [
    ("sigma(-700)", lambda: 1 / (1 + mpmath.exp(700))),
    ("exp(1)", lambda: mpmath.e),
    ("2^(1/2)", lambda: mpmath.sqrt(2)),
    ("pi/4", lambda: mpmath.pi / 4),
    ("sqrt(0.0001)", lambda: mpmath.mpf(1) / 100),
], ids=["far-sigma", "e", "fractional-power", "pi", "exact-root"])
def test_other_answers_are_read_to_forty_figures(text, value):
    """Computed at 50 digits and rounded to 40 figures: within half a unit of the 40th figure of
    the value at 80 digits, and written with no more than 40 figures."""
    with mpmath.workdps(80):
        truth = Fraction(mpmath.nstr(value(), 70))
    got = number(text)
    assert abs(got - truth) <= abs(truth) / 10**39 / 2
    whole, power = significand(got)
    assert Fraction(whole) * Fraction(10) ** power == abs(got)


@pytest.mark.parametrize("text", ["1/0", "log(0)", "sqrt(-1)", "(-8)^(1/3)", "0^-1"])
def test_out_of_domain_is_undefined_not_out_of_bounds(text):
    with pytest.raises(Undefined):
        number(text)


def test_the_budget_bounds_the_work_of_one_answer():
    with pytest.raises(AnswerError, match="too much work"):
        evaluate(parse("exp(1)+exp(2)+exp(3)"), {}, Budget(10))
