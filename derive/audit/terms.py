"""What the claims are computed from: derive's catalog, exact powers, and
source 003's anchor chain written out as exact expressions."""

import sympy as sp

from derive.activations import activation
from derive.quantity import Quantity, q
from derive.symbols import logistic

W, X = sp.Rational(1, 10), sp.Integer(1)


def slope(name: str, at) -> Quantity:
    return activation(name).slope(at)


def value(name: str, at) -> Quantity:
    return activation(name).value(at)


def anchor_z(k: int) -> sp.Expr:
    """z_k of the anchor chain (w = 1/10, x = 1, zero biases), exactly."""
    return W * X if k == 1 else W * anchor_a(k - 1)


def anchor_a(k: int) -> sp.Expr:
    return logistic(anchor_z(k))


def anchor_slope(k: int) -> sp.Expr:
    return anchor_a(k) * (1 - anchor_a(k))


def anchor_signal(k: int, layers: int = 4) -> sp.Expr:
    """∂L/∂a_k with ∂L/∂a_4 = 1, the source's δ column."""
    return sp.Mul(*(W * anchor_slope(j) for j in range(k + 1, layers + 1)))


def anchor_delta(k: int, layers: int = 4) -> sp.Expr:
    """δ_k = ∂L/∂z_k with δ_n = 1 at the top unit's input, the guide's
    convention (chapter 4): w σ'(z_j) for every unit from k to the one below the top."""
    return sp.Mul(*(W * anchor_slope(j) for j in range(k, layers)))


def anchor_weight_gradient(k: int, start: str = "a") -> sp.Expr:
    """∂L/∂w_k = ∂L/∂a_k · σ'(z_k) · a_(k-1). The backward pass starts from
    ∂L/∂a_4 = 1 at the top unit's output (start="a", the source's own δ steps),
    or from ∂L/∂z_4 = 1 at its input (start="z"), which leaves out the top
    unit's slope: ∂L/∂a_4 is then 1/σ'(z_4)."""
    below = X if k == 1 else anchor_a(k - 1)
    top = 1 if start == "a" else 1 / anchor_slope(4)
    return top * anchor_signal(k) * anchor_slope(k) * below
