"""Chapter 3's families: products through depth, the first layer's update,
how many layers it takes to vanish, the bound that decides between vanishing
and exploding, where each float format loses the product, and the matrix
view's spectral-norm bound on one layer's gradient factor."""


import sympy as sp

from derive.derivations.depth import vanishing
from derive.derivations.jacobian import layer_factor
from derive.formats import exact_depths, float_format
from derive.quantity import compact_power
from gradbook.practice.common import RELATIVE, WHOLE_NUMBER, decimal, json_number, pick, q
from gradbook.practice.family import Family, Solved

FACTORS = {1: ("0.5", "0.25", "0.2", "0.1", "0.4", "0.3", "0.6", "0.75"),
           2: ("0.25", "0.2", "0.05", "0.9", "0.95", "0.3", "0.35", "0.7"),
           3: ("0.025", "0.05", "0.95", "0.99", "0.15", "0.45", "0.035", "0.85")}
LAYERS = {1: (2, 10), 2: (4, 20), 3: (10, 60)}
EPSILONS = {1: ("0.01", "0.001", "0.0001", "0.005", "0.05", "0.02"), 2: ("0.001", "0.000001", "0.00001", "0.0005"),
             3: ("1e-9", "1e-12", "0.0001", "1e-15", "1e-20")}
PEAK_SLOPE = {"sigmoid": sp.Rational(1, 4), "tanh": sp.Integer(1)}
"""The largest slope of each activation (derive's sigmoid-max and tanh-max)."""
UNDERFLOW_FORMATS = ("float16", "float32", "float64")
"""The formats the underflow-depth family draws from (derive.formats knows their limits)."""


def sample_product(rng, difficulty):
    low, high = LAYERS[difficulty]
    return {"factor": json_number(pick(rng, FACTORS[difficulty])), "layers": rng.randrange(low, high + 1)}


def solve_product(p):
    factor, layers = sp.Rational(str(p["factor"])), p["layers"]
    return Solved({"gradient": (q(compact_power(factor, layers)), RELATIVE)}, {"f": q(factor)})


def sample_update(rng, difficulty):
    return {**sample_product(rng, difficulty), "lr": json_number(pick(rng, ("0.1", "0.01", "0.5", "0.001")))}


def solve_update(p):
    factor, layers, lr = sp.Rational(str(p["factor"])), p["layers"], sp.Rational(str(p["lr"]))
    gradient = compact_power(factor, layers)
    return Solved({"update": (q(lr * gradient), RELATIVE)}, {"f": q(factor), "lrq": q(lr), "gradient": q(gradient)})


def sample_vanish(rng, difficulty):
    factor = pick(rng, tuple(f for f in FACTORS[difficulty] if sp.Rational(f) < 1))
    return {"factor": json_number(factor), "eps": json_number(sp.Rational(pick(rng, EPSILONS[difficulty])))}


def vanishing_depth(factor: sp.Rational, eps: sp.Rational) -> dict:
    """What the layers-to-vanish derivation finds (the least n with
    factor^n < eps, and the powers either side of it), as the solutions print it."""
    n, found = vanishing(factor, eps)
    return {"n": q(n), "below": found["factor^n"], "above": found["factor^(n-1)"],
            "previous": n - 1, "ratio": found["log eps / log factor"]}


def solve_vanish(p):
    factor, eps = sp.Rational(str(p["factor"])), sp.Rational(str(p["eps"]))
    found = vanishing_depth(factor, eps)
    return Solved({"layers": (found["n"], WHOLE_NUMBER)}, {"f": q(factor), "e": q(eps), **found})


def sample_bound(rng, difficulty):
    activation = pick(rng, ("sigmoid", "tanh"))
    w = pick(rng, {1: ("0.5", "2", "5", "8"), 2: ("1.5", "3", "4.5", "6"), 3: ("0.9", "1.1", "3.9", "4.1")}[difficulty])
    return {"activation": activation, "w": json_number(w), "layers": rng.randrange(*LAYERS[difficulty])}


def solve_bound(p):
    w = sp.Rational(str(p["w"]))
    peak = PEAK_SLOPE[p["activation"]]
    factor = abs(w) * peak
    return Solved({"factor": (q(factor), RELATIVE), "bound": (q(compact_power(factor, p["layers"])), RELATIVE)},
                  {"wq": q(w), "threshold": q(1 / peak), "peak": q(peak),
                   "trend": "grow" if factor > 1 else "shrink"})


