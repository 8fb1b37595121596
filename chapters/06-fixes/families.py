"""Chapter 6's families: Xavier and He variances, residual blocks, and the
sigmoid's expected slope when its input is spread."""

import sympy as sp

from derive import Quantity, derive
from derive.derivations.normalization import expected_slope_float64, expected_slope_mp
from derive.quantity import compact_power
from gradbook.practice.common import RELATIVE, decimal, json_number, pick, power_base, q, signed
from gradbook.practice.family import Family, Solved

XAVIER = derive("xavier-variance").details["formula"]
"""2/(n_in + n_out), as the Xavier derivation arrives at it."""
FANS = {1: (32, 64, 100, 128, 256, 512, 784, 1024), 2: (100, 300, 784, 1000, 2048, 50, 500),
        3: (3, 17, 784, 4096, 10000, 61, 333)}


def sample_xavier(rng, difficulty):
    return {"fan_in": pick(rng, FANS[difficulty]), "fan_out": pick(rng, FANS[difficulty])}


def solve_xavier(p):
    variance = sp.Rational(2, p["fan_in"] + p["fan_out"])
    return Solved({"variance": (q(variance), RELATIVE)},
                  {"std": q(sp.sqrt(variance)), "forward": q(sp.Rational(1, p["fan_in"])),
                   "backward": q(sp.Rational(1, p["fan_out"])), "formula": XAVIER})


def solve_he(p):
    variance = sp.Rational(2, p["fan_in"])
    return Solved({"variance": (q(variance), RELATIVE)}, {"std": q(sp.sqrt(variance))})


def sample_residual(rng, difficulty):
    fprime = sp.Rational(rng.randrange(*{1: (0, 11), 2: (-10, 31), 3: (-50, 51)}[difficulty]),
                         {1: 10, 2: 100, 3: 100}[difficulty])
    return {"fprime": json_number(fprime), "blocks": rng.randrange(*{1: (2, 6), 2: (5, 21), 3: (10, 101)}[difficulty])}


def solve_residual(p):
    fprime = sp.Rational(str(p["fprime"]))
    return Solved({"gradient": (q(compact_power(1 + fprime, p["blocks"])), RELATIVE)},
                  {"fp": q(fprime), "plain": q(compact_power(fprime, p["blocks"])), "factor": q(1 + fprime)})


WIDE_ENOUGH = 0.05
"""How close (relatively) the wide-spread approximation must come for the solution to call it close."""


def solve_spread(p):
    s = sp.Rational(str(p["s"]))
    slope = Quantity.numeric(expected_slope_mp(s), float64=lambda: expected_slope_float64(float(s)))
    wide = q(1 / (s * sp.sqrt(2 * sp.pi)))
    close = abs(wide.mp - slope.mp) <= WIDE_ENOUGH * slope.mp
    return Solved({"slope": (slope, RELATIVE)},
                  {"sq": q(s), "narrow": q(sp.Rational(1, 4)), "wide": wide,
                   "verdict": "close to the computed value, as the spread is wide" if close else
                              "far from it: the approximation holds only once the spread is wide"})


def sample_clip(rng, difficulty):
    if difficulty == 1:
        g1, g2 = pick(rng, ((3, 4), (6, 8), (5, 12), (8, 15), (4, 3), (12, 5), (9, 12), (7, 24)))
        return {"g1": signed(rng, g1), "g2": signed(rng, g2), "tau": rng.randrange(1, 4)}
    places = {2: 1, 3: 2}[difficulty]
    return {"g1": json_number(signed(rng, decimal(rng, 0.5, 20, places))),
            "g2": json_number(signed(rng, decimal(rng, 0.5, 20, places))),
            "tau": json_number(decimal(rng, 0.5, 5, places))}


def solve_clip(p):
    g = [sp.Rational(str(p["g1"])), sp.Rational(str(p["g2"]))]
    tau = sp.Rational(str(p["tau"]))
    norm = sp.sqrt(g[0] ** 2 + g[1] ** 2)
    scale = sp.Min(1, tau / norm)
    clipped = [q(component * scale) for component in g]
    return Solved({"first": (clipped[0], RELATIVE), "second": (clipped[1], RELATIVE)},
                  {"gq": [q(v) for v in g], "bases": [power_base(q(v)) for v in g], "tq": q(tau), "norm": q(norm),
                   "scale": q(scale), "shrunk": bool(tau < norm)})


