"""Every figure can be read: its text at about the body's size wherever the
guide is read, no label run through by a line of data, nothing cut off.

Sizes: a figure is one SVG, scaled by the site to its text column and by
Typst to the PDF's text width (never past its own width). Its text is drawn
as glyph outlines, each string in a group scaled by its font size over
matplotlib's 100 units an em, so the size a reader sees is that font size
times the displayed width over the SVG's width. The column widths are worked
out from the site's own style sheet, so a change to the page layout is
checked too. Exponents (the −3 of 10⁻³) are drawn at 70 % of their label's
size, as in any typeset power, and are not counted apart.

Overprinting and clipping: each figure is drawn again as the build draws it,
and the boxes its words take are compared with its lines, its bars and its edge."""

import re
from functools import partial

import pytest
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from gradbook.book import load_book
from gradbook.chapter_code import load_module, module_name
from gradbook.figures import styled_figure
from gradbook.render import experiments_needed, figure_functions
from tests.gradbook.conftest import QUICK_EXPERIMENTS

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


def chapter_figures() -> list:
    """Every figure of the guide: (its chapter, its draw function), named; slow
    where its chapter needs experiments that are not quick to run."""
    found = []
    for part in load_book().parts:
        module = load_module(part.folder / "figures.py", module_name(part.slug, "figures"))
        slow = set(experiments_needed(part)) - set(QUICK_EXPERIMENTS)
        found += [pytest.param((part, draw), id=name, marks=[pytest.mark.slow] if slow else [])
                  for name, draw in figure_functions(module).items()]
    return found


@pytest.fixture
def drawn(experiments, request):
    """A figure drawn as the build draws it and laid out, with its style still in force."""
    part, draw = request.param
    needed = experiments_needed(part)
    if needed:
        values = load_module(part.folder / "values.py", module_name(part.slug, "values"))
        draw = partial(draw, values=values.values(experiments(needed)))
    with styled_figure(part.folder / "figures.py") as fig:
        draw(fig)
        fig.draw_without_rendering()
        yield fig


def labels(fig) -> list:
    """The words placed among the data: annotations and the legends' entries,
    each with the box its text takes on the canvas (an annotation's arrow,
    which is meant to touch the data, is not counted)."""
    placed = [text for ax in fig.axes for text in ax.texts]
    for legend in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
        placed += legend.get_texts()
    return [(text.get_text(), Text.get_window_extent(text)) for text in placed if text.get_text().strip()]


def crossing(box, ax) -> list[str]:
    """The labels of the lines and bar series of data that run through a box inside the plot."""
    inside = Bbox.intersection(box, ax.bbox)
    if inside is None:
        return []
    found = []
    for line in ax.lines:
        points = line.get_transform().transform(line.get_xydata())
        drawn_between = line.get_linestyle() not in ("None", " ", "")
        if (drawn_between and Path(points).intersects_bbox(inside, filled=False)) or inside.count_contains(points):
            found.append(line.get_label())
    for bars in ax.containers:
        found += [bars.get_label() for bar in bars if bar.get_window_extent().overlaps(inside)][:1]
    return found


@pytest.mark.parametrize("drawn", chapter_figures(), indirect=True)
def test_nothing_reaches_past_the_figures_edge(drawn):
    """What the figure draws, text included, fits in it: the SVG cuts off the rest."""
    drawn_area, edge = drawn.get_tightbbox(), drawn.bbox_inches.padded(0.01)
    assert edge.contains(drawn_area.x0, drawn_area.y0) and edge.contains(drawn_area.x1, drawn_area.y1), drawn_area


@pytest.mark.parametrize("drawn", chapter_figures(), indirect=True)
def test_no_line_of_data_runs_through_a_label(drawn):
    overprinted = {words: lines for words, box in labels(drawn) for ax in drawn.axes if (lines := crossing(box, ax))}
    assert not overprinted
