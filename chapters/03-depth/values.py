"""What chapter 3 prints: the chain rule for one neuron, the product through
depth, the sources' products, and the depth at which a product vanishes."""

import sympy as sp

from derive import Quantity, derive, step
from derive.symbols import sigma

FACTORS = ("1/4", "1/5", "1/20", "1/40", "19/20")
"""The per-layer factors the sources use: sigmoid's best, source 001's, source
000's, the anchor network's w·σ' and source 004's 5 % loss per layer."""
EPSILONS = ("1/1000", "1/1000000")
FIVE_FACTOR, FIVE_LAYERS, LEARNING_RATE = sp.Rational(1, 5), 5, sp.Rational(1, 10)
"""Source 001's second practice problem: five layers at 0.2 each, learning rate 0.1."""


def q(value) -> Quantity:
    return Quantity.exact(sp.nsimplify(value) if isinstance(value, str) else value)


def values() -> dict:
    a0, w, b, y = sp.symbols("a_0 w b y", real=True)
    pre = w * a0 + b
    cost = (sigma(pre) - y) ** 2
    t = sp.Symbol("t", real=True)
    slope_at = sp.Subs(sp.Derivative(sigma(t), t), t, pre)
    one_neuron = step(sp.Derivative(cost, w), sp.Mul(2, sigma(pre) - y, slope_at, a0, evaluate=False),
                      "chain rule through the cost, the sigmoid and the weighted sum")
    depth = derive("depth-product", activation="sigmoid", w="1", layers="10")
    tanh_depth = derive("depth-product", activation="tanh", w="1", layers="10")
    products = {
        "ten": {"factor": q("1/4"), "n": 10, "value": depth.result},
        "tanh": {"factor": q("1"), "n": 10, "value": tanh_depth.result},
        "five": {"factor": q(FIVE_FACTOR), "n": FIVE_LAYERS, "value": Quantity.exact(FIVE_FACTOR ** FIVE_LAYERS),
                 "params": {"factor": float(FIVE_FACTOR), "layers": FIVE_LAYERS, "lr": float(LEARNING_RATE)}},
        "twenty": {"factor": q("1/20"), "n": 20, "value": Quantity.exact(sp.Rational(1, 20) ** 20)},
        "hundred": {"factor": q("19/20"), "loss": q("5/100"), "n": 100,
                    "value": Quantity.exact(sp.Rational(19, 20) ** 100),
                    "percent": Quantity.exact(100 * sp.Rational(19, 20) ** 100)},
    }
    vanish = [{"factor": q(f), "n": [derive("layers-to-vanish", factor=f, eps=e).result for e in EPSILONS]}
              for f in FACTORS]
    strong = derive("depth-product", activation="sigmoid", w="5", layers="10")
    return {
        "explore": {"activation": "sigmoid", "depth": products["ten"]["n"] + 1, "w": "1", "at": "0"},
        "f": {"pre": sp.Eq(sp.Symbol("z"), pre), "act": sp.Eq(sp.Symbol("a"), sigma(sp.Symbol("z"))),
              "cost": sp.Eq(sp.Symbol("C"), (sp.Symbol("a") - y) ** 2)},
        "one_neuron": one_neuron,
        "depth": depth,
        "bound_sigmoid": sp.Pow(sp.Abs(w) / 4, sp.Symbol("n")),
        "bound_tanh": sp.Pow(sp.Abs(w), sp.Symbol("n")),
        "explode_sigmoid": depth.details["explodes above |w| ="],
        "explode_tanh": tanh_depth.details["explodes above |w| ="],
        "strong": {"w": q("5"), "n": 10, "bound": strong.result, "factor": strong.details["per-layer factor"]},
        "products": products,
        "eps": [q(e) for e in EPSILONS],
        "vanish": vanish,
    }