FAMILIES = (
    Family("xavier-variance", "the Xavier (Glorot) weight variance",
           {"fan_in": "inputs per unit", "fan_out": "outputs per unit"}, sample_xavier, solve_xavier,
           "A layer has ${{ fan_in }}$ inputs and ${{ fan_out }}$ outputs per unit. What weight variance does "
           "Xavier (Glorot) initialization give it?",
           "Keeping the forward signal steady asks for ${{ forward }}$, keeping the backward one steady "
           "${{ backward }}$; Xavier averages the two conditions into ${{ formula }}$, here "
           "${{ answer.variance | exact }} = {{ answer.variance }}$ (standard deviation ${{ std }}$).",
           "Xavier uses both counts: two over their sum."),
    Family("he-variance", "the He weight variance for ReLU layers", {"fan_in": "inputs per unit"},
           lambda rng, d: {"fan_in": {1: 32 * rng.randrange(1, 33), 2: 10 * rng.randrange(1, 201),
                                      3: rng.randrange(1, 100_001)}[d]}, solve_he,
           "A ReLU layer has ${{ fan_in }}$ inputs per unit. What weight variance does He initialization give it?",
           "ReLU passes on half of a symmetric signal's second moment, so the variance is doubled relative "
           "to the fan-in rule: ${{ answer.variance | exact }} = {{ answer.variance }}$ "
           "(standard deviation ${{ std }}$).",
           "He is the fan-in rule times two."),
    Family("residual-gradient", "the gradient through residual blocks",
           {"fprime": "each block's own derivative", "blocks": "the number of blocks"},
           sample_residual, solve_residual,
           "Each of ${{ blocks }}$ residual blocks computes $x + F(x)$ with $F' = {{ fp }}$. What factor does the "
           "gradient pick up through all of them?",
           "Each block contributes $1 + F' = {{ factor }}$, so the blocks together give "
           "${{ factor }}^{ {{- blocks -}} } = {{ answer.gradient }}$. Without the skips the same blocks would "
           "pass on ${{ plain }}$.",
           "The skip path adds one to every block's derivative."),
    Family("clip-gradient", "clipping a gradient by its norm",
           {"g1": "the gradient's first component", "g2": "its second component", "tau": "the threshold"},
           sample_clip, solve_clip,
           "Clip the gradient $({{ gq[0] }}, {{ gq[1] }})$ at norm threshold $\\tau = {{ tq }}$: what are its "
           "two components afterwards?",
           "Its norm is $\\sqrt{ {{- bases[0] }}^2 + {{ bases[1] }}^2} = {{ norm }}$. "
           "{% if shrunk %}That is above the threshold, so both components are scaled by "
           "$\\tau / {{ norm }} = {{ scale }}$, giving $({{ answer.first }}, {{ answer.second }})$: the same "
           "direction, with norm ${{ tq }}$.{% else %}That is within the threshold, so the gradient is left as it "
           "is: $({{ answer.first }}, {{ answer.second }})$.{% endif %}",
           "Scale by min(1, τ/‖g‖): clipping only ever shrinks a gradient."),
    Family("expected-slope", "the sigmoid's expected slope for a spread input",
           {"s": "the spread (standard deviation) of the pre-activation"},
           lambda rng, d: {"s": json_number(sp.Rational(rng.randrange(1, {1: 41, 2: 101, 3: 201}[d]),
                                                        {1: 20, 2: 20, 3: 4}[d]))},
           solve_spread,
           "A sigmoid unit's pre-activation is normally distributed with mean zero and standard deviation "
           "${{ sq }}$. What is the expected value of its slope $\\sigma'(Z)$?",
           "The expectation is an integral of $\\sigma'$ against the normal density; computed by quadrature it "
           "is ${{ answer.slope }}$. For comparison, a very narrow spread gives the peak slope ${{ narrow }}$, and "
           "the wide-spread approximation $1/(s\\sqrt{2\\pi})$ gives ${{ wide }}$, {{ verdict }}.",
           "Between σ'(0) for a narrow spread and 1/(s√(2π)) for a wide one."),
)
