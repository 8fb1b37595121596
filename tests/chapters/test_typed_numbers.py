"""No number a reader could check is typed into a chapter template: every one
comes from derive through jinja. The only digits allowed in the text are the
ones below."""

import re
from pathlib import Path

import pytest

CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
TEMPLATES = sorted(CHAPTERS.glob("*/chapter.md.j2"))

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
ALLOWED = (
    ("citation label", re.compile(r"\bsources? 00\d(?:(?:,| and| or) 00\d)*\b", re.I)),
    ("citation, key and locator", re.compile(r"\[[^\[\]]*@\w[^\[\]]*\]|@\w+")),
    ("a source's own problem number", re.compile(r"\b(?:practice problem|problem|exercise) \d\b", re.I)),
    ("number format name", re.compile(r"\bb?float(?:16|32|64)\b")),
    ("year", re.compile(r"\b(?:19|20)\d\d\b")),
    ("subscript index", re.compile(r"_\{[^{}$]*\}|_\d")),
    ("ResNet name", re.compile(r"\bResNet-?\d+\b")),
)


def typed_numbers(text: str) -> list[str]:
    """The lines of `text` that still hold a digit once jinja and the allowed forms are removed."""
    stripped = JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    for _, pattern in ALLOWED:
        stripped = pattern.sub(lambda m: " " * len(m[0]), stripped)
    return [f"line {n}: {line.strip()}" for n, line in enumerate(stripped.splitlines(), 1)
            if re.search(r"\d", line)]


def test_there_are_templates_to_scan():
    assert len(TEMPLATES) >= 6


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.parent.name)
def test_no_number_is_typed_into_a_chapter(template):
    assert typed_numbers(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text, found", [
    ("the slope is 0.25 at the origin", True),
    ("$\\sigma'(2z)$", True),
    ("the first layer, $z_1$ and $a_{k+1}$", False),
    ("{{ peak }} from derive", False),
    ("as source 003 says", False),
    ("published in 2010", False),
    ("{% for r in rows %}", False),
], ids=["decimal", "digit-in-math", "subscripts", "jinja", "citation", "year", "jinja-block"])
def test_the_scanner_finds_typed_numbers(text, found):
    assert bool(typed_numbers(text)) is found
