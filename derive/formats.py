"""Floating-point formats and where a product through depth leaves them.

Each binary format is fixed by its precision p (significand bits, the hidden
one included) and its least normal exponent e_min: the smallest normal
number is 2^e_min and the smallest subnormal 2^(e_min − p + 1). Rounding is
to nearest with ties to even, so a value at most half the smallest subnormal
rounds to zero.

`exact_depths` settles, with exact arithmetic, the first depth n at which
factor^n is subnormal, is below the smallest subnormal, and rounds to zero.
`multiplied_depths` instead multiplies in the format itself, one layer at a
time, as a network would; the two can differ, because the factor is first
rounded to the format and every product is rounded again, most coarsely
among the subnormals.
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
    dtype: type

    @property
    def smallest_normal(self) -> sp.Rational:
        return sp.Rational(2) ** self.min_exponent

    @property
    def smallest_subnormal(self) -> sp.Rational:
        return sp.Rational(2) ** (self.min_exponent - self.precision + 1)


FORMATS = {f.name: f for f in (
    Format("float16", 11, -14, np.float16),
    Format("bfloat16", 8, -126, ml_dtypes.bfloat16),
    Format("float32", 24, -126, np.float32),
    Format("float64", 53, -1022, np.float64),
)}


def float_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ParameterError(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None


def _least_power_at_most(factor, bound) -> int:
    """The least n with factor^n <= bound."""
    n = least_power_below(factor, bound, 1)
    return n - 1 if n > 1 and factor ** (n - 1) == bound else n


def exact_depths(factor, fmt: Format) -> dict[str, int]:
    """For 0 < factor < 1 (a sympy number, or an mpmath number at working
    precision), the first depth at which factor^n is subnormal, is below the
    smallest subnormal, and rounds to zero in `fmt`."""
    if not 0 < factor < 1:
        raise ParameterError(f"the factor must lie strictly between 0 and 1, got {factor}")
    limits = (fmt.smallest_normal, fmt.smallest_subnormal, fmt.smallest_subnormal / 2)
    if not isinstance(factor, sp.Basic):
        limits = tuple(mpmath.mpf(limit.p) / limit.q for limit in limits)
    normal, subnormal, half = limits
    return {"subnormal": least_power_below(factor, normal, 1),
            "below_smallest": least_power_below(factor, subnormal, 1),
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
