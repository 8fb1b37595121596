"""What the families share: drawing parameters, and the grading rules."""

import random

import sympy as sp

from derive import Quantity

RELATIVE = {"mode": "rel", "tol": 0.01}
"""Within 1 %: any answer given to the book's three figures passes."""
THREE_FIGURES = {"mode": "sigfig", "figures": 3}
WHOLE_NUMBER = {"mode": "abs", "tol": 0}


def pick(rng: random.Random, choices):
    return choices[rng.randrange(len(choices))]


def decimal(rng: random.Random, low, high, places: int) -> sp.Rational:
    """A number with `places` decimals, uniformly from [low, high]."""
    scale = 10**places
    return sp.Rational(rng.randrange(int(low * scale), int(high * scale) + 1), scale)


def signed(rng: random.Random, value):
    return value if rng.randrange(2) else -value


def q(value) -> Quantity:
    """An exact Quantity from a number, a decimal string or a sympy value."""
    return Quantity.exact(value if isinstance(value, sp.Basic) else sp.Rational(str(value)))


def json_number(value) -> int | float:
    """A parameter as problems.json holds it: an int, or a float whose repr is its exact decimal."""
    rational = sp.Rational(value)
    return int(rational) if rational.q == 1 else float(rational)
