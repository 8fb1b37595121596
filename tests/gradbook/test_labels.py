"""Numbering and references: numbered in order, resolved per output."""

import pytest

from gradbook import labels
from gradbook.errors import UsageError


def numbered():
    n = labels.Numbering("3", "03-depth.html")
    n.chapter("03-depth", 3)
    return n, [n.next("fig", "a"), n.next("fig", "b"), n.next("prob", "a")]


def test_numbers_count_per_kind_within_a_chapter():
    _, (fig_a, fig_b, prob_a) = numbered()
    assert [fig_a.text, fig_b.text, prob_a.text] == ["Figure 3.1", "Figure 3.2", "Problem 3.1"]


def test_the_same_label_twice_is_an_error():
    n, _ = numbered()
    with pytest.raises(ValueError, match="shown twice"):
        n.next("fig", "a")


@pytest.mark.parametrize("page, expected", [
    ("03-depth.html", "[Figure 3.2](#fig-b)"),
    ("01-sigmoid-slope.html", "[Figure 3.2](03-depth.html#fig-b)"),
    (None, "[Figure 3.2](#fig-b)"),
], ids=["same-page", "other-page", "pdf"])
def test_a_reference_becomes_a_link_for_its_output(page, expected):
    n, _ = numbered()
    table = {label.key: label for label in n.labels}
    assert labels.resolve(f"see {labels.placeholder('fig:b')}.", table, page, "here") == f"see {expected}."


def test_a_chapter_reference_links_to_the_page_in_html():
    n, _ = numbered()
    table = {label.key: label for label in n.labels}
    assert labels.resolve(labels.placeholder("ch:03-depth"), table, "x.html", "here") == "[Chapter 3](03-depth.html)"


def test_an_unknown_reference_names_where_it_was_made():
    with pytest.raises(UsageError, match="chapters/x: reference to 'fig:nope'"):
        labels.resolve(labels.placeholder("fig:nope"), {}, None, "chapters/x")


@pytest.mark.parametrize("key", ["nope", "equation:x", "fig"], ids=["no-kind", "unknown-kind", "no-name"])
def test_a_malformed_reference_is_refused(key):
    with pytest.raises(ValueError):
        labels.placeholder(key)
