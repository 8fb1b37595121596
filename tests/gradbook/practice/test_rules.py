"""Grading rules: each comparator at and just beyond its edges, against edges
worked out by hand as exact fractions; every rule's JSON form read back to the
same rule and the same bytes; the message each bad setting gets; and a new
mode that is one class and its registration."""

import json
from dataclasses import dataclass
from fractions import Fraction
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gradbook.practice import rules
from gradbook.practice.grade import grade
from gradbook.practice.model import Answer, ProblemSet
from gradbook.practice.parse import CONSTANTS, FUNCTIONS
from gradbook.practice.rules import (RULES, Absolute, IntervalRule, Relative, Rule, SignificantFigures, Symbolic,
                                     register)
from gradbook.practice.sheets import key_markdown

BEYOND = Fraction(1, 10**60)
"""A step past an edge, far below any tolerance: the comparison is exact."""


EDGES = {
    # rule, truth, given, accepted. A tolerance is the decimal it is written as: 0.01 is 1/100.
    "rel-upper-edge": (Relative(0.25), Fraction(4), Fraction(5), True),
    "rel-beyond-upper": (Relative(0.25), Fraction(4), 5 + BEYOND, False),
    "rel-lower-edge": (Relative(0.25), Fraction(4), Fraction(3), True),
    "rel-beyond-lower": (Relative(0.25), Fraction(4), 3 - BEYOND, False),
    "rel-negative-truth-edge": (Relative(0.125), Fraction(-8), Fraction(-9), True),
    "rel-negative-truth-beyond": (Relative(0.125), Fraction(-8), -7 + BEYOND, False),
    "rel-one-percent-upper-edge": (Relative(0.01), Fraction(1, 4), Fraction(1, 4) * Fraction(101, 100), True),
    "rel-one-percent-beyond": (Relative(0.01), Fraction(1, 4), Fraction(1, 4) * Fraction(101, 100) + BEYOND, False),
    "abs-thousandth-edge": (Absolute(0.001), Fraction(-2, 5), Fraction(-401, 1000), True),
    "abs-thousandth-beyond": (Absolute(0.001), Fraction(-2, 5), Fraction(-401, 1000) - BEYOND, False),
    "abs-upper-edge": (Absolute(0.5), Fraction(2), Fraction(5, 2), True),
    "abs-beyond-upper": (Absolute(0.5), Fraction(2), Fraction(5, 2) + BEYOND, False),
    "abs-lower-edge": (Absolute(0.5), Fraction(2), Fraction(3, 2), True),
    "abs-beyond-lower": (Absolute(0.5), Fraction(2), Fraction(3, 2) - BEYOND, False),
    "abs-around-zero": (Absolute(0.25), Fraction(0), Fraction(-1, 4), True),
    "abs-around-zero-beyond": (Absolute(0.25), Fraction(0), Fraction(1, 4) + BEYOND, False),
    "count-exact": (Absolute(0), Fraction(6), Fraction(6), True),
    "count-beyond": (Absolute(0), Fraction(6), 6 + BEYOND, False),
    "sigfig-rounds-up-at-half": (SignificantFigures(3), Fraction(1049935854, 10**10), Fraction(1045, 10**4), True),
    "sigfig-below-half": (SignificantFigures(3), Fraction(1049935854, 10**10), Fraction(1045, 10**4) - BEYOND, False),
    "sigfig-next-half-is-next-figure": (SignificantFigures(3), Fraction(1049935854, 10**10), Fraction(1055, 10**4),
                                        False),
    "sigfig-just-below-next-half": (SignificantFigures(3), Fraction(1049935854, 10**10),
                                    Fraction(1055, 10**4) - BEYOND, True),
    "sigfig-power-of-ten-lower-edge": (SignificantFigures(3), Fraction(99996, 10**5), Fraction(9995, 10**4), True),
    "sigfig-power-of-ten-below": (SignificantFigures(3), Fraction(99996, 10**5), Fraction(9995, 10**4) - BEYOND, False),
    "sigfig-power-of-ten-upper-edge": (SignificantFigures(3), Fraction(99996, 10**5), Fraction(1005, 1000), False),
    "sigfig-power-of-ten-below-upper": (SignificantFigures(3), Fraction(99996, 10**5), Fraction(1005, 1000) - BEYOND,
                                        True),
    "sigfig-negative-rounds-away-from-zero": (SignificantFigures(1), Fraction(-4, 100), Fraction(-45, 1000), False),
    "sigfig-negative-just-inside": (SignificantFigures(1), Fraction(-4, 100), Fraction(-35, 1000), True),
    "sigfig-zero-is-only-zero": (SignificantFigures(3), Fraction(0), BEYOND, False),
}


