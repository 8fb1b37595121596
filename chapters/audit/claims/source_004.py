"""Source 004: an article on gradient vanishing and its mitigations."""

import sympy as sp

from derive.audit.model import Claim
from derive.audit.terms import q, slope
from derive.derivations.sigmoid import sigmoid_second_derivative_max

FILE = "004_e43ded2521a6b8aa.txt"
TITLE = "an article on mitigations"
n_in, n_out = sp.symbols("n_in n_out", positive=True)

CLAIMS = [
    Claim("004-01", FILE, "The sigmoid's slope is at most 0.25.", "bound", "max σ'", "0.25", lambda: slope("sigmoid", 0),
          relation="<="),
    Claim("004-02", FILE, "Tanh's slope is bounded below 1.", "bound", "tanh'(0)", "1", lambda: slope("tanh", 0),
          relation="<", why="tanh′(z) < 1 for every z except z = 0, where it reaches 1; the bound holds as "
          "tanh′ ≤ 1, and fails as a strict bound at that one point"),
    Claim("004-03", FILE, "A per-layer factor α < 1 gives αⁿ after n layers, exponential decay.", "identity",
          "α·α·…·α (n factors) = α^n", compute=lambda: (sp.Mul(*[sp.Symbol("alpha")] * 5), sp.Symbol("alpha") ** 5)),
    Claim("004-04", FILE, "A 5% loss per layer over 100 layers leaves virtually no signal.", "unchecked", "0.95^100",
          why="'virtually no signal' is not a number: 0.95¹⁰⁰ = 0.00592, more than half a percent of the "
          "signal, far from the 10⁻⁷ of ten sigmoid layers at their peak", compute=lambda: q(sp.Rational(19, 20) ** 100)),
    Claim("004-05", FILE, "The sigmoid's second derivative is also tiny.", "unchecked", "max σ''",
          why="'tiny' is not a number: σ'' reaches √3/18 = 0.0962, about 40% of σ's largest slope",
          compute=lambda: sigmoid_second_derivative_max().result),
    Claim("004-06", FILE, "Gradient clipping keeps near-zero updates from being ignored.", "bound",
          "the largest factor clipping applies, min(1, τ/‖g‖)", "1", lambda: q(1), relation=">"),
    Claim("004-07", FILE, "The sigmoid's outputs lie in (0, 1), tanh's in (−1, 1).", "identity",
          "lim σ(z) as z → ∞ = lim tanh(z) as z → ∞ = 1",
          compute=lambda: (sp.limit(1 / (1 + sp.exp(-sp.Symbol("t"))), sp.Symbol("t"), sp.oo),
                           sp.limit(sp.tanh(sp.Symbol("t")), sp.Symbol("t"), sp.oo))),
    Claim("004-08", FILE, "Xavier initialization suits sigmoid and tanh, He initialization ReLU.", "unchecked",
          why="a recommendation, not a number; Chapter 6 derives both variances and the activations they assume"),
    Claim("004-09", FILE, "Tanh converges slightly faster than the sigmoid.", "unchecked",
          why="a claim about training runs, with no setting to rerun"),
]
