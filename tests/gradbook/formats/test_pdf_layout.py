"""The PDF is set like a textbook: no page ends with something that belongs to
the next page's first lines. Each page's text is read with its positions
(pypdf), the lines it ends with are found above the page number, and these
must not end a page:
  - a heading (bold and larger than the text, or numbered like "3.2 Title");
  - the caption of a table or a listing, which sit above what they caption;
  - a derivation step's reason with its check mark, or a step's number alone,
    whose equation would then open the next page.
The check is shown to catch each of these on a small document compiled with
typst where the page is made to end there. And a part's title says what the
text calls it: "Chapter 3", "Appendix D"."""

import io
import re
from dataclasses import dataclass

import pytest
import typst
from pypdf import PdfReader

from gradbook import pandoc
from gradbook.book import load_book
from gradbook.formats.pdf import compile_pdf, typst_source

FOOTER = 60.0
"""Points from the page's bottom edge: the page number sits below this line,
the text above it (the book's bottom margin is 2.6 cm, about 74 pt)."""
SAME_LINE = 4.0
"""Pieces of text whose baselines are this close (points) are one line: a
superscript or a fraction's bar is still on its line."""
SAME_PARAGRAPH = 1.5
"""Lines closer than this many times their type size are one paragraph;
paragraphs, headings and table rows are further apart."""

NUMBERED_HEADING = re.compile(r"^(\d+|[A-Z])(\.\d+)+\s+\S")
ABOVE_ITS_CONTENT = re.compile(r"^(Table|Listing) [A-Z0-9]+\.\d+\.")
CHECK_MARK = re.compile(r"checked (symbolically|at \d+ digits)$")
STEP_NUMBER = re.compile(r"^\d+\.$")


@dataclass
class Line:
    y: float
    text: str
    size: float
    bold: bool


def page_lines(page) -> list[Line]:
    """The page's lines of text, top to bottom, without the page number."""
    pieces = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            name = (font or {}).get("/BaseFont", "")
            pieces.append((y, x, text, size * abs(tm[3] * cm[3]), name))

    page.extract_text(visitor_text=visit)
    lines: list[list] = []
    for piece in sorted(pieces, key=lambda p: -p[0]):
        if lines and lines[-1][0][0] - piece[0] < SAME_LINE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    result = []
    for group in lines:
        if group[0][0] < FOOTER:
            continue
        words = sorted(group, key=lambda p: p[1])
        prose = [p for p in words if "Math" not in p[4]] or words
        result.append(Line(y=group[0][0], text="".join(p[2] for p in words).strip(),
                           size=max(p[3] for p in prose), bold=all("Bold" in p[4] for p in prose)))
    return result


def last_paragraph(lines: list[Line]) -> list[Line]:
    """The lines of the page's last paragraph (or heading, or table row)."""
    paragraph = [lines[-1]]
    for line in reversed(lines[:-1]):
        below = paragraph[0]
        if (line.size, line.bold) != (below.size, below.bold) or line.y - below.y > SAME_PARAGRAPH * below.size:
            break
        paragraph.insert(0, line)
    return paragraph


def page_end_fault(lines: list[Line], body_size: float) -> str | None:
    """What is wrong with how the page ends, or None."""
    if not lines:
        return None
    paragraph = last_paragraph(lines)
    first, last = paragraph[0], paragraph[-1]
    if first.bold and (first.size > body_size + 1 or NUMBERED_HEADING.match(first.text)):
        return f"a heading: {first.text!r}"
    if ABOVE_ITS_CONTENT.match(first.text):
        return f"a caption: {first.text!r}"
    if CHECK_MARK.search(last.text):
        return f"a step without its equation: {last.text!r}"
    if STEP_NUMBER.match(last.text):
        return f"a lone step number: {last.text!r}"
    return None


def page_end_faults(reader: PdfReader, body_size: float) -> list[str]:
    """Each page that ends badly, as "p. N: what it ends with"."""
    faults = []
    for number, page in enumerate(reader.pages, 1):
        fault = page_end_fault(page_lines(page), body_size)
        if fault:
            faults.append(f"p. {number}: {fault}")
    return faults


def test_no_page_of_the_guide_ends_with_a_heading_a_caption_or_half_a_step(built):
    assert page_end_faults(PdfReader(built / "gradbook.pdf"), body_size=10.5) == []