def sample_underflow(rng, difficulty):
    top, scale = {1: (15, 20), 2: (90, 100), 3: (900, 1000)}[difficulty]
    return {"factor": json_number(sp.Rational(rng.randrange(1, top + 1), scale)),
            "format": pick(rng, UNDERFLOW_FORMATS)}


def solve_underflow(p):
    factor, fmt = sp.Rational(str(p["factor"])), float_format(p["format"])
    tiny = fmt.smallest_subnormal
    found = vanishing_depth(factor, tiny)
    zero = exact_depths(factor, fmt)["zero"]
    return Solved({"layers": (found["n"], WHOLE_NUMBER)},
                  {"f": q(factor), "tiny": q(tiny), "half": q(tiny / 2), "power": sp.log(1 / tiny, 2),
                   "zero": zero, "at_zero": q(compact_power(factor, zero)), **found})


ENTRIES = ("w11", "w12", "w21", "w22")
RANGES = {"sigmoid": {1: (3, 0), 2: (3, 1), 3: (6, 1)}, "tanh": {1: (1, 1), 2: (1.5, 1), 3: (1.5, 2)}}
"""For each activation and difficulty: the largest entry in size and its
decimal places. The ranges straddle the norm at which the bound is one
(four for the sigmoid, one for tanh), so both verdicts occur."""


def sample_spectral(rng, difficulty):
    activation = pick(rng, ("sigmoid", "tanh"))
    largest, places = RANGES[activation][difficulty]
    entries = [0, 0, 0, 0]
    while not any(entries):
        entries = [decimal(rng, -largest, largest, places) for _ in ENTRIES]
    return {"activation": activation, **{name: json_number(v) for name, v in zip(ENTRIES, entries)}}


def solve_spectral(p):
    W = sp.Matrix(2, 2, [sp.Rational(str(p[name])) for name in ENTRIES])
    norm, factor = layer_factor(p["activation"], W)
    squares, det = sum(v**2 for v in W), W.det()
    peak = PEAK_SLOPE[p["activation"]]
    # By the 60-digit value, not sympy's comparison of radicals: a factor that is one is the rational 1 (a sum of
    # square roots of rationals is rational only when each is), whose value is exact.
    vanishes = factor.mp < 1
    return Solved({"norm": (norm, RELATIVE), "factor": (factor, RELATIVE)},
                  {**{f"{name}q": q(W[i]) for i, name in enumerate(ENTRIES)},
                   "squares": q(squares), "det": q(det), "det_squared": q(det**2),
                   "mu": q(norm.exact_value**2), "peak": q(peak),
                   "slope_of": "The sigmoid's" if p["activation"] == "sigmoid" else "Tanh's", "threshold": q(1 / peak),
                   "verdict": ("below one, so through $n$ such layers the gradient's size is at most this to the "
                               "power $n$: a deep stack must vanish, whatever its inputs" if vanishes else
                               "not below one, so the bound does not force vanishing; whether the gradient "
                               "shrinks depends on the slopes the units actually have, and saturated units can "
                               "still make it vanish")})


