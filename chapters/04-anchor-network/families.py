"""Chapter 4's families: a sigmoid chain's output against its first weight, and
the δ reaching its first unit in chapter 4's convention (δ_k = ∂L/∂z_k, the
top unit's δ taken as one)."""

import sympy as sp

from derive.chain import checked_units, first_weight_gradient
from gradbook.practice.common import RELATIVE, decimal, json_number, pick, q, signed
from gradbook.practice.family import Family, Solved


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
    gradient = first_weight_gradient(w, x, p["layers"])
    return Solved({"gradient": (gradient, RELATIVE)}, {"wq": q(w), "xq": q(x), "rows": checked_units(w, x, p["layers"])})


def sample_signal(rng, difficulty):
    low, high = {1: (3, 7), 2: (4, 9), 3: (5, 13)}[difficulty]
    w = pick(rng, ("0.1", "0.2", "0.25", "0.5", "1", "2")) if difficulty == 1 else decimal(rng, 0.1, 3, difficulty - 1)
    return {"w": json_number(w), "x": 1, "layers": rng.randrange(low, high + 1)}


def solve_signal(p):
    """δ_1 = ∂L/∂z_1 with δ_n = 1 at the top: one factor w σ'(z_k) for every
    unit below the top, cross-checked against the float64 loop."""
    w, x = sp.Rational(str(p["w"])), sp.Rational(str(p["x"]))
    units = checked_units(w, x, p["layers"])
    return Solved({"delta": (units[0].delta, RELATIVE)},
                  {"wq": q(w), "xq": q(x), "factors": [unit.factor for unit in units[:-1]]})


FAMILIES = (
    Family("chain-gradient", "a sigmoid chain's gradient for its first weight",
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
    Family("anchor-signal", "the δ reaching the first layer of an anchor network",
           {"w": "the weight on every link", "x": "the input", "layers": "the number of sigmoid units"},
           sample_signal, solve_signal,
           "An anchor network has ${{ layers }}$ sigmoid units in a row, weight $w = {{ wq }}$ on every link, "
           "input $x = {{ xq }}$ and no biases. Taking the top unit's "
           "$\\delta_{ {{- layers -}} } = \\partial L / \\partial z_{ {{- layers -}} }$ as one, what is "
           "$\\delta_1 = \\partial L / \\partial z_1$?",
           "Going down one unit multiplies $\\delta$ by that unit's own slope and the weight on the link above "
           "it, $\\delta_k = \\delta_{k+1} \\cdot w\\,\\sigma'(z_k)$. Running the network forward gives one "
           "factor $w\\,\\sigma'(z_k)$ for every unit below the top, from the first unit up: "
           "{% for f in factors %}${{ f }}${{ ', ' if not loop.last }}{% endfor %}. Their product is "
           "$\\delta_1 = {{ answer.delta }}$.",
           "One factor w σ'(z_k) for every unit below the top."),
)
