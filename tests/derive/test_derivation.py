import pytest
import sympy as sp

from derive import Derivation, Quantity, Step, VerificationError, step
from derive.symbols import sigma, x, z

F = sp.Function("F")
slope = sp.Derivative(sigma(z), z)


@pytest.mark.parametrize("lhs, rhs", [
    (slope, sigma(z) * (1 + sigma(z))),
    (slope, sp.exp(z) / (1 + sp.exp(-z)) ** 2),
    (sp.Subs(slope, z, 0), sp.Rational(1, 5)),
    (sp.Derivative(sp.tanh(z), z), 1 + sp.tanh(z) ** 2),
    (sp.Derivative(x + F(x), x), sp.Derivative(F(x), x)),
    (sp.Limit(sigma(z), z, sp.oo), 0),
], ids=["sign-slip", "wrong-exponent", "wrong-maximum", "tanh-sign", "lost-skip-path", "wrong-limit"])
def test_a_false_step_is_refused(lhs, rhs):
    with pytest.raises(VerificationError):
        step(lhs, rhs, "deliberately wrong")


def test_a_false_step_among_true_ones_stops_the_derivation():
    def build():
        return Derivation("demo", "demo", (
            step(slope, sp.exp(-z) / (1 + sp.exp(-z)) ** 2, "chain rule"),
            step(sp.Subs(slope, z, 0), sp.Rational(1, 3), "a wrong value"),
        ), Quantity.exact(sp.Rational(1, 4)))

    with pytest.raises(VerificationError, match="a wrong value"):
        build()


def test_an_unverified_step_cannot_enter_a_derivation():
    forged = Step(slope, sp.Integer(0), "never checked")
    with pytest.raises(VerificationError):
        Derivation("demo", "demo", (forged,), sp.Integer(0))


@pytest.mark.parametrize("lhs, rhs, how", [
    (slope, sigma(z) * (1 - sigma(z)), "symbolic"),
    (sp.Derivative(x + F(x), x), 1 + sp.Derivative(F(x), x), "symbolic"),
    (sp.cosh(z) ** 2 - sp.sinh(z) ** 2, 1, "symbolic"),
], ids=["sigmoid-slope", "arbitrary-function", "hyperbolic-identity"])
def test_true_steps_are_proved_symbolically(lhs, rhs, how):
    assert step(lhs, rhs, "true").check == how


def test_steps_no_rewriting_closes_are_marked_numeric():
    assert step(sp.sin(z) ** 2 + sp.cos(z) ** 2, 1, "true", symbolic=False).check == "numeric"


def test_sample_values_respect_a_narrow_domain():
    c = sp.Symbol("c", positive=True)
    root = sp.sqrt((1 - 4 * c) ** 2)
    with pytest.raises(VerificationError):  # false at the default samples, which exceed 1/4
        step(root, 1 - 4 * c, "needs c < 1/4")
    assert step(root, 1 - 4 * c, "needs c < 1/4",
                {c: (sp.Rational(1, 10), sp.Rational(1, 5))}).check == "numeric"


def test_a_step_with_rounded_numbers_is_never_called_symbolic():
    third = sp.Float(1, 60) / 3
    assert step(third * 3, 1, "rounding happens to cancel").check == "numeric"
