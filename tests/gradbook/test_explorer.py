"""The explorer's generated script and links, without a browser: the script's
formulas are printed in their stable forms, and a link to a setting the
explorer cannot show is refused at build time. (tests/gradbook/browser/ runs
the page itself, and holds what the script computes to the textbook
definitions and the formats' limits to numpy's.)"""

import io
import re
import zipfile

import pytest

from derive import activation
from gradbook import explorer, pandoc
from gradbook.formats.epub import to_epub
from gradbook.book import load_book


@pytest.mark.parametrize("expr_name, expected", [
    ("sigmoid", "1/(1 + Math.exp(-z))"),
    ("gelu", "(1/2)*z*erfc(-1/2*Math.sqrt(2)*z)"),
], ids=["sigmoid", "gelu-keeps-its-digits"])
def test_formulas_print_in_their_stable_form(expr_name, expected):
    """GELU is z erfc(-z/sqrt 2)/2, not z (1 - erfc(z/sqrt 2)/2), which is 0 far below zero."""
    assert explorer.javascript(activation(expr_name).expr) == expected


def test_a_link_encodes_its_setting():
    link = explorer.link("Go", activation="sigmoid", depth=4, w="0.1", at="1", start="x")
    assert link == "[Go](explorer.html#activation=sigmoid&depth=4&w=0.1&at=1&start=x&layer=plain){.explore}"


def test_the_widget_names_the_gradient_by_the_guides_convention():
    """Chapter 4's δ_k = ∂L/∂z_k, named where the page shows it."""
    assert "<dt>Gradient reaching layer 1, δ₁ = ∂L/∂z₁</dt>" in explorer.widget()


def epub_text(book: bytes) -> str:
    """Every page of an EPUB, as one text."""
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xhtml"))


@pytest.mark.parametrize("fmt, shown", [("html", True), ("pdf", False), ("epub", False)], ids=["html", "pdf", "epub"])
def test_a_note_is_shown_by_the_site_and_left_out_of_the_documents(fmt, shown):
    """Neutral Markdown (a div of class web-only), which the formats that are one document drop."""
    note = explorer.note("Watch <this>.", "Open it.", activation="tanh", depth=3, w="1", at="0")
    assert "<" not in note.replace("Watch \\<this\\>", "")  # no raw HTML, the text escaped as Markdown
    converted = {"html": lambda md: pandoc.to_html(md, None, "test"),
                 "pdf": lambda md: pandoc.to_typst(md, "test"),
                 "epub": lambda md: epub_text(to_epub(md, {"title": "T"}, {}))}[fmt](f"Before.\n{note}")
    assert "Before." in converted
    assert ("Open it." in converted) == shown
    if shown:
        assert '<div class="explore-note web-only">' in converted and "Watch &lt;this&gt;." in converted


@pytest.mark.parametrize("setting, message", [
    ({"activation": "elu"}, "no activation 'elu'"),
    ({"depth": 51}, "the depth must be 1 to 50"),
    ({"w": "6"}, "within ±5"),
    ({"at": "1/2"}, "at must be a decimal"),
    ({"start": "y"}, "start must be 'z' or 'x'"),
    ({"layer": "dropout"}, "unknown layer kind"),
], ids=["activation", "depth", "weight", "fraction", "start", "layer"])
def test_a_link_the_explorer_cannot_show_is_refused(setting, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        explorer.link("Go", **{"activation": "tanh", "depth": 3, "w": "1", "at": "0", **setting})


def test_the_book_has_the_explorer_as_a_page_and_not_in_print():
    book = load_book()
    pages = [part for part in book.parts if part.web_only]
    assert [part.slug for part in pages] == ["explorer"]
    assert book.parts[-1] == pages[0]
