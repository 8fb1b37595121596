"""How templates print values: the house style for numbers and formulas.

Shared by the chapter templates and the problem families' statements, so a
number reads the same in the guide, a worksheet and its key. A template only
formats: a Quantity or Measured value prints as its house-style LaTeX (it goes inside $…$), a
sympy expression as LaTeX; anything else that is not text is refused.
"""

import re
from pathlib import Path

import jinja2
import sympy as sp

from derive import Derivation, Measured, Quantity, printing

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#+!|^~$])")


def house(value) -> str:
    """How a value prints inside math: Quantities in the house style."""
    if isinstance(value, jinja2.Undefined):
        return str(value)  # a StrictUndefined raises here, naming the missing value
    if isinstance(value, (Quantity, Measured)):
        return value.latex()
    if isinstance(value, sp.Basic):
        return printing.latex(value)
    if isinstance(value, (Derivation, dict, list, tuple)) or callable(value):
        raise TypeError(f"a {type(value).__name__} cannot be printed as it is; format it first "
                        "(a method here means a key named like one, such as 'update' or 'items')")
    return "" if value is None else str(value)


def markdown_text(plain: str) -> str:
    """Plain text made safe to drop into Markdown."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", plain)


def exact(q: Quantity) -> str:
    return q.exact_latex()


def boxed(kind: str, body: str, anchor: str = "") -> str:
    """A fenced div for HTML (class `kind`), wrapped in a Typst block of the
    same name for the PDF, where the shells define #problem, #solution, #note."""
    attrs = f"#{anchor} .{kind}" if anchor else f".{kind}"
    return f"\n```{{=typst}}\n#{kind}[\n```\n\n::: {{{attrs}}}\n{body}\n:::\n\n```{{=typst}}\n]\n```\n"


def render_text(template: str, **values) -> str:
    """A template given as a string, formatted like a chapter (problem statements)."""
    return _TEXT.from_string(template).render(**values)


def environment(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), undefined=jinja2.StrictUndefined,
                             finalize=house, autoescape=False, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(exact=exact, md=markdown_text)
    return env


_TEXT = jinja2.Environment(undefined=jinja2.StrictUndefined, finalize=house, autoescape=False,
                           trim_blocks=True, lstrip_blocks=True)
_TEXT.filters.update(exact=exact, md=markdown_text)
