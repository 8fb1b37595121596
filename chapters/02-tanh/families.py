"""Chapter 2's families: tanh's slope, and how it compares with the sigmoid's."""

import sympy as sp

from derive import activation
from gradbook.practice.common import RELATIVE, THREE_FIGURES, figures_to_reproduce, power_base, q, sample_z
from gradbook.practice.family import Family, Solved

T, S = activation("tanh"), activation("sigmoid")


def solve_slope(p):
    point = sp.Rational(str(p["z"]))
    value, slope = T.value(point), T.slope(point)
    sig = figures_to_reproduce([value], lambda t: 1 - t * t, slope)
    return Solved({"slope": (slope, THREE_FIGURES)},
                  {"zq": q(point), "t": value.latex(sig), "t_base": power_base(value, sig)})


def solve_ratio(p):
    point = sp.Rational(str(p["z"]))
    tanh_slope, sigmoid_slope = T.slope(point), S.slope(point)
    ratio = q(tanh_slope.exact_value / sigmoid_slope.exact_value)
    return Solved({"ratio": (ratio, RELATIVE)},
                  {"zq": q(point), "tanh_slope": tanh_slope, "sigmoid_slope": sigmoid_slope,
                   "larger": "tanh" if ratio.mp > 1 else "the sigmoid"})


FAMILIES = (
    Family("tanh-derivative", "tanh's slope at a point", {"z": "the pre-activation"},
           sample_z, solve_slope,
           "Compute $\\tanh'(z)$ at $z = {{ zq }}$, to three significant figures.",
           "$\\tanh({{ zq }}) = {{ t }}$, and the slope is one minus its square: "
           "$\\tanh'({{ zq }}) = 1 - {{ t_base }}^2 = {{ answer.slope }}$.",
           "tanh' = 1 - tanh²."),
    Family("tanh-sigmoid-ratio", "tanh's slope against the sigmoid's", {"z": "the pre-activation"},
           sample_z, solve_ratio,
           "At $z = {{ zq }}$, how many times larger is $\\tanh'(z)$ than $\\sigma'(z)$? "
           "(A number below one means it is smaller.)",
           "$\\tanh'({{ zq }}) = {{ tanh_slope }}$ and $\\sigma'({{ zq }}) = {{ sigmoid_slope }}$, so the ratio is "
           "${{ answer.ratio }}$: here {{ larger }} has the larger slope. Near zero the ratio approaches four; "
           "far out, tanh saturates twice as fast and the ratio falls below one.",
           "Compute both slopes; tanh'(z) = 4σ'(2z) may help."),
)