FAMILIES = (
    Family("depth-product", "the gradient through many layers", {"factor": "the per-layer factor",
           "layers": "the number of layers"}, sample_product, solve_product,
           "Every one of ${{ layers }}$ layers multiplies the gradient by ${{ f }}$. What reaches the first layer?",
           "The factors multiply: ${{ f }}^{ {{- layers -}} } = {{ answer.gradient }}$.",
           "Depth turns the per-layer factor into a power."),
    Family("first-layer-update", "the first layer's weight update",
           {"factor": "the per-layer factor", "layers": "the number of layers", "lr": "the learning rate"},
           sample_update, solve_update,
           "A gradient of one enters the top of a stack of ${{ layers }}$ layers, each of which multiplies it by "
           "${{ f }}$, and the first layer's weight multiplies an input of one. With learning rate ${{ lrq }}$, "
           "how far does the first layer's weight move in one step (the size of the update)?",
           "The gradient reaching the first layer is ${{ f }}^{ {{- layers -}} } = {{ gradient }}$, and the step "
           "is the learning rate times it: ${{ lrq }} \\times {{ gradient }} = {{ answer.update }}$.",
           "First the product through depth, then times the learning rate."),
    Family("layers-to-vanish", "layers until the gradient falls below a threshold",
           {"factor": "the per-layer factor, below one", "eps": "the threshold"}, sample_vanish, solve_vanish,
           "Each layer multiplies the gradient by ${{ f }}$. What is the least number of layers $n$ for which "
           "the product falls below ${{ e }}$?",
           "We need ${{ f }}^n < {{ e }}$. Taking logarithms (and remembering that the logarithm of the factor "
           "is negative), $n > {{ ratio }}$, so the least whole number is $n = {{ answer.layers }}$. Check: "
           "${{ f }}^{ {{- answer.layers -}} } = {{ below }}$ is below the threshold, while "
           "${{ f }}^{ {{- previous -}} } = {{ above }}$ is not.",
           "Compare logarithms, then round up."),
    Family("depth-bound", "vanishing or exploding: the bound through depth",
           {"activation": "sigmoid or tanh", "w": "the weight on every link", "layers": "the number of layers"},
           sample_bound, solve_bound,
           "A chain of {{ layers }} {{ activation }} units has weight $w = {{ wq }}$ on every link. What is the "
           "largest possible factor per layer, $\\lvert w \\rvert$ times the largest slope, and the largest "
           "possible size of the gradient through all {{ layers }} layers?",
           "The {{ activation }}'s slope is at most ${{ peak }}$, so each layer contributes at most "
           "${{ wq }} \\times {{ peak }} = {{ answer.factor }}$, and {{ layers }} layers at most "
           "${{ answer.bound }}$. The bound can {{ trend }} with depth; it grows only when "
           "$\\lvert w \\rvert > {{ threshold }}$, and even then only while the units stay near the "
           "middle of their curve.",
           "The sigmoid's slope is at most a quarter; tanh's at most one."),
    Family("underflow-depth", "the depth at which a float format loses the gradient",
           {"factor": "the per-layer factor", "format": "float16, float32 or float64"},
           sample_underflow, solve_underflow,
           "Each layer multiplies the gradient by ${{ f }}$. At what depth does the exact product first fall "
           "below the smallest positive number {{ format }} can hold, ${{ tiny }}$ (two to the power "
           "$-{{ power }}$)?",
           "We need the least $n$ with ${{ f }}^n < {{ tiny }}$: $n = {{ answer.layers }}$, where the product is "
           "${{ below }}$ (one layer earlier it was ${{ above }}$). From this depth on, {{ format }} cannot hold "
           "the product: rounded to the nearest number it can hold, it becomes the smallest subnormal while it is "
           "above half of it, ${{ half }}$, and zero after that, from depth ${{ zero }}$ on (where the product is "
           "${{ at_zero }}$).",
           "This is layers-to-vanish with the threshold set to the format's smallest subnormal."),
    Family("spectral-bound", "the spectral-norm bound on a layer's gradient factor",
           {"activation": "sigmoid or tanh", **{name: f"the entry {name} of W" for name in ENTRIES}},
           sample_spectral, solve_spectral,
           "A layer of {{ activation }} units has the weight matrix "
           "$W = \\begin{pmatrix} {{ w11q }} & {{ w12q }} \\\\ {{ w21q }} & {{ w22q }} \\end{pmatrix}$. "
           "What is its spectral norm $\\lVert W \\rVert_2$, and the largest factor "
           "$\\lVert W \\rVert_2 \\max \\varphi'$ by which the layer's backward pass, "
           "$W^\\top \\operatorname{diag}(\\varphi'(z))$, can multiply the gradient's size? Must the gradient "
           "vanish through a deep stack of such layers?",
           "The spectral norm is the square root of the larger eigenvalue of $W^\\top W$, whose trace is the sum "
           "of the squared entries, $q = {{ squares }}$, and whose determinant is $(\\det W)^2 = {{ det_squared }}$ "
           "(with $\\det W = {{ det }}$). The larger eigenvalue is "
           "$\\mu = (q + \\sqrt{q^2 - 4 (\\det W)^2})/2 = {{ mu }}$, so "
           "$\\lVert W \\rVert_2 = \\sqrt{\\mu} = {{ answer.norm }}$. {{ slope_of }} slope is at most "
           "${{ peak }}$, so one layer multiplies the gradient's size by at most "
           "${{ answer.norm }} \\times {{ peak }} = {{ answer.factor }}$. That is {{ verdict }}. (The bound is "
           "one at $\\lVert W \\rVert_2 = {{ threshold }}$.)",
           "‖W‖₂ is the square root of the larger eigenvalue of WᵀW; the sigmoid's slope is at most a quarter, "
           "tanh's at most one."),
)
