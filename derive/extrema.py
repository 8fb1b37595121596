"""Suprema of functions of one real variable, and where they are attained.

The activation catalog needs the supremum of each derivative. Each smooth
piece is searched for critical points with sympy's `solveset`; where that
returns an unsolved ConditionSet (SiLU, say) the roots are found with mpmath
instead, bracketed by a sign scan and polished at the house precision, and
the result is marked numeric. The ends of every piece count too, as limits,
so a supremum that is only approached (softplus' slope tends to 1) is found
and reported as not attained.
"""

import math
from dataclasses import dataclass

import mpmath
import sympy as sp

from derive.precision import DPS, workdps
from derive.quantity import Quantity

SCAN = (-40, 40, 801)
"""Where numeric critical points are looked for: [-40, 40] in steps of 0.1."""


@dataclass(frozen=True)
class Extremum:
    """A supremum, the set where it is attained (empty if it is only
    approached), the points it is approached at, and whether it is numeric."""

    value: Quantity
    attained: sp.Set
    approached: tuple
    numeric: bool


@dataclass(frozen=True)
class _Candidate:
    exact: sp.Expr | None
    mp: mpmath.mpf
    attained: sp.Set
    approached: tuple = ()
    point: mpmath.mpf | None = None


def supremum(expr: sp.Expr, var: sp.Symbol) -> Extremum:
    """The supremum of `expr` over the real line."""
    pieces = expr.as_expr_set_pairs() if isinstance(expr, sp.Piecewise) else [(expr, sp.S.Reals)]
    candidates = [c for piece, domain in pieces for c in _candidates(piece, var, domain)]
    with workdps():
        best = max(c.mp for c in candidates)
        winners = [c for c in candidates if abs(c.mp - best) <= mpmath.mpf(10) ** -40 * max(1, abs(best))]
    attained = sp.Union(*[c.attained for c in winners])
    approached = tuple(a for c in winners for a in c.approached)
    exact = [c for c in winners if c.exact is not None]
    if exact:
        return Extremum(Quantity.exact(exact[0].exact), attained, approached, False)
    top = winners[0]
    float64 = sp.lambdify(var, expr, "math")(float(top.point))
    return Extremum(Quantity.numeric(top.mp, float64=float64), attained, approached, True)


def _candidates(piece, var, domain):
    """Values `piece` reaches or approaches on `domain` that could be the supremum."""
    if not piece.has(var):
        return [_Candidate(piece, _mp(piece), domain)]
    found = []
    slope = sp.diff(piece, var)
    solved = sp.solveset(slope, var, domain)
    if isinstance(solved, sp.FiniteSet):
        found += [_Candidate(piece.subs(var, p), _mp(piece.subs(var, p)), sp.FiniteSet(p)) for p in solved]
    elif solved is not sp.S.EmptySet:
        f = sp.lambdify(var, piece, "mpmath")
        with workdps():
            found += [_Candidate(None, f(p), sp.FiniteSet(sp.Float(p, DPS)), point=p)
                      for p in _numeric_roots(slope, var, domain)]
    for end, included in _ends(domain):
        limit = sp.limit(piece, var, end, "+" if end == domain.inf else "-")
        if limit.is_finite:
            where = sp.FiniteSet(end) if included else sp.S.EmptySet
            found.append(_Candidate(limit, _mp(limit), where, () if included else (end,)))
    return found


def _ends(domain: sp.Set):
    """The (endpoint, included?) pairs of an interval, infinite ends included."""
    if domain is sp.S.Reals:
        return [(-sp.oo, False), (sp.oo, False)]
    return [(domain.inf, domain.inf.is_finite and not domain.left_open),
            (domain.sup, domain.sup.is_finite and not domain.right_open)]


def _numeric_roots(expr, var, domain) -> list:
    """Zeros of `expr` in `domain`: sign changes found by a float64 scan over
    SCAN, each bracket then polished by mpmath at the house precision."""
    rough = sp.lambdify(var, expr, "math")
    precise = sp.lambdify(var, expr, "mpmath")
    lo, hi, count = SCAN
    start, end = max(float(domain.inf), lo), min(float(domain.sup), hi)
    grid = [start + (end - start) * i / (count - 1) for i in range(count)]
    signs = [math.copysign(1.0, rough(g)) for g in grid]
    with workdps():
        return [mpmath.findroot(precise, (mpmath.mpf(a), mpmath.mpf(b)), solver="anderson")
                for a, b, sa, sb in zip(grid, grid[1:], signs, signs[1:]) if sa != sb]


def _mp(value: sp.Expr) -> mpmath.mpf:
    with workdps():
        return mpmath.mpf(sp.N(value, 60))
