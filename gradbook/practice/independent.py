"""What a family's independent check (a chapter's checks.py) works with:
exact fractions and mpmath at 40 digits, never derive, so that an answer
derive got wrong cannot also be what its check expects."""

from fractions import Fraction

import mpmath

from gradbook.practice.model import Problem

DIGITS = 40
"""The working precision the checks run at."""
TIGHT = mpmath.mpf(10) ** -25
"""The relative difference a check allows by default: every answer carries 25 digits at least."""


def exact(value) -> Fraction:
    """A parameter as problems.json holds it (an int, or a float whose repr is its decimal), exactly."""
    return Fraction(str(value))


def mp(fraction: Fraction) -> mpmath.mpf:
    return mpmath.mpf(fraction.numerator) / fraction.denominator


def param(problem: Problem, name: str) -> mpmath.mpf:
    """A parameter of the problem as an mpmath number."""
    return mp(exact(problem.params[name]))


def answer(problem: Problem, name: str | None = None) -> mpmath.mpf:
    """The key's value of the answer called `name` (the first answer by default)."""
    found = problem.answers[0] if name is None else next(a for a in problem.answers if a.name == name)
    return mpmath.mpf(found.value)


def sigmoid(t):
    return 1 / (1 + mpmath.exp(-t))


def close(a, b, rel=TIGHT) -> bool:
    """Whether `a` is within `rel` of `b`, relatively (absolutely near zero)."""
    return abs(a - b) <= rel * max(abs(b), mpmath.mpf(10) ** -300)


def least_power_below(factor: Fraction, eps: Fraction) -> int:
    """The least n with factor^n < eps, by multiplying out."""
    n, product = 1, factor
    while product >= eps:
        n, product = n + 1, product * factor
    return n
