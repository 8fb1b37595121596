import pytest
import sympy as sp

from derive.printing import latex, text
from derive.symbols import sigma, w, x, z

t = sp.Symbol("t", real=True)
a0, y = sp.symbols("a_0 y", real=True)
f, n = sp.symbols("f n")
F, F1 = sp.Function("F"), sp.Function("F_1")
CASES = [
    (sp.Derivative(sigma(z), z), r"\sigma'\left(z\right)", "σ'(z)"),
    (sp.Derivative(sigma(z), (z, 2)), r"\sigma''\left(z\right)", "σ''(z)"),
    (4 * sp.Subs(sp.Derivative(sigma(t), t), t, 2 * z), r"4 \sigma'\left(2 z\right)", "4*σ'(2*z)"),
    (sp.Derivative(sp.tanh(z), z), r"\tanh'\left(z\right)", "tanh'(z)"),
    (sp.Abs(w), r"\lvert w \rvert", "|w|"),
    (sigma(z) ** 2, r"\sigma\left(z\right)^{2}", "σ(z)**2"),
    (sp.Interval.open(0, sp.oo), r"\left(0, \infty\right)", "(0, ∞)"),
    (sigma(z) - y, r"\sigma\left(z\right) - y", "σ(z) - y"),
    (sp.Mul(2, sigma(z) - y, sp.Derivative(sigma(z), z), a0, evaluate=False),
     r"2 \left(\sigma\left(z\right) - y\right) \sigma'\left(z\right) a_{0}", "2*(σ(z) - y)*σ'(z)*a_0"),
    (sp.cosh(z) ** 2 - sp.sinh(z) ** 2, r"\cosh^{2}{\left(z \right)} - \sinh^{2}{\left(z \right)}",
     "cosh(z)**2 - sinh(z)**2"),
    (1 + sp.Derivative(F(x), x), r"1 + F'\left(x\right)", "1 + F'(x)"),
    (sp.Subs((1 + f) ** n, (f, n), (sp.Rational(1, 10), 10)),
     r"\left. \left(1 + f\right)^{n} \right|_{f = \frac{1}{10},\ n = 10}", "[(1 + f)**n at f = 1/10, n = 10]"),
    (sp.Derivative(F1(x), x), r"F_{1}'\left(x\right)", "F_1'(x)"),
]
IDS = ["slope", "second-slope", "slope-at-2z", "tanh-slope", "abs", "square", "interval",
       "difference-positive-first", "product-as-built", "identity-positive-first", "one-plus",
       "evaluated-at-two-values", "subscripted-function-slope"]


@pytest.mark.parametrize("expr, expected", [(e, l) for e, l, _ in CASES], ids=IDS)
def test_latex(expr, expected):
    assert latex(expr) == expected


@pytest.mark.parametrize("expr, expected", [(e, s) for e, _, s in CASES], ids=IDS)
def test_text(expr, expected):
    assert text(expr) == expected
