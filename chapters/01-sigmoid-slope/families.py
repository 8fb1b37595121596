"""Chapter 1's families: the sigmoid's slope, its share of the maximum, where
it falls to a given value, and the derivative of a stretched sigmoid."""

import sympy as sp

from derive import activation
from derive.derivations.sigmoid import threshold_value
from derive.symbols import sigma, z
from gradbook.practice.common import (RELATIVE, THREE_FIGURES, decimal, figures_to_reproduce, json_number, q,
                                     sample_z, signed)
from gradbook.practice.family import Family, Solved
from gradbook.practice.rules import Symbolic

S = activation("sigmoid")
PEAK = S.slope(0)
"""The sigmoid's largest slope, σ'(0)."""


def solve_slope(p):
    point = sp.Rational(str(p["z"]))
    value, slope = S.value(point), S.slope(point)
    complement = q(1 - value.exact_value)
    sig = figures_to_reproduce([value, complement], lambda s, c: s * c, slope)
    return Solved({"slope": (slope, THREE_FIGURES)},
                  {"zq": q(point), "s": value.latex(sig), "complement": complement.latex(sig)})


def solve_fraction(p):
    point = sp.Rational(str(p["z"]))
    slope = S.slope(point)
    share = q(slope.exact_value / PEAK.exact_value)
    return Solved({"fraction": (share, RELATIVE)},
                  {"zq": q(point), "s": S.value(point), "slope": slope, "peak": PEAK,
                   "percent": q(100 * share.exact_value)})


c, u = sp.symbols("c u", positive=True)
THRESHOLD_STEPS = {"quadratic": sp.Eq(u * (1 - u), c), "root": sp.Eq(u, (1 + sp.sqrt(1 - 4 * c)) / 2),
                   "logit": sp.Eq(z, sp.log(u / (1 - u)))}
"""The equations the saturation-threshold solution goes through, the same for every c."""


def solve_threshold(p):
    given = sp.Rational(str(p["c"]))
    threshold = threshold_value(given)
    return Solved({"z": (threshold, RELATIVE)},
                  {"cq": q(given), "check": S.slope(threshold.exact_value), **THRESHOLD_STEPS})


def solve_scaled(p):
    """By the chain rule, d/dz σ(a z) = a σ'(a z): derive's σ' with a z put in,
    the same expression differentiating σ(a z) gives, for a fraction of the cost."""
    a = sp.Rational(str(p["a"]))
    derivative = a * S.derivative.subs(z, a * z)
    return Solved({"derivative": (derivative, Symbolic(["z"], {"a": str(a)}))},
                  {"aq": q(a), "inner": a * z, "form": a * sigma(a * z) * (1 - sigma(a * z))})


FAMILIES = (
    Family("sigmoid-derivative", "the sigmoid's slope at a point", {"z": "the pre-activation"},
           sample_z, solve_slope,
           "Compute $\\sigma'(z)$ at $z = {{ zq }}$, to three significant figures.",
           "First the forward value, $\\sigma({{ zq }}) = {{ s }}$. The slope is "
           "$\\sigma(z)\\,(1 - \\sigma(z)) = {{ s }} \\times {{ complement }} = {{ answer.slope }}$.",
           "The slope needs only the forward value: it is σ(z) times one minus σ(z)."),
    Family("fraction-of-max", "the slope as a share of its maximum", {"z": "the pre-activation"},
           sample_z, solve_fraction,
           "What fraction of its largest possible value does the sigmoid's slope keep at $z = {{ zq }}$?",
           "$\\sigma({{ zq }}) = {{ s }}$, so $\\sigma'({{ zq }}) = {{ slope }}$. The largest slope is "
           "$\\sigma'(0) = {{ peak }}$, so the fraction is ${{ slope }} / {{ peak }} = {{ answer.fraction }}$, "
           "that is ${{ percent }}\\,\\%$.",
           "Divide the slope at the point by the slope at zero."),
    Family("saturation-threshold", "where the slope falls to a given value", {"c": "the slope, between 0 and 1/4"},
           lambda rng, d: {"c": json_number(sp.Rational(rng.randrange(1, {1: 50, 2: 250, 3: 1000}[d]),
                                                        {1: 200, 2: 1000, 3: 100000}[d]))},
           solve_threshold,
           "Find the $z > 0$ at which the sigmoid's slope equals ${{ cq }}$.",
           "Write $u = \\sigma(z)$ and $c = {{ cq }}$. Then ${{ quadratic }}$ is a quadratic in $u$; "
           "$z > 0$ takes its larger root, ${{ root }}$, and the logit ${{ logit }}$ turns it into "
           "$z = {{ answer.z | exact }} = {{ answer.z }}$. Check: $\\sigma'({{ answer.z }}) = {{ check }}$.",
           "Solve the quadratic for σ(z) first, then invert the sigmoid."),
    Family("differentiate-scaled-sigmoid", "the derivative of a stretched sigmoid",
           {"a": "the stretch factor"},
           lambda rng, d: {"a": json_number({1: signed(rng, sp.Rational(rng.randrange(3, 25), 2)), 2: signed(rng, decimal(rng, 0.5, 4, 1)),
                                             3: signed(rng, decimal(rng, 0.1, 9, 2))}[d] or 1)},
           solve_scaled,
           "Differentiate $\\sigma({{ inner }})$ with respect to $z$, and give the result as an expression in "
           "$z$. You may write $a$ for the scale ${{ aq }}$, and use $\\sigma$ itself (typed `sigma`) or "
           "exponentials (`exp`).",
           "By the chain rule the inner function contributes its own derivative, ${{ aq }}$: "
           "$\\frac{d}{dz}\\sigma({{ inner }}) = {{ form }}$, which is ${{ answer.derivative }}$ written with "
           "exponentials.",
           "Chain rule: the derivative of σ at the inner value, times the derivative of the inner value."),
)
