"""A problem family: parameters drawn from a seed, answers solved by derive,
and a statement and worked solution written as templates.

A family's `solve(params)` returns the answers (Quantities or expressions,
each with its grading rule) and the values its templates print; `generate`
draws parameters and makes a Problem. The same seed always gives the same
problem, on any machine: parameters come from Python's `random.Random`
seeded with a string, whose stream Python keeps stable.
"""

import random
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Callable

from derive import Quantity
from gradbook.practice.model import Answer, Problem
from gradbook.practice.printer import answer_text
from gradbook.practice.rules import Rule
from gradbook.formatting import render_text

VALUE_DIGITS = 30


@dataclass(frozen=True)
class Solved:
    """What `solve` returns: the answers by name, with their rules, and the
    values the statement and solution print."""

    answers: dict            # name -> (Quantity | sympy expression, Rule)
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Family:
    name: str
    title: str
    params: dict                                  # name -> what it means
    sample: Callable[[random.Random, int], dict]  # (rng, difficulty) -> params
    solve: Callable[[dict], Solved]
    statement: str
    solution: str
    hint: str | None = None
    difficulties: tuple = (1, 2, 3)
    chapter: str = ""
    """The slug of the chapter whose folder defines it, set when the catalog finds it."""

    def problem(self, params: dict, id: str, difficulty: int) -> Problem:
        """The problem for these parameters, rendered and solved."""
        solved = self.solve(params)
        shown = SimpleNamespace(**{name: value for name, (value, _) in solved.answers.items()})
        context = {**params, **solved.values, "answer": shown}
        answers = tuple(_answer(name, value, rule) for name, (value, rule) in solved.answers.items())
        hint = render_text(self.hint, **context).strip() if self.hint else None
        return Problem(id, self.name, difficulty, dict(params), render_text(self.statement, **context).strip(),
                       render_text(self.solution, **context).strip(), answers, hint)

    def draw(self, seed, slot: int, attempt: int, difficulty: int) -> dict:
        rng = random.Random(f"{seed}:{self.name}:{slot}:{attempt}")
        return self.sample(rng, difficulty)

    def generate(self, seed: int, slot: int = 0, difficulty: int | None = None, attempt: int = 0) -> Problem:
        level = difficulty if difficulty is not None else self.difficulties[0]
        params = self.draw(seed, slot, attempt, level)
        return self.problem(params, f"{self.name}-{seed}-{slot}", level)


def _answer(name: str, value, rule: Rule) -> Answer:
    if not isinstance(rule, Rule):
        raise TypeError(f"answer {name!r}: a grading rule is a Rule (gradbook/practice/rules.py), got {rule!r}")
    if isinstance(value, Quantity):
        return Answer(name, value.exact_string(), value.value_string(VALUE_DIGITS), rule)
    return Answer(name, answer_text(value), None, rule)


