"""Floating-point formats and where a product through depth leaves them.

Each binary format is fixed by its precision p (significand bits, the hidden
one included) and its least normal exponent e_min: the smallest normal
number is 2^e_min and the smallest subnormal 2^(e_min − p + 1). Rounding is
to nearest with ties to even, so a value at most half the smallest subnormal
rounds to zero. The largest finite number is (2 − 2^(1 − p)) · 2^e_max.

`exact_depths` settles, with exact arithmetic, the first depth n at which
factor^n is subnormal, is below the smallest subnormal, and rounds to zero.
`multiplied_depths` instead multiplies in the format itself, one layer at a
time, as a network would; the two can differ, because the factor is first
rounded to the format and every product is rounded again, most coarsely
among the subnormals.

`loss_scale_range` finds the powers of two S by which the loss can be
multiplied so that a product through depth stays normal at the bottom
without the gradient at the top overflowing; `deepest_scaled_depth` is how
far down any one such S reaches.
"""

from dataclasses import dataclass

import ml_dtypes
import mpmath
import numpy as np
import sympy as sp

from derive.derivations.depth import least_power_below
from derive.errors import ParameterError


@dataclass(frozen=True)
class Format:
    name: str
    precision: int
    min_exponent: int
    max_exponent: int
    dtype: type

    @property
    def smallest_normal(self) -> sp.Rational:
        return sp.Rational(2) ** self.min_exponent

    @property
    def smallest_subnormal(self) -> sp.Rational:
        return sp.Rational(2) ** (self.min_exponent - self.precision + 1)

    @property
    def largest(self) -> sp.Rational:
        return (2 - sp.Rational(2) ** (1 - self.precision)) * sp.Rational(2) ** self.max_exponent


FORMATS = {f.name: f for f in (
    Format("float16", 11, -14, 15, np.float16),
    Format("bfloat16", 8, -126, 127, ml_dtypes.bfloat16),
    Format("float32", 24, -126, 127, np.float32),
    Format("float64", 53, -1022, 1023, np.float64),
)}


def float_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ParameterError(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None


def _near_depth(factor, bound) -> int:
    """Where the least n with factor^n < bound is, from logarithms: a start
    for the exact search, which would otherwise step up from one."""
    as_mp = (lambda x: mpmath.mpf(x.p) / x.q) if isinstance(factor, sp.Basic) else mpmath.mpf
    return max(1, int(mpmath.log(as_mp(bound)) / mpmath.log(as_mp(factor))))


def _least_power_at_most(factor, bound) -> int:
    """The least n with factor^n <= bound."""
    n = least_power_below(factor, bound, _near_depth(factor, bound))
    return n - 1 if n > 1 and factor ** (n - 1) == bound else n


def _check_factor(factor) -> None:
    if not 0 < factor < 1:
        raise ParameterError(f"the factor must lie strictly between 0 and 1, got {factor}")


def _like(factor, *limits: sp.Rational) -> tuple:
    """`limits` in the factor's arithmetic: exact for a sympy factor, mpmath
    at working precision for an mpmath one."""
    return limits if isinstance(factor, sp.Basic) else tuple(mpmath.mpf(limit.p) / limit.q for limit in limits)


def exact_depths(factor, fmt: Format) -> dict[str, int]:
    """For 0 < factor < 1 (a sympy number, or an mpmath number at working
    precision), the first depth at which factor^n is subnormal, is below the
    smallest subnormal, and rounds to zero in `fmt`."""
    _check_factor(factor)
    normal, subnormal, half = _like(factor, fmt.smallest_normal, fmt.smallest_subnormal,
                                    fmt.smallest_subnormal / 2)
    return {"subnormal": least_power_below(factor, normal, _near_depth(factor, normal)),
            "below_smallest": least_power_below(factor, subnormal, _near_depth(factor, subnormal)),
            "zero": _least_power_at_most(factor, half)}


def multiplied_depths(factor: float, fmt: Format, limit: int = 5000) -> dict[str, int]:
    """Multiply 1 by `factor` (rounded to the format) in the format, layer by
    layer: the first depth at which the product is subnormal, and at which it
    is exactly zero."""
    step, product = fmt.dtype(factor), fmt.dtype(1)
    normal = fmt.dtype(float(fmt.smallest_normal))
    found = {}
    for n in range(1, limit + 1):
        product = fmt.dtype(product * step)
        if product < normal and "subnormal" not in found:
            found["subnormal"] = n
        if product == 0:
            found["zero"] = n
            return found
    raise ParameterError(f"{factor} in {fmt.name} has not reached zero after {limit} layers")


@dataclass(frozen=True)
class ScaleRange:
    """The loss scales 2^least … 2^greatest; empty when least > greatest."""
    least: int
    greatest: int

    @property
    def empty(self) -> bool:
        return self.least > self.greatest


def _two(value):
    return sp.Integer(2) if isinstance(value, sp.Basic) else mpmath.mpf(2)


def _least_exponent_at_least(value, bound) -> int:
    """The least integer k with 2^k · value >= bound, for value, bound > 0,
    settled by exact comparison (at working precision for mpmath values)."""
    two, k = _two(value), int(mpmath.ceil(mpmath.log(mpmath.mpf(bound) / mpmath.mpf(value), 2)))
    while two ** k * value < bound:
        k += 1
    while two ** (k - 1) * value >= bound:
        k -= 1
    return k


def _greatest_exponent_at_most(bound) -> int:
    """The greatest integer k with 2^k <= bound, for bound > 0."""
    two, k = _two(bound), int(mpmath.floor(mpmath.log(mpmath.mpf(bound), 2)))
    while two ** k > bound:
        k -= 1
    while two ** (k + 1) <= bound:
        k += 1
    return k


def loss_scale_range(factor, depth: int, fmt: Format) -> ScaleRange:
    """The powers of two S for which, with the loss multiplied by S, the
    gradient factor^depth at that depth is at least `fmt`'s smallest normal
    and the gradient at the top (one, as in the guide's products) is at most
    its largest finite number. Exact for a sympy factor, at working precision
    for an mpmath one."""
    _check_factor(factor)
    if depth < 1:
        raise ParameterError(f"the depth must be at least 1, got {depth}")
    normal, largest = _like(factor, fmt.smallest_normal, fmt.largest)
    return ScaleRange(least=_least_exponent_at_least(factor ** depth, normal),
                      greatest=_greatest_exponent_at_most(largest))


def deepest_scaled_depth(factor, fmt: Format) -> int:
    """The greatest depth at which some loss scale keeps factor^depth normal
    in `fmt`: below it, the product spans more than the format's normal range."""
    _check_factor(factor)
    greatest = loss_scale_range(factor, 1, fmt).greatest
    normal, = _like(factor, fmt.smallest_normal / sp.Rational(2) ** greatest)
    return least_power_below(factor, normal, 1) - 1
