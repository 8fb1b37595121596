"""The preface introduces each of the five sources by its label, title and kind,
before the chapters call them "source 003" and the like."""

import pytest

from tests.chapters.rendered import chapter_markdown

SOURCES = {
    "000": ("Why does sigmoid saturation cause vanishing gradients, and why is tanh only a partial fix?",
            "interview question"),
    "001": ("Sigmoid Saturation", "course notes"),
    "002": ("How the Sigmoid Activation Function Causes Vanishing Gradients in Deep Neural Networks",
            "review paper"),
    "003": ("Vanishing Gradient Problem", "blog post"),
    "004": ("Understanding Gradient Vanishing in Deep Neural Networks and How to Mitigate It", "article"),
}
"""Each source's title as the file in the seeds folder prints it, and what kind of text it is."""


def _entry(number: str) -> str:
    """The preface's list item for one source."""
    text = " ".join(chapter_markdown("preface").split())
    start = text.index(f"**Source {number}**")
    end = text.find("- **Source", start + 1)
    return text[start:end if end != -1 else len(text)]


@pytest.mark.parametrize("number", SOURCES, ids=[f"source-{n}" for n in SOURCES])
def test_the_preface_names_each_source_by_title_and_kind(number):
    title, kind = SOURCES[number]
    entry = _entry(number)
    assert f'"{title}"' in entry
    assert kind in entry


@pytest.mark.parametrize("link", ['ref:ch:02-tanh', 'ref:app:audit'], ids=["the-answer", "the-audit"])
def test_the_preface_links_to_the_answer_and_the_audit(link):
    assert f"⟦{link}⟧" in chapter_markdown("preface")
