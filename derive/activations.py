"""The activation catalog: each function with its derivatives and their facts.

For every activation: the expression f(z), f'(z) and f''(z) by sympy, the
supremum of f' and where it is attained, values at any point as Quantities,
and whether f is zero-centred. "Zero-centred" here means odd, f(-z) = -f(z):
then a symmetric input gives outputs with mean zero, which is the property
that keeps a layer's weight gradients from all sharing one sign.

At a kink the derivative takes the value of the left piece (ReLU'(0) = 0),
the convention most frameworks use.
"""

from dataclasses import dataclass
from functools import cache, cached_property

import sympy as sp
from sympy.codegen.rewriting import optimize, optims_c99

from derive.errors import ParameterError
from derive.extrema import Extremum, supremum
from derive.quantity import Quantity
from derive.registry import rational
from derive.symbols import logistic, z

_standard_normal_cdf = (1 + sp.erf(z / sp.sqrt(2))) / 2


@dataclass(frozen=True)
class Activation:
    name: str
    title: str
    expr: sp.Expr

    @cached_property
    def derivative(self) -> sp.Expr:
        return sp.diff(self.expr, z)

    @cached_property
    def second_derivative(self) -> sp.Expr:
        return sp.diff(self.derivative, z)

    @cached_property
    def slope_sup(self) -> Extremum:
        """The supremum of f' and where it is attained."""
        return supremum(self.derivative, z)

    @cached_property
    def zero_centred(self) -> bool:
        return sp.simplify(self.expr.subs(z, -z) + self.expr) == 0

    def value(self, at) -> Quantity:
        return _at(self.expr, at)

    def slope(self, at) -> Quantity:
        return _at(self.derivative, at)

    def curvature(self, at) -> Quantity:
        return _at(self.second_derivative, at)


def _at(expr: sp.Expr, at) -> Quantity:
    """`expr` at z = at, where `at` is a number, a decimal string or a sympy value."""
    point = at if isinstance(at, sp.Basic) else rational(at)
    return Quantity.exact(expr.subs(z, point))


def stable_form(expr: sp.Expr) -> sp.Expr:
    """`expr` rewritten, identity by identity, into forms that keep their digits
    when evaluated at a fixed precision (float64, or mpmath's 60 digits):
    1 + erf(a) as erfc(-a), held unevaluated since sympy would turn it back
    into 2 - erfc(a), which loses everything for a far below zero;
    1 - tanh(a)² as sech(a)²; log(1 + x) as log1p(x); e^x - 1 as expm1(x)."""
    a = sp.Wild("a")
    held = expr.replace(sp.erf, lambda arg: sp.erfc(-arg, evaluate=False) - 1)
    return optimize(held.replace(1 - sp.tanh(a) ** 2, sp.sech(a) ** 2), optims_c99)


@cache
def float_function(expr: sp.Expr):
    """A numpy function of `expr` (of z) in the stable form, which keeps its digits in float64."""
    return sp.lambdify(z, stable_form(expr), modules=["scipy", "numpy"])


@cache
def mp_function(expr: sp.Expr):
    """An mpmath function of `expr` (of z): the stable form matters at 60 digits
    too, since 1 + erf(-30/sqrt 2) is 10^-197."""
    return sp.lambdify(z, stable_form(expr), modules="mpmath")


def leaky_relu(alpha=sp.Rational(1, 100)) -> Activation:
    return Activation("leaky-relu", f"leaky ReLU (slope {alpha} below zero)",
                      sp.Piecewise((alpha * z, z <= 0), (z, True)))


def elu(alpha=sp.Integer(1)) -> Activation:
    return Activation("elu", f"ELU (alpha = {alpha})",
                      sp.Piecewise((alpha * (sp.exp(z) - 1), z <= 0), (z, True)))


CATALOG: dict[str, Activation] = {a.name: a for a in (
    Activation("sigmoid", "logistic sigmoid", logistic(z)),
    Activation("tanh", "hyperbolic tangent", sp.tanh(z)),
    Activation("relu", "ReLU", sp.Piecewise((0, z <= 0), (z, True))),
    leaky_relu(),
    elu(),
    Activation("softplus", "softplus", sp.log(1 + sp.exp(z))),
    Activation("gelu", "GELU (exact, with the normal CDF)", z * _standard_normal_cdf),
    Activation("silu", "SiLU (swish)", z * logistic(z)),
)}


def activation(name: str) -> Activation:
    try:
        return CATALOG[name]
    except KeyError:
        raise ParameterError(f"unknown activation {name!r} (known: {', '.join(CATALOG)})") from None
