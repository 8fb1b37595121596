"""Element-wise functions for the network library, made from derive's
definitions rather than retyped.

Each activation's value and slope come from the sympy expressions of the
derive catalog (derive/activations.py), turned into array functions twice
(by float_function and mp_function there): once for floating point (numpy and scipy, with forms that avoid cancellation)
and once for mpmath, which runs on
arrays of dtype object and is what the tests use for high-precision finite
differences.

Floating-point arrays are evaluated in float64 and rounded to the array's
own format, so a float16 network gets each σ′(z) correctly rounded to float16
while its sums and products happen in float16. Where the float64 formula
breaks down (σ′ at z = −800 is ∞/∞) the few affected entries are computed
with mpmath instead, so the result is the true value rounded, not NaN.
"""

from dataclasses import dataclass
from functools import cache

import mpmath
import numpy as np
import sympy as sp

from derive.activations import activation, float_function, mp_function


@dataclass(frozen=True)
class ElementWise:
    """One function of z on arrays of any float dtype or of mpmath numbers."""

    expr: sp.Expr

    def __call__(self, values: np.ndarray) -> np.ndarray:
        if values.dtype == object:
            return _exact(self.expr)(values)
        with np.errstate(all="ignore"):
            result = np.broadcast_to(float_function(self.expr)(values.astype(np.float64)), values.shape).copy()
        broken = ~np.isfinite(result)
        if broken.any():
            result[broken] = _exact(self.expr)(values[broken].astype(np.float64)).astype(np.float64)
        return result.astype(values.dtype)


@cache
def _exact(expr: sp.Expr):
    return np.frompyfunc(mp_function(expr), 1, 1)


@cache
def activation_pair(name: str) -> tuple[ElementWise, ElementWise]:
    """The activation `name` of the derive catalog and its derivative."""
    a = activation(name)
    return ElementWise(a.expr), ElementWise(a.derivative)


def exp(values: np.ndarray) -> np.ndarray:
    return _mp_exp(values) if values.dtype == object else np.exp(values)


def log(values: np.ndarray) -> np.ndarray:
    return _mp_log(values) if values.dtype == object else np.log(values)


def sqrt(values: np.ndarray) -> np.ndarray:
    return _mp_sqrt(values) if values.dtype == object else np.sqrt(values)


def softplus(values: np.ndarray) -> np.ndarray:
    """log(1 + e^v) without overflow."""
    if values.dtype == object:
        return _mp_log(1 + _mp_exp(values))
    return np.logaddexp(np.zeros((), values.dtype), values)


_mp_exp = np.frompyfunc(mpmath.exp, 1, 1)
_mp_log = np.frompyfunc(mpmath.log, 1, 1)
_mp_sqrt = np.frompyfunc(mpmath.sqrt, 1, 1)
