"""Chapter figures drawn by matplotlib into SVG, the same file for the site
and the PDF. Text is drawn as paths, so the SVG needs no fonts to display,
and the output is byte-for-byte repeatable."""

import io
import re
from pathlib import Path

from gradbook.chapter_code import chapter_errors

STYLE = {
    "svg.fonttype": "path",
    "svg.hashsalt": "gradbook",
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "legend.fontsize": 9,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 1.8,
}
SIZE = (6.4, 3.4)
"""Inches: the PDF's text width, and a comfortable height for a plot."""


def draw_svg(draw, path: Path) -> bytes:
    """The figure `draw(fig)` makes, as SVG bytes."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    import matplotlib.pyplot  # noqa: F401  (registers the style machinery)

    with matplotlib.rc_context(STYLE), chapter_errors(path):
        fig = Figure(figsize=SIZE, layout="constrained")
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
