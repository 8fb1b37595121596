"""Chapter 8's section on loss scaling prints what derive.formats computes:
the example's range of scales, the table of how deep one scale reaches, the
scale source 000's product would need, and bfloat16 needing none. The
expected numbers are computed here from the printed factor and depth."""

import re

import mpmath
import pytest
import sympy as sp

from derive.chain import fixed_point_factor
from derive.formats import FORMATS, deepest_scaled_depth, exact_depths, loss_scale_range
from tests.chapters.rendered import chapter_markdown, house

HALF, BRAIN = FORMATS["float16"], FORMATS["bfloat16"]
TABLE_FACTORS = {
    "sigmoid at its peak": sp.Rational(1, 4),
    "source 001's layer": sp.Rational(1, 5),
    "source 000's saturated layer": sp.Rational(1, 20),
    "w σ′ at the peak, w = 0.1": sp.Rational(1, 40),
    "anchor network, settled": fixed_point_factor(sp.Rational(1, 10)).mp,
}


@pytest.fixture(scope="module")
def section():
    markdown = chapter_markdown("08-numbers")
    start = markdown.index("## Loss scaling")
    return " ".join(markdown[start:markdown.index("## The audit", start)].split())


@pytest.fixture(scope="module")
def example(section):
    found = re.search(r"best-case factor \$([\d.]+)\$ and depth \$(\d+)\$", section)
    return sp.Rational(found[1]), int(found[2])


def test_the_example_prints_the_range_of_scales_derive_finds(section, example):
    factor, depth = example
    scales, depths = loss_scale_range(factor, depth, HALF), exact_depths(factor, HALF)
    assert not scales.empty
    assert f"subnormal at depth ${depths['subnormal']}$, and from depth ${depths['zero']}$ on" in section
    assert f"$S \\geq 2^{{{scales.least}}}$" in section
    assert f"$S \\leq 2^{{{scales.greatest}}}$" in section
    assert f"float16's largest number ${HALF.largest}$" in section
    assert f"Any of the ${scales.greatest - scales.least + 1}$ powers of two" in section
    assert f"= {house((mpmath.mpf(factor.p) / factor.q) ** depth)}$" in section


def test_the_example_is_subnormal_without_a_scale_and_the_least_scale_makes_it_normal(example):
    factor, depth = example
    least = loss_scale_range(factor, depth, HALF).least
    assert factor ** depth < HALF.smallest_normal <= sp.Integer(2) ** least * factor ** depth


def test_the_table_rows_are_derives_depths(section):
    rows = re.findall(r"\| ([^|$]+), \$[^$]+\$ \| \$(\d+)\$ \| \$(\d+)\$ \| \$(\d+)\$ \|", section)
    assert [label for label, *_ in rows] == list(TABLE_FACTORS)
    for label, unscaled, scaled, bfloat16 in rows:
        factor = TABLE_FACTORS[label]
        assert int(unscaled) == exact_depths(factor, HALF)["subnormal"] - 1, label
        assert int(scaled) == deepest_scaled_depth(factor, HALF), label
        assert int(bfloat16) == exact_depths(factor, BRAIN)["subnormal"] - 1, label


def test_no_scale_rescues_source_000s_product(section):
    layers, slope = re.search(r"Source 000's \$(\d+)\$ saturated layers, with a slope of \$([\d.]+)\$",
                              section).groups()
    scales = loss_scale_range(sp.Rational(slope), int(layers), HALF)
    assert scales.empty
    assert f"would need $S \\geq 2^{{{scales.least}}}$, far beyond the $2^{{{scales.greatest}}}$" in section


def test_the_sigmoids_product_reaches_no_deeper_than_derive_says(section):
    assert f"normal beyond depth ${deepest_scaled_depth(sp.Rational(1, 4), HALF)}$" in section


def test_bfloat16_holds_the_example_with_no_scale(section, example):
    factor, depth = example
    assert loss_scale_range(factor, depth, BRAIN).least <= 0
    assert "so the example's gradient is normal there with no scale at all" in section
    assert f"its smallest normal number is $2^{{{BRAIN.min_exponent}}}$" in section
