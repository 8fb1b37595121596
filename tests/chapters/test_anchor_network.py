"""Chapter 4 states the guide's one convention for δ, and its backward table
(Table 4.2) follows it: δ_k = ∂L/∂z_k with the top unit's δ set to one, and
each row's factor w σ'(z_k) is what carries δ from the row above down to it.
The expected values are computed here from the definitions, in mpmath."""

from decimal import Decimal

import mpmath
import pytest

from derive import numbers
from gradbook.book import load_book
from gradbook.render import render_part

W, X, LAYERS = mpmath.mpf("0.1"), mpmath.mpf(1), 4


def house(value) -> str:
    """The house style as the chapter's Markdown prints it, without the $…$."""
    return numbers.format_decimal(numbers.round_sig(Decimal(mpmath.nstr(value, 40, strip_zeros=False))), "latex")


def by_definition():
    """The forward pass, then δ_4 = 1 and δ_k = δ_(k+1) · w σ'(z_k) going down."""
    with mpmath.workdps(60):
        z, a = [], X
        for _ in range(LAYERS):
            z.append(W * a)
            a = 1 / (1 + mpmath.exp(-z[-1]))
        slopes = [mpmath.diff(lambda t: 1 / (1 + mpmath.exp(-t)), v) for v in z]
        delta = [mpmath.mpf(1)] * LAYERS
        for k in range(LAYERS - 2, -1, -1):
            delta[k] = delta[k + 1] * W * slopes[k]
    return slopes, delta


@pytest.fixture(scope="module")
def markdown():
    part = next(p for p in load_book().parts if p.slug == "04-anchor-network")
    return render_part(part).markdown


def backward_table(markdown: str) -> tuple[str, list[str], list[list[str]]]:
    """Table 4.2's caption, header cells and rows, cell text with the $…$ removed."""
    lines = markdown[markdown.index("**Table 4.2.**"):].splitlines()
    table = [line for line in lines[1:] if line.startswith("|")][:2 + LAYERS]
    cells = [[cell.strip().strip("$") for cell in line.strip("|").split("|")] for line in table]
    return lines[0], cells[0], cells[2:]


def test_the_chapter_states_the_convention_where_delta_first_appears(markdown):
    first = markdown.index(r"\delta")
    assert "**The convention for" in markdown[first - 40:first]
    assert r"\delta_k = \partial L / \partial z_k" in markdown[first:first + 300]
    assert r"\delta_{4} = \partial L / \partial z_{4} = 1" in markdown[first:first + 600]


def test_table_4_2_holds_delta_and_the_factor_that_carries_it_down(markdown):
    caption, header, rows = backward_table(markdown)
    slopes, delta = by_definition()
    assert r"\delta_k = \partial L / \partial z_k" in header[2]
    assert "own slope" in caption and "its row has no factor" in caption
    expected = [[str(k + 1), house(W * slopes[k]) if k < LAYERS - 1 else "—", house(delta[k])]
                for k in reversed(range(LAYERS))]
    assert [row[:3] for row in rows] == expected
