"""Hostile answers for the grader: a kept corpus (every string that once
crashed, stalled or fooled it) and a grammar fuzzer that writes nested and
oversized expressions. The tests grade them; bench/practice.py times them."""

import random
from pathlib import Path

CORPUS = Path(__file__).with_name("hostile_answers.txt")

_ATOMS = ("z", "a", "e", "pi", "0", ".0", "1", "2", "9", "10", "999", "0.5", "1e-300", "9991e1000", "1e10000",
          "1e-10000", "3.7e9999", "99999999999999999999", "25%", "1/3", "2x10^-1")
_FUNCTIONS = ("exp", "sigma", "tanh", "log", "sqrt", "σ")
_BINARY = ("+", "-", "*", "/", "^", "**", " ", "×")
_BIG = ("10^1000", "999^999", "(10^1000)^1000", "9^9^9", "2^2^2^2^2", "exp(1000)", "1e1000", "-1e1000")


def corpus() -> list[str]:
    """The kept strings, one per line; a line may write a lone surrogate as \\ud800."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line.encode("utf-8").decode("unicode_escape") if "\\u" in line else line
            for line in lines if line and not line.startswith("#")]


def expressions(count: int, seed: int = 14) -> list[str]:
    """`count` expressions drawn from a grammar that favours depth and size:
    towers of powers, functions of huge arguments, long chains, deep nesting."""
    rng = random.Random(seed)
    return [_expression(rng, rng.randrange(1, 9)) for _ in range(count)]


def _expression(rng: random.Random, depth: int) -> str:
    if depth <= 0:
        return rng.choice(_ATOMS + _BIG)
    shape = rng.randrange(8)
    if shape == 0:
        return f"{rng.choice(_FUNCTIONS)}({_expression(rng, depth - 1)})"
    if shape == 1:
        return f"({_expression(rng, depth - 1)})^{rng.choice(_BIG + _ATOMS)}"
    if shape == 2:
        return f"-{rng.choice(_FUNCTIONS)}(-({_expression(rng, depth - 1)})^{rng.choice(_BIG)})"
    if shape == 3:
        term = _expression(rng, depth - 2)
        return rng.choice("+*-/").join([term] * rng.randrange(2, 60))
    if shape == 4:
        return "(" * depth + _expression(rng, depth - 1) + ")" * depth
    if shape == 5:
        return "^".join(rng.choice(("2", "9", "10", "z", "1.0001", "0.5")) for _ in range(rng.randrange(2, 8)))
    return f"{_expression(rng, depth - 1)}{rng.choice(_BINARY)}{_expression(rng, depth - 1)}"
