"""Chapter figures drawn by matplotlib into SVG, the same file for the site
and the PDF. Text is drawn as paths, so the SVG needs no fonts to display,
and the output is byte-for-byte repeatable."""

import io
import re
from contextlib import contextmanager
from pathlib import Path

from gradbook.chapter_code import chapter_errors

STYLE = {
    "svg.fonttype": "path",
    "svg.hashsalt": "gradbook",
    "font.size": 13,
    "axes.titlesize": 13,
    "axes.labelsize": 13,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "legend.fontsize": 13,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 1.8,
}
SIZE = (7.0, 3.7)
"""Inches. A figure is drawn a little wider than either output shows it, so
that both scale it to their text column: the site's, 663 px on a laptop
(17 px a rem), and the PDF's, 465 pt on A4. One size of text then reads at
about the body's size in both: 13 pt in a 7-inch figure is about 17 px on
the laptop, and 12 pt beside the PDF's 10.5 pt body. Every label of every
figure uses it: a figure that needs smaller text has too much of it."""


@contextmanager
def styled_figure(path: Path):
    """An empty figure of the guide's size, with its style in force until the
    block ends (drawing and saving both read it); an error inside names `path`."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    import matplotlib.pyplot  # noqa: F401  (registers the style machinery)

    with matplotlib.rc_context(STYLE), chapter_errors(path):
        yield Figure(figsize=SIZE, layout="constrained")


def draw_svg(draw, path: Path) -> bytes:
    """The figure `draw(fig)` makes, as SVG bytes."""
    with styled_figure(path) as fig:
        draw(fig)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return standalone(buffer.getvalue())


_DOCTYPE = re.compile(rb"<!DOCTYPE svg[^>]*>\s*")
_PATH_WITHOUT_D = re.compile(rb"<path(?![^>]*\sd=)([^>]*?)/>")


def standalone(svg: bytes) -> bytes:
    """matplotlib's SVG as every output accepts it: without the DOCTYPE, whose
    external DTD an EPUB may not name, and with an empty outline on the glyph
    paths matplotlib leaves without one (a space), which SVG requires."""
    return _PATH_WITHOUT_D.sub(rb'<path\1 d=""/>', _DOCTYPE.sub(b"", svg, count=1))


def figure_file(slug: str, name: str) -> str:
    """Where a figure lives, relative to the page or the Typst source."""
    return f"figures/{slug}-{name}.svg"
