"""Bounded evaluation: each limit refuses what lies beyond it, with its
reason, before the work is done; what lies within is computed exactly."""

import mpmath
import pytest

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
    ("2^-1074", lambda: mpmath.mpf(2) ** -1074),
    (f"10^{MAX_MAGNITUDE}", lambda: mpmath.mpf(10) ** MAX_MAGNITUDE),
    ("sigma(-700)", lambda: 1 / (1 + mpmath.exp(700))),
    ("0^0", lambda: mpmath.mpf(1)),
], ids=["float64-smallest", "at-the-magnitude-limit", "far-sigma", "zero-to-zero"])
def test_values_within_the_limits_are_computed_at_fifty_digits(text, exact):
    with mpmath.workdps(50):
        assert number(text) == exact()


@pytest.mark.parametrize("text", ["1/0", "log(0)", "sqrt(-1)", "(-8)^(1/3)", "0^-1"])
def test_out_of_domain_is_undefined_not_out_of_bounds(text):
    with pytest.raises(Undefined):
        number(text)


def test_the_budget_bounds_the_work_of_one_answer():
    with pytest.raises(AnswerError, match="too much work"):
        evaluate(parse("exp(1)+exp(2)+exp(3)"), {}, Budget(10))
