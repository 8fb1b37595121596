"""The grader: every reasonable way of writing a right answer is accepted,
near misses are not, and the feedback says why."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gradbook.practice import grade as grade_module
from gradbook.practice.catalog import families
from gradbook.practice.grade import Verdict, grade
from gradbook.practice.model import Answer
from gradbook.practice.rules import Rule, Symbolic
from gradbook.practice.sheets import shown_value

FAMILIES = families()

QUARTER = "2.5000000000000000000000000000e-1"


def numeric(mode="rel", value=QUARTER, **rule):
    rule = rule or {"rel": {"tol": 0.01}, "abs": {"tol": 0.001}, "sigfig": {"figures": 3}}[mode]
    return Answer("x", "1/4", value, Rule.from_json({"mode": mode, **rule}))


SCALED = Answer("derivative", "3*exp(-3*z)/(1 + exp(-3*z))**2", None, Symbolic(["z"], {"a": "3"}))


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


@pytest.mark.parametrize("answer, typed, feedback", [
    (numeric(), "0.26", "not within the tolerance (off by 4.0 % of the answer)"),
    (numeric(), "0.2526", "not within the tolerance (off by 1.0 % of the answer)"),
    (numeric(), "3", "not within the tolerance (off by 1100 % of the answer)"),
    (numeric(), "30000000", "not within the tolerance (off by 1.2 × 10^10 % of the answer)"),
    (numeric(), "0.0025", "off by a factor of 10^-2: check the decimal point or the exponent"),
    (numeric("abs", value="5.0e0", tol=0), "500", "off by a factor of 10^2: check the decimal point or the exponent"),
    (numeric(), "0.2525000000000000000000000000000000000000000000000000001",
     "not within the tolerance (off by 1.0 % of the answer)"),
    (numeric("abs", value="5.0e0", tol=0), "5.000000000000000000000000000000000000000000000001",
     "not within the tolerance (off by 2.0 × 10^-47 % of the answer)"),
], ids=["four-percent", "just-past-one-percent", "whole-percent", "huge", "hundredth", "count-times-a-hundred",
        "a-hair-beyond-the-edge",
        "a-count-a-hair-off"])
def test_feedback_is_worded_exactly(answer, typed, feedback):
    """The whole text, as the page's grader must also write it."""
    assert grade(answer, typed) == Verdict("incorrect", feedback)


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


SCALED_MINUS_FOUR = Answer("derivative", "-4*exp(4*z)/(exp(4*z) + 1)**2", None, Symbolic(["z"], {"a": "-4"}))
"""The key of differentiate-scaled-sigmoid-7-3 (practice --count 20 --seed 7), as problems.json holds it."""


@pytest.mark.parametrize("typed", [
    "-4*sigma(-4z)*(1-sigma(-4z)) + 1e-6*(z+1.3)(z-0.4)(z-2.1)(z+0.7)(z-0.9)",
    "-4*sigma(-4z)*(1-sigma(-4z)) + 1e-21",
    "-4*exp(4*z)/(exp(4*z) + 1)**2 + 1e-100",
    "-4*exp(4*z)/(exp(4*z) + 1)**2 + 1e-30*z^3",
], ids=["polynomial-through-the-old-points", "offset-below-the-old-tolerance", "tiny-offset-on-the-key",
        "tiny-cubic-on-the-key"])
def test_a_key_nudged_by_a_small_term_is_not_equivalent(typed):
    verdict = grade(SCALED_MINUS_FOUR, typed)
    assert verdict.verdict == "incorrect" and "not equivalent" in verdict.feedback


@settings(max_examples=60, deadline=None)
@given(coefficient=st.integers(-30, -2).map(lambda k: f"1e{k}"),
       roots=st.lists(st.integers(-20, 20).map(lambda r: f"(z{r:+d}/10)"), max_size=5),
       sign=st.sampled_from(["+", "-"]), seed=st.integers(0, 2**32))
def test_hypothesis_a_key_plus_a_small_polynomial_or_constant_is_incorrect(coefficient, roots, sign, seed):
    """The attack that beat fixed sample points: a term that vanishes where the
    grader looks. Points are drawn per attempt, so no roots can be aimed at them."""
    nudged = f"{SCALED_MINUS_FOUR.exact} {sign} {coefficient}*{'*'.join(roots) or '1'}"
    assert grade(SCALED_MINUS_FOUR, nudged, random.Random(seed)).verdict == "incorrect"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_familys_key_is_graded_correct_against_itself(family):
    """The stored value, the shown value on the key sheet and the exact form all pass."""
    for difficulty in FAMILIES[family].difficulties:
        for slot in range(3):
            problem = FAMILIES[family].generate(3, slot, difficulty)
            for answer in problem.answers:
                typed = [answer.exact] if answer.value is None else [answer.value, shown_value(answer).strip("$")]
                for text in typed:
                    text = text.replace("\\times", "×").replace("{", "(").replace("}", ")")
                    assert grade(answer, text).verdict == "correct", (problem.id, text)


@pytest.mark.parametrize("typed, verdict, feedback", [
    ("1.77e−2", "incorrect", "not within the tolerance"),
    ("2.5e−1", "correct", "correct"),
    ("−2.5 × 10^−1", "incorrect", "wrong sign"),
    ("2.5﹣1", "incorrect", "not within"),
], ids=["minus-sign-in-exponent", "minus-sign-right", "minus-signs-everywhere", "small-hyphen-minus"])
def test_a_unicode_minus_is_a_minus_everywhere(typed, verdict, feedback):
    result = grade(numeric(), typed)
    assert (result.verdict, feedback in result.feedback) == (verdict, True)


@pytest.mark.parametrize("answer, typed, verdict, feedback", [
    (numeric("abs", value="6", tol=0), "600%", "invalid", "a count), not a ratio"),
    (numeric("abs", value="6", tol=0), "6", "correct", "correct"),
    (numeric(), "25%", "correct", "correct"),
], ids=["count-as-percent", "count", "ratio-as-percent"])
def test_a_percentage_is_read_only_where_the_answer_is_a_ratio(answer, typed, verdict, feedback):
    result = grade(answer, typed)
    assert (result.verdict, feedback in result.feedback) == (verdict, True)


def test_feedback_never_echoes_control_characters():
    verdict = grade(numeric(), "\x1b[2J")
    assert verdict.verdict == "invalid" and "\\u001b" in verdict.feedback and "\x1b" not in verdict.feedback


def test_an_internal_fault_is_that_answers_verdict_not_the_runs(monkeypatch):
    monkeypatch.setattr(grade_module, "number", lambda *a, **k: 1 / 0)
    verdict = grade(numeric(), "0.25")
    assert verdict.verdict == "invalid" and "ZeroDivisionError" in verdict.feedback