@pytest.mark.parametrize("rule, truth, given, accepted", EDGES.values(), ids=EDGES.keys())
def test_each_comparator_at_and_just_beyond_its_edges(rule, truth, given, accepted):
    assert rule.accepts(given, truth) is accepted


INTERVALS = {
    "rel": (Relative(0.25), Fraction(4), (Fraction(3), Fraction(5))),
    "rel-negative": (Relative(0.125), Fraction(-8), (Fraction(-9), Fraction(-7))),
    "abs": (Absolute(0.5), Fraction(2), (Fraction(3, 2), Fraction(5, 2))),
    "count": (Absolute(0), Fraction(6), (Fraction(6), Fraction(6))),
}


@pytest.mark.parametrize("rule, truth, interval", INTERVALS.values(), ids=INTERVALS.keys())
def test_a_tolerance_rules_interval_is_what_it_accepts(rule, truth, interval):
    assert rule.interval(truth) == interval


DESCRIPTIONS = {
    "rel": (Relative(0.01), "within 1 %"),
    "rel-half-percent": (Relative(0.005), "within 0.5 %"),
    "abs": (Absolute(0.001), "within 0.001 of it"),
    "count": (Absolute(0), "exactly"),
    "sigfig": (SignificantFigures(3), "to 3 significant figures"),
    "symbolic": (Symbolic(["z"], {"a": "3"}), "as any equivalent expression"),
}


@pytest.mark.parametrize("rule, text", DESCRIPTIONS.values(), ids=DESCRIPTIONS.keys())
def test_each_rule_says_on_a_sheet_what_it_accepts(rule, text):
    assert rule.describe() == text


@pytest.mark.parametrize("rule, percent", [(Relative(0.01), True), (Absolute(0.5), True), (Absolute(0), False),
                                           (SignificantFigures(3), True)], ids=["rel", "abs", "count", "sigfig"])
def test_only_a_count_refuses_a_percentage(rule, percent):
    assert rule.percent is percent


_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True).filter(
    lambda name: name not in FUNCTIONS + CONSTANTS)
_CONSTANT_TEXT = st.one_of(st.integers(-10**9, 10**9).map(str),
                           st.fractions(min_value=-10**9, max_value=10**9, max_denominator=10**6).map(str),
                           st.decimals(-10**6, 10**6, places=4).map(lambda d: format(d, "f")))


@st.composite
def _symbolic(draw):
    variables = draw(st.lists(_NAMES, min_size=1, max_size=5, unique=True))
    constants = draw(st.dictionaries(_NAMES.filter(lambda name: name not in variables), _CONSTANT_TEXT, max_size=3))
    return Symbolic(variables, constants)


KINDS = {
    "rel": st.builds(Relative, st.floats(0, 1, exclude_min=True, exclude_max=True)),
    "abs": st.builds(Absolute, st.integers(0, 10**6) | st.floats(0, 1e300)),
    "sigfig": st.builds(SignificantFigures, st.integers(1, rules.MAX_FIGURES)),
    "symbolic": _symbolic(),
}


def test_every_registered_mode_is_drawn_for_the_round_trip():
    assert list(KINDS) == list(RULES)


@given(rule=st.one_of(*KINDS.values()))
def test_hypothesis_every_rule_reads_back_from_its_json_as_the_same_rule_and_bytes(rule):
    text = json.dumps(rule.to_json())
    back = Rule.from_json(json.loads(text))
    assert back == rule and json.dumps(back.to_json()) == text


@pytest.mark.parametrize("text", [
    '{"mode": "rel", "tol": 0.01}',
    '{"mode": "abs", "tol": 0}',
    '{"mode": "abs", "tol": 0.001}',
    '{"mode": "sigfig", "figures": 3}',
    '{"mode": "symbolic", "variables": ["z"], "constants": {"a": "-4"}}',
    '{"mode": "symbolic", "variables": ["x", "y"]}',
], ids=["rel", "count", "abs", "sigfig", "symbolic", "symbolic-without-constants"])
def test_a_grading_object_as_problems_json_holds_it_is_written_back_the_same(text):
    assert json.dumps(Rule.from_json(json.loads(text)).to_json()) == text


