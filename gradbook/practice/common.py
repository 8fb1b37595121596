"""What the families share: drawing parameters, the grading rules, and how a
solution prints the numbers a reader recomputes."""

import random
from decimal import Decimal
from typing import Callable

import sympy as sp

from derive import Quantity
from derive.quantity import q
from derive.numbers import SIG_FIGS, round_sig
from gradbook.practice.rules import Absolute, Relative, SignificantFigures

RELATIVE = Relative(0.01)
"""Within 1 %: any answer given to the book's three figures passes."""
THREE_FIGURES = SignificantFigures(3)
WHOLE_NUMBER = Absolute(0)
MAX_FIGURES = 20
"""A worked solution never prints a value to more figures than this."""


def pick(rng: random.Random, choices):
    return choices[rng.randrange(len(choices))]


def decimal(rng: random.Random, low, high, places: int) -> sp.Rational:
    """A number with `places` decimals, uniformly from [low, high]."""
    scale = 10**places
    return sp.Rational(rng.randrange(int(low * scale), int(high * scale) + 1), scale)


def signed(rng: random.Random, value):
    return value if rng.randrange(2) else -value


def sample_z(rng: random.Random, difficulty: int) -> dict:
    """An input z for an activation's slope: quarters up to six at level 1,
    tenths up to six at level 2, hundredths up to twelve at level 3, either sign."""
    if difficulty == 1:
        return {"z": json_number(signed(rng, sp.Rational(rng.randrange(0, 25), 4)))}
    if difficulty == 2:
        return {"z": json_number(signed(rng, decimal(rng, 0, 6, 1)))}
    return {"z": json_number(signed(rng, decimal(rng, 0, 12, 2)))}


def json_number(value) -> int | float:
    """A parameter as problems.json holds it: an int, or a float whose repr is its exact decimal."""
    rational = sp.Rational(value)
    return int(rational) if rational.q == 1 else float(rational)


def power_base(value: Quantity, sig: int = SIG_FIGS) -> str:
    """`value` in LaTeX as the base of a power: a negative number is bracketed,
    since $-8^2$ reads as $-(8^2) = -64$ and only $(-8)^2$ is $64$."""
    shown = value.latex(sig)
    return f"({shown})" if value.decimal() < 0 else shown


def figures_to_reproduce(values: list[Quantity], combine: Callable[..., Decimal], answer: Quantity) -> int:
    """The fewest significant figures (three at least) to print `values` with
    so that a reader who combines the printed numbers, as `combine` does, gets
    `answer` as the key prints it. Rounded inputs can shift the last figure of
    a product, and 1 − 0.999² is 0.002 however precise tanh(4) was."""
    target = round_sig(answer.decimal())
    for sig in range(SIG_FIGS, MAX_FIGURES + 1):
        if round_sig(combine(*(round_sig(v.decimal(), sig) for v in values))) == target:
            return sig
    raise ValueError(f"no printing of {len(values)} values to {MAX_FIGURES} figures reproduces {answer.text()}")
