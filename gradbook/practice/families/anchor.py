"""Chapter 4's family: a sigmoid chain's output against its first weight."""

import sympy as sp

from derive import Quantity, trace_chain
from derive.chain import chain_gradient_float64, signal_float64
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


def sample_signal(rng, difficulty):
    low, high = {1: (3, 7), 2: (4, 9), 3: (5, 13)}[difficulty]
    w = pick(rng, ("0.1", "0.2", "0.25", "0.5", "1", "2")) if difficulty == 1 else decimal(rng, 0.1, 3, difficulty - 1)
    return {"w": json_number(w), "x": 1, "layers": rng.randrange(low, high + 1)}


def solve_signal(p):
    w, x = sp.Rational(str(p["w"])), sp.Rational(str(p["x"]))
    t = trace_chain(w, x, p["layers"])
    signal = Quantity.numeric(t.delta_a[0], float64=lambda: signal_float64(float(w), float(x), p["layers"]))
    factors = [_mp(w * s) for s in t.slope[1:]]
    return Solved({"signal": (signal, RELATIVE)}, {"wq": q(w), "xq": q(x), "factors": factors})


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
    Family("anchor-signal", CHAPTER, "the signal reaching the first layer of an anchor network",
           {"w": "the weight on every link", "x": "the input", "layers": "the number of sigmoid units"},
           sample_signal, solve_signal,
           "An anchor network has ${{ layers }}$ sigmoid units in a row, weight $w = {{ wq }}$ on every link, "
           "input $x = {{ xq }}$ and no biases. Taking the signal at the top unit's output as one, what signal "
           "$\\partial L / \\partial a_1$ reaches the first unit?",
           "Each step down multiplies the signal by $w\\,\\sigma'(z)$ of the unit above. Running the network "
           "forward gives these factors, from the second unit up: "
           "{% for f in factors %}${{ f }}${{ ', ' if not loop.last }}{% endfor %}. Their product is "
           "${{ answer.signal }}$.",
           "One factor w σ'(z_k) for every unit above the first."),
)
