"""The glossary: a terms file that is wrong stops the build with one line; the
linking filter links a term's first use in running text only (never in math,
code, headings, links or citations), in both outputs; and in the real guide
every term has its entry in both outputs, every term is used somewhere, and
on every page a term's first use in the text is the linked one (read from the
HTML by a parser independent of the filter)."""

import re
from html.parser import HTMLParser

import pytest

from gradbook import pandoc
from gradbook.book import ROOT, load_book
from gradbook.errors import UsageError
from gradbook.glossary import TERMS, Term, filter_input, glossary_part, load_terms
from tests.chapters.test_typed_numbers import typed_numbers

BOOK = load_book(ROOT)
REAL_TERMS = load_terms(glossary_part(BOOK).folder / TERMS)
TEST_TERMS = (Term("saturation", "Saturation", ("saturation", "saturated"), "d"),
              Term("spectral-norm", "Spectral norm", ("spectral norm", "norm"), "d"),
              Term("jacobian", "Jacobian", ("Jacobian",), "d"),
              Term("norm-ball", "Norm ball", ("norm ball",), "d"))


def html_with_terms(markdown: str) -> str:
    return pandoc.to_html(markdown, None, "test", None, filter_input(TEST_TERMS, "glossary.html"))


def linked(html: str) -> list[tuple[str, str]]:
    """(term id, linked text) for each glossary link, in order."""
    return re.findall(r'<span class="term"><a href="glossary\.html#term-([a-z-]+)">(.*?)</a></span>', html)


@pytest.mark.parametrize("markdown, expected", [
    ("Saturation first, then saturation again.", [("saturation", "Saturation")]),
    ("$saturation$ in math, `saturated` in code, then saturated.", [("saturation", "saturated")]),
    ("# Saturation\n\nIn the text: saturation.", [("saturation", "saturation")]),
    ("[saturation](x.html) is a link; the saturation after it.", [("saturation", "saturation")]),
    ("Punctuation: (saturation), and the Jacobian's rows.", [("saturation", "saturation"), ("jacobian", "Jacobian")]),
    ("Its spectral\nnorm, across a line break.", [("spectral-norm", "spectral\nnorm")]),
    ("The spectral norm wins over norm.", [("spectral-norm", "spectral norm")]),
    ("A norm ball, then a norm.", [("norm-ball", "norm ball"), ("spectral-norm", "norm")]),
    ("Unsaturated and saturation-like words and saturations do not count.", []),
    ("*Emphasised saturation* counts.", [("saturation", "saturation")]),
    ('The source\'s "saturated" is quoted; saturation here is not.', [("saturation", "saturation")]),
    ("- a list: saturation\n- and a second saturation", [("saturation", "saturation")]),
    ("![A saturated unit](x.svg)\n\nThen saturation.", [("saturation", "saturation")]),
], ids=["first-use-only", "not-math-or-code", "not-heading", "not-inside-a-link", "punctuation-possessive",
        "line-break", "longest-form", "longest-of-two-terms-sharing-a-word", "whole-words", "inside-emphasis", "not-quotation", "lists", "not-figure-caption"])
def test_the_filter_links_each_terms_first_use_in_running_text(markdown, expected):
    found = linked(html_with_terms(markdown))
    assert [(term, " ".join(text.split())) for term, text in found] == \
        [(term, " ".join(text.split())) for term, text in expected]


def test_without_terms_nothing_is_linked():
    assert 'class="term"' not in pandoc.to_html("Saturation.", None, "test", None, "")


def test_the_pdf_gets_the_same_links_set_as_terms():
    typst = pandoc.to_typst("Saturation and the Jacobian.", "test", None, filter_input(TEST_TERMS, ""))
    assert "#term[#link(<term-saturation>)[Saturation]]" in typst
    assert "#term[#link(<term-jacobian>)[Jacobian]]" in typst


GOOD = '[[term]]\nid = "x"\nname = "X"\nforms = ["x"]\ndefinition = "An x."\n'


@pytest.mark.parametrize("text, message", [
    ("[[term]\n", "not valid TOML"),
    (GOOD + GOOD, "the id 'x' is used twice"),
    (GOOD + GOOD.replace('id = "x"', 'id = "y"'), "'x' is a form of both 'x' and 'y'"),
    (GOOD.replace('definition = "An x."', 'definition = ""'), "id, name and definition must each be non-empty"),
    (GOOD.replace('id = "x"', 'id = "X Y"'), "must be lowercase words joined by hyphens"),
    (GOOD.replace('forms = ["x"]', 'forms = "x"'), "forms must be a non-empty list"),
    (GOOD + 'colour = "red"\n', "a term has id, name, forms, definition and optionally see"),
], ids=["toml", "duplicate-id", "shared-form", "empty-definition", "bad-id", "forms-not-list", "unknown-key"])
def test_a_wrong_terms_file_is_one_line_naming_it(tmp_path, text, message):
    path = tmp_path / "glossary" / TERMS
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(message)) as caught:
        load_terms(path)
    assert str(caught.value).startswith("chapters/glossary/terms.toml") and "\n" not in str(caught.value)


