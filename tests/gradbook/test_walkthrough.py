"""chapters/README.md's walkthrough, followed to the letter: its files, put
in a throwaway book whose book.toml lists the one chapter, build the chapter
with its worked problem, and its family is found, checked and drawn as any
other. Nothing outside the chapter's folder and book.toml is touched."""

import re
from dataclasses import replace
from pathlib import Path

import mpmath
import pytest

from gradbook.book import ROOT
from gradbook.build import build
from gradbook.errors import UsageError
from gradbook.practice.catalog import catalog
from gradbook.practice.generate import practice_set
from gradbook.practice.independent import DIGITS

WALKTHROUGH = ROOT / "chapters" / "README.md"
FILE_BLOCK = re.compile(r"<!-- file: (?P<path>\S+) -->\n```\w*\n(?P<body>.*?)\n```", re.S)


def walkthrough_files() -> dict[str, str]:
    return {m["path"]: m["body"] + "\n" for m in FILE_BLOCK.finditer(WALKTHROUGH.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("walkthrough")
    files = walkthrough_files()
    slugs = sorted({Path(path).parts[1] for path in files})
    (root / "book.toml").write_text(f'title = "T"\nchapters = {slugs!r}\n'.replace("'", '"'), encoding="utf-8")
    for path, body in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(body, encoding="utf-8")
    return root


def test_the_walkthrough_gives_a_whole_chapter_with_a_family_and_its_check():
    files = walkthrough_files()
    assert len({Path(path).parts[1] for path in files}) == 1
    assert {Path(path).name for path in files} == {"chapter.md.j2", "values.py", "families.py", "checks.py"}


def test_its_family_is_found_checked_and_drawn(book):
    found = catalog(book)
    assert list(found.families) == ["softplus-slope"] and found.families["softplus-slope"].chapter == "09-softplus"
    problems = practice_set(["softplus-slope"], count=9, seed=1, root=book).problems
    with mpmath.workdps(DIGITS):
        for problem in problems:
            found.checks["softplus-slope"](problem)


def test_its_check_is_independent_and_bites(book):
    problem = practice_set(["softplus-slope"], count=1, seed=1, root=book).problems[0]
    right = problem.answers[0]
    wrong = replace(right, value=str(mpmath.mpf(right.value) * mpmath.mpf("1.01")))
    with pytest.raises(AssertionError), mpmath.workdps(DIGITS):
        catalog(book).checks["softplus-slope"](replace(problem, answers=(wrong,)))
    assert "derive" not in (book / "chapters" / "09-softplus" / "checks.py").read_text(encoding="utf-8")


def test_the_chapter_builds_with_its_worked_problem(book, tmp_path):
    build(tmp_path / "out", "html", root=book)
    page = (tmp_path / "out" / "html" / "09-softplus.html").read_text(encoding="utf-8")
    assert "Problem 1.1" in page and "softplus’s slope at a point" in page.replace("'", "’")


def test_a_family_without_its_check_stops_the_build_with_one_line(book, tmp_path):
    broken = tmp_path / "broken"
    for path in [book / "book.toml", *(book / "chapters").rglob("*.py"), *(book / "chapters").rglob("*.j2")]:
        target = broken / path.relative_to(book)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8").replace("def softplus_slope(", "def softplus_slop("),
                          encoding="utf-8")
    with pytest.raises(UsageError, match=r"^chapters/09-softplus/families.py: family 'softplus-slope' has no "
                                         r"independent check \(define softplus_slope\(problem\) in "
                                         r"chapters/09-softplus/checks.py\)$"):
        catalog(broken)
