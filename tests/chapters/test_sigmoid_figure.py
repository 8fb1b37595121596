"""Figure 1.1 says truly what its shading shows: the zones where σ' is below
source 003's threshold of 0.1 still keep a large share of the peak slope
(two fifths at their edge), so the caption gives the computed shares instead
of calling the zones gradient-free. Expected values are computed here in
mpmath."""

import re

import mpmath
import pytest

from tests.chapters.rendered import chapter_markdown, house


def slope(z) -> mpmath.mpf:
    s = 1 / (1 + mpmath.exp(-mpmath.mpf(z)))
    return s * (1 - s)


@pytest.fixture(scope="module")
def caption():
    markdown = chapter_markdown("01-sigmoid-slope")
    return markdown[markdown.index("**Figure 1.1.**"):].split("](", 1)[0]


def test_the_caption_does_not_call_the_shaded_zones_gradient_free(caption):
    with mpmath.workdps(40):
        edge = mpmath.findroot(lambda z: slope(z) - mpmath.mpf("0.1"), 2)
        assert slope(edge) / slope(0) > mpmath.mpf("0.3")  # why "almost none" was wrong
    assert "almost none" not in caption
    assert rf"\lvert z \rvert > {house(edge)}" in caption


def test_the_caption_gives_the_computed_share_of_the_peak(caption):
    shares = re.findall(r"\$([0-9.]+)\\,\\%\$(?: of the peak)? at \$z = (\d+)\$", caption)
    assert len(shares) == 2
    with mpmath.workdps(40):
        assert all(share == house(100 * slope(int(z)) / slope(0)) for share, z in shares)
