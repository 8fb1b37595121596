"""The family catalog: families found in the chapters' folders, in the
book's order, each with its independent check, and a one-line error for
each way a chapter can get them wrong."""

from pathlib import Path

import pytest

from gradbook.book import ROOT, load_book
from gradbook.errors import UsageError
from gradbook.practice.catalog import catalog, digest

FAMILY = '''
from gradbook.practice.common import WHOLE_NUMBER, q
from gradbook.practice.family import Family, Solved

FAMILIES = (
    Family("{name}", "a count", {{"n": "a number"}}, lambda rng, level: {{"n": level}},
           lambda p: Solved({{"n": (q(p["n"]), WHOLE_NUMBER)}}), "How many?", "${{{{ answer.n }}}}$."),
)
'''
CHECK = "def {function}(problem):\n    assert problem.answers[0].value\n"


def small_book(root: Path, chapters: dict[str, dict[str, str]]) -> Path:
    """A book under `root` whose chapters (slug -> file name -> text) are listed in order."""
    listed = ", ".join(f'"{slug}"' for slug in chapters)
    root.mkdir()
    (root / "book.toml").write_text(f'title = "T"\nchapters = [{listed}]\n', encoding="utf-8")
    for slug, files in chapters.items():
        folder = root / "chapters" / slug
        folder.mkdir(parents=True)
        for name, text in {"chapter.md.j2": "# T\n", **files}.items():
            (folder / name).write_text(text, encoding="utf-8")
    return root


def one(name="count-up", function="count_up", check=True) -> dict[str, str]:
    files = {"families.py": FAMILY.format(name=name)}
    if check:
        files["checks.py"] = CHECK.format(function=function)
    return files


def test_the_books_families_come_in_chapter_order_with_their_chapter_and_check():
    found = catalog(ROOT)
    chapters = [part.slug for part in load_book(ROOT).parts]
    order = [chapters.index(f.chapter) for f in found.families.values()]
    assert order == sorted(order) and len(set(order)) >= 6
    assert set(found.checks) == set(found.families)


def test_a_small_books_family_is_found(tmp_path):
    found = catalog(small_book(tmp_path / "book", {"01-a": one(), "02-b": {}}))
    assert list(found.families) == ["count-up"] and found.families["count-up"].chapter == "01-a"
    assert found.families["count-up"].generate(1).answers[0].value.startswith("1")


BROKEN = {
    "no-check": ({"01-a": one(check=False)},
                 "chapters/01-a/families.py: family 'count-up' has no independent check "
                 "(define count_up(problem) in chapters/01-a/checks.py)"),
    "misnamed-check": ({"01-a": one(function="count_upp")},
                       "chapters/01-a/families.py: family 'count-up' has no independent check "
                       "(define count_up(problem) in chapters/01-a/checks.py)"),
    "stray-check": ({"01-a": {**one(), "checks.py": CHECK.format(function="count_up") + CHECK.format(function="other")}},
                    "chapters/01-a/checks.py: other() checks no family of chapters/01-a/families.py"),
    "twice": ({"01-a": one(), "02-b": one()},
              "chapters/02-b/families.py: family 'count-up' is also defined in chapters/01-a"),
    "no-tuple": ({"01-a": {"families.py": "FAMILIES = []\n"}},
                 "chapters/01-a/families.py must define FAMILIES, a tuple of Family"),
    "broken-module": ({"01-a": {"families.py": "import nothing_here\n"}},
                      "chapters/01-a/families.py line 1: ModuleNotFoundError: No module named 'nothing_here'"),
}


@pytest.mark.parametrize("chapters, message", BROKEN.values(), ids=BROKEN.keys())
def test_each_broken_chapter_is_a_one_line_error(tmp_path, chapters, message):
    with pytest.raises(UsageError) as error:
        catalog(small_book(tmp_path / "book", chapters))
    assert str(error.value) == message


def test_the_digest_follows_every_families_file_and_only_them(tmp_path):
    root = small_book(tmp_path / "book", {"01-a": one(), "02-b": {}})
    before = digest(load_book(root))
    (root / "chapters" / "02-b" / "chapter.md.j2").write_text("# Changed\n", encoding="utf-8")
    assert digest(load_book(root)) == before
    (root / "chapters" / "01-a" / "families.py").write_text(FAMILY.format(name="count-down"), encoding="utf-8")
    assert digest(load_book(root)) != before


def test_an_edit_to_a_families_or_checks_file_is_seen_without_a_restart(tmp_path):
    """`gradbook serve` keeps one process while an author edits: the catalog
    loads the families again when their files change, and only then."""
    root = small_book(tmp_path / "book", {"01-a": one()})
    first = catalog(root)
    assert catalog(root) is first
    (root / "chapters" / "01-a" / "families.py").write_text(FAMILY.format(name="count-down"), encoding="utf-8")
    (root / "chapters" / "01-a" / "checks.py").write_text(CHECK.format(function="count_down"), encoding="utf-8")
    assert list(catalog(root).families) == ["count-down"]
