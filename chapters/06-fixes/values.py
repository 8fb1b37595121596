"""What chapter 6 prints: Xavier and He from variance propagation, the
sigmoid's expected slope under normalization, residual paths, clipping and
gating."""

import sympy as sp

from derive import activation, derive
from derive.quantity import q
from derive.derivations.normalization import spread_symbol

SPREADS = ("1/2", "1", "2", "5", "10")
"""Spreads of the pre-activation for the batch-normalization table."""
LARGE_WEIGHT, FAR, NEAR = 10, 5, sp.Rational(1, 2)
"""Source 003's exercise 4: a weight of 10, and σ' at 5 against σ' at 0.5."""
GRADIENT, THRESHOLD = (3, 4), 1
"""A gradient vector and a clipping threshold for the worked example."""
FORGET, STEPS = sp.Rational(99, 100), 100
HALVED_LAYERS = 10
"""How many ReLU layers the exercise on He's factor of two runs a signal through without it."""
MEAN_SQUARE = r"\mathrm{E}[a^2]"
"""The notation for an activation's mean square, which sets each term's variance in z = Σ w a."""
WIDE_SPREAD = sp.Pow(sp.Mul(spread_symbol, sp.sqrt(sp.Mul(2, sp.pi, evaluate=False), evaluate=False),
                            evaluate=False), -1, evaluate=False)
"""1/(s√(2π)), the normal density at zero, written as a person writes it: the
expected slope for a wide spread, since σ' has area one."""


def values() -> dict:
    s = activation("sigmoid")
    residual = derive("residual-gradient")
    he = derive("he-variance")
    kept = he.details["share of the variance ReLU keeps"].exact_value
    return {
        "xavier": derive("xavier-variance"), "he": he,
        "halved": {"kept": q(kept), "layers": HALVED_LAYERS, "left": q(kept ** HALVED_LAYERS)},
        "bn": [{"s": q(v), "slope": derive("expected-sigmoid-slope", s=v).result} for v in SPREADS],
        "bn_steps": derive("expected-sigmoid-slope", s="1"),
        "bn_unit": derive("expected-sigmoid-slope", s="1").result,
        "bn_wide": derive("expected-sigmoid-slope", s=SPREADS[-1]), "wide_spread": WIDE_SPREAD,
        "peak": s.slope(0), "sigmoid_centre": s.value(0), "mean_square": MEAN_SQUARE,
        "large": {"w": q(LARGE_WEIGHT), "far": q(FAR), "near": q(NEAR), "slope_far": s.slope(FAR),
                  "slope_near": s.slope(NEAR), "factor_far": q(LARGE_WEIGHT * s.slope(FAR).exact_value),
                  "ratio": q(s.slope(NEAR).exact_value / s.slope(FAR).exact_value)},
        "residual": residual, "fprime": q(residual.params["fprime"]), "blocks": residual.params["blocks"],
        "clip_params": {"g1": GRADIENT[0], "g2": GRADIENT[1], "tau": THRESHOLD},
        "clip": {"norm": q(sp.sqrt(sum(sp.Integer(g) ** 2 for g in GRADIENT))), "tau": q(THRESHOLD)},
        "gate": {"f": q(FORGET), "steps": STEPS, "kept": q(FORGET ** STEPS),
                 "sigmoid": q(sp.Rational(1, 4) ** STEPS)},
    }
