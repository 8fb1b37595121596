import pytest
import sympy as sp

from derive.symbols import as_expr, concrete, logistic, sigma, w, z


def test_as_expr_never_parses_text():
    with pytest.raises(sp.SympifyError):
        as_expr("__import__('os')")


@pytest.mark.parametrize("value, expected", [(0.1, sp.Rational(1, 10)), (3, sp.Integer(3)),
                                             (sp.Rational(1, 4), sp.Rational(1, 4))],
                         ids=["float-as-decimal", "int", "rational"])
def test_as_expr_converts_numbers_exactly(value, expected):
    assert as_expr(value) == expected


def test_sigma_has_no_derivative_rule_of_its_own():
    """A derivation may not assume σ' = σ(1 - σ): it has to prove it."""
    assert isinstance(sp.diff(sigma(z), z), sp.Derivative)


def test_concrete_writes_sigma_out_and_differentiates():
    assert concrete(sigma(w * z)) == logistic(w * z)
    assert concrete(sp.Derivative(sigma(z), z)) == sp.diff(logistic(z), z)
