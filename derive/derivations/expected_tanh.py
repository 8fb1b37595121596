"""The expected slope of tanh when its input is spread as N(0, s²), tied to the
sigmoid's by tanh'(z) = 4σ'(2z), and how many layers each expected slope lasts
before the product of one per layer falls below a threshold."""

import math

import mpmath
import numpy as np
import sympy as sp

from derive.derivation import Derivation, step
from derive.derivations.normalization import (expected_slope_float64, expected_slope_mp, normal_density,
                                              spread_symbol)
from derive.errors import VerificationError
from derive.precision import workdps
from derive.quantity import Quantity
from derive.registry import Param, derivation, rational, require
from derive.symbols import sigma, z

MIN_SPREAD, MAX_SPREAD = sp.Rational(1, 1000), 500
"""The sigmoid's expected slope is computed at twice the spread, up to 1000."""
tanh_slope = sp.Derivative(sp.tanh(z), z)


def _tanh_slope_mp(v):
    return 1 / mpmath.cosh(v) ** 2


def expected_tanh_slope_mp(spread) -> mpmath.mpf:
    """E[tanh'(Z)], Z ~ N(0, spread²), integrated directly (not through the
    sigmoid), in the same variables as `expected_slope_mp`."""
    with workdps():
        k = mpmath.mpf(spread)
        if k >= 1:
            def integrand(v):
                return _tanh_slope_mp(v) * mpmath.npdf(v, 0, k)
        else:
            def integrand(v):
                return _tanh_slope_mp(k * v) * mpmath.npdf(v)
        return 2 * mpmath.quad(integrand, [0, 1, 4, 10, 40, 160, mpmath.inf])


def expected_tanh_slope_float64(spread: float) -> float:
    """The same expectation in float64, by the trapezoid rule on a fine grid."""
    grid = np.linspace(-60.0, 60.0, 24001)
    if spread >= 1:
        slope_part, normal_part, scale = grid, grid / spread, 1 / spread
    else:
        slope_part, normal_part, scale = spread * grid, grid, 1.0
    values = 1 / np.cosh(slope_part) ** 2 * np.exp(-normal_part**2 / 2) * scale / math.sqrt(2 * math.pi)
    return float(np.trapezoid(values, grid))


def layers_below(factor: mpmath.mpf, eps: sp.Rational) -> int:
    """The least n with factor**n < eps, for 0 < factor < 1, checked at 60 digits."""
    with workdps():
        threshold = mpmath.mpf(eps.p) / eps.q
        n = max(int(mpmath.floor(mpmath.log(threshold) / mpmath.log(factor))) + 1, 1)
        if not (factor ** n < threshold and (n == 1 or factor ** (n - 1) >= threshold)):
            raise VerificationError(f"no least power of {mpmath.nstr(factor, 10)} below {eps}")
        return n


@derivation("expected-tanh-slope", "E[tanh'(Z)] = 4 E[σ'(2Z)] for Z ~ N(0, s²), and the depth each slope lasts",
            Param("s", rational, "1", f"the spread of the pre-activation, {MIN_SPREAD} to {MAX_SPREAD}"),
            Param("eps", rational, "1/1000000", "the threshold the product of expected slopes falls below, in (0, 1)"))
def expected_tanh_slope(s: sp.Rational, eps: sp.Rational) -> Derivation:
    require(MIN_SPREAD <= s <= MAX_SPREAD,
            f"expected-tanh-slope: s must lie between {MIN_SPREAD} and {MAX_SPREAD}, got {s}")
    require(0 < eps < 1, f"expected-tanh-slope: eps must lie strictly between 0 and 1, got {eps}")
    k = spread_symbol
    y, t = sp.Symbol("y", real=True), sp.Symbol("t", real=True)
    sigmoid_slope_at = sp.Subs(sp.Derivative(sigma(t), t), t, 2 * z)
    with workdps():
        tanh_mp, sigmoid_doubled_mp = expected_tanh_slope_mp(s), expected_slope_mp(2 * s)
        direct, through_sigmoid = sp.Float(tanh_mp, 60), 4 * sp.Float(sigmoid_doubled_mp, 60)
    steps = (
        step(1 - tanh_slope, sp.tanh(z) ** 2,
             r"$1 - \tanh'(z) = \tanh^2 z$, which is positive except at $z = 0$: "
             r"$\tanh'(z) \le 1$, with equality only at the origin"),
        step(tanh_slope, 4 * sigmoid_slope_at,
             r"$\tanh z = 2\sigma(2z) - 1$, so $\tanh'(z) = 4\sigma'(2z)$ and "
             r"$\mathrm{E}[\tanh'(Z)] = 4\int \sigma'(2z)\, \varphi_s(z)\, dz$"),
        step(sp.Mul(sp.Rational(1, 2), sp.Subs(normal_density(z, k), z, y / 2), evaluate=False),
             normal_density(y, 2 * k),
             r"put $y = 2z$, $dz = dy/2$: the density becomes $\varphi_{2s}$, so "
             r"$\mathrm{E}[\tanh'(Z)] = 4\,\mathrm{E}[\sigma'(2Z)]$ with $2Z \sim N(0, (2s)^2)$"),
        step(sp.Limit(sp.tanh(z), z, sp.oo) - sp.Limit(sp.tanh(z), z, -sp.oo), 2,
             r"$\int \tanh'(z)\, dz = 2$, twice $\int \sigma'(z)\, dz = 1$: for a wide spread "
             r"$\mathrm{E}[\tanh'(Z)] \approx 2\varphi_s(0)$, twice the sigmoid's expected slope"),
        step(direct, through_sigmoid,
             rf"at $s = {sp.latex(s)}$, $\tanh'$ integrated against $\varphi_s$ directly agrees with "
             r"$4\,\mathrm{E}[\sigma'(2Z)]$ integrated through the sigmoid"),
    )
    value = Quantity.numeric(tanh_mp, float64=lambda: expected_tanh_slope_float64(float(s)))
    sigmoid_value = Quantity.numeric(expected_slope_mp(s), float64=lambda: expected_slope_float64(float(s)))
    return Derivation(
        "expected-tanh-slope", f"E[tanh'(Z)] for Z ~ N(0, {s}²)", steps, value, params={"s": s, "eps": eps},
        details={"E[σ'(Z)]": sigmoid_value,
                 "E[σ'(2Z)]": Quantity.numeric(sigmoid_doubled_mp,
                                               float64=lambda: expected_slope_float64(float(2 * s))),
                 "tanh layers below eps": Quantity.exact(layers_below(value.mp, eps)),
                 "sigmoid layers below eps": Quantity.exact(layers_below(sigmoid_value.mp, eps)),
                 "wide-spread approximation": Quantity.exact(2 / (s * sp.sqrt(2 * sp.pi)))})
