"""The grader: every reasonable way of writing a right answer is accepted,
near misses are not, and the feedback says why."""

import pytest

from gradbook.practice.grade import grade
from gradbook.practice.model import Answer

QUARTER = "2.5000000000000000000000000000e-1"


def numeric(mode="rel", value=QUARTER, **rule):
    rule = rule or {"rel": {"tol": 0.01}, "abs": {"tol": 0.001}, "sigfig": {"figures": 3}}[mode]
    return Answer("x", "1/4", value, {"mode": mode, **rule})


SCALED = Answer("derivative", "3*exp(-3*z)/(1 + exp(-3*z))**2", None,
                {"mode": "symbolic", "variables": ["z"], "constants": {"a": "3"}})


@pytest.mark.parametrize("typed", [
    "0.25", ".25", "1/4", "25%", "2.5e-1", "2.5E-1", "2.5 × 10^-1", "2.5*10**-1", "2.5x10^-1", "2.5 x 10^-1",
    " 0.25 ", "2.5 × 10⁻¹", "2.5·10^(-1)", "(1/2)^2", "1/(2*2)", "0.250", "+0.25", "25 %",
])
def test_every_form_of_a_quarter_is_accepted(typed):
    assert grade(numeric(), typed).verdict == "correct"


@pytest.mark.parametrize("typed", [
    "sigma(a*z)*(1-sigma(a*z))*a", "a*exp(-a*z)/(1+exp(-a*z))^2", "3σ(3z)(1-σ(3z))",
    "3*exp(-3*z)/(1 + exp(-3*z))**2", "3 exp(3z)/(1 + exp(3z))^2", "a*sigma(a*z) - a*sigma(a*z)^2",
])
def test_every_equivalent_expression_is_accepted(typed):
    assert grade(SCALED, typed).verdict == "correct"


@pytest.mark.parametrize("answer, typed, feedback", [
    (numeric(), "-0.25", "right magnitude, wrong sign"),
    (numeric(), "2.5", "off by a factor of 10^1"),
    (numeric(), "25", "100 times too large"),
    (numeric(), "0.26", "not within the tolerance"),
    (numeric(), "0.2474", "not within the tolerance"),
    (numeric("sigfig", value="1.0499358540350650519822513e-1"), "0.10", "right to 2 significant figures; 3 were asked"),
    (numeric("sigfig", value="1.0499358540350650519822513e-1"), "0.104", "right to 2 significant figures; 3 were asked"),
    (numeric("abs", value="5.0e0", tol=0), "6", "not within the tolerance"),
    (SCALED, "sigma(3z)*(1-sigma(3z))", "not equivalent"),
    (SCALED, "-3*sigma(3z)*(1-sigma(3z))", "up to its sign"),
    (SCALED, "sqrt(z)", "undefined at a point"),
], ids=["sign", "decimal-point", "percent", "just-outside", "just-outside-below", "too-few-figures",
        "wrong-third-figure", "whole-number", "missing-factor", "sign-of-expression", "undefined"])
def test_near_misses_are_incorrect_and_say_why(answer, typed, feedback):
    verdict = grade(answer, typed)
    assert verdict.verdict == "incorrect" and feedback in verdict.feedback


@pytest.mark.parametrize("answer, typed", [
    (numeric(), "0.2525"), (numeric(), "0.2475"),
    (numeric("sigfig", value="1.0499358540350650519822513e-1"), "0.10499"),
    (numeric("abs", value="5.0e0", tol=0), "5"), (numeric("abs", value="5.0e0", tol=0), "5.0"),
], ids=["rel-upper-edge", "rel-lower-edge", "more-figures", "whole", "whole-with-decimal"])
def test_answers_inside_the_tolerance_pass(answer, typed):
    assert grade(answer, typed).verdict == "correct"


@pytest.mark.parametrize("answer, typed, message", [
    (numeric(), "", "no answer"),
    (numeric(), "abc", "this answer is a number"),
    (numeric(), "__import__('os')", "not part of an answer"),
    (numeric(), "().__class__", "lone '.'"),
    (numeric(), "9^9^9^9", "too large"),
    (numeric(), "1" * 5000, "characters long"),
    (numeric(), "(" * 30 + "1" + ")" * 30, "nested"),
    (numeric(), "1/0", "division by zero"),
    (numeric(), "0.2５", "not part of an answer"),
    (numeric(), "2 3", "unexpected '3'"),
    (SCALED, "x*z", "not a name this answer may use"),
    (numeric(), 0.25, "must be text"),
], ids=["empty", "word", "import", "attribute", "tower", "huge", "deep", "divide-by-zero", "fullwidth-digit",
        "two-numbers", "unknown-variable", "not-a-string"])
def test_unreadable_answers_are_invalid_with_a_pointer(answer, typed, message):
    verdict = grade(answer, typed)
    assert verdict.verdict == "invalid" and message in verdict.feedback
