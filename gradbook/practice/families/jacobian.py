"""Chapter 3's matrix view: the spectral-norm bound on one layer's gradient
factor, for a 2×2 weight matrix and a sigmoid or tanh activation."""

import sympy as sp

from derive import derive
from gradbook.practice.common import RELATIVE, decimal, json_number, pick, q
from gradbook.practice.family import Family, Solved

CHAPTER = "03-depth"
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
    d = derive("spectral-bound", activation=p["activation"], **{name: p[name] for name in ENTRIES})
    norm, factor = d.details["spectral norm"], d.result
    squares, det = sum(v**2 for v in W), W.det()
    peak = sp.Rational(1, 4) if p["activation"] == "sigmoid" else sp.Integer(1)
    vanishes = factor.exact_value < 1
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
    Family("spectral-bound", CHAPTER, "the spectral-norm bound on a layer's gradient factor",
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
