"""Chapter 4's family: a sigmoid chain's output against its first weight."""

import sympy as sp

from derive import Quantity, trace_chain
from derive.chain import chain_gradient_float64
from gradbook.practice.common import RELATIVE, decimal, json_number, pick, q, signed
from gradbook.practice.family import Family, Solved

CHAPTER = "04-anchor-network"


def sample_chain(rng, difficulty):
    if difficulty == 1:
        return {"w": json_number(pick(rng, ("0.1", "0.2", "0.5", "1", "2", "3"))),
                "x": json_number(pick(rng, ("1", "0.5"))), "layers": rng.randrange(2, 5)}
    if difficulty == 2:
        return {"w": json_number(signed(rng, decimal(rng, 0.1, 2, 1))), "x": json_number(decimal(rng, 0.5, 2, 1)),
                "layers": rng.randrange(3, 6)}
    return {"w": json_number(signed(rng, decimal(rng, 0.1, 4, 2))), "x": json_number(signed(rng, decimal(rng, 0.1, 3, 1))),
            "layers": rng.randrange(4, 7)}


def solve_chain(p):
    w, x = sp.Rational(str(p["w"])), sp.Rational(str(p["x"]))
    t = trace_chain(w, x, p["layers"])
    gradient = Quantity.numeric(t.grad_w[0], float64=chain_gradient_float64(float(w), float(x), p["layers"]))
    rows = [{"k": k + 1, "z": _mp(t.z[k]), "slope": _mp(t.slope[k])} for k in range(t.layers)]
    return Solved({"gradient": (gradient, RELATIVE)}, {"wq": q(w), "xq": q(x), "rows": rows})


def _mp(value) -> Quantity:
    """A traced value for display; the answer is checked against a separate float64 loop."""
    return Quantity.numeric(value, float64=float(value))


FAMILIES = (
    Family("chain-gradient", CHAPTER, "a sigmoid chain's gradient for its first weight",
           {"w": "the weight on every link", "x": "the input", "layers": "the number of sigmoid units"},
           sample_chain, solve_chain,
           "A chain of ${{ layers }}$ sigmoid units has $z_1 = w x$, $a_k = \\sigma(z_k)$ and "
           "$z_{k+1} = w a_k$, with $w = {{ wq }}$ and $x = {{ xq }}$. What is the derivative of the last "
           "output $a_{ {{- layers -}} }$ with respect to the first weight (the one that multiplies $x$)?",
           "Run the chain forward to get each unit's input and slope:\n\n"
           "| unit | $z_k$ | $\\sigma'(z_k)$ |\n|---:|---:|---:|\n"
           "{% for r in rows %}| ${{ r.k }}$ | ${{ r.z }}$ | ${{ r.slope }}$ |\n{% endfor %}\n\n"
           "The chain rule gives $x\\,\\sigma'(z_1)$ from the first unit and $w\\,\\sigma'(z_k)$ from each unit "
           "above it; their product is ${{ answer.gradient }}$.",
           "Forward first; then multiply x σ'(z₁) by w σ'(z_k) for every later unit."),
)
