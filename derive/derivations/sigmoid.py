"""The sigmoid's slope: its two forms, its maximum two ways, its second
derivative, and where it falls below a given value."""

import math

import mpmath
import sympy as sp

from derive import printing
from derive.derivation import Derivation, step
from derive.errors import VerificationError
from derive.precision import workdps
from derive.quantity import Quantity
from derive.registry import Param, derivation, rational, require
from derive.symbols import fraction, kept, logistic, sigma, z

u = sp.Symbol("u", positive=True)
"""Stands for σ(z), which lies in (0, 1)."""
UNIT_SAMPLES = {u: (sp.Rational(1, 5), sp.Rational(1, 2), sp.Rational(17, 20))}

slope = sp.Derivative(sigma(z), z)
slope_form = sp.Mul(sigma(z), 1 - sigma(z), evaluate=False)


def at(expr, value):
    """`expr` evaluated at z = value, kept unevaluated for display."""
    return sp.Subs(expr, z, value)


@derivation("sigmoid-derivative", "The derivative of the sigmoid, in two forms")
def sigmoid_derivative() -> Derivation:
    exp_form = sp.exp(-z) / (1 + sp.exp(-z)) ** 2
    complement = sp.exp(-z) / (1 + sp.exp(-z))
    steps = (
        step(slope, sp.Derivative((1 + sp.exp(-z)) ** -1, z), r"the definition $\sigma(z) = 1/(1 + e^{-z})$"),
        step(slope, exp_form, r"chain rule: the outer power gives $-(1 + e^{-z})^{-2}$, "
                              r"the inner function gives $-e^{-z}$"),
        step(exp_form, sp.Mul(kept(logistic(z)), kept(complement), evaluate=False), "split the fraction in two"),
        step(complement, 1 - sigma(z), r"write $e^{-z}$ as $(1 + e^{-z}) - 1$ and divide by $1 + e^{-z}$"),
        step(slope, slope_form, r"substitute $\sigma(z)$ and $1 - \sigma(z)$ for the two factors"),
    )
    return Derivation("sigmoid-derivative", "The derivative of the sigmoid", steps,
                      slope_form, details={"exponential form": exp_form})


@derivation("sigmoid-max", "The sigmoid's slope is at most 1/4, at z = 0 (calculus)")
def sigmoid_max() -> Derivation:
    curvature = sp.Derivative(sigma(z), (z, 2))
    critical = sp.solveset(sp.diff(logistic(z) * (1 - logistic(z)), z), z, sp.S.Reals)
    require_single_zero(critical)
    steps = (
        step(curvature, sp.Mul(slope, 1 - 2 * sigma(z), evaluate=False),
             r"product rule on $\sigma(z)(1 - \sigma(z))$"),
        step(sigma(0), sp.Rational(1, 2),
             r"$\sigma'(z) > 0$, so $\sigma''(z) = 0$ only where $1 - 2\sigma(z) = 0$, "
             r"that is where $\sigma(z) = \tfrac12$: at $z = 0$"),
        step(at(sp.Derivative(sigma(z), (z, 3)), 0), sp.Rational(-1, 8),
             r"the slope's own second derivative, $\sigma'''$, is negative at $0$, so $z = 0$ is a maximum"),
        step(sp.Limit(slope_form, z, sp.oo), 0, "the slope dies away to the right"),
        step(sp.Limit(slope_form, z, -sp.oo), 0, "and to the left, so the maximum is global"),
        step(at(slope, 0), sp.Rational(1, 4), r"$\sigma(0)(1 - \sigma(0)) = \tfrac12 \cdot \tfrac12$"),
    )
    return Derivation("sigmoid-max", "Maximum of σ'(z) by calculus", steps,
                      Quantity.exact(sp.Rational(1, 4)), details={"attained at z": Quantity.exact(0)})


def require_single_zero(critical) -> None:
    if critical != sp.FiniteSet(0):
        raise VerificationError(f"expected one critical point at 0, sympy found {critical}")


