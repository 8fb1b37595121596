"""What chapter 3 prints: the chain rule for one neuron, the product through
depth, the sources' products, the depth at which a product vanishes, and the
matrix view (a layer's Jacobian, the spectral-norm bound, a recurrent W's powers,
and products of random matrices).

The random products are the experiment "random-products" (seeded, run and
cached like the training experiments); values() reads its runs once, and
figures.py draws the curves values() returns."""

import sympy as sp

from derive import Measured, Quantity, derive, step
from derive.quantity import q
from derive.symbols import sigma

FACTORS = ("1/4", "1/5", "1/20", "1/40", "19/20")
"""The per-layer factors the sources use: sigmoid's best, source 001's, source
000's, the anchor network's w·σ' and source 004's 5 % loss per layer."""
EPSILONS = ("1/1000", "1/1000000")
LAYER_W = {"w11": "2", "w12": "1", "w21": "1", "w22": "3"}
"""The matrix view's example layer: every entry below four, and its norm too."""
SPECTRAL_WORKED = {"activation": "sigmoid", "w11": 3, "w12": 2, "w21": 2, "w22": 3}
"""A layer whose entries are all below four while its norm is not."""
RECURRENT_W = {"w11": "9/10", "w12": "1", "w21": "0", "w22": "1/2"}
"""The recurrent example: spectral radius 9/10, spectral norm above one."""
RECURRENT_STEPS = (1, 2, 3, 5, 10, 20, 50)
EXPERIMENTS = ("random-products",)
SCALE_NAMES = {"half": "half the Xavier scale", "xavier": "the Xavier scale", "he": "the He scale",
               "double": "twice the Xavier scale"}
FIVE_FACTOR, FIVE_LAYERS, LEARNING_RATE = sp.Rational(1, 5), 5, sp.Rational(1, 10)
"""Source 001's second practice problem: five layers at 0.2 each, learning rate 0.1."""


def values(results: dict) -> dict:
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
        **matrix_view(),
        **random_products(results["random-products"]["runs"]),
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


def matrix_view() -> dict:
    """The layer's Jacobian and its spectral-norm bound, the scalar case, the
    recurrent powers of W, and the worked problem's matrix."""
    jacobian = derive("spectral-bound", activation="sigmoid", layers="10", **LAYER_W)
    tanh_bound = derive("spectral-bound", activation="tanh", layers="10", **LAYER_W)
    worked = derive("spectral-bound", **{k: str(v) for k, v in SPECTRAL_WORKED.items()})
    powers = [derive("recurrent-powers", steps=str(t), **RECURRENT_W) for t in RECURRENT_STEPS]
    first = powers[0]
    return {
        "jacobian": jacobian,
        "layer": {"W": matrix(LAYER_W), "largest_entry": q(max(sp.Rational(v) for v in LAYER_W.values())),
                  "norm": jacobian.details["spectral norm"], "factor": jacobian.result, "n": 10,
                  "bound": jacobian.details["bound through the layers"],
                  "threshold": jacobian.details["vanishes below norm"],
                  "tanh_threshold": tanh_bound.details["vanishes below norm"], "tanh_factor": tanh_bound.result},
        "spectral_worked": {"params": SPECTRAL_WORKED, "norm": worked.details["spectral norm"],
                            "largest_entry": q(max(SPECTRAL_WORKED[k] for k in ("w11", "w12", "w21", "w22")))},
        "recurrent": derive("recurrent-powers", steps="5", **RECURRENT_W),
        "rec": {"W": matrix(RECURRENT_W), "radius": first.details["spectral radius"],
                "norm": first.details["spectral norm of W"],
                "peak": max(powers, key=lambda d: d.result.mp).result,
                "peak_t": RECURRENT_STEPS[max(range(len(powers)), key=lambda i: powers[i].result.mp)],
                "rows": [{"t": t, "norm": d.result, "radius": d.details["radius to the t"],
                          "ratio": Quantity.exact(d.result.exact_value / d.details["radius to the t"].exact_value)}
                         for t, d in zip(RECURRENT_STEPS, powers)]},
    }


def matrix(entries: dict) -> sp.ImmutableMatrix:
    return sp.ImmutableMatrix(2, 2, [sp.Rational(entries[k]) for k in ("w11", "w12", "w21", "w22")])


def random_products(runs: list[dict]) -> dict:
    """The random products' curves, (scale name, activation or None) -> log10
    norms by depth, for the figure; and the norm after the last layer of each,
    with the runs' shape, for the text."""
    curves = {(r["spec"]["weights"]["scale"], r["spec"]["activation"]): r["history"]["log10_norms"] for r in runs}
    first = runs[0]["spec"]
    final = {f"{name}_{act or 'linear'}": Measured(10 ** logs[-1]) for (name, act), logs in curves.items()}
    return {"random": {"width": first["width"], "layers": first["layers"], "seed": first["seed"], **final},
            "random_curves": [{"scale": SCALE_NAMES[name], "activation": act, "log10_norms": logs}
                              for (name, act), logs in curves.items()]}
