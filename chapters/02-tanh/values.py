"""What chapter 2 prints: tanh's slope, its tie to the sigmoid, the two
activations side by side, and the sign pattern of weight gradients."""

import sympy as sp

from derive import Quantity, activation, derive, step
from derive.symbols import sigma, z

TANH_POINTS = (0, 1, 2, 3)
"""Source 000 quotes tanh' at 0, 2 and 3, source 002 at ±1."""
SIDE_BY_SIDE = (-3, -1, 0, 1, 3)
"""The inputs of source 000's sigmoid-versus-tanh printout."""
UPSTREAM = sp.Rational(-1, 5)
INPUTS = (-2, sp.Rational(1, 2), 3)
"""A unit's error signal and the pre-activations of the three units feeding it,
for the zig-zag example."""


def values() -> dict:
    s, t = activation("sigmoid"), activation("tanh")
    tanh_slope = sp.Derivative(sp.tanh(z), z)
    sigmoid_slope = sp.Derivative(sigma(z), z)
    crossing = 2 * sp.acosh((1 + sp.sqrt(3)) / 2)
    crossing_check = step(t.derivative.subs(z, crossing), s.derivative.subs(z, crossing),
                          "tanh' and σ' agree at the crossing", symbolic=False)
    odd = step(sp.tanh(-z, evaluate=False), -sp.tanh(z), "tanh is odd")
    return {
        "explore": {"activation": "tanh", "depth": 10, "w": "1", "at": "0"},
        "f": {"tanh_slope": tanh_slope, "slope_form": derive("tanh-derivative").result,
              "identity": sp.Eq(sp.tanh(z), 2 * sigma(2 * z) - 1),
              "stretched": sp.Eq(tanh_slope, derive("tanh-sigmoid-identity").result),
              "sigmoid_slope": sigmoid_slope,
              "odd": sp.Eq(odd.lhs, odd.rhs, evaluate=False),  # left as written: sympy would make it True
              "sech": 1 / sp.cosh(z) ** 2, "sigmoid_sech": 1 / (4 * sp.cosh(z / 2) ** 2),
              "half_cosh": sp.Eq(sp.Symbol("c"), sp.cosh(z / 2)),
              "crossing_equation": sp.Eq(sp.cosh(z), 2 * sp.cosh(z / 2))},
        "d": {name: derive(name) for name in ("tanh-derivative", "tanh-max", "tanh-sigmoid-identity")},
        "peak": t.slope(0), "sigmoid_peak": s.slope(0), "ratio": derive("tanh-max").details["ratio to sigmoid's maximum"],
        "tanh_rows": [{"z": k, "tanh": t.value(k), "slope": t.slope(k)} for k in TANH_POINTS],
        "side": [{"z": k, "sigmoid": s.slope(k), "tanh": t.slope(k)} for k in SIDE_BY_SIDE],
        "crossing": {"z": Quantity.exact(crossing), "slope": Quantity.exact(s.derivative.subs(z, crossing)),
                     "check": crossing_check.check},
        "at_three": {"z": 3, "sigmoid": s.slope(3), "tanh": t.slope(3)},
        "zigzag": {"delta": Quantity.exact(UPSTREAM),
                   "rows": [{"z": Quantity.exact(sp.Rational(k)), "sigmoid_a": s.value(k),
                             "sigmoid_g": Quantity.exact(UPSTREAM * s.expr.subs(z, k)),
                             "tanh_a": t.value(k), "tanh_g": Quantity.exact(UPSTREAM * t.expr.subs(z, k))}
                            for k in INPUTS]},
        "centred": {"sigmoid": s.zero_centred, "tanh": t.zero_centred},
        "mean_sigmoid": s.value(0),
    }
