"""The value of a parsed answer, at a bounded cost.

The tree comes from gradbook/practice/parse.py; each node kind is evaluated
by code that knows it. Every step has a limit, so no answer costs more than a
few milliseconds, and anything beyond a limit is refused with its reason:
- the size of every intermediate value: none beyond 10^±MAX_MAGNITUDE is ever
  formed (a power's size is worked out from its logarithm before it is
  computed, and exp, sigma and tanh refuse arguments whose result would leave
  that range or whose reduction would need thousands of digits);
- a budget of operations for everything one answer evaluates.

A numeric answer's value is exact where the answer is rational (digits,
+ - * /, whole powers, %): it is computed on integer pairs, never reduced, so
the page's grader (templates/grader.js) makes the same pairs and takes the
same path; pairs longer than EXACT_BITS are left to the second path. Where it
is not (exp, pi, a fractional power, …), the tree is evaluated at 50 digits
and the result read to 40 significant figures (gradbook/practice/exact.py).
Expressions, evaluated at sample points, use the 50-digit path alone.

    number("2.5 × 10^-1")          -> Fraction(1, 4)
    evaluate(parse("a*sigma(a*z)", {"a", "z"}), {"a": 3, "z": 0.5})
"""

import math
from fractions import Fraction

import mpmath

from gradbook.practice.exact import log10_big, ratio_exponent, show, snapped
from gradbook.practice.parse import MAX_MAGNITUDE, AnswerError, parse

MAX_EXPONENT = 10_000
"""A power's exponent may be at most this in size (2^-1074, float64's smallest, needs 1074)."""
ARGUMENT_LIMIT = 23_000
"""exp, sigma and tanh take arguments of at most this size: exp(23000) ≈ 10^9989."""
BUDGET = 50_000
"""Operations one answer may cost, all evaluations of it together: far more than
any answer needs (the longest answer, evaluated at every sample point, uses a few
thousand), far less than a second."""
DIGITS = 50
EXACT_BITS = 34_000
"""An exact value's numerator and denominator stay within this many bits (10^±10000
with a modest mantissa fits, so the limits on size are decided exactly); beyond it,
the answer is evaluated at 50 digits."""
_MAX_BITS = int(MAX_MAGNITUDE * 3.321928094887362) + 1
"""MAX_MAGNITUDE as a power of two, the unit mpmath.mag measures in."""
_LIMIT = 10**MAX_MAGNITUDE
_NEAR = mpmath.mpf(10) ** -30
_COST = {"num": 1, "name": 1, "neg": 1, "pct": 1, "+": 1, "-": 1, "*": 1, "/": 2, "^": 8, "call": 8}
"""What each node costs against the budget: transcendental work counts more."""


class Undefined(AnswerError):
    """The value does not exist at this point (division by zero, log of a
    negative number): a property of the expression, not a fault of the text."""


def number(text: str, percent: bool = True, budget: "Budget | None" = None) -> Fraction:
    """The value of a numeric answer: exact where the answer is rational, else
    read to 40 significant figures from 50 digits. With `percent=False` a
    percentage is refused (the answer is a count, not a ratio)."""
    tree = parse(text)
    if not percent and _has_percent(tree):
        raise AnswerError("this answer is a whole number (a count), not a ratio: write it without %")
    budget = budget if budget is not None else Budget()
    try:
        numerator, denominator = _exact(tree, budget)
        return Fraction(numerator, denominator)
    except _NotExact:
        with mpmath.workdps(DIGITS):
            return snapped(_fraction(evaluate(tree, {}, budget)))


class _NotExact(Exception):
    """The answer is not rational, or its exact value would be too long: evaluate it at 50 digits."""


def _exact(tree, budget: "Budget") -> tuple[int, int]:
    """The tree's value as an unreduced pair (numerator, denominator > 0)."""
    kind = tree[0]
    budget.spend(_COST[kind])
    if kind == "num":
        return _checked(_literal(tree[1]))
    if kind in ("name", "call"):
        raise _NotExact
    if kind in ("neg", "pct"):
        n, d = _exact(tree[1], budget)
        return _checked((-n, d) if kind == "neg" else (n, 100 * d))
    (a, b), (c, d) = _exact(tree[1], budget), _exact(tree[2], budget)
    if kind == "+":
        return _checked((a * d + c * b, b * d))
    if kind == "-":
        return _checked((a * d - c * b, b * d))
    if kind == "*":
        return _checked((a * c, b * d))
    if kind == "/":
        if c == 0:
            raise Undefined("division by zero")
        return _checked((-a * d, -b * c) if c < 0 else (a * d, b * c))
    return _checked(_exact_power((a, b), (c, d)))


def _literal(text: str) -> tuple[int, int]:
    """A number as written (2.5, .5, 1e-7, 3.E2) as a pair."""
    mantissa, _, exponent = text.lower().partition("e")
    whole, _, fraction = mantissa.partition(".")
    power = int(exponent or 0) - len(fraction)
    value = int(whole + fraction)
    return (value * 10**power, 1) if power >= 0 else (value, 10**-power)


def _exact_power(base: tuple[int, int], exponent: tuple[int, int]) -> tuple[int, int]:
    (a, b), (c, d) = base, exponent
    if a == 0:
        if c < 0:
            raise Undefined("zero to a negative power")
        return (1, 1) if c == 0 else (0, 1)
    if abs(c) > MAX_EXPONENT * d:
        raise AnswerError(f"an exponent of {show(Fraction(c, d))} is too large (at most {MAX_EXPONENT})")
    if c % d:
        raise _NotExact
    k = c // d
    _size_limit(abs(k) * abs(log10_big(abs(a)) - log10_big(b)))
    if max(abs(a).bit_length(), b.bit_length()) * abs(k) > EXACT_BITS:
        raise _NotExact
    n, m = a ** abs(k), b ** abs(k)
    if k >= 0:
        return n, m
    return (-m, -n) if n < 0 else (m, n)


