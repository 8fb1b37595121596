"""Chapter 6 says what it prints: Xavier's derivation is introduced with its
zero-mean assumption, the batch-normalization passage prints the wide-spread
approximation as the formula 1/(s√(2π)) next to its value, and Figure 6.1's
caption gives the curve's height where batch normalization holds the spread.
Expected values are computed here, in mpmath, from the definitions."""

import re

import mpmath
import pytest

from tests.chapters.rendered import chapter_markdown, house

FORMULA = r"\frac{1}{s \sqrt{2 \pi}}"


def expected_slope(s) -> mpmath.mpf:
    """E[σ'(Z)] for Z ~ N(0, s²), by quadrature over the whole line."""
    with mpmath.workdps(30):
        s = mpmath.mpf(s)
        density = lambda t: mpmath.exp(-t * t / (2 * s * s)) / (s * mpmath.sqrt(2 * mpmath.pi))  # noqa: E731
        slope = lambda t: mpmath.exp(-abs(t)) / (1 + mpmath.exp(-abs(t))) ** 2  # noqa: E731
        return mpmath.quad(lambda t: slope(t) * density(t), [-60 * s, -s, 0, s, 60 * s])


@pytest.fixture(scope="module")
def markdown():
    return chapter_markdown("06-fixes")


def test_the_wide_spread_sentence_prints_the_formula_and_its_value(markdown):
    passage = markdown[markdown.index("falls off like"):markdown.index("Normalization keeps the")]
    assert f"${FORMULA}$" in passage
    at = re.search(r"At \$s = (\d+)\$ that approximation gives\s+\$([^$]+)\$, and the exact value is \$([^$]+)\$",
                   passage)
    s = int(at[1])
    assert at[2] == house(1 / (s * mpmath.sqrt(2 * mpmath.pi)))
    assert at[3] == house(expected_slope(s))


def test_figure_6_1_gives_the_curve_where_batch_normalization_holds_it(markdown):
    caption = markdown[markdown.index("**Figure 6.1.**"):].split("](", 1)[0]
    held = re.search(r"holds the spread at \$s = (\d+)\$, on the curve's shoulder: the expected slope there is "
                     r"\$([^$]+)\$", caption)
    assert held[2] == house(expected_slope(held[1]))
    assert f"${FORMULA}$" in caption


def test_xavier_is_introduced_with_its_zero_mean_assumption(markdown):
    """Var(z) = n_in Var(w) Var(a) holds only for zero-mean activations; the
    chapter says so, and names E[a²] (what He uses), before the steps."""
    section = markdown[markdown.index("### Xavier"):]
    introduction = section[:section.index("\n1. ")]
    assert "mean\nzero" in introduction or "mean zero" in introduction
    assert r"\operatorname{Var}(w)\, \mathrm{E}[a^2]" in introduction
