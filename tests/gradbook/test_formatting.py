"""How values print in a chapter: the house style, and nothing unformatted."""

import pytest
import sympy as sp

from derive import Quantity, derive
from derive.symbols import sigma, z
from gradbook.formatting import house, markdown_text


@pytest.mark.parametrize("value, expected", [
    (Quantity.exact(sp.Rational(1, 4) ** 10), r"9.54 \times 10^{-7}"),
    (Quantity.exact(sp.Rational(1, 4)), "0.25"),
    (sigma(z) * (1 - sigma(z)), r"\left(1 - \sigma\left(z\right)\right) \sigma\left(z\right)"),
    (7, "7"),
], ids=["small-quantity", "exact-quarter", "expression", "integer"])
def test_values_print_in_the_house_style(value, expected):
    assert house(value) == expected


@pytest.mark.parametrize("value", [derive("sigmoid-max"), {"a": 1}, [1], dict.update],
                         ids=["derivation", "dict", "list", "method"])
def test_unformatted_values_are_refused(value):
    with pytest.raises(TypeError, match="cannot be printed"):
        house(value)


def test_plain_text_is_made_safe_for_markdown():
    assert markdown_text("e^(-z) * n_in [1]") == r"e\^(-z) \* n\_in \[1\]"