MESSAGES = {
    "not-an-object": (["rel"], "grading must be an object"),
    "unknown-mode": ({"mode": "roughly"}, "grading mode 'roughly' is not one of rel, abs, sigfig, symbolic"),
    "no-mode": ({"tol": 0.01}, "grading mode None is not one of rel, abs, sigfig, symbolic"),
    "mode-a-list": ({"mode": ["rel"]}, "grading mode ['rel'] is not one of rel, abs, sigfig, symbolic"),
    "missing-setting": ({"mode": "rel"}, "a rel rule needs tol"),
    "stray-setting": ({"mode": "sigfig", "figures": 3, "tol": 0.1}, "a sigfig rule has no setting 'tol'"),
    "rel-one": ({"mode": "rel", "tol": 1}, "a relative tolerance must be a number above 0 and below 1, got 1"),
    "rel-true": ({"mode": "rel", "tol": True}, "a relative tolerance must be a number above 0 and below 1, got True"),
    "abs-negative": ({"mode": "abs", "tol": -0.5}, "an absolute tolerance must be a finite number from 0 up, got -0.5"),
    "abs-text": ({"mode": "abs", "tol": "0"}, "an absolute tolerance must be a finite number from 0 up, got '0'"),
    "figures-too-many": ({"mode": "sigfig", "figures": 21}, "figures must be a whole number from 1 to 20, got 21"),
    "figures-fraction": ({"mode": "sigfig", "figures": 2.5}, "figures must be a whole number from 1 to 20, got 2.5"),
    "no-variables": ({"mode": "symbolic", "variables": []},
                     "variables must be a list of one to five distinct names, got []"),
    "six-variables": ({"mode": "symbolic", "variables": list("abcdfg")},
                      "variables must be a list of one to five distinct names, got ['a', 'b', 'c', 'd', 'f', 'g']"),
    "twice": ({"mode": "symbolic", "variables": ["z", "z"]},
              "variables must be a list of one to five distinct names, got ['z', 'z']"),
    "variable-not-a-name": ({"mode": "symbolic", "variables": ["2z"]},
                            "variables must be a list of one to five distinct names, got ['2z']"),
    "constants-a-list": ({"mode": "symbolic", "variables": ["z"], "constants": ["3"]},
                         "constants must be an object of name: number"),
    "constant-a-variable": ({"mode": "symbolic", "variables": ["z"], "constants": {"z": "3"}},
                            "'z' cannot name a constant"),
    "constant-a-number": ({"mode": "symbolic", "variables": ["z"], "constants": {"a": 3}},
                          "constant 'a' must be a decimal or a fraction as text, got 3"),
    "constant-an-exponent": ({"mode": "symbolic", "variables": ["z"], "constants": {"a": "1e5"}},
                             "constant 'a' must be a decimal or a fraction as text, got '1e5'"),
    "variable-pi": ({"mode": "symbolic", "variables": ["pi"]}, "'pi' is a function or constant, not a variable"),
    "constant-exp": ({"mode": "symbolic", "variables": ["z"], "constants": {"exp": "2"}},
                     "'exp' is a function or constant, not a variable"),
}


@pytest.mark.parametrize("data, message", MESSAGES.values(), ids=MESSAGES.keys())
def test_a_bad_rule_is_refused_with_one_line_saying_what_is_wrong(data, message):
    with pytest.raises(ValueError) as raised:
        Rule.from_json(data)
    assert str(raised.value) == message


def test_a_rule_made_in_code_is_checked_as_one_read_from_json():
    with pytest.raises(ValueError, match="^a relative tolerance must be a number above 0 and below 1, got 2$"):
        Relative(2)


def test_loading_an_answer_names_the_answer_whose_rule_is_wrong():
    data = {"name": "slope", "exact": "1/4", "value": "2.5e-1", "grading": {"mode": "sigfig", "figures": 0}}
    with pytest.raises(ValueError) as raised:
        Answer.from_dict(data)
    assert str(raised.value) == "answer 'slope': figures must be a whole number from 1 to 20, got 0"


@dataclass(frozen=True)
class DecimalPlaces(IntervalRule):
    """Right to `places` decimal places: within half a unit of the last place."""

    mode: ClassVar[str] = "places"
    places: int

    def interval(self, truth):
        half = Fraction(1, 10**self.places) / 2
        return truth - half, truth + half

    def describe(self) -> str:
        return f"to {self.places} decimal places"


PI_KEY = {"gradbook": "test", "seed": 1, "options": {}, "problems": [{
    "id": "pi-1", "family": "pi", "difficulty": 1, "params": {}, "statement": "What is $\\pi$?",
    "solution": "It is 3.14159…", "hint": None,
    "answers": [{"name": "pi", "exact": None, "value": "3.1415926535897932384626433833",
                 "grading": {"mode": "places", "places": 2}}]}]}


def test_a_new_mode_is_one_class_and_its_registration(monkeypatch):
    """Registered, it is read from problems.json, written back the same, graded and described on the key."""
    monkeypatch.setattr(rules, "RULES", dict(RULES))
    register(DecimalPlaces)
    text = json.dumps(PI_KEY, indent=2, ensure_ascii=False) + "\n"
    key = ProblemSet.from_json(text)
    answer = key.problems[0].answers[0]
    assert answer.grading == DecimalPlaces(2) and key.to_json() == text
    assert [grade(answer, typed).verdict for typed in ("3.14", "3.1366", "3.15")] == ["correct", "correct", "incorrect"]
    assert "(accepted to 2 decimal places)" in key_markdown(key)
