"""The gradient of a sigmoid chain's output with respect to its first weight."""

import sympy as sp

from derive.chain import first_weight_gradient
from derive.derivation import Derivation, step
from derive.quantity import Quantity
from derive.registry import Param, derivation, integer, rational, require
from derive import symbols
from derive.symbols import logistic, sigma

w1 = sp.Symbol("w_1", real=True)
MAX_LAYERS = 50
MAX_MAGNITUDE = 10
EXACT_LAYERS = 6
"""Up to this depth the result carries its closed form (nested exponentials);
deeper chains are evaluated by the mpmath trace and checked in float64 only,
since sympy's evaluation of the nest grows too slow to be worth it."""


def slope_at(arg):
    """σ'(arg), kept as a named derivative for display."""
    t = sp.Symbol("t", real=True)
    return sp.Subs(sp.Derivative(sigma(t), t), t, arg)


def nested(weight, first_weight, inp, layers, f=sigma):
    """a_n of the chain: f applied `layers` times, the first weight multiplying `inp`."""
    signal = f(first_weight * inp)
    for _ in range(layers - 1):
        signal = f(weight * signal)
    return signal


@derivation("chain-gradient", "How a sigmoid chain's output depends on its first weight",
            Param("w", rational, "1/10", "the weight on every link"),
            Param("x", rational, "1", "the input"),
            Param("layers", integer, "4", f"the number of sigmoid units, 1 to {MAX_LAYERS}"))
def chain_gradient(w: sp.Rational, x: sp.Rational, layers: int) -> Derivation:
    require(1 <= layers <= MAX_LAYERS, f"chain-gradient: layers must be 1 to {MAX_LAYERS}, got {layers}")
    require(abs(w) <= MAX_MAGNITUDE and abs(x) <= MAX_MAGNITUDE,
            f"chain-gradient: w and x must lie between -{MAX_MAGNITUDE} and {MAX_MAGNITUDE}")
    sw, sx = symbols.w, symbols.x
    z1 = w1 * sx
    z2 = sw * sigma(z1)
    z3 = sw * sigma(z2)
    steps = (
        step(sp.Derivative(nested(sw, w1, sx, 3), w1),
             sp.Mul(sw, slope_at(z3), sw, slope_at(z2), sx, slope_at(z1), evaluate=False),
             r"chain rule through three units: $w\, \sigma'(z_k)$ from each unit above the first, "
             r"then $x\, \sigma'(z_1)$ from the first"),
    )
    numeric = first_weight_gradient(w, x, layers)
    if layers <= EXACT_LAYERS:
        exact = sp.diff(nested(w, w1, x, layers, logistic), w1).subs(w1, w)
        result = Quantity.exact(exact, mp=numeric.mp, float64=numeric.float64)
    else:
        result = numeric
    return Derivation("chain-gradient", f"∂a_{layers}/∂w_1 for w = {w}, x = {x}", steps, result,
                      params={"w": w, "x": x, "layers": layers},
                      details={"first pre-activation z_1": Quantity.exact(w * x)})
