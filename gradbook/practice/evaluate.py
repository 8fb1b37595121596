"""The value of a parsed answer, at a bounded cost.

The tree comes from gradbook/practice/parse.py; each node kind is evaluated
by code that knows it. Every step has a limit, so no answer costs more than a
few milliseconds, and anything beyond a limit is refused with its reason:
- the size of every intermediate value: none beyond 10^±MAX_MAGNITUDE is ever
  formed (a power's size is worked out from its logarithm before it is
  computed, and exp, sigma and tanh refuse arguments whose result would leave
  that range or whose reduction would need thousands of digits);
- a budget of operations for everything one answer evaluates.

    number("2.5 × 10^-1")          -> mpf('0.25')
    evaluate(parse("a*sigma(a*z)", {"a", "z"}), {"a": 3, "z": 0.5})
"""

import mpmath

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
_MAX_BITS = int(MAX_MAGNITUDE * 3.321928094887362) + 1
"""MAX_MAGNITUDE as a power of two, the unit mpmath.mag measures in."""
_COST = {"num": 1, "name": 1, "neg": 1, "pct": 1, "+": 1, "-": 1, "*": 1, "/": 2, "^": 8, "call": 8}
"""What each node costs against the budget: transcendental work counts more."""


class Undefined(AnswerError):
    """The value does not exist at this point (division by zero, log of a
    negative number): a property of the expression, not a fault of the text."""


def number(text: str, percent: bool = True, budget: "Budget | None" = None) -> mpmath.mpf:
    """The value of a numeric answer, at 50 digits. With `percent=False` a
    percentage is refused (the answer is a count, not a ratio)."""
    tree = parse(text)
    if not percent and _has_percent(tree):
        raise AnswerError("this answer is a whole number (a count), not a ratio: write it without %")
    with mpmath.workdps(DIGITS):
        return evaluate(tree, {}, budget)


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
        return _evaluate(tree[1], env, budget) / 100
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
        raise AnswerError(f"{name} of {mpmath.nstr(arg, 6)}: its argument must be at most "
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
        raise AnswerError(f"an exponent of {mpmath.nstr(exponent, 6)} is too large (at most {MAX_EXPONENT})")
    if base < 0 and exponent != int(exponent):
        raise Undefined("a negative number to a fractional power")
    size = abs(exponent) * abs(mpmath.log10(abs(base)))
    if size > MAX_MAGNITUDE:
        raise AnswerError(f"a power of about 10^±{mpmath.nstr(size, 3)} is too large "
                          f"(values stay within 10^±{MAX_MAGNITUDE})")
    return _bounded(base ** exponent)


def _bounded(value):
    """`value`, if it lies within 10^±MAX_MAGNITUDE (or is zero)."""
    if value and abs(mpmath.mag(value)) > _MAX_BITS:
        raise AnswerError(f"a value of about 10^{mpmath.mag(value) * 30103 // 100000} arises "
                          f"(values stay within 10^±{MAX_MAGNITUDE})")
    return value
