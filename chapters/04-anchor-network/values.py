"""What chapter 4 prints: source 003's anchor network traced forward and
backward at 60 digits, its weight updates, and the exercises built on it."""

import math

import mpmath
import sympy as sp

from derive import Quantity, activation, derive, trace_chain
from derive.chain import checked_units, deltas_float64, first_weight_gradient, slopes_float64
from derive.precision import DPS

W, X, LAYERS = sp.Rational(1, 10), sp.Integer(1), 4
LEARNING_RATE = sp.Rational(1, 100)
ASSUMED_SLOPE = sp.Rational(1, 5)
"""Exercise 3 of source 003 tells the reader to take σ' as 0.20 at every layer."""
EXERCISE_WEIGHTS = (sp.Rational(1, 2), sp.Integer(2))
EPOCHS = 100
SATURATED_Z = -5
"""A pre-activation deep in the sigmoid's left tail, for the exercise on a saturated input."""


def mp(value, float64) -> Quantity:
    """A traced value, cross-checked against the same value computed in float64."""
    return Quantity.numeric(value, float64=float64)


def traced(w, x, layers) -> dict:
    """Each unit as derive checks it (its forward values, the factor w σ'(z_k)
    that carries δ down to it, δ_k and ∂L/∂w_k), with its learning step."""
    return {
        "trace": trace_chain(w, x, layers),
        "rows": [{"k": u.k, "z": u.z, "a": u.a, "slope": u.slope, "factor": u.factor, "delta": u.delta,
                  "grad": u.weight_gradient,
                  "step": mp(-mpmath.mpf(LEARNING_RATE) * u.weight_gradient.mp,
                             -float(LEARNING_RATE) * u.weight_gradient.float64)}
                 for u in checked_units(w, x, layers)],
    }


def values() -> dict:
    anchor = traced(W, X, LAYERS)
    t, rows = anchor["trace"], anchor["rows"]
    slopes, delta = slopes_float64(float(W), float(X), LAYERS), deltas_float64(float(W), float(X), LAYERS)
    # What source 003's program computes as written: it multiplies w σ' for all four units.
    program = [mpmath.fprod([W * s for s in t.slope[k:]]) for k in range(LAYERS)]
    program_f = [math.prod(float(W) * s for s in slopes[k:]) for k in range(LAYERS)]
    ratio = mp(t.delta[-1] / t.delta[0], delta[-1] / delta[0])
    lr, top_input = mpmath.mpf(LEARNING_RATE), float(t.a[-2])
    # The factor w σ'(z_4) that source 003 also reports as the top weight's step, with no learning rate.
    top_factor = mp(W * t.slope[-1], float(W) * slopes[-1])
    # ∂L/∂w_1 = ∂z_4/∂w_1 = w ∂a_3/∂w_1, which derive's chain-gradient derivation has in closed form.
    below_top = derive("chain-gradient", w=str(W), x=str(X), layers=str(LAYERS - 1)).result
    first_weight = Quantity.exact(W * below_top.exact_value, mp=t.weight_gradient[0],
                                  float64=float(W) * below_top.float64)
    # Source 003's δ steps are ∂L/∂a_k from ∂L/∂a_4 = 1; finished in that convention, ∂L/∂w_1 = ∂a_4/∂w_1.
    own_first_weight = first_weight_gradient(W, X, LAYERS)
    extra = [traced(W, X, n)["rows"][0]["delta"] for n in (LAYERS + 1, LAYERS + 2)]
    # How many times smaller δ_1 becomes when one layer is added below the first.
    extra_ratio = mp(rows[0]["delta"].mp / extra[0].mp, rows[0]["delta"].float64 / extra[0].float64)
    exercise3 = []
    for w in EXERCISE_WEIGHTS:
        run = traced(w, X, LAYERS)
        exercise3.append({"w": Quantity.exact(w), "assumed": Quantity.exact((w * ASSUMED_SLOPE) ** (LAYERS - 1)),
                          "assumed_factor": Quantity.exact(w * ASSUMED_SLOPE),
                          "actual": run["rows"][0]["delta"], "slopes": [r["slope"] for r in run["rows"]]})
    return {
        "explore": {"activation": "sigmoid", "depth": LAYERS, "w": str(float(W)), "at": str(float(X)), "start": "x"},
        "w": Quantity.exact(W), "x": Quantity.exact(X), "layers": LAYERS, "lr": Quantity.exact(LEARNING_RATE),
        "rows": rows, "down": list(reversed(rows)), "top_delta": Quantity.exact(1),
        "ratio": ratio,
        "factor_bound": Quantity.exact(W * sp.Rational(1, 4)),
        "quarter": derive("sigmoid-max").result, "digits": DPS,
        "first_weight": first_weight, "own_first_weight": own_first_weight,
        "top_factor": top_factor,
        "program": [mp(v, f) for v, f in zip(program, program_f)],
        "program_ratio": mp(program[-1] / program[0], program_f[-1] / program_f[0]),
        "mixed_ratio": mp(W * t.slope[-1] / (lr * t.weight_gradient[0]),
                          float(W) * slopes[-1] / (float(LEARNING_RATE) * delta[0] * float(X))),
        "top_move": mp(lr * t.weight_gradient[-1], float(LEARNING_RATE) * delta[-1] * top_input),
        "update_ratio": mp(t.weight_gradient[-1] / t.weight_gradient[0], delta[-1] * top_input / (delta[0] * float(X))),
        "epochs": EPOCHS,
        "epochs_top": mp(EPOCHS * lr * t.weight_gradient[-1], EPOCHS * float(LEARNING_RATE) * delta[-1] * top_input),
        "epochs_first": mp(EPOCHS * lr * t.weight_gradient[0], EPOCHS * float(LEARNING_RATE) * delta[0] * float(X)),
        "extra": extra, "extra_layers": (LAYERS + 1, LAYERS + 2), "extra_ratio": extra_ratio,
        "saturated": {"z": Quantity.exact(SATURATED_Z), "a": activation("sigmoid").value(SATURATED_Z),
                      "slope": activation("sigmoid").slope(SATURATED_Z)},
        "deeper_params": {"w": float(W), "x": int(X), "layers": LAYERS + 1},
        "assumed_slope": Quantity.exact(ASSUMED_SLOPE),
        "exercise3": exercise3,
    }