@derivation("sigmoid-max-amgm", "The sigmoid's slope is at most 1/4, without calculus")
def sigmoid_max_amgm() -> Derivation:
    half = sp.Rational(1, 2)
    steps = (
        step(u * (1 - u), sp.Rational(1, 4) - (u - half) ** 2,
             r"complete the square, writing $u$ for $\sigma(z)$, which lies in $(0, 1)$", UNIT_SAMPLES),
        step(fraction(sp.Add(u, kept(1 - u), evaluate=False), 2), half,
             r"the AM–GM inequality says the same: $\sqrt{u(1 - u)} \le \frac{u + (1 - u)}{2} = \frac12$",
             UNIT_SAMPLES),
        step(sigma(0), half, r"the square vanishes only at $u = \tfrac12$, and $\sigma(z) = \tfrac12$ only at $z = 0$"),
        step(sp.Mul(sigma(0), 1 - sigma(0), evaluate=False), sp.Rational(1, 4),
             r"so the bound $\tfrac14$ is reached, at $z = 0$"),
    )
    return Derivation("sigmoid-max-amgm", "Maximum of σ'(z) by completing the square", steps,
                      Quantity.exact(sp.Rational(1, 4)),
                      details={"attained at σ(z)": Quantity.exact(half), "attained at z": Quantity.exact(0)})


@derivation("sigmoid-second-derivative-max", "The largest value of σ''(z), and where")
def sigmoid_second_derivative_max() -> Derivation:
    u_star = fraction(3 - sp.sqrt(3), 6)
    z_star = -sp.log(2 + sp.sqrt(3))
    curvature = sp.Derivative(sigma(z), (z, 2))
    second_form = sp.Mul(sigma(z), 1 - sigma(z), 1 - 2 * sigma(z), evaluate=False)
    steps = (
        step(curvature, second_form,
             r"differentiate $\sigma(1 - \sigma)$, using $\sigma' = \sigma(1 - \sigma)$"),
        step(sp.Derivative(sigma(z), (z, 3)),
             sp.Mul(sigma(z), 1 - sigma(z), 1 - 6 * sigma(z) + 6 * sigma(z) ** 2, evaluate=False),
             "differentiate once more"),
        step(sp.Subs(6 * u ** 2 - 6 * u + 1, u, u_star), 0,
             r"$\sigma''' = 0$ where $u = \sigma(z)$ solves $6u^2 - 6u + 1 = 0$; "
             r"the smaller root, $u = (3 - \sqrt{3})/6$, gives the maximum"),
        step(sigma(z_star), u_star, r"$z = \log\frac{u}{1 - u} = \log(2 - \sqrt{3}) = -\log(2 + \sqrt{3})$"),
        step(at(curvature, z_star), sp.sqrt(3) / 18, r"the maximum of $\sigma''$"),
        step(at(curvature, -z_star), -sp.sqrt(3) / 18, r"$\sigma''$ is odd, so its minimum is the mirror image"),
    )
    with workdps():
        third = sp.lambdify(z, sp.diff(logistic(z), z, 3), "mpmath")
        second = sp.lambdify(z, sp.diff(logistic(z), z, 2), "mpmath")
        located = mpmath.findroot(third, -1.3)
        value = Quantity.exact(sp.sqrt(3) / 18, mp=second(located))
    return Derivation("sigmoid-second-derivative-max", "Maximum of σ''(z)", steps, value,
                      details={"attained at z": Quantity.exact(z_star, mp=located),
                               "minimum": Quantity.exact(-sp.sqrt(3) / 18),
                               "second derivative": second_form})


SMALLEST_C = sp.Rational(1, 10**300)


