"""How values print in a chapter: the house style, and nothing unformatted."""

import numpy
import pytest
import sympy as sp

from derive import Quantity, derive
from derive.symbols import sigma, z
from gradbook.formatting import house, markdown_text, render_text


@pytest.mark.parametrize("value, expected", [
    (Quantity.exact(sp.Rational(1, 4) ** 10), r"9.54 \times 10^{-7}"),
    (Quantity.exact(sp.Rational(1, 4)), "0.25"),
    (sigma(z) * (1 - sigma(z)), r"\left(1 - \sigma\left(z\right)\right) \sigma\left(z\right)"),
    (7, "7"),
], ids=["small-quantity", "exact-quarter", "expression", "integer"])
def test_values_print_in_the_house_style(value, expected):
    assert house(value) == expected


UNPRINTABLE = {
    "derivation": (derive("sigmoid-max"), "a Derivation"),
    "dict": ({"a": 1}, "a dict"),
    "list": ([1], "a list"),
    "tuple": ((1, 2), "a tuple"),
    "set": ({1}, "a set"),
    "method": (dict.update, "not a value"),
    "function": (abs, "not a value"),
    "boolean": (False, "False, a boolean"),
    "numpy-boolean": (numpy.bool_(True), "True, a boolean"),
    "evaluated-equation": (sp.Eq(sp.tanh(-z), -sp.tanh(z)), "True, a boolean (an equation sympy evaluated"),
    "none": (None, "None"),
    "plain-object": (object(), "has no printed form of its own"),
    "generator": ((k for k in ()), "has no printed form of its own"),
}


@pytest.mark.parametrize("case", UNPRINTABLE, ids=list(UNPRINTABLE))
def test_what_a_reader_should_not_see_is_refused(case):
    value, why = UNPRINTABLE[case]
    with pytest.raises(TypeError, match="cannot be printed") as caught:
        house(value)
    assert why in str(caught.value)


@pytest.mark.parametrize("template, expected", [
    ("Tanh is odd, ${{ odd }}$.", "{{ odd }} cannot be printed: it is True, a boolean"),
    ("{{ 'a' }} and {{- shown if odd else 'b' -}}.", "{{- shown if odd else 'b' -}}"),
    ("{{ shown\n   if odd }}", "{{ shown if odd }} cannot be printed: it is None"),
], ids=["expression", "the-failing-one-of-two", "split-over-lines"])
def test_a_refusal_names_the_expression_as_written(template, expected):
    with pytest.raises(TypeError) as caught:
        render_text(template, odd=sp.Eq(sp.tanh(-z), -sp.tanh(z)), shown=None)
    assert str(caught.value).startswith(expected.replace("{{-", "{{").replace("-}}", "}}"))


def test_an_unevaluated_equation_prints_as_mathematics():
    odd = sp.Eq(sp.tanh(-z, evaluate=False), -sp.tanh(z), evaluate=False)
    assert render_text("${{ odd }}$", odd=odd) == r"$\tanh{\left(- z \right)} = - \tanh{\left(z \right)}$"


def test_plain_text_is_made_safe_for_markdown():
    assert markdown_text("e^(-z) * n_in [1]") == r"e\^(-z) \* n\_in \[1\]"
