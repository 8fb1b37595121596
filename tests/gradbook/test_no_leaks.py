"""The built guide shows a reader sentences and mathematics, never Python's
values or ASCII stand-ins for formulas.

The HTML is read as prose with its mathematics (MathML), code (<pre>, <code>)
and scripts taken out, and with the reasons of derivation steps (a list item
carrying a "(checked …)" mark) read apart. The PDF's text has its mathematics
mixed in as text, so it is held to a focused list of patterns that mathematics
never extracts as, and a hit is set aside when the HTML shows the same words
in code, or in a derivation step's reason.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.gradbook.test_built_guide import PAGES, html, pdf_text  # noqa: F401 (fixtures)

LEAKED_PYTHON = {
    "True, False or None": r"\b(?:True|False|None)\b",
    "<function": r"<function",
    "object at 0x": r"object at 0x",
}
ASCII_MATHEMATICS = {
    "exp(": r"\bexp\(",
    "sqrt(": r"\bsqrt\(",
    "<=": r"<=",
    ">=": r">=",
    "**": r"\*\*",
    "^ (a power)": r"\^",
    "a TeX command": r"\\[a-zA-Z]+",
}
CONTAINERS = {
    "[…]": r"\[[^\[\]]*\]",
    "{…}": r"\{[^{}]*\}",
}
"""Only for the HTML's prose: in the PDF's text, mathematics such as E[X] has brackets too."""
IN_HTML = LEAKED_PYTHON | ASCII_MATHEMATICS | CONTAINERS
IN_PDF = LEAKED_PYTHON | ASCII_MATHEMATICS


class _Reading(HTMLParser):
    """A page's text in four parts: prose; the words inside its mathematics
    (MathML's <mtext>, where a value sympy printed as \\text{True} lands);
    derivation steps' reasons; code."""

    HIDDEN = {"annotation", "script", "style"}
    CODE = {"pre", "code"}

    def __init__(self):
        super().__init__()
        self.prose, self.math_words, self.reasons, self.code = [], [], [], []
        self._hidden = self._code = self._math = self._words = 0
        self._items = []  # the open <li>s: [its text, whether it carries a check mark]

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in self.HIDDEN
        self._code += tag in self.CODE
        self._math += tag == "math"
        self._words += tag == "mtext"
        if tag == "li":
            self._items.append([[], False])
        if self._items and "check" in (dict(attrs).get("class") or "").split():
            self._items[-1][1] = True

    def handle_endtag(self, tag):
        self._hidden -= tag in self.HIDDEN
        self._code -= tag in self.CODE
        self._math -= tag == "math"
        self._words -= tag == "mtext"
        if tag in self.CODE:
            self.code.append("\n")  # inline code spans stay apart
        if tag == "li" and self._items:
            text, is_step = self._items.pop()
            (self.reasons if is_step else self._items[-1][0] if self._items else self.prose).extend(text)

    def handle_data(self, data):
        if self._hidden:
            return
        if self._math:
            if self._words:
                self.math_words.append(data + " ")
        elif self._code:
            self.code.append(data)
        else:
            (self._items[-1][0] if self._items else self.prose).append(data)


def reading(page: str) -> _Reading:
    parser = _Reading()
    parser.feed(page)
    parser.close()
    return parser


def spaced(parts) -> str:
    return " ".join("".join(parts).split())


def hits(text: str, patterns: dict) -> list[str]:
    """Each match with a little of its context."""
    return [f"{name}: …{text[max(0, m.start() - 40):m.end() + 40]}…"
            for name, pattern in patterns.items() for m in re.finditer(pattern, text)]


@pytest.fixture(scope="module")
def readings(html):
    return {page: reading(html[page]) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=PAGES)
def test_html_prose_shows_no_python_and_no_ascii_mathematics(readings, page):
    assert hits(spaced(readings[page].prose), IN_HTML) + hits(spaced(readings[page].math_words), LEAKED_PYTHON) == []


@pytest.mark.parametrize("page", PAGES, ids=PAGES)
def test_html_derivation_reasons_show_no_python_and_no_ascii_mathematics(readings, page):
    assert hits(spaced(readings[page].reasons), IN_HTML) == []


def pdf_hits(pdf: str, readings: dict) -> dict:
    """The PDF's hits, by where the HTML shows the same words (the hit with a
    little of the line before or after it: a list's number or a formula may sit
    on the other side): in code, in a derivation step's reason, or (anything
    else) in prose."""
    code = spaced(part for r in readings.values() for part in r.code)
    reasons = spaced(part for r in readings.values() for part in r.reasons)
    found = {"code": [], "reasons": [], "prose": []}
    for line in pdf.splitlines():
        line = " ".join(line.split())
        for name, pattern in IN_PDF.items():
            for m in re.finditer(pattern, line):
                near = (line[max(0, m.start() - 12):m.end()].strip(), line[m.start():m.end() + 12].strip())
                where = ("code" if any(words in code for words in near)
                         else "reasons" if any(words in reasons for words in near) else "prose")
                found[where].append(f"{name}: …{line[max(0, m.start() - 40):m.end() + 40]}…")
    return found


def test_pdf_prose_shows_no_python_and_no_ascii_mathematics(pdf_text, readings):
    assert pdf_hits(pdf_text[1], readings)["prose"] == []


def test_pdf_derivation_reasons_show_no_python_and_no_ascii_mathematics(pdf_text, readings):
    assert pdf_hits(pdf_text[1], readings)["reasons"] == []


@pytest.mark.parametrize("html_text, where", [
    ("<p>Tanh is odd, True, so</p>", "prose"),
    ("<p>Tanh is odd, <math><semantics><mtext>True</mtext><annotation>\\text{x^2}</annotation></semantics></math></p>",
     "math_words"),
    ("<ol><li><p>Write exp(-z) <span class=\"check\">(checked symbolically)</span>:</p></li></ol>", "reasons"),
    ("<ul><li>The bound (|w| · 1/4)^n holds</li></ul>", "prose"),
    ("<pre><code>s = 1.0 / (1.0 + math.exp(-z))</code></pre>", "code"),
    ("<p>a <math><mi>e</mi><msup><mi>z</mi></msup></math> and <code>x ** 2</code></p>", "code"),
], ids=["prose", "a-value-in-mathematics", "derivation-reason", "list-item", "listing", "math-and-inline-code"])
def test_the_reading_sorts_text_into_prose_reasons_and_code(html_text, where):
    parsed = reading(html_text)
    shown = {"prose": spaced(parsed.prose), "math_words": spaced(parsed.math_words),
             "reasons": spaced(parsed.reasons), "code": spaced(parsed.code)}
    assert hits(shown[where], IN_HTML) and not any(hits(text, IN_HTML) for name, text in shown.items()
                                                   if name != where)
