"""Source 001: course notes on sigmoid saturation, with practice problems."""

import sympy as sp

from derive.audit.model import Claim
from derive.audit.terms import q, slope, value

FILE = "001_40bef20563ca1d77.txt"
TITLE = "course notes with practice problems"

CLAIMS = [
    Claim("001-01", FILE, "The sigmoid's largest slope is 0.25, at z = 0.", "value", "σ'(0)", "0.25",
          lambda: slope("sigmoid", 0)),
    Claim("001-02", FILE, "σ(0)(1 − σ(0)) = 0.5 × 0.5.", "value", "σ(0)", "0.5", lambda: value("sigmoid", 0)),
    Claim("001-03", FILE, "Beyond z = 3 the sigmoid's output is nearly 1 and barely changes.", "unchecked", "σ(3)",
          why="'nearly' is not a number; σ(3) = 0.953, and the slope there is still 0.0452",
          compute=lambda: value("sigmoid", 3)),
    Claim("001-04", FILE, "ReLU's slope is one for positive inputs.", "value", "ReLU'(1)", "1", lambda: slope("relu", 1)),
    Claim("001-05", FILE, "ReLU's slope is zero for inputs at or below zero.", "value", "ReLU'(0)", "0",
          lambda: slope("relu", 0)),
    Claim("001-06", FILE, "Problem 1: e⁻⁵ is 0.0067.", "value", "e^(−5)", "0.0067", lambda: q(sp.exp(-5))),
    Claim("001-07", FILE, "Problem 1: σ(5) is 0.9933.", "value", "σ(5)", "0.9933", lambda: value("sigmoid", 5)),
    Claim("001-08", FILE, "Problem 1: σ'(5) is 0.0067.", "value", "σ'(5)", "0.0067", lambda: slope("sigmoid", 5)),
    Claim("001-09", FILE, "Problem 1: σ'(5) is 2.7% of the maximum.", "value", "σ'(5)/σ'(0)", "0.027",
          lambda: q(slope("sigmoid", 5).exact_value / slope("sigmoid", 0).exact_value)),
    Claim("001-10", FILE, "Problem 2: five factors of 0.2 give 0.00032.", "value", "0.2^5", "0.00032",
          lambda: q(sp.Rational(1, 5) ** 5)),
    Claim("001-11", FILE, "Problem 2: with learning rate 0.1 the update is 0.000032.", "value", "0.1 × 0.2^5",
          "0.000032", lambda: q(sp.Rational(1, 10) * sp.Rational(1, 5) ** 5)),
    Claim("001-12", FILE, "Problem 2: a gradient of 0.00032 is practically zero.", "unchecked", "0.2^5",
          why="'practically zero' is not a number: 0.00032 is small but representable in every format, and "
          "whether it matters depends on the learning rate and the weights", compute=lambda: q(sp.Rational(1, 5) ** 5)),
    Claim("001-13", FILE, "At the centre the sigmoid's gradient is 0.25.", "same", stated="0.25", other="001-01"),
]
