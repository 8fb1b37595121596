"""Deciding whether `lhs = rhs` holds.

Every step is first evaluated at 50 digits at a sample point, so a false step
fails at once. Then a symbolic proof is attempted, cheapest rewriting first:
most steps close with `expand` or with `cancel` after writing everything in
exponentials, which is far quicker than `simplify`. When no rewriting reaches
zero, the step is evaluated at the remaining sample points as well and records
that it was checked numerically, so a false step always raises.

Steps about an arbitrary function F (the residual block's) are checked
numerically with F replaced by a few concrete smooth functions.
"""

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.errors import VerificationError
from derive.precision import CHECK_DIGITS, DPS
from derive.symbols import as_expr, concrete

_REWRITES = (
    sp.expand,
    lambda d: sp.cancel(sp.together(d)),
    lambda d: sp.cancel(sp.expand(d.rewrite(sp.exp))),
    lambda d: sp.cancel(sp.radsimp(sp.together(d.rewrite(sp.exp)))),
    sp.simplify,
)

_REAL_SAMPLES = (sp.Rational(-13, 10), sp.Rational(2, 5), sp.Rational(11, 5))
_POSITIVE_SAMPLES = (sp.Rational(7, 10), sp.Rational(19, 10), sp.Rational(31, 10))


def check_equal(lhs, rhs, samples: dict | None = None, symbolic: bool = True) -> str:
    """'symbolic' or 'numeric': how lhs = rhs was confirmed; raises if it is false.

    `samples` maps a symbol to the values it is checked at, for symbols whose
    domain is narrower than their assumptions say (c in (0, 1/4), say).
    `symbolic=False` skips the attempt at a proof, for steps no rewriting closes.
    """
    lhs, rhs = as_expr(lhs), as_expr(rhs)
    left, right = concrete(_instantiate(lhs)), concrete(_instantiate(rhs))
    first, *others = _sample_points(left.free_symbols | right.free_symbols, samples or {})
    _check_point(left, right, first, lhs, rhs)
    general = lhs.has(AppliedUndef) or rhs.has(AppliedUndef)
    difference = concrete(lhs) - concrete(rhs) if general else left - right
    exact = not (lhs.has(sp.Float) or rhs.has(sp.Float))  # rounding to zero proves nothing
    if symbolic and exact and (difference == 0 or any(rewrite(difference) == 0 for rewrite in _REWRITES)):
        return "symbolic"
    for point in others:
        _check_point(left, right, point, lhs, rhs)
    return "numeric"


def _instantiate(expr):
    """`expr` with each undefined function F replaced by a concrete smooth one."""
    undefined = sorted({type(f) for f in expr.atoms(AppliedUndef)}, key=str)
    for i, func in enumerate(undefined):
        expr = expr.replace(func, _test_function(i))
    return expr


def _test_function(i: int):
    def make(t):
        return sp.sin((i + 2) * t / 3) + t**2 / (i + 5)
    return make


def _sample_points(symbols, samples: dict) -> list[dict]:
    """Points at which to compare two sides. Each symbol starts at a different
    place in its list, so two symbols never share every value: 2/(a + b) and
    1/a agree whenever a = b, and must not pass for equal."""
    symbols = sorted(symbols, key=str)
    columns = [samples.get(sym) or _samples_for(sym) for sym in symbols]
    count = max((len(col) for col in columns), default=1)
    return [{sym: col[(i + j) % len(col)] for j, (sym, col) in enumerate(zip(symbols, columns))}
            for i in range(count)]


def _samples_for(symbol) -> tuple:
    if symbol.is_positive:
        return _POSITIVE_SAMPLES
    if symbol.is_real:
        return _REAL_SAMPLES
    raise VerificationError(f"no sample values for the symbol {symbol} (give it assumptions)")


def _check_point(left, right, point, lhs, rhs) -> None:
    left_value = sp.N(left.xreplace(point), DPS)
    residual = sp.N((left - right).xreplace(point), DPS)
    if not (residual.is_number and left_value.is_number):
        raise VerificationError(f"{lhs} = {rhs} could not be evaluated at {point}")
    if abs(residual) > sp.Float(10) ** -CHECK_DIGITS * max(1, abs(left_value)):
        at = ", ".join(f"{k} = {v}" for k, v in point.items()) or "the given values"
        raise VerificationError(
            f"{lhs} = {rhs} is false at {at}: the two sides differ by {sp.N(residual, 5)}")
