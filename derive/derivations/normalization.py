"""The sigmoid's expected slope when its input is spread as N(0, s²), which is
what batch normalization arranges (with s = 1 before any learned scale)."""

import math

import mpmath
import numpy as np
import sympy as sp

from derive.derivation import Derivation, step
from derive.errors import CrossCheckError
from derive.precision import workdps
from derive.quantity import Quantity
from derive.registry import Param, derivation, rational, require
from derive.symbols import sigma, z

MIN_SPREAD, MAX_SPREAD = sp.Rational(1, 1000), 1000
spread_symbol = sp.Symbol("s", positive=True)
u = sp.Symbol("u", real=True)
slope = sp.Derivative(sigma(z), z)


def normal_density(var, spread):
    return sp.exp(-var**2 / (2 * spread**2)) / (spread * sp.sqrt(2 * sp.pi))


STEP = mpmath.mpf(1) / 32
"""The trapezoid rule's step in t, where v = sinh t: small enough that the
rule's error lies far below the working precision (see `expected_slope_mp`)."""


def expected_slope_mp(spread) -> mpmath.mpf:
    """E[σ'(Z)], Z ~ N(0, spread²): twice the integral over v > 0 (the
    integrand is even), in the variable v = z when spread >= 1 and v = z/spread
    below, so the narrower of the two factors always has unit width.

    The integral is taken by the trapezoid rule after the substitution
    v = sinh t, which makes the integrand fall double-exponentially in t, so a
    hundred or two nodes reach the end of its support. The integrand is
    analytic in a strip about the real t-axis, where the rule's error falls
    like e^(-2πd/h) for a strip of half-width d and a step h (Trefethen and
    Weideman, SIAM Review 56, 2014): halving the step squares the error. So
    the rule on every other node (step 2h) must already agree with the full
    rule to half the working digits, which leaves the full rule's error below
    them all; that is checked on every call."""
    with workdps():
        k = mpmath.mpf(spread)
        stretch, width = (1, k) if k >= 1 else (k, 1)
        half_inverse_square = 1 / (2 * width**2)

        def integrand(v):
            e = mpmath.exp(-stretch * v)
            return e / (1 + e) ** 2 * mpmath.exp(-half_inverse_square * v * v)

        grow = mpmath.exp(STEP)
        node = grow
        terms = [integrand(0) / 2]
        while terms[-1] >= mpmath.eps * terms[0]:
            terms.append(integrand((node - 1 / node) / 2) * (node + 1 / node) / 2)
            node *= grow
        full, every_other = sum(terms), terms[0] + sum(terms[2::2])
        if abs(full - 2 * every_other) > mpmath.sqrt(mpmath.eps) * full:
            raise CrossCheckError(f"E[σ'(Z)] at s = {spread}: the trapezoid rule has not converged")
        return 2 * STEP * full / (width * mpmath.sqrt(2 * mpmath.pi))


def expected_slope_float64(spread: float) -> float:
    """The same expectation in float64: the trapezoid rule on a fine grid, in the
    same variable as `expected_slope_mp`."""
    grid = np.linspace(-60.0, 60.0, 24001)
    if spread >= 1:
        slope_part, normal_part = np.abs(grid), grid / spread
        scale = 1 / spread
    else:
        slope_part, normal_part = np.abs(spread * grid), grid
        scale = 1.0
    e = np.exp(-slope_part)
    values = e / (1 + e) ** 2 * np.exp(-normal_part**2 / 2) * scale / math.sqrt(2 * math.pi)
    return float(np.trapezoid(values, grid))


@derivation("expected-sigmoid-slope", "E[σ'(Z)] for Z ~ N(0, s²)",
            Param("s", rational, "1", f"the spread of the pre-activation, {MIN_SPREAD} to {MAX_SPREAD}"))
def expected_sigmoid_slope(s: sp.Rational) -> Derivation:
    require(MIN_SPREAD <= s <= MAX_SPREAD,
            f"expected-sigmoid-slope: s must lie between {MIN_SPREAD} and {MAX_SPREAD}, got {s}")
    k = spread_symbol
    t = sp.Symbol("t", real=True)
    scaled_slope = sp.Subs(sp.Derivative(sigma(t), t), t, k * u)
    steps = (
        step(sp.Mul(k, sp.Subs(sp.Mul(slope, normal_density(z, k), evaluate=False), z, k * u), evaluate=False),
             sp.Mul(scaled_slope, normal_density(u, 1), evaluate=False),
             r"$\mathrm{E}[\sigma'(Z)] = \int \sigma'(z)\, \varphi_s(z)\, dz$; put $z = su$ and $dz = s\, du$, "
             r"to integrate against $N(0, 1)$"),
        step(sp.Subs(slope, z, -z), slope, r"$\sigma'$ is even, so the integral is twice the one over $u > 0$"),
        step(sp.Limit(sigma(z), z, sp.oo) - sp.Limit(sigma(z), z, -sp.oo), 1,
             r"$\int \sigma'(z)\, dz = 1$: for a wide spread, "
             r"$\mathrm{E}[\sigma'(Z)] \approx \varphi_s(0) = 1/(s\sqrt{2\pi})$"),
        step(sp.Subs(slope, z, 0), sp.Rational(1, 4),
             r"for a narrow spread, $\mathrm{E}[\sigma'(Z)]$ tends to $\sigma'(0) = \tfrac14$"),
    )
    value = Quantity.numeric(expected_slope_mp(s), float64=lambda: expected_slope_float64(float(s)))
    return Derivation("expected-sigmoid-slope", f"E[σ'(Z)] for Z ~ N(0, {s}²)", steps, value,
                      params={"s": s},
                      details={"narrow-spread limit": Quantity.exact(sp.Rational(1, 4)),
                               "wide-spread approximation": Quantity.exact(1 / (s * sp.sqrt(2 * sp.pi)))})
