"""Every family's answers agree with the family's independent check (its
chapter's checks.py: exact fractions, direct iteration, mpmath
differentiation and quadrature, never derive), and its problems survive
JSON, print their numbers so that a reader can reproduce the answer, and
bracket negative bases. Hypothesis draws the seeds and difficulties."""

import re
from decimal import Decimal

import mpmath
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive.numbers import round_sig
from gradbook.practice.catalog import catalog
from gradbook.practice.independent import DIGITS
from gradbook.practice.model import Problem
from gradbook.practice.sheets import shown_value

FAMILIES = catalog().families
CHECKS = catalog().checks


def test_there_are_enough_families_and_the_fixed_ones_exist():
    fixed = {"sigmoid-derivative", "tanh-derivative", "fraction-of-max", "depth-product", "first-layer-update",
             "layers-to-vanish", "saturation-threshold", "xavier-variance", "he-variance", "residual-gradient",
             "tanh-sigmoid-ratio", "chain-gradient", "differentiate-scaled-sigmoid"}
    assert fixed <= set(FAMILIES) and len(FAMILIES) >= 16


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), difficulty=st.sampled_from((1, 2, 3)))
def test_every_answer_agrees_with_an_independent_route(name, seed, difficulty):
    problem = FAMILIES[name].generate(seed, 0, difficulty)
    with mpmath.workdps(DIGITS):
        CHECKS[name](problem)


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
def test_a_problem_survives_json_and_is_the_same_for_the_same_seed(name):
    problem = FAMILIES[name].generate(11, 3, 2)
    assert Problem.from_dict(problem.to_dict()) == problem
    assert FAMILIES[name].generate(11, 3, 2) == problem
    assert all(a.value is None or len(a.value.replace("-", "").split("e")[0].replace(".", "")) >= 25
               for a in problem.answers)
    assert problem.statement and problem.solution and "$" in problem.statement + problem.solution


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
def test_every_level_has_room_for_a_large_set(name):
    """A set of a thousand problems asks each family for about twenty per level."""
    for level in (1, 2, 3):
        drawn = {tuple(sorted(FAMILIES[name].draw(9, slot, 0, level).items())) for slot in range(400)}
        assert len(drawn) >= 30, f"level {level} has only {len(drawn)} different problems"


SQUARED_NUMBER = re.compile(r"-\s*\d[\d.]*(\s*\\times\s*10\^\{-?\d+\})?\s*\^")
"""A minus, a number (perhaps in scientific form) and a power: $-8^2$."""


def negative_bases(latex: str) -> list[str]:
    """Every `-N^k` in `latex` whose minus is a sign, not a subtraction: by
    standard precedence it is -(N^k), never (-N)^k."""
    found = []
    for match in SQUARED_NUMBER.finditer(latex):
        before = latex[:match.start()].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in ")}]"):
            found.append(match.group())
    return found


@pytest.mark.parametrize("latex, expected", [
    ("\\sqrt{-8^2 + -15^2}", ["-8^", "-15^"]),
    ("\\sqrt{(-8)^2 + (-15)^2}", []),
    ("1 - 0.999^2", []),
    ("= -1.5 \\times 10^{-3}^2", ["-1.5 \\times 10^{-3}^"]),
    ("10^{-3} and x^{-2}", []),
], ids=["bare", "bracketed", "subtraction", "scientific", "negative-exponents"])
def test_negative_bases_are_found(latex, expected):
    assert negative_bases(latex) == expected


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
def test_no_negative_number_is_raised_to_a_power_without_brackets(name):
    for difficulty in FAMILIES[name].difficulties:
        for seed in range(25):
            problem = FAMILIES[name].generate(seed, 0, difficulty)
            text = "\n".join((problem.statement, problem.solution, problem.hint or ""))
            assert not negative_bases(text), f"seed {seed}, difficulty {difficulty}: {text}"


def shown_numbers(latex: str) -> list[Decimal]:
    """The numbers in a solution as a reader sees them, scientific form included."""
    return [Decimal(m[1]).scaleb(int(m[2] or 0))
            for m in re.finditer(r"(-?\d+(?:\.\d+)?)(?:\s*\\times\s*10\^\{(-?\d+)\})?", latex)]


REPRODUCE = {
    "sigmoid-derivative": (re.compile(r"= ([^=$]+) = [^=$]+\$\.?$"), lambda s, c: s * c),
    "tanh-derivative": (re.compile(r"\\tanh\([^)]*\) = ([^$]+)\$"), lambda t: 1 - t * t),
}
"""Solutions whose answer is arithmetic on numbers they print: where those
numbers are, and the arithmetic a reader does with them."""


@pytest.mark.parametrize("name", list(REPRODUCE), ids=list(REPRODUCE))
def test_a_reader_reproduces_the_answer_from_the_printed_numbers(name):
    pattern, combine = REPRODUCE[name]
    for difficulty in FAMILIES[name].difficulties:
        for seed in range(40):
            problem = FAMILIES[name].generate(seed, 0, difficulty)
            printed = shown_numbers(pattern.search(problem.solution)[1])
            assert round_sig(combine(*printed)) == round_sig(Decimal(problem.answers[0].value)), (
                f"seed {seed}, difficulty {difficulty}: {problem.solution}")


SYMBOLIC = [name for name in FAMILIES
            if any(a.value is None for a in FAMILIES[name].generate(0).answers)]


@pytest.mark.parametrize("name", SYMBOLIC, ids=SYMBOLIC)
def test_a_symbolic_answer_is_shown_as_mathematics_and_its_names_are_introduced(name):
    for difficulty in FAMILIES[name].difficulties:
        problem = FAMILIES[name].generate(5, 0, difficulty)
        for answer in problem.answers:
            shown = shown_value(answer)
            assert shown.startswith("$") and shown.endswith("$") and not re.search(r"\*|`|exp\(", shown), shown
            for constant in answer.grading.constants:
                assert f"${constant}$" in problem.statement, problem.statement
