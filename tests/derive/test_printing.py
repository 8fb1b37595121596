import pytest
import sympy as sp

from derive.printing import latex, text
from derive.symbols import sigma, w, z

t = sp.Symbol("t", real=True)
CASES = [
    (sp.Derivative(sigma(z), z), r"\sigma'\left(z\right)", "σ'(z)"),
    (sp.Derivative(sigma(z), (z, 2)), r"\sigma''\left(z\right)", "σ''(z)"),
    (4 * sp.Subs(sp.Derivative(sigma(t), t), t, 2 * z), r"4 \sigma'\left(2 z\right)", "4*σ'(2*z)"),
    (sp.Derivative(sp.tanh(z), z), r"\tanh'\left(z\right)", "tanh'(z)"),
    (sp.Abs(w), r"\lvert w \rvert", "|w|"),
    (sigma(z) ** 2, r"\sigma\left(z\right)^{2}", "σ(z)**2"),
    (sp.Interval.open(0, sp.oo), r"\left(0, \infty\right)", "(0, ∞)"),
]
IDS = ["slope", "second-slope", "slope-at-2z", "tanh-slope", "abs", "square", "interval"]


@pytest.mark.parametrize("expr, expected", [(e, l) for e, l, _ in CASES], ids=IDS)
def test_latex(expr, expected):
    assert latex(expr) == expected


@pytest.mark.parametrize("expr, expected", [(e, s) for e, _, s in CASES], ids=IDS)
def test_text(expr, expected):
    assert text(expr) == expected
