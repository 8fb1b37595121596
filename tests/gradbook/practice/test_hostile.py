"""Hostile answers: every one gets a verdict, within the operation budget,
and none reaches the catch-all that turns an internal fault into `invalid`
(that message would mean a limit was missing). Timings are in bench/practice.py."""

import random

import pytest

from gradbook.practice.grade import grade
from gradbook.practice.model import Answer
from gradbook.practice.rules import Absolute, Relative, SignificantFigures, Symbolic
from tests.gradbook.practice.hostile import corpus, expressions

ANSWERS = {
    "rel": Answer("x", "1/4", "2.5000000000000000000000000000e-1", Relative(0.01)),
    "sigfig": Answer("x", "1/4", "2.5000000000000000000000000000e-1", SignificantFigures(3)),
    "count": Answer("layers", "6", "6", Absolute(0)),
    "symbolic": Answer("derivative", "-4*exp(4*z)/(exp(4*z) + 1)**2", None, Symbolic(["z"], {"a": "-4"})),
}
FUZZED = expressions(10_000)
VERDICTS = {"correct", "incorrect", "invalid"}


def graded_cleanly(answer: Answer, typed: str, rng: random.Random) -> str:
    verdict = grade(answer, typed, rng)
    assert verdict.verdict in VERDICTS
    assert "could not be graded" not in verdict.feedback, (typed, verdict.feedback)
    return verdict.verdict


def test_the_fuzzer_writes_nested_and_oversized_expressions():
    assert len(set(FUZZED)) > 5_000
    assert sum(len(text) > 200 for text in FUZZED) > 1_000
    assert sum(text.count("(") > 10 for text in FUZZED) > 1_000


@pytest.mark.parametrize("mode", sorted(ANSWERS))
def test_every_kept_hostile_answer_gets_a_verdict_in_every_mode(mode):
    rng = random.Random(mode)
    for typed in corpus():
        graded_cleanly(ANSWERS[mode], typed, rng)


@pytest.mark.parametrize("typed, message", [
    ("sigma(-(10^1000)^1000)", "too large"),
    ("sigma(-999^999)", "must be at most"),
    ("(10^1000)^1000", "too large"),
    ("9991e1000^1000+9.5", "too large"),
    ("sigma(-(((10^1000)^1000)^1000)^1000)", "too large"),
    ("sigma(-sigma(-10^1000)^-1)", "must be at most"),
    ("1e999999999", "too large or too small"),
    ("2^-1000000", "too large"),
], ids=["sigma-of-a-tower", "sigma-of-999-to-999", "power-of-a-power", "huge-literal-to-a-power", "deep-tower",
        "sigma-of-a-reciprocal", "huge-literal", "tiny-power"])
def test_the_answers_that_stalled_or_crashed_the_grader_are_invalid_with_a_reason(typed, message):
    for answer in ANSWERS.values():
        verdict = grade(answer, typed)
        assert verdict.verdict == "invalid" and message in verdict.feedback


@pytest.mark.slow
def test_ten_thousand_fuzzed_expressions_each_get_a_verdict():
    modes, rng = sorted(ANSWERS), random.Random(14)
    verdicts = [graded_cleanly(ANSWERS[modes[i % len(modes)]], typed, rng) for i, typed in enumerate(FUZZED)]
    assert set(verdicts) >= {"invalid", "incorrect"}


@pytest.mark.slow
def test_hostile_parts_that_cancel_reach_the_exact_comparison_cheaply():
    """key + h - h agrees with the key at every point, so sympy sees h."""
    key, rng = ANSWERS["symbolic"], random.Random(7)
    short = [text for text in corpus() + FUZZED[:3000] if len(text) < 80]
    verdicts = [graded_cleanly(key, f"{key.exact}+({text})-({text})", rng) for text in short]
    assert verdicts.count("correct") > 100
