"""Chapter 6's families: Xavier and He variances, residual blocks, and the
sigmoid's expected slope when its input is spread."""

import sympy as sp

from derive import derive
from gradbook.practice.common import RELATIVE, decimal, json_number, pick, q
from gradbook.practice.family import Family, Solved

CHAPTER = "06-fixes"
FANS = {1: (32, 64, 100, 128, 256, 512, 784, 1024), 2: (100, 300, 784, 1000, 2048), 3: (3, 17, 784, 4096, 10000)}


def sample_xavier(rng, difficulty):
    return {"fan_in": pick(rng, FANS[difficulty]), "fan_out": pick(rng, FANS[difficulty])}


def solve_xavier(p):
    d = derive("xavier-variance", fan_in=str(p["fan_in"]), fan_out=str(p["fan_out"]))
    return Solved({"variance": (d.result, RELATIVE)},
                  {"std": d.details["standard deviation"], "forward": d.details["forward-only 1/fan_in"],
                   "backward": d.details["backward-only 1/fan_out"], "formula": d.steps[3].rhs})


def solve_he(p):
    d = derive("he-variance", fan_in=str(p["fan_in"]))
    return Solved({"variance": (d.result, RELATIVE)}, {"std": d.details["standard deviation"]})


def sample_residual(rng, difficulty):
    fprime = pick(rng, {1: ("0.1", "0.5", "0", "0.2", "0.25", "1"), 2: ("0.05", "0.2", "-0.1", "0.01"), 3: ("-0.5", "0.02", "0.3")}[difficulty])
    return {"fprime": json_number(fprime), "blocks": rng.randrange(*{1: (2, 6), 2: (5, 21), 3: (10, 101)}[difficulty])}


def solve_residual(p):
    d = derive("residual-gradient", fprime=str(p["fprime"]), blocks=str(p["blocks"]))
    return Solved({"gradient": (d.result, RELATIVE)},
                  {"fp": q(d.params["fprime"]), "plain": d.details["without skip connections"],
                   "factor": q(1 + d.params["fprime"])})


def solve_spread(p):
    d = derive("expected-sigmoid-slope", s=str(p["s"]))
    return Solved({"slope": (d.result, RELATIVE)},
                  {"sq": q(d.params["s"]), "narrow": d.details["narrow-spread limit"],
                   "wide": d.details["wide-spread approximation"]})


FAMILIES = (
    Family("xavier-variance", CHAPTER, "the Xavier (Glorot) weight variance",
           {"fan_in": "inputs per unit", "fan_out": "outputs per unit"}, sample_xavier, solve_xavier,
           "A layer has ${{ fan_in }}$ inputs and ${{ fan_out }}$ outputs per unit. What weight variance does "
           "Xavier (Glorot) initialization give it?",
           "Keeping the forward signal steady asks for ${{ forward }}$, keeping the backward one steady "
           "${{ backward }}$; Xavier averages the two conditions into ${{ formula }}$, here "
           "${{ answer.variance | exact }} = {{ answer.variance }}$ (standard deviation ${{ std }}$).",
           "Xavier uses both counts: two over their sum."),
    Family("he-variance", CHAPTER, "the He weight variance for ReLU layers", {"fan_in": "inputs per unit"},
           lambda rng, d: {"fan_in": {1: 32 * rng.randrange(1, 33), 2: 10 * rng.randrange(1, 201),
                                      3: rng.randrange(1, 100_001)}[d]}, solve_he,
           "A ReLU layer has ${{ fan_in }}$ inputs per unit. What weight variance does He initialization give it?",
           "ReLU passes on half of a symmetric signal's second moment, so the variance is doubled relative "
           "to the fan-in rule: ${{ answer.variance | exact }} = {{ answer.variance }}$ "
           "(standard deviation ${{ std }}$).",
           "He is the fan-in rule times two."),
    Family("residual-gradient", CHAPTER, "the gradient through residual blocks",
           {"fprime": "each block's own derivative", "blocks": "the number of blocks"},
           sample_residual, solve_residual,
           "Each of ${{ blocks }}$ residual blocks computes $x + F(x)$ with $F' = {{ fp }}$. What factor does the "
           "gradient pick up through all of them?",
           "Each block contributes $1 + F' = {{ factor }}$, so the blocks together give "
           "${{ factor }}^{ {{- blocks -}} } = {{ answer.gradient }}$. Without the skips the same blocks would "
           "pass on ${{ plain }}$.",
           "The skip path adds one to every block's derivative."),
    Family("expected-slope", CHAPTER, "the sigmoid's expected slope for a spread input",
           {"s": "the spread (standard deviation) of the pre-activation"},
           lambda rng, d: {"s": json_number(sp.Rational(rng.randrange(1, {1: 13, 2: 51, 3: 81}[d]),
                                                        {1: 4, 2: 10, 3: 2}[d]))},
           solve_spread,
           "A sigmoid unit's pre-activation is normally distributed with mean zero and standard deviation "
           "${{ sq }}$. What is the expected value of its slope $\\sigma'(Z)$?",
           "The expectation is an integral of $\\sigma'$ against the normal density; computed by quadrature it "
           "is ${{ answer.slope }}$. For comparison, a very narrow spread gives ${{ narrow }}$ and the wide-spread "
           "approximation gives ${{ wide }}$.",
           "Between σ'(0) for a narrow spread and 1/(s√(2π)) for a wide one."),
)
