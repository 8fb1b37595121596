"""How templates print values: the house style for numbers and formulas.

Shared by the chapter templates and the problem families' statements, so a
number reads the same in the guide, a worksheet and its key. A template only
formats: a Quantity or Measured value prints as its house-style LaTeX (it goes inside $…$), a
sympy expression as LaTeX, text and integers as they are. What a reader should
never see is refused: a boolean (Python's or sympy's, such as an equation sympy
evaluated to True), None, a container, a function or an object with no printed
form of its own. Each `{{ … }}` is checked with its own text, so the build error
names the expression as well as the template's line.
"""

import re
import threading
from collections.abc import Mapping, Set
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.ext
import numpy
import sympy as sp
from jinja2.lexer import Token

from derive import Derivation, Measured, Quantity, printing

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#+!|^~$])")
_PYTHON_DEFAULT_FORM = re.compile(r"<.* at 0x[0-9a-fA-F]+>")
_PRINTABLE = (str, int, float, Quantity, Measured, sp.Basic)
"""What prints in its own form (booleans, an int subclass, are refused before this is asked)."""


def unprintable(value) -> str | None:
    """Why a template must not print `value` (what it is), or None when it may."""
    if isinstance(value, (bool, numpy.bool_, sp.logic.boolalg.BooleanAtom)):
        return f"{value}, a boolean" + (" (an equation sympy evaluated; build it with evaluate=False)"
                                        if isinstance(value, sp.Basic) else "")
    if value is None:
        return "None"
    if isinstance(value, (list, tuple, Mapping, Set, Derivation)):
        return f"a {type(value).__name__}; format it first"
    if callable(value):
        return (f"a {type(value).__name__}, not a value (a method here means a key named like one, "
                "such as 'update' or 'items')")
    if not isinstance(value, _PRINTABLE) and _PYTHON_DEFAULT_FORM.fullmatch(str(value)):
        return f"{value}, which has no printed form of its own"
    return None


def house(value) -> str:
    """How a value prints inside math: Quantities in the house style."""
    if isinstance(value, jinja2.Undefined):
        return str(value)  # a StrictUndefined raises here, naming the missing value
    why = unprintable(value)
    if why:
        raise TypeError(f"{why}: it cannot be printed")
    if isinstance(value, (Quantity, Measured)):
        return value.latex()
    if isinstance(value, sp.Basic):
        return printing.latex(value)
    return str(value)


def printed(value, expression: str):
    """The filter every `{{ expression }}` passes through: the value, unless
    it is one a reader should not see, which fails naming the expression."""
    why = None if isinstance(value, jinja2.Undefined) else unprintable(value)
    if why:
        raise TypeError(f"{{{{ {expression} }}}} cannot be printed: it is {why}")
    return value


class CheckedOutput(jinja2.ext.Extension):
    """Rewrites each `{{ expression }}` as `{{ (expression) | printed("expression") }}`,
    so the check sees the expression's text as the author wrote it. The text
    comes from the raw source (the token stream has lost its spacing): each
    template's texts are read in preprocess and consumed, in the same order,
    by filter_stream, which jinja calls next on the same thread."""

    _pending = threading.local()

    def preprocess(self, source, name, filename=None):
        texts, current = [], None
        for _, kind, raw in self.environment.lexer.tokeniter(source, name, filename):
            if kind == "variable_begin":
                current = []
            elif kind == "variable_end":
                texts.append(" ".join("".join(current).split()))
                current = None
            elif current is not None:
                current.append(raw)
        self._pending.texts = iter(texts)
        return source

    def filter_stream(self, stream):
        return self._checked(stream, self._pending.texts)

    @staticmethod
    def _checked(stream, texts):
        for token in stream:
            if token.type == "variable_begin":
                yield token
                yield Token(token.lineno, "lparen", "(")
            elif token.type == "variable_end":
                line = token.lineno
                yield from (Token(line, "rparen", ")"), Token(line, "pipe", "|"), Token(line, "name", "printed"),
                            Token(line, "lparen", "("), Token(line, "string", next(texts)),
                            Token(line, "rparen", ")"), token)
            else:
                yield token


def markdown_text(plain: str) -> str:
    """Plain text made safe to drop into Markdown."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", plain)


def verbatim(text: str) -> str:
    """Text shown exactly as it was printed elsewhere (a source's 10^{-26}), as
    a Markdown code span: it reads as a quotation of characters, not as the
    guide's mathematics."""
    if not text:
        return ""
    fence = "`" * (1 + max(map(len, re.findall("`+", text)), default=0))
    return f"{fence} {text} {fence}"


def exact(q: Quantity) -> str:
    return q.exact_latex()


def boxed(kind: str, body: str, anchor: str = "") -> str:
    """A fenced div of class `kind` (problem, solution, note): neutral Markdown
    that each output format styles as a box (the HTML and EPUB by their
    stylesheet, the PDF through templates/typst.lua)."""
    attrs = f"#{anchor} .{kind}" if anchor else f".{kind}"
    return f"\n::: {{{attrs}}}\n{body}\n:::\n"


def render_text(template: str, **values) -> str:
    """A template given as a string, formatted like a chapter (problem statements)."""
    return _text_template(template).render(**values)


@lru_cache(maxsize=256)
def _text_template(template: str) -> jinja2.Template:
    """`template` compiled once: a practice set renders each family's few
    templates for every one of its problems."""
    return _TEXT.from_string(template)


def environment(folder: Path) -> jinja2.Environment:
    return _checked_environment(loader=jinja2.FileSystemLoader(str(folder)), keep_trailing_newline=True)


def _checked_environment(**options) -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, finalize=house, autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, extensions=[CheckedOutput], **options)
    env.filters.update(exact=exact, md=markdown_text, verbatim=verbatim, printed=printed)
    return env


_TEXT = _checked_environment()
