"""What the exports' tests share: the catalog's every family at every
difficulty, a hand-made set of the cases the catalog may not draw (answers of
order 10^-7, sigfig answers that are powers of ten or negative, a count, a
zero, one beyond the range of doubles), each exported once for the session, and the near misses that
gradbook's grader rejects."""

import sys
from fractions import Fraction

import pytest

from gradbook.practice import exports
from gradbook.practice.catalog import families
from gradbook.practice.exports.intervals import Accepted, numeric, plain
from gradbook.practice.generate import LEVELS, practice_set
from gradbook.practice.grade import grade
from gradbook.practice.model import Answer, Problem, ProblemSet
from gradbook.practice.rules import Rule

HAND = {
    "tiny-rel": ("1.23456789000000000000000000000e-7", {"mode": "rel", "tol": 0.01}),
    "tiny-negative-abs": ("-3.50000000000000000000000000000e-7", {"mode": "abs", "tol": 1e-9}),
    "tiny-sigfig": ("4.44449999999999999999999999999e-7", {"mode": "sigfig", "figures": 3}),
    "power-of-ten-sigfig": ("9.99960000000000000000000000000e-1", {"mode": "sigfig", "figures": 4}),
    "negative-power-of-ten-sigfig": ("-1.00020000000000000000000000000e+2", {"mode": "sigfig", "figures": 3}),
    "count": ("1.90000000000000000000000000000e+1", {"mode": "abs", "tol": 0}),
    "huge-rel": ("6.02214076000000000000000000000e+23", {"mode": "rel", "tol": 0.001}),
    "zero-abs": ("0", {"mode": "abs", "tol": 0.5}),
    "beyond-doubles": ("1.50000000000000000000000000000e+400", {"mode": "rel", "tol": 0.01}),
}
"""Answers by hand, each its own problem: a name, its value and rule."""


def _hand_set() -> ProblemSet:
    problems = tuple(
        Problem(f"hand-{name}", "depth-product", 3, {}, f"What is ${name}$? Give it as a number.",
                f"It is $x = {value}$.", (Answer("x", None, value, Rule.from_json(rule)),), hint="Think.")
        for name, (value, rule) in HAND.items())
    return ProblemSet("test", 5, problems)


@pytest.fixture(scope="session")
def catalog_set() -> ProblemSet:
    """Every family of the catalog at every difficulty (a round of families per level)."""
    return practice_set(None, len(LEVELS) * len(families()), 11)


@pytest.fixture(scope="session")
def hand_set() -> ProblemSet:
    return _hand_set()


@pytest.fixture(scope="session")
def made(catalog_set, hand_set) -> dict[str, exports.Made]:
    """Every export of both sets: "catalog" and "hand"."""
    return {"catalog": exports.make(catalog_set, exports.REGISTRY), "hand": exports.make(hand_set, exports.REGISTRY)}


@pytest.fixture(scope="session", params=["catalog", "hand"])
def exported(request, made, catalog_set, hand_set) -> tuple[ProblemSet, exports.Made]:
    """Each set with what the exports made of it."""
    return {"catalog": catalog_set, "hand": hand_set}[request.param], made[request.param]


def answers_by_name(problems: ProblemSet) -> dict[str, Answer]:
    """Every answer by the name an export gives its question: "<problem id> <answer name>"."""
    return {f"{p.id} {a.name}": a for p in problems.problems for a in p.answers}


def near_misses(answer: Answer, right: Accepted) -> dict[str, Fraction]:
    """Numbers just outside what the grader accepts, and the common mistakes,
    each checked to be one that the grader rejects."""
    truth = Fraction(answer.value)
    step = (right.half_width or abs(truth) or 1) / 10**5
    misses = {"below": right.low - step, "above": right.high + step}
    if truth:
        misses.update({"wrong sign": -truth, "times 10": truth * 10, "over 10": truth / 10, "times 100": truth * 100})
    for label, given in misses.items():
        assert grade(answer, plain(given)).verdict == "incorrect", (label, given)
    return misses


def doubles_hold(answer: Answer) -> bool:
    """Whether a double can hold the answer's value (both platforms read doubles)."""
    value = abs(Fraction(answer.value))
    return value == 0 or Fraction(sys.float_info.min) <= value <= Fraction(sys.float_info.max)


def why_not_exported(problems: ProblemSet, kept: set[str], notes, text: str, small=None) -> None:
    """Each answer not among `kept` is named under the right reason in the
    export's own text, which names them all, and the reason is in the notes:
    symbolic, beyond the doubles, or (for Moodle) too small, which only a
    value below `small` may be."""
    listed = {}
    for line in text.splitlines():
        if "answers not exported, " in line:
            reason, names = line.strip().removeprefix("<!-- ").removesuffix(" -->").split(": ", 1)
            listed.update((name, reason) for name in names.split(", "))
    for name, answer in answers_by_name(problems).items():
        if name in kept:
            assert numeric(answer) and doubles_hold(answer) and name not in listed
            continue
        words = ("symbolic" if not numeric(answer) else "beyond the range" if not doubles_hold(answer)
                 else "too small")
        assert words in listed[name] and any(listed[name] in note for note in notes), name
        if words == "too small":
            assert abs(Fraction(answer.value)) < small, name
