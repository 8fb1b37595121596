"""Chapter 5's anchor network with ReLU units speaks in chapter 4's convention:
δ_k = ∂L/∂z_k with the top unit's δ taken as one. The expected values are
computed here from the definitions, in mpmath."""

import re
from decimal import Decimal

import mpmath
import pytest

from tests.chapters.rendered import chapter_markdown, house

W, X, HIDDEN = mpmath.mpf("0.1"), mpmath.mpf(1), 4


def sigmoid_delta_one():
    """δ_1 = ∂z_4/∂z_1 of the all-sigmoid anchor network, by differentiation."""
    def top_input(z1):
        z = z1
        for _ in range(HIDDEN - 1):
            z = W / (1 + mpmath.exp(-z))
        return z

    with mpmath.workdps(40):
        return mpmath.diff(top_input, W * X)


@pytest.fixture(scope="module")
def solution():
    markdown = chapter_markdown("05-relu-family")
    start = markdown.index("*Solution.*", markdown.index("replacing the sigmoid in the anchor network"))
    return " ".join(markdown[start:markdown.index("## Why ReLU", start)].split())


def test_the_relu_anchor_compares_delta_one_with_the_sigmoids(solution):
    """With ReLU units δ_1 = w³; with sigmoid units it is chapter 4's δ_1, and the gain is their ratio."""
    found = re.search(r"against \$\\delta_1 = ([^$]+)\$ with sigmoid units: \$([^$]+)\$ times more", solution)
    assert found, solution
    assert found[1] == house(sigmoid_delta_one())
    assert found[2] == house(W ** (HIDDEN - 1) / sigmoid_delta_one())


def printed(latex: str) -> Decimal:
    """A number as the house style prints it: 0.001, 1 \\times 10^{-4}."""
    mantissa, _, power = latex.partition(r" \times 10^")
    return Decimal(mantissa).scaleb(int(power.strip("{}") or 0))


def test_a_sigmoid_output_unit_on_top_adds_one_link(solution):
    """The output unit becomes the top, whose δ the cost sets: δ_1 = w⁴, with no sigmoid slope."""
    found = re.search(r"one more link of weight \$w\$: \$\\delta_1 = w\^\{(\d+)\} = ([^$]+)\$", solution)
    assert found, solution
    assert int(found[1]) == HIDDEN and printed(found[2]) == Decimal("0.1") ** HIDDEN
