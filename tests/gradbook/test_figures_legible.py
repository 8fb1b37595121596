"""Figure text reads at about the body's size wherever the guide is read.

A figure is one SVG, scaled by the site to its text column and by Typst to
the PDF's text width (never past its own width). Its text is drawn as glyph
outlines, each string in a group scaled by its font size over matplotlib's
100 units an em, so the size a reader sees is that font size times the
displayed width over the SVG's width. The column widths are worked out from
the site's own style sheet, so a change to the page layout is checked too.
Exponents (the −3 of 10⁻³) are drawn at 70 % of their label's size, as in
any typeset power, and are not counted apart."""

import re

import pytest

TEXT_SCALE = re.compile(r'transform="translate\([^)]*\) (?:rotate\([^)]*\) )?scale\(([0-9.]+) -\1\)"')
SVG_WIDTH = re.compile(r'<svg[^>]*\swidth="([0-9.]+)pt"')
A4_TEXT_WIDTH_PT = 595.28 - 2 * 2.3 / 2.54 * 72
"""A4 less the 2.3 cm side margins of templates/book.typ.j2."""


def site_column_px(css: str, viewport: int) -> float:
    """The width of the site's text column at a viewport width, from style.css:
    main's --measure less its side padding, at the root font size, with the
    phone layout's font size and padding below the 52rem breakpoint."""
    wide_rem = float(re.search(r"html \{ font-size: (\d+)px", css)[1])
    phone = re.search(r"@media \(max-width: ([\d.]+)rem\) \{(.*?)\n\}", css, re.S)
    if viewport <= float(phone[1]) * wide_rem:
        rem = float(re.search(r"html \{ font-size: (\d+)px", phone[2])[1])
        padding = float(re.search(r"main \{ padding: [\d.]+rem ([\d.]+)rem", phone[2])[1])
        return viewport - 2 * padding * rem
    measure = float(re.search(r"--measure: ([\d.]+)rem", css)[1])
    padding = float(re.search(r"main \{[^}]*padding: [\d.]+rem ([\d.]+)rem", css)[1])
    return (measure - 2 * padding) * wide_rem


DISPLAYS = [
    # where; the room it has (CSS px or pt); its unit per SVG point at natural size; the least and most size
    pytest.param("laptop", lambda css: site_column_px(css, 1280), 96 / 72, 16, None, id="laptop-1280px"),
    pytest.param("phone", lambda css: site_column_px(css, 390), 96 / 72, 9, None, id="phone-390px"),
    pytest.param("pdf", lambda css: A4_TEXT_WIDTH_PT, 1, 10, 13, id="pdf-a4-pt"),
]


def figures(built):
    return sorted((built / "html" / "figures").glob("*.svg"))


def text_sizes(svg: str) -> list[float]:
    """The font size of each string in the figure, in the SVG's points."""
    return [100 * float(scale) for scale in TEXT_SCALE.findall(svg)]


def displayed_sizes(svg: str, widest: float, natural_per_pt: float) -> list[float]:
    """The font sizes as shown: scaled with the figure, which is shown at its
    natural width unless that is wider than the room it has."""
    width_pt = float(SVG_WIDTH.search(svg)[1])
    shown = min(widest, width_pt * natural_per_pt)
    return [size * shown / width_pt for size in text_sizes(svg)]


@pytest.mark.parametrize(("where", "widest", "natural_per_pt", "least", "most"), DISPLAYS)
def test_figure_text_is_about_the_body_size(built, where, widest, natural_per_pt, least, most):
    css = (built / "html" / "style.css").read_text()
    found = {path.name: displayed_sizes(path.read_text(), widest(css), natural_per_pt) for path in figures(built)}
    assert found and all(found.values()), "no figure text found: has matplotlib's SVG changed?"
    too_small = {name: round(min(sizes), 1) for name, sizes in found.items() if min(sizes) < least}
    assert not too_small, f"figure text smaller than {least} on the {where}: {too_small}"
    if most is not None:
        too_large = {name: round(max(sizes), 1) for name, sizes in found.items() if max(sizes) > most}
        assert not too_large, f"figure text larger than {most} on the {where}: {too_large}"


@pytest.mark.parametrize(("viewport", "column"), [(1280, 663), (390, 354.8)], ids=["laptop", "phone"])
def test_the_column_is_read_from_the_style_sheet(built, viewport, column):
    """The arithmetic above, against the widths a browser measured."""
    assert site_column_px((built / "html" / "style.css").read_text(), viewport) == pytest.approx(column)
