"""Source 000: an interview answer on sigmoid saturation and tanh."""

import numpy as np
import sympy as sp

from derive.audit.model import Claim
from derive.audit.terms import q, slope
from derive.symbols import logistic, z

FILE = "000_8e228ee6f2d60cd3.txt"
TITLE = "an interview answer"
POINTS = ("-3", "-1", "0", "1", "3")


def torch_like(values, digits: int = 4) -> str:
    """How torch prints a float tensor of these values: tensor([0.0452, …])."""
    return "tensor([" + ", ".join(f"{float(np.float32(v)):.{digits}f}" for v in values) + "])"


def _slopes(name: str) -> str:
    return torch_like([float(slope(name, p).mp) for p in POINTS])


CLAIMS = [
    Claim("000-01", FILE, "The sigmoid's slope is largest at zero, where it is one quarter.", "value",
          "σ'(0)", "0.25", lambda: slope("sigmoid", 0)),
    Claim("000-02", FILE, "The sigmoid's slope is about 0.045 at three.", "value", "σ'(3)", "≈ 0.045",
          lambda: slope("sigmoid", 3)),
    Claim("000-03", FILE, "The sigmoid's slope is about 0.002 at six.", "value", "σ'(6)", "≈ 0.002",
          lambda: slope("sigmoid", 6)),
    Claim("000-04", FILE, "Twenty factors of about 0.05 multiply to about 10⁻²⁶.", "value", "0.05^20", "≈ 10^{-26}",
          lambda: q(sp.Rational(1, 20) ** 20)),
    Claim("000-05", FILE, "The sigmoid's slope equals σ(z)(1 − σ(z)).", "identity", "d/dz σ(z) = σ(z)(1 − σ(z))",
          compute=lambda: (sp.diff(logistic(z), z), logistic(z) * (1 - logistic(z)))),
    Claim("000-06", FILE, "Tanh's slope equals 1 − tanh(z)².", "identity", "d/dz tanh z = 1 − tanh² z",
          compute=lambda: (sp.diff(sp.tanh(z), z), 1 - sp.tanh(z) ** 2)),
    Claim("000-07", FILE, "Tanh's slope at zero is one.", "value", "tanh'(0)", "1", lambda: slope("tanh", 0)),
    Claim("000-08", FILE, "At zero tanh's slope is four times the sigmoid's.", "value", "tanh'(0)/σ'(0)",
          "four times larger", lambda: q(slope("tanh", 0).exact_value / slope("sigmoid", 0).exact_value), number="4"),
    Claim("000-09", FILE, "Tanh's slope is about 0.07 at two.", "value", "tanh'(2)", "≈ 0.07", lambda: slope("tanh", 2)),
    Claim("000-10", FILE, "Tanh's slope is about 0.01 at three.", "value", "tanh'(3)", "≈ 0.01", lambda: slope("tanh", 3)),
    Claim("000-11", FILE, "The code's comment gives the sigmoid's slopes at −3, −1, 0, 1, 3.", "printed",
          "σ'(z) for z = −3, −1, 0, 1, 3, printed to 4 places", "tensor([0.0452, 0.1966, 0.2500, 0.1966, 0.0452])",
          lambda: _slopes("sigmoid")),
    Claim("000-12", FILE, "The code's comment gives tanh's slopes at −3, −1, 0, 1, 3.", "printed",
          "tanh'(z) for z = −3, −1, 0, 1, 3, printed to 4 places", "tensor([0.0099, 0.4200, 1.0000, 0.4200, 0.0099])",
          lambda: _slopes("tanh")),
    Claim("000-13", FILE, "At ±3 the sigmoid's slope is 0.045.", "value", "σ'(−3)", "0.045",
          lambda: slope("sigmoid", -3)),
    Claim("000-14", FILE, "At ±3 tanh's slope is 0.01.", "value", "tanh'(−3)", "0.01", lambda: slope("tanh", -3)),
    Claim("000-15", FILE, "With twenty saturated layers the first layer's gradient is numerically zero.", "unchecked",
          "0.05^20", why="'numerically zero' depends on the format: 0.05²⁰ is far above float64's, float32's "
          "and bfloat16's smallest numbers, and zero only in float16 (Chapter 8)",
          compute=lambda: q(sp.Rational(1, 20) ** 20)),
    Claim("000-16", FILE, "In a 20-layer network with moderate weights many units have |z| > 2.", "unchecked",
          why="it depends on the data and the weights, which the source does not give"),
]
