"""What chapter 2 prints: tanh's slope, its tie to the sigmoid, the two
activations side by side, and the sign pattern of weight gradients."""

import sympy as sp

from derive import Quantity, activation, derive, step
from derive.formats import FORMATS, exact_depths
from derive.symbols import sigma, z

TANH_POINTS = (0, 1, 2, 3)
"""Source 000 quotes tanh' at 0, 2 and 3, source 002 at ±1."""
SIDE_BY_SIDE = (-3, -1, 0, 1, 3)
"""The inputs of source 000's sigmoid-versus-tanh printout."""
UPSTREAM = sp.Rational(-1, 5)
INPUTS = (-2, sp.Rational(1, 2), 3)
"""A unit's error signal and the pre-activations of the three units feeding it,
for the zig-zag example."""
SPREADS = ("1/2", "1", "2", "5")
"""Spreads s of a zero-mean normal pre-activation, N(0, s²), for the expected-slope table."""
THRESHOLD = "1/1000000"
"""The size below which the product of expected slopes counts as vanished."""
LARGE_WEIGHT, LARGE_INPUT = 10, 5
"""A large weight, and the pre-activation it typically produces, for the answer's first follow-up."""
SKIP_BLOCKS = 10
"""Residual blocks, each with its own derivative at chapter 6's default, for the answer."""


def _expected_rows() -> list[dict]:
    """Both expected slopes at each spread, their ratio, and the depth at which
    each one's product falls below the threshold."""
    rows = []
    for spread in SPREADS:
        d = derive("expected-tanh-slope", s=spread, eps=THRESHOLD)
        sigmoid_slope = d.details["E[σ'(Z)]"]
        rows.append({"s": Quantity.exact(sp.Rational(spread)), "tanh": d.result, "sigmoid": sigmoid_slope,
                     "ratio": Quantity.numeric(d.result.mp / sigmoid_slope.mp,
                                               float64=d.result.float64 / sigmoid_slope.float64),
                     "tanh_layers": d.details["tanh layers below eps"],
                     "sigmoid_layers": d.details["sigmoid layers below eps"]})
    return rows


def _answer(s) -> dict:
    """The numbers the answer to rehearse quotes, each from derive."""
    sigmoid_depth = derive("depth-product", activation="sigmoid", w="1", layers="10")
    residual = derive("residual-gradient", blocks=str(SKIP_BLOCKS))
    return {"ten": sigmoid_depth.result, "layers": sigmoid_depth.params["layers"], "explode": sigmoid_depth.details["explodes above |w| ="],
            "large_w": Quantity.exact(LARGE_WEIGHT), "large_z": Quantity.exact(LARGE_INPUT),
            "large_factor": Quantity.exact(LARGE_WEIGHT * s.slope(LARGE_INPUT).exact_value),
            "float16_zero": exact_depths(sp.Rational(1, 4), FORMATS["float16"])["zero"],
            "residual": residual.result, "plain": residual.details["without skip connections"],
            "fprime": Quantity.exact(residual.params["fprime"]), "blocks": SKIP_BLOCKS}


def values() -> dict:
    s, t = activation("sigmoid"), activation("tanh")
    expected = _expected_rows()
    halves = step(sigma(z) + sigma(-z), 1, "σ(z) + σ(−z) = 1")
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
        "halves": sp.Eq(halves.lhs, halves.rhs),
        "law": r"Z \sim N(0, s^2)", "unit_law": r"N(0, 1)",
        "four_times": r"\mathrm{E}[\tanh'(Z)] = 4\,\mathrm{E}[\sigma'(2Z)]",
        "expected": {"steps": derive("expected-tanh-slope", s="1", eps=THRESHOLD), "rows": expected,
                     "unit": expected[SPREADS.index("1")], "eps": Quantity.exact(sp.Rational(THRESHOLD))},
        "answer": _answer(s),
    }
