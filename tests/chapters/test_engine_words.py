"""A reader meets the guide's ideas, not the names of the code that computes
them: no chapter's prose calls the engine "derive", mentions its "house
style" or "catalog", or uses a derivation's registered name (sigmoid-max)."""

import re
from pathlib import Path

import pytest

from derive import names

CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
TEMPLATES = sorted(CHAPTERS.glob("*/chapter.md.j2"))
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
STRING = re.compile(r'"([^"]*)"')
"""A string with a space in a jinja call is a caption or a note a reader sees; one
without (d["sigmoid-max"]) is a key."""
ENGINE_WORDS = re.compile(
    r"\b(?:by|from|in|of) derive\b|\bderive['’]s\b|\bderive (?:verified|checked|computed)\b|`derive|\bhouse style\b|\bcatalog(?:ue)?\b|\b(?:"
    + "|".join(re.escape(name) for name in sorted(names(), key=len, reverse=True)) + r")\b", re.I)
"""The engine named as a tool ("checked by derive"; the verb, "this chapter derives", is
fine), its internal terms, and the names derivations are registered under."""


def engine_words(text: str) -> list[str]:
    """The engine words in `text`'s prose and in the captions its jinja calls pass
    (jinja's code itself may use derive's names)."""
    captions = [string for call in JINJA.findall(text) for string in STRING.findall(call) if " " in string]
    return [m[0] for m in ENGINE_WORDS.finditer(" ".join([JINJA.sub(" ", text), *captions]))]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.parent.name)
def test_no_chapter_prose_uses_the_engine_words(template):
    assert engine_words(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text, found", [
    ("(checked numerically by derive)", True),
    ("printed from derive's expressions", True),
    ('{{ table("products", "The products, exactly and in the house style.") }}', True),
    ("each printed from the expression derive verified", True),
    ("all from the same catalog of verified derivatives", True),
    ("the sigmoid-max derivation", True),
    ("This chapter derives the main ones.", False),
    ('{{ derivation(d["sigmoid-max"]) }}', False),
    ("checked symbolically by sympy", False),
], ids=["by-derive", "derive-s", "house-style-in-a-caption", "derive-verified", "catalog", "derivation-name", "the-verb", "jinja", "plain"])
def test_the_scanner_finds_engine_words(text, found):
    assert bool(engine_words(text)) is found
