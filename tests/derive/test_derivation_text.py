"""Derivations read like a textbook: general statements in symbols, with any
instance labelled as one, and reasons written as prose with $…$ math."""

import re

import pytest
import sympy as sp

from derive import derive, names

MATH = re.compile(r"\$[^$]+\$")
ASCII_MATH = {
    "exp(": "write e^{…} in math", "sqrt(": r"write \sqrt{…} in math", "log(": r"write \log in math",
    "<=": r"write \le in math", ">=": r"write \ge in math", "**": "write a power in math",
    "^": "a power belongs in math", "_": "a subscript belongs in math", "σ": "a symbol belongs in math",
    "²": "a power belongs in math", " - ": "a minus sign belongs in math",
}


def prose(reason: str) -> str:
    """The reason with its $…$ math taken out."""
    return MATH.sub("", reason)


def problems(reason: str) -> list[str]:
    """What is wrong with how a reason writes its mathematics."""
    unclosed = ["an unclosed $"] if reason.count("$") % 2 else []
    return unclosed + [why for pattern, why in ASCII_MATH.items() if pattern in prose(reason)]


@pytest.mark.parametrize("name", names())
def test_reasons_write_their_mathematics_as_math(name):
    """Each step's reason; the derivation is made when the test runs, not while the tests are collected."""
    found = {f"step {number}: {s.reason!r}": problems(s.reason) for number, s in enumerate(derive(name).steps, 1)}
    assert {step: why for step, why in found.items() if why} == {}


def symbols_of(step) -> set[str]:
    return {str(s) for s in (step.lhs.free_symbols | step.rhs.free_symbols)}


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_the_depth_bound_is_stated_in_symbols(activation):
    d = derive("depth-product", activation=activation, w="1", layers="10")
    chain_rule, bound, balance, instance = d.steps
    assert symbols_of(bound) >= {"n", "w"}, "the bound must be the general (|w| f'(0))^n, not an instance"
    assert "n" in symbols_of(balance), "where the bound turns must hold at every depth n"
    assert instance.reason == "evaluated at $w = 1$ and $n = 10$"
    assert isinstance(instance.lhs, sp.Subs) and symbols_of(sp.Eq(instance.lhs.expr, 0, evaluate=False)) >= {"n", "w"}


def test_the_residual_products_are_stated_in_symbols_and_then_evaluated():
    d = derive("residual-gradient", fprime="1/10", blocks="10")
    for s in d.steps[2:]:
        assert isinstance(s.lhs, sp.Subs) and {"f", "n"} <= {str(v) for v in s.lhs.expr.free_symbols}
        assert "evaluated at $f = \\frac{1}{10}$ and $n = 10$" in s.reason


@pytest.mark.parametrize("name, params, number", [
    ("depth-product", {}, 4), ("residual-gradient", {}, 3), ("residual-gradient", {}, 4),
    ("xavier-variance", {}, 5), ("he-variance", {}, 3), ("saturation-threshold", {}, 5),
], ids=["depth", "residual-with-skips", "residual-without", "xavier", "he", "threshold"])
def test_a_step_at_the_chosen_values_says_so(name, params, number):
    assert "evaluated at $" in derive(name, **params).steps[number - 1].reason