@pytest.mark.parametrize("term", REAL_TERMS, ids=[term.id for term in REAL_TERMS])
def test_no_number_is_typed_into_a_definition(term):
    assert typed_numbers(term.definition) == []


def test_the_real_glossary_has_the_terms_the_guide_needs():
    ids = {term.id for term in REAL_TERMS}
    assert {"saturation", "pre-activation", "jacobian", "spectral-norm", "subnormal", "fan-in", "fan-out"} <= ids


class _Text(HTMLParser):
    """A page's running text, with the text of each glossary link marked by
    its term id. Left out: math, code, headings, figure captions, navigation, other links,
    the reference list, and the raw HTML the filter never sees (the
    explorer itself). A tag boundary is a break, so a phrase split by emphasis is not a use."""

    SKIP = {"math", "code", "pre", "h1", "h2", "h3", "h4", "nav", "a", "script", "style", "title", "raw", "figcaption"}
    RAW = {"explorer", "references"}
    BREAK = "\x00"

    def __init__(self):
        super().__init__()
        self.stack, self.term = [], None
        self.text, self.spans = "", []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "a" and self.stack and self.stack[-1] == "span.term":
            self.term = ((attrs.get("href") or "").rsplit("#term-", 1)[-1], len(self.text))
        else:
            self.text += self.BREAK
        self.stack.append("raw" if classes & self.RAW else "span.term" if tag == "span" and "term" in classes
                          else tag)

    def handle_endtag(self, tag):
        while self.stack:
            top = self.stack.pop()
            if top == "a" and self.term:
                self.spans.append((self.term[0], self.term[1], len(self.text)))
                self.term = None
            elif top != "span.term":
                self.text += self.BREAK
            if top.split(".")[0] == tag or top == "raw":
                break

    def handle_data(self, data):
        if self.term or not any(t in self.SKIP for t in self.stack):
            self.text += data


def first_uses(html: str) -> tuple[str, list]:
    parser = _Text()
    parser.feed(html[html.find("<main"):] if "<main" in html else html)
    return parser.text, parser.spans


def form_pattern(term: Term) -> re.Pattern:
    words = "|".join(r"\s+".join(map(re.escape, form.split())) for form in term.forms)
    return re.compile(rf"(?<![\w-])(?:{words})(?=(?:['’]s)?(?![\w-]))", re.I)


PAGES = [part.page for part in BOOK.parts if part != glossary_part(BOOK)]


@pytest.mark.parametrize("page", PAGES, ids=PAGES)
def test_on_every_page_a_terms_first_use_is_its_link(built, page):
    text, spans = first_uses((built / "html" / page).read_text(encoding="utf-8"))
    unquoted = re.sub(r"“[^”]*”", lambda m: " " * len(m[0]), text)  # pandoc's quotations, which the filter skips
    for term in REAL_TERMS:
        first = form_pattern(term).search(unquoted)
        links = [(start, end) for term_id, start, end in spans if term_id == term.id]
        if first is None:
            assert not links, f"{term.id} is linked on {page} but never used"
            continue
        assert len(links) == 1, f"{term.id} is linked {len(links)} times on {page}"
        assert links[0][0] <= first.start() < links[0][1], \
            f"{page}: the first use of {term.id!r} ({text[first.start() - 30:first.end() + 30]!r}) is not the link"


def test_every_term_has_its_entry_in_both_outputs_and_is_used(built, pdf_pages):
    glossary = (built / "html" / glossary_part(BOOK).page).read_text(encoding="utf-8")
    printed = " ".join(pdf_pages)
    printed = " ".join(printed[printed.rindex("Glossary"):].split())
    for term in REAL_TERMS:
        assert f'id="{term.anchor}"' in glossary
        assert term.name in printed, f"{term.name} is not in the PDF's glossary"
    used = set()
    for page in PAGES:
        used |= set(re.findall(r'href="[a-z-]+\.html#term-([a-z0-9-]+)"', (built / "html" / page).read_text("utf-8")))
    assert {term.id for term in REAL_TERMS} - used == set(), "a term no page uses"