def threshold_float64(c: sp.Rational) -> float:
    """The threshold in float64, a separate path from the closed form's: 1 - 4c is
    formed exactly first, then the atanh form (tanh(z/2) = sqrt(1 - 4c)) serves
    near c = 1/4 and the log form for small c, each where it loses no digits."""
    d = float(1 - 4 * c)
    if d < 0.5:
        return 2 * math.atanh(math.sqrt(d))
    return math.log((1 - 2 * float(c) + math.sqrt(d)) / (2 * float(c)))


@derivation("saturation-threshold", "Where the sigmoid's slope falls to c",
            Param("c", rational, "1/10", "the slope, strictly between 0 and 1/4"))
def saturation_threshold(c: sp.Rational) -> Derivation:
    require(0 < c < sp.Rational(1, 4),
            f"saturation-threshold: c must lie strictly between 0 and 1/4 "
            f"(σ'(z) never exceeds 1/4), got {c}")
    require(c >= SMALLEST_C, "saturation-threshold: c must be at least 1e-300, "
                             "where float64 can still hold it")
    k = sp.Symbol("c", positive=True)
    k_samples = {k: (sp.Rational(1, 10), sp.Rational(1, 50), sp.Rational(6, 25)), **UNIT_SAMPLES}
    root = fraction(1 + sp.sqrt(1 - 4 * k), 2)
    odds = fraction(1 - 2 * k + sp.sqrt(1 - 4 * k), 2 * k)
    closed = sp.log(odds)
    value = closed.subs(k, c)
    steps = (
        step(sp.Subs(u * (1 - u), u, root), k,
             r"with $u = \sigma(z)$, $\sigma'(z) = c$ reads $u^2 - u + c = 0$; "
             r"$z > 0$ takes the root above $\tfrac12$", k_samples),
        step(sigma(sp.log(u / (1 - u))), u, r"the logit $z = \log\frac{u}{1 - u}$ inverts the sigmoid", k_samples),
        step(sp.Subs(u / (1 - u), u, root), odds,
             "so $z$ is the logarithm of this ratio, with the root put in", k_samples),
        step(sp.cosh(closed), 1 / (2 * k) - 1,
             r"the same $z$ is $\operatorname{arcosh}\left(\frac{1}{2c} - 1\right)$", k_samples),
        step(sp.Subs(odds, k, c), sp.radsimp(odds.subs(k, c)),
             f"evaluated at $c = {printing.latex(c)}$: $z$ is the logarithm of this"),
        step(sp.Mul(sigma(value), 1 - sigma(value), evaluate=False), c,
             f"check at $c = {printing.latex(c)}$: the slope at that $z$ is $c$"),
    )
    result = threshold_value(c)
    with workdps():
        mirrored = Quantity.exact(-result.exact_value, mp=-result.mp, float64=-result.float64)
    return Derivation("saturation-threshold", f"Where σ'(z) falls to {c}", steps, result,
                      params={"c": c}, details={"negative side": mirrored})


def threshold_value(c: sp.Rational) -> Quantity:
    """The z > 0 with σ'(z) = c: the closed form, checked against a root found
    at 60 digits by the Illinois method (regula falsi that keeps the root
    bracketed, as bisection does, but converges in a few dozen steps, not
    two hundred) and against `threshold_float64`. The root is that of
    log σ'(z) - log c, which is nearly linear where σ'(z) is tiny, so the
    root finder's test of a small value means a small error in z."""
    closed = sp.log((1 - 2 * c + sp.sqrt(1 - 4 * c)) / (2 * c))
    with workdps():
        log_target = mpmath.log(mpmath.mpf(c.p) / c.q)

        def f(v):
            # log of e^{-z}/(1 + e^{-z})² rather than of σ(1 - σ): 1 - σ(z) cancels to nothing for large z.
            return -v - 2 * mpmath.log1p(mpmath.exp(-v)) - log_target

        upper = 1 - log_target  # σ'(z) < e^{-z}, so z_c < log(1/c)
        located = mpmath.findroot(f, (mpmath.mpf(0), upper), solver="illinois", maxsteps=400)
    return Quantity.exact(closed, mp=located, float64=threshold_float64(c))