def _size_limit(size: float) -> None:
    """Refuse a power whose result would be about 10^±size, beyond the limit."""
    if size > MAX_MAGNITUDE:
        raise AnswerError(f"a power of about 10^±{math.floor(size + 0.5)} is too large "
                          f"(values stay within 10^±{MAX_MAGNITUDE})")


def _checked(pair: tuple[int, int]) -> tuple[int, int]:
    """The pair, if its value lies within 10^±MAX_MAGNITUDE (or is zero) and it
    stays within EXACT_BITS; beyond the range an AnswerError, beyond the bits _NotExact."""
    n, d = pair
    if n and (abs(n) > _LIMIT * d or abs(n) * _LIMIT < d):
        _too_far(ratio_exponent(n, d))
    if abs(n).bit_length() > EXACT_BITS or d.bit_length() > EXACT_BITS:
        raise _NotExact
    return pair


def _too_far(exponent: int):
    raise AnswerError(f"a value of about 10^{exponent} arises (values stay within 10^±{MAX_MAGNITUDE})")


def _fraction(value: mpmath.mpf) -> Fraction:
    """The exact value of a binary mpf."""
    sign, man, exp, _ = value._mpf_
    if not man:
        return Fraction(0)
    whole = -int(man) if sign else int(man)
    return whole * Fraction(2) ** int(exp)


def _has_percent(tree) -> bool:
    return tree[0] == "pct" or any(isinstance(part, tuple) and _has_percent(part) for part in tree[1:])


class Budget:
    """Operations left for one answer; every evaluation of it draws on the same budget."""

    def __init__(self, operations: int = BUDGET):
        self.left = operations

    def spend(self, cost: int) -> None:
        self.left -= cost
        if self.left < 0:
            raise AnswerError("the answer takes too much work to evaluate; write it more simply")


def evaluate(tree, env: dict, budget: Budget | None = None):
    """The value of a tree with its variables set from `env`, at the working
    precision. Out-of-domain operations raise Undefined; values beyond the
    limits, and work beyond the budget, raise AnswerError."""
    return _bounded(_evaluate(tree, env, budget if budget is not None else Budget()))


def _evaluate(tree, env: dict, budget: Budget):
    kind = tree[0]
    budget.spend(_COST[kind])
    if kind == "num":  # mpmath cannot read ".0" (it can ".25"), so the leading zero is put back
        return mpmath.mpf("0" + tree[1] if tree[1].startswith(".") else tree[1])
    if kind == "name":
        return {"e": mpmath.e, "pi": mpmath.pi}.get(tree[1], env.get(tree[1]))
    if kind == "call":
        return _bounded(_call(tree[1], _evaluate(tree[2], env, budget)))
    if kind == "neg":
        return -_evaluate(tree[1], env, budget)
    if kind == "pct":
        return _bounded(_evaluate(tree[1], env, budget) / 100)
    left, right = _evaluate(tree[1], env, budget), _evaluate(tree[2], env, budget)
    if kind == "+":
        return _bounded(left + right)
    if kind == "-":
        return _bounded(left - right)
    if kind == "*":
        return _bounded(left * right)
    if kind == "/":
        if right == 0:
            raise Undefined("division by zero")
        return _bounded(left / right)
    return _power(left, right)


def _call(name: str, arg):
    if name == "log":
        if arg <= 0:
            raise Undefined("log of a number that is not positive")
        return mpmath.log(arg)
    if name == "sqrt":
        if arg < 0:
            raise Undefined("sqrt of a negative number")
        return mpmath.sqrt(arg)
    if abs(arg) > ARGUMENT_LIMIT:
        raise AnswerError(f"{name} of {_shown(arg)}: its argument must be at most "
                          f"{ARGUMENT_LIMIT} in size")
    if name == "exp":
        return mpmath.exp(arg)
    if name == "tanh":
        return mpmath.tanh(arg)
    return 1 / (1 + mpmath.exp(-arg))


def _power(base, exponent):
    """base^exponent, refused before it is computed if it would leave the range."""
    if base == 0:
        if exponent < 0:
            raise Undefined("zero to a negative power")
        return mpmath.mpf(1) if exponent == 0 else mpmath.mpf(0)
    if abs(exponent) > MAX_EXPONENT:
        raise AnswerError(f"an exponent of {_shown(exponent)} is too large (at most {MAX_EXPONENT})")
    if base < 0 and exponent != int(exponent):
        raise Undefined("a negative number to a fractional power")
    _size_limit(float(abs(exponent) * abs(mpmath.log10(abs(base)))))
    return _bounded(base ** exponent)


def _bounded(value):
    """`value`, if it lies within 10^±MAX_MAGNITUDE (or is zero). A value within
    10^-30 of a limit is read to 40 figures first, as the answer itself is, so
    that the page's grader, computing it to other digits, decides the same."""
    if not value or abs(mpmath.mag(value)) < _MAX_BITS - 8:
        return value
    exponent = mpmath.log10(abs(value))
    if abs(exponent) > MAX_MAGNITUDE + _NEAR:
        _too_far(int(mpmath.floor(exponent)))
    if abs(exponent) > MAX_MAGNITUDE - _NEAR:
        q = snapped(_fraction(value))
        if abs(q.numerator) > _LIMIT * q.denominator or abs(q.numerator) * _LIMIT < q.denominator:
            _too_far(ratio_exponent(q.numerator, q.denominator))
    return value


def _shown(value) -> str:
    """A computed value in a message, read to 40 figures first."""
    return show(snapped(_fraction(value)))
