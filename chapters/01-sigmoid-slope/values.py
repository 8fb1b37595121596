"""What chapter 1 prints: the sigmoid's slope, its maximum, its values and
where it saturates, all from derive."""

import sympy as sp

from derive import Quantity, activation, derive
from derive.quantity import q
from derive.symbols import logistic, sigma, z

SLOPE_POINTS = range(0, 7)
"""The sources tabulate σ' at 0, ±1, …, ±6."""
U = sp.Symbol("u")
PRACTICE_Z = 5
"""Source 001's first practice problem: the slope at z = 5 against the maximum."""
THRESHOLDS = ("1/10", "1/20", "18/1000", "1/100", "1/1000")
"""Slopes at which to ask where saturation begins; 0.1 and 0.018 are source 003's."""


def values() -> dict:
    s = activation("sigmoid")
    peak = s.slope(0)
    slope = sp.Derivative(sigma(z), z)
    threshold = derive("saturation-threshold", c="1/10")
    loose = derive("saturation-threshold", c="18/1000")
    second = derive("sigmoid-second-derivative-max")
    return {
        "explore": {"activation": "sigmoid", "depth": 1, "w": "1", "at": "0"},
        "f": {
            "sigmoid": sp.Eq(sigma(z), logistic(z)),
            "slope": slope,
            "slope_form": derive("sigmoid-derivative").result,
            "exp_form": derive("sigmoid-derivative").details["exponential form"],
            "symmetry": sp.Eq(sigma(-z), 1 - sigma(z)),
            "slope_even": sp.Eq(sp.Subs(slope, z, -z), sp.Subs(slope, z, z)),
            "complement": 1 - sigma(z),
            "half": sp.Eq(sigma(0), sp.Rational(1, 2)),
            "curvature": sp.Eq(sp.Derivative(sigma(z), (z, 2)), second.details["second derivative"]),
            "bound": sp.Abs(1 - 2 * sigma(z)) < 1,
            "u_form": U * (1 - U),
            "u_complement": 1 - U,
            "threshold_equation": sp.Eq(sigma(z) * (1 - sigma(z)), sp.Symbol("c")),
        },
        "d": {name: derive(name) for name in (
            "sigmoid-derivative", "sigmoid-max", "sigmoid-max-amgm", "sigmoid-second-derivative-max")},
        "threshold_steps": threshold,
        "threshold_c": q(threshold.params["c"]),
        "peak": peak,
        "peak_z": 0,
        "half": s.value(0),
        "rows": [{"z": k, "sigma": s.value(k), "mirror": s.value(-k), "slope": s.slope(k),
                  "share": _percent(s.slope(k), peak)} for k in SLOPE_POINTS],
        "thresholds": [{"c": q(derive("saturation-threshold", c=c).params["c"]),
                        "z": derive("saturation-threshold", c=c).result} for c in THRESHOLDS],
        "claim": {
            "z": 2, "c": q(threshold.params["c"]), "slope": s.slope(2),
            "threshold": threshold.result,
            "far_z": 4, "far_c": q(loose.params["c"]), "far_slope": s.slope(4), "far_threshold": loose.result,
            "one_z": 1, "one": s.slope(1), "one_share": _percent(s.slope(1), peak),
            "three": s.slope(3), "six": s.slope(6),
        },
        "practice": {"z": PRACTICE_Z, "params": {"z": PRACTICE_Z}, "e": q(sp.exp(-PRACTICE_Z)),
                     "ratio": q(s.slope(PRACTICE_Z).exact_value / peak.exact_value)},
        "second": {"max": second.result, "at": second.details["attained at z"],
                   "min": second.details["minimum"], "at_five": s.curvature(PRACTICE_Z), "slope_five": s.slope(PRACTICE_Z)},
        "stable": {"z": 40, "slope": s.slope(40)},
    }


def _percent(part: Quantity, whole: Quantity) -> Quantity:
    return Quantity.exact(100 * part.exact_value / whole.exact_value)