PAGE = """#set page(height: 12cm, margin: (x: 2cm, top: 2cm, bottom: 2.6cm), numbering: "1")
#set text(size: 10.5pt)
#set heading(numbering: "1.1")
#show heading: set text(size: 13pt)
The page's text, a sentence long enough to make a line or two of an ordinary paragraph on this page.

"""
NEXT = "\n#pagebreak()\nThe next page's first lines.\n"

BROKEN = [
    pytest.param("= A chapter\n== Key points", "a heading", id="numbered-heading"),
    pytest.param("#heading(level: 2, numbering: none)[Problems on Chapter 1]", "a heading", id="unnumbered-heading"),
    pytest.param("#set text(size: 9pt)\n#strong[Table 3.1.] The slope at each layer, one row per layer of the "
                 "network, with the product of the slopes above it.", "a caption", id="table-caption"),
    pytest.param("#strong[Listing 1.1.] The slope in float64.", "a caption", id="listing-caption"),
    pytest.param("+ Split the fraction in two:\n  #align(right)[checked symbolically]", "a step without its equation",
                 id="step-reason"),
    pytest.param("7.", "a lone step number", id="step-number"),
    pytest.param("The last sentence of an ordinary paragraph.", None, id="a-paragraph-ends-the-page"),
    pytest.param("#strong[Figure 3.1.] A figure's caption sits under its figure, so it may end a page.", None,
                 id="figure-caption"),
]


@pytest.mark.parametrize("ending, fault", BROKEN)
def test_the_check_finds_a_page_made_to_end_badly(tmp_path, ending, fault):
    (tmp_path / "page.typ").write_text(PAGE + ending + NEXT, encoding="utf-8")
    (tmp_path / "page.pdf").write_bytes(typst.compile(str(tmp_path / "page.typ")))
    found = page_end_fault(page_lines(PdfReader(tmp_path / "page.pdf").pages[0]), body_size=10.5)
    assert (found.split(":")[0] if found else None) == fault, found


BOOK_TOML = """title = "T"
front = ["preface"]
chapters = ["01-one", "02-two"]
appendices = ["notes", "sources"]
"""


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory) -> PdfReader:
    """A book of one part of each printed kind, compiled with the guide's shell:
    each part's title on a page of its own, the preface's first."""
    root = tmp_path_factory.mktemp("book")
    (root / "book.toml").write_text(BOOK_TOML, encoding="utf-8")
    for slug in ("preface", "01-one", "02-two", "notes", "sources"):
        (root / "chapters" / slug).mkdir(parents=True)
        (root / "chapters" / slug / "chapter.md.j2").write_text(f"# {slug}\n", encoding="utf-8")
    book = load_book(root)
    bodies = [f"= Title of {part.slug}\nText.\n" for part in book.parts]
    return PdfReader(io.BytesIO(compile_pdf(typst_source(book, list(book.parts), bodies), {})))


@pytest.mark.parametrize("slug, label", [
    ("preface", None),
    ("01-one", "Chapter 1"),
    ("02-two", "Chapter 2"),
    ("notes", "Appendix A"),
    ("sources", "Appendix B"),
], ids=["front-matter", "chapter-1", "chapter-2", "appendix-a", "appendix-b"])
def test_a_title_is_labelled_as_the_text_cites_it(small_pdf, slug, label):
    page = [page for page in small_pdf.pages if f"Title of {slug}" in page.extract_text()][-1]  # not the contents
    above = page.extract_text().split(f"Title of {slug}")[0].split()
    assert (" ".join(above) or None) == label


@pytest.mark.parametrize("markdown, expected", [
    ("for large $\\lvert z\\rvert$ the slope", "$lr(|z|)$"),
    ("$e^{-\\lvert z \\rvert}$", "$e^(- lr(|z|))$"),
    ("1. First: [checked symbolically]{.check}\n\n   $$a = b$$\n\n2. Second:\n\n   $$b = c$$\n",
     "#block(breakable: false, enum(start: 2, tight: false)["),
    ("**Listing 1.1.** The slope in float64.\n\n```python\nx = 1\n```\n",
     "#block(sticky: true)[\n#strong[Listing 1.1.]"),
], ids=["absolute-value", "absolute-value-in-exponent", "derivation-step-whole", "listing-caption-with-its-code"])
def test_the_typst_filter_sets_what_belongs_together(markdown, expected):
    assert expected in pandoc.to_typst(markdown, "test")
