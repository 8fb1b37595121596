"""The gradient's path down a chain of identical layers, at the house precision:
what the guide's gradient explorer shows, computed independently of it.

A chain of `depth` layers of one unit each, every one with weight w and
activation φ. The pre-activations either sit at one point z in every layer
(chapter 3's product) or are traced from an input x as in chapter 4's chain:
z_1 = w x and z_{k+1} = w a_k.

The gradient reaching layer k is δ_k = ∂L/∂z_k, the guide's convention
(chapter 4): the cost sets the top layer's δ_n, taken as 1, and going down
from layer k + 1 to layer k multiplies δ by layer k's factor
f_k = ∂z_{k+1}/∂z_k. So δ_k = f_k · f_{k+1} ··· f_{n-1}, and layer 1 receives
n - 1 factors, f^(n-1) when every factor is f; the top layer's own factor
would lead to a layer above the chain, and is not part of any δ.

- A plain layer has a_k = φ(z_k), so z_{k+1} = w φ(z_k) and f_k = w φ'(z_k):
  the unit's own slope and the weight on the link above it.
- A layer with a skip has a_k = a_{k-1} + φ(z_k) (a_0 = x), so
  z_{k+1} = z_k + w φ(z_k) and f_k = 1 + w φ'(z_k).
- A normalized layer standardizes its pre-activation over a batch, so it is
  spread as Z ~ N(0, 1) whatever w and x are. Linearized, the layer passes
  on sign(w) E[φ'(Z)] / sd φ(Z): the slope averaged over the batch, divided
  by the spread that the next layer's normalization divides out. By Stein's
  lemma, E[Z g(Z)] = E[g'(Z)], that is the correlation of Z and φ(Z), so it
  never exceeds 1 and equals 1 only for a linear φ.
"""

from dataclasses import dataclass
from functools import cache

import mpmath
import numpy as np
import sympy as sp

from derive.activations import activation, float_function, mp_function
from derive.errors import ParameterError
from derive.formats import FORMATS
from derive.precision import workdps
from derive.quantity import Quantity

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky-relu", "gelu")
LAYERS = ("plain", "normalized", "skip")
MAX_DEPTH = 50
MAX_WEIGHT = 5
MAX_POINT = 10
QUADRATURE_REACH = 37.0
QUADRATURE_RTOL = 1e-10
"""How far the float64 quadrature (scipy's, at a relative tolerance of 1e-13
per integral) may stray from mpmath's: three integrals and a square root."""


@dataclass(frozen=True)
class Setting:
    """One setting of the explorer. `w` and `at` are exact rationals; `at` is
    the pre-activation z held in every layer, or the input x when `traced`."""

    activation: str
    depth: int
    w: sp.Rational
    at: sp.Rational
    traced: bool = False
    layer: str = "plain"

    def __post_init__(self):
        if self.activation not in ACTIVATIONS:
            raise ParameterError(f"the explorer has no activation {self.activation!r} "
                                 f"(it has {', '.join(ACTIVATIONS)})")
        if self.layer not in LAYERS:
            raise ParameterError(f"unknown layer kind {self.layer!r} (choose from {', '.join(LAYERS)})")
        if not 1 <= self.depth <= MAX_DEPTH:
            raise ParameterError(f"the depth must be 1 to {MAX_DEPTH}, got {self.depth}")
        if abs(self.w) > MAX_WEIGHT or abs(self.at) > MAX_POINT:
            raise ParameterError(f"w must lie within ±{MAX_WEIGHT} and z or x within ±{MAX_POINT}")


@dataclass(frozen=True)
class GradientPath:
    """Layer by layer, bottom (k = 1) first: the pre-activation (none when
    normalized) and δ_k, the gradient reaching the layer; and the factors
    f_1 … f_(n-1) that carry δ down, one fewer than the layers."""

    setting: Setting
    z: tuple
    factor: tuple
    gradient: tuple

    def layers_below(self, limit) -> int:
        """How many layers' gradients are smaller in size than `limit`."""
        return sum(1 for g in self.gradient if abs(g) < limit)

    def layers_rounded_to_zero(self, limit) -> int:
        """How many layers' gradients are at most `limit` in size (ties round to zero)."""
        return sum(1 for g in self.gradient if abs(g) <= limit)


def format_losses(path: GradientPath, fmt: str) -> dict[str, int]:
    """How many layers' gradients would be subnormal, and how many would round
    to zero, if they were stored in the format `fmt`."""
    limits = FORMATS[fmt]
    with workdps():
        normal = _mp(limits.smallest_normal)
        half_subnormal = _mp(limits.smallest_subnormal / 2)
    return {"subnormal": path.layers_below(normal), "zero": path.layers_rounded_to_zero(half_subnormal)}


def gradient_path(setting: Setting) -> GradientPath:
    value, slope = _mp_functions(setting.activation)
    n = setting.depth
    with workdps():
        w, at = _mp(setting.w), _mp(setting.at)
        if setting.layer == "normalized":
            zs = ()
            factors = [mpmath.sign(w) * normalized_factor(setting.activation).mp] * (n - 1)
        else:
            zs = _traced(value, w, at, n, setting.layer == "skip") if setting.traced else [at] * n
            offset = 1 if setting.layer == "skip" else 0
            factors = [offset + w * slope(v) for v in zs[:-1]]
        gradient = [mpmath.mpf(1)] * n
        for k in range(n - 2, -1, -1):
            gradient[k] = gradient[k + 1] * factors[k]
    return GradientPath(setting, tuple(zs), tuple(factors), tuple(gradient))


def _traced(value, w, x, n: int, skip: bool) -> list:
    zs, a = [], x
    for _ in range(n):
        zs.append(w * a)
        a = a + value(zs[-1]) if skip else value(zs[-1])
    return zs


@cache
def normalized_factor(name: str) -> Quantity:
    """E[φ'(Z)] / sd φ(Z) for Z ~ N(0, 1): what a normalized layer passes on."""
    act = activation(name)
    value, slope = _mp_functions(name)
    with workdps():
        def mean(g):
            return mpmath.quad(lambda v: g(v) * mpmath.npdf(v), [-mpmath.inf, -10, 0, 10, mpmath.inf])
        mp = mean(slope) / mpmath.sqrt(mean(lambda v: value(v) ** 2) - mean(value) ** 2)
    return Quantity.numeric(mp, float64=lambda: _normalized_factor_float64(act.expr, act.derivative),
                            float64_rtol=QUADRATURE_RTOL)


def _normalized_factor_float64(expr: sp.Expr, derivative: sp.Expr) -> float:
    """The same ratio by scipy's adaptive quadrature in float64, split at the kink
    z = 0 and cut off where the normal density is below 10^-300. (scipy is
    imported here, not with the module: it is a quarter of a second that
    every command would pay, and only this cross-check uses it.)"""
    from scipy import integrate

    value, slope = float_function(expr), float_function(derivative)

    def mean(g):
        def weighted(v):
            return float(g(v)) * np.exp(-v * v / 2) / np.sqrt(2 * np.pi)
        return sum(integrate.quad(weighted, lo, hi, epsabs=0, epsrel=1e-13, limit=200)[0]
                   for lo, hi in ((-QUADRATURE_REACH, 0), (0, QUADRATURE_REACH)))

    return mean(slope) / np.sqrt(mean(lambda v: value(v) ** 2) - mean(value) ** 2)


def _mp_functions(name: str):
    act = activation(name)
    return mp_function(act.expr), mp_function(act.derivative)


def _mp(value: sp.Rational) -> mpmath.mpf:
    return mpmath.mpf(int(value.p)) / int(value.q)
