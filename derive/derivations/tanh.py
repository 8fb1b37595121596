"""Tanh: its slope, its maximum, and its identity with a stretched sigmoid."""

import sympy as sp

from derive.derivation import Derivation, step
from derive.quantity import Quantity
from derive.registry import derivation
from derive.symbols import sigma, z

slope = sp.Derivative(sp.tanh(z), z)
slope_form = 1 - sp.tanh(z) ** 2


@derivation("tanh-derivative", "The derivative of tanh")
def tanh_derivative() -> Derivation:
    steps = (
        step(slope, sp.Derivative(sp.sinh(z) / sp.cosh(z), z), r"$\tanh$ is $\sinh$ over $\cosh$"),
        step(slope, (sp.cosh(z) ** 2 - sp.sinh(z) ** 2) / sp.cosh(z) ** 2, "quotient rule"),
        step(sp.cosh(z) ** 2 - sp.sinh(z) ** 2, 1, "the hyperbolic Pythagorean identity"),
        step(slope, 1 / sp.cosh(z) ** 2, "so the numerator is $1$"),
        step(slope, slope_form, r"write $1/\cosh^2 z$ as $(\cosh^2 z - \sinh^2 z)/\cosh^2 z$"),
    )
    return Derivation("tanh-derivative", "The derivative of tanh", steps, slope_form)


@derivation("tanh-max", "The slope of tanh is at most 1, at z = 0")
def tanh_max() -> Derivation:
    steps = (
        step(sp.Derivative(slope_form, z), sp.Mul(-2, sp.tanh(z), slope_form, evaluate=False), "chain rule"),
        step(sp.Subs(sp.tanh(z), z, 0), 0,
             r"$1 - \tanh^2 z > 0$, so the slope is flat only where $\tanh z = 0$: at $z = 0$"),
        step(sp.Limit(1 / sp.cosh(z) ** 2, z, sp.oo), 0,
             r"$1 - \tanh^2 z = 1/\cosh^2 z$ dies away in both tails (it is even)"),
        step(sp.Subs(slope, z, 0), 1, r"so the maximum is $\tanh'(0) = 1 - 0^2$"),
        step(sp.Subs(slope, z, 0) / sp.Subs(sp.Derivative(sigma(z), z), z, 0), 4,
             "four times the sigmoid's best slope"),
    )
    return Derivation("tanh-max", "Maximum of tanh'(z)", steps, Quantity.exact(1),
                      details={"attained at z": Quantity.exact(0), "ratio to sigmoid's maximum": Quantity.exact(4)})


@derivation("tanh-sigmoid-identity", "tanh z = 2σ(2z) - 1, hence tanh'(z) = 4σ'(2z)")
def tanh_sigmoid_identity() -> Derivation:
    t = sp.Symbol("t", real=True)
    stretched_slope = 4 * sp.Subs(sp.Derivative(sigma(t), t), t, 2 * z)
    e = sp.exp
    steps = (
        step(2 * sigma(2 * z) - 1, 2 / (1 + e(-2 * z)) - 1, r"the definition of $\sigma$"),
        step(2 / (1 + e(-2 * z)) - 1, (1 - e(-2 * z)) / (1 + e(-2 * z)), "one fraction"),
        step((1 - e(-2 * z)) / (1 + e(-2 * z)), (e(z) - e(-z)) / (e(z) + e(-z)),
             "multiply top and bottom by $e^{z}$"),
        step((e(z) - e(-z)) / (e(z) + e(-z)), sp.tanh(z), r"the definition of $\tanh$"),
        step(slope, stretched_slope,
             r"differentiate $2\sigma(2z) - 1$: the inner $2z$ brings a second factor $2$"),
        step(stretched_slope.subs(z, 0), 1,
             r"at $z = 0$: $4 \cdot \tfrac14 = 1$, the largest slope of $\tanh$"),
    )
    return Derivation("tanh-sigmoid-identity", "tanh as a stretched sigmoid", steps, stretched_slope)
