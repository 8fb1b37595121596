"""book.toml's four kinds of part, and the order both outputs show them in:
front matter (the preface) unnumbered before chapter 1, chapters numbered,
appendices lettered, pages (the explorer) in the HTML guide only."""

import re

import pytest

from gradbook.book import load_book
from gradbook.errors import UsageError
from gradbook.formats.html import site
from gradbook.formats import REGISTRY
from gradbook.formats.pdf import NUMBERED, UNNUMBERED, typst_source

BOOK_TOML = """title = "T"
front = ["preface"]
chapters = ["01-one", "02-two"]
appendices = ["notes"]
pages = ["explorer"]
"""
ORDER = ["preface", "01-one", "02-two", "notes", "explorer"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    root = tmp_path_factory.mktemp("book")
    (root / "book.toml").write_text(BOOK_TOML, encoding="utf-8")
    for slug in ORDER:
        (root / "chapters" / slug).mkdir(parents=True)
        (root / "chapters" / slug / "chapter.md.j2").write_text(f"# {slug}\n", encoding="utf-8")
    return load_book(root)


def test_the_front_matter_comes_first(book):
    assert [part.slug for part in book.parts] == ORDER


@pytest.mark.parametrize("slug, number, letter, web_only", [
    ("preface", None, None, False),
    ("01-one", 1, None, False),
    ("02-two", 2, None, False),
    ("notes", None, "A", False),
    ("explorer", None, None, True),
], ids=["front-matter", "chapter-1", "chapter-2", "appendix", "page"])
def test_each_kind_of_part_is_numbered_lettered_or_neither(book, slug, number, letter, web_only):
    part = next(part for part in book.parts if part.slug == slug)
    assert (part.number, part.letter, part.web_only) == (number, letter, web_only)
    for fmt in REGISTRY.values():
        assert fmt.includes(part) == (not (web_only and fmt.document)), fmt.name


def printed(book) -> list:
    return [part for part in book.parts if REGISTRY["pdf"].includes(part)]


@pytest.mark.parametrize("slug, numbering", [
    ("preface", UNNUMBERED),
    ("01-one", NUMBERED),
    ("02-two", NUMBERED),
    ("notes", UNNUMBERED),
], ids=["front-matter", "chapter-1", "chapter-2", "appendix"])
def test_the_pdf_numbers_the_chapters_only(book, slug, numbering):
    source = typst_source(book, printed(book), [f"= {part.slug}\n" for part in printed(book)])
    assert f"{numbering}= {slug}\n" in source


def test_the_pdf_prints_the_front_matter_before_chapter_1(book):
    source = typst_source(book, printed(book), [f"= {part.slug}\n" for part in printed(book)])
    assert [source.index(f"= {slug}\n") for slug in ORDER[:4]] == sorted(source.index(f"= {slug}\n")
                                                                         for slug in ORDER[:4])


def test_next_links_walk_the_front_matter_before_chapter_1(book):
    files = site(book, {slug: slug for slug in ORDER}, {slug: "" for slug in ORDER}, {})
    page, walk = "index.html", []
    while found := re.search(r'rel="next" href="([^"]+)"', files[page].decode()):
        page = found[1]
        walk.append(page)
    assert walk == [f"{slug}.html" for slug in ORDER]


def test_the_index_lists_the_preface_first_and_points_a_newcomer_to_it(book):
    index = site(book, {slug: slug for slug in ORDER}, {slug: "" for slug in ORDER}, {})["index.html"].decode()
    contents = index[index.index('<ul class="contents">'):]
    assert re.findall(r'<li><a href="([^"]+)"', contents)[0] == "preface.html"
    assert 'Start with the <a href="preface.html">' in index


@pytest.mark.parametrize("setting, seed", [("", 1), ("practice_seed = 7\n", 7), ("practice_seed = 0\n", 0)],
                         ids=["default", "seven", "zero"])
def test_the_practice_seed_is_read_once_from_book_toml(tmp_path, setting, seed):
    (tmp_path / "book.toml").write_text('title = "T"\nchapters = ["01-one"]\n' + setting, encoding="utf-8")
    (tmp_path / "chapters" / "01-one").mkdir(parents=True)
    (tmp_path / "chapters" / "01-one" / "chapter.md.j2").write_text("# One\n", encoding="utf-8")
    assert load_book(tmp_path).practice_seed == seed


@pytest.mark.parametrize("setting", ['practice_seed = "1"\n', "practice_seed = -1\n", "practice_seed = 1.5\n",
                                     "practice_seed = true\n"], ids=["text", "negative", "fraction", "boolean"])
def test_a_practice_seed_that_is_not_a_whole_number_is_a_one_line_error(tmp_path, setting):
    (tmp_path / "book.toml").write_text('title = "T"\nchapters = ["01-one"]\n' + setting, encoding="utf-8")
    (tmp_path / "chapters" / "01-one").mkdir(parents=True)
    (tmp_path / "chapters" / "01-one" / "chapter.md.j2").write_text("# One\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"practice_seed must be a whole number from 0 up, got"):
        load_book(tmp_path)
