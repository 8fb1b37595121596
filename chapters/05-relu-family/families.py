"""Chapter 5's family: a ReLU unit that can never fire."""

import sympy as sp

from gradbook.practice.common import decimal, json_number, q, signed
from gradbook.practice.family import Family, Solved
from gradbook.practice.rules import Absolute


def sample_dead(rng, difficulty):
    places = {1: 1, 2: 1, 3: 2}[difficulty]
    return {"w1": json_number(signed(rng, decimal(rng, 0.1, 2, places))),
            "w2": json_number(signed(rng, decimal(rng, 0.1, 2, places))),
            "b": json_number(-decimal(rng, 0.1, 3, places))}


def solve_dead(p):
    w1, w2, b = (sp.Rational(str(p[k])) for k in ("w1", "w2", "b"))
    peak = sp.Max(w1, 0) + sp.Max(w2, 0) + b
    return Solved({"largest": (q(peak), Absolute(0.001))},
                  {"w1q": q(w1), "w2q": q(w2), "bq": q(b), "positive": [q(v) for v in (w1, w2) if v > 0],
                   "verdict": "dead: no input makes it fire, and no gradient reaches its weights"
                   if peak <= 0 else "alive: some inputs make it fire"})


FAMILIES = (
    Family("dead-relu", "a ReLU unit that may never fire",
           {"w1": "the first weight", "w2": "the second weight", "b": "the bias"}, sample_dead, solve_dead,
           "A ReLU unit receives two inputs, each anywhere between zero and one, with weights ${{ w1q }}$ and "
           "${{ w2q }}$ and bias ${{ bq }}$. What is the largest pre-activation it can ever have? Is the unit dead?",
           "The pre-activation is largest when each input with a positive weight is one and each input with a "
           "negative weight is zero: "
           "{% if positive %}${% for v in positive %}{{ v }} + {% endfor %}({{ bq }}) = {{ answer.largest }}${% else %}"
           "only the bias is left, ${{ answer.largest }}${% endif %}. The unit is {{ verdict }}.",
           "Put each input at whichever end of its range raises the pre-activation."),
)
