"""What the explorer page prints around the explorer: each activation's factor
after normalization, and a handful of settings to try, each with the number
that makes its point, computed by derive."""

import sympy as sp

from derive import Quantity, activation
from derive.chain import deltas_float64
from derive.gradient_path import ACTIVATIONS, MAX_DEPTH, Setting, format_losses, gradient_path, normalized_factor

R = sp.Rational


def preset(activation_name: str, depth: int, w: str, at: str, start: str = "z", layer: str = "plain") -> dict:
    """An explorer setting, as explorer_link takes it."""
    return {"activation": activation_name, "depth": depth, "w": w, "at": at, "start": start, "layer": layer}


def path_of(p: dict):
    return gradient_path(Setting(p["activation"], p["depth"], R(p["w"]), R(p["at"]), traced=p["start"] == "x",
                                 layer=p["layer"]))


def losses(p: dict) -> dict:
    return {fmt: format_losses(path_of(p), fmt) for fmt in ("float16", "float32")}


def below_top(factor: sp.Expr, p: dict) -> Quantity:
    """δ_1 of a chain whose every factor is `factor`: one factor per layer below the top."""
    return Quantity.exact(factor ** (p["depth"] - 1))


def values() -> dict:
    sigmoid, tanh = activation("sigmoid"), activation("tanh")
    peak = sigmoid.slope(0)
    steepest = preset("sigmoid", MAX_DEPTH, "1", "0")
    saturated = preset("sigmoid", 10, "1", "5")
    saturated_slope = sigmoid.slope(5)
    tanh_flat = preset("tanh", MAX_DEPTH, "1", "0")
    tanh_off = preset("tanh", MAX_DEPTH, "1", "2")
    dead = preset("relu", 10, "1", "-0.5")
    skip = preset("sigmoid", MAX_DEPTH, "1", "0", layer="skip")
    normalized = preset("sigmoid", MAX_DEPTH, "1", "0", layer="normalized")
    anchor = preset("sigmoid", 4, "0.1", "1", start="x")
    c = normalized_factor("sigmoid")
    return {
        "factors": [{"title": activation(name).title, "factor": normalized_factor(name)} for name in ACTIVATIONS],
        "held_power": sp.Symbol("n") - 1,
        "peak": peak,
        "depth": MAX_DEPTH,
        "steepest": {"preset": steepest, "value": below_top(peak.exact_value, steepest),
                     "lost": losses(steepest)},
        "saturated": {"preset": saturated, "slope": saturated_slope,
                      "value": below_top(saturated_slope.exact_value, saturated)},
        "tanh_flat": {"preset": tanh_flat, "slope": tanh.slope(0)},
        "tanh_off": {"preset": tanh_off, "slope": tanh.slope(2),
                     "value": below_top(tanh.slope(2).exact_value, tanh_off), "lost": losses(tanh_off)},
        "dead": {"preset": dead},
        "skip": {"preset": skip, "factor": Quantity.exact(1 + peak.exact_value),
                 "value": below_top(1 + peak.exact_value, skip)},
        "normalized": {"preset": normalized, "factor": c,
                       "value": Quantity.numeric(c.mp ** (MAX_DEPTH - 1), float64=c.float64 ** (MAX_DEPTH - 1))},
        "anchor": {"preset": anchor, "value": Quantity.numeric(path_of(anchor).gradient[0], float64=deltas_float64(
            float(anchor["w"]), float(anchor["at"]), anchor["depth"])[0])},
    }
