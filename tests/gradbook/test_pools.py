"""The pools behind the practice widgets' "New problem" (gradbook/pools.py),
without a browser: every family at every difficulty has room for a pool, each
variant's answers agree with the family's independent check, the printed
problem is the pool's first variant, a pool's script is the same bytes every
time, its key changes with the family's code and not with the prose, and the
widget's markup carries its answers through pandoc and out of the PDF.
(tests/gradbook/browser/test_practice.py runs the widget itself.)"""

import json
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser

import mpmath
import pytest

from gradbook import build_cache, pandoc, pools
from gradbook.book import ROOT, load_book
from gradbook.build_cache import BuildCache
from gradbook.practice.catalog import catalog
from gradbook.practice.generate import practice_set
from gradbook.practice.independent import DIGITS
from gradbook.practice.model import Answer, Problem
from gradbook.practice.rules import Relative

BOOK = load_book()
FOUND = catalog()
LEVELS = [(name, level) for name, family in FOUND.families.items() for level in family.difficulties]
SCRIPT = re.compile(r'\(window\.gradbookPools = window\.gradbookPools \|\| \{\}\)\[("[^"]+")\] = (.*);\n\Z', re.DOTALL)
"""What a pool's script does after its comment line: add its variants to window.gradbookPools."""


def read_pool(script: bytes) -> tuple[str, list]:
    """(the pool's name, its variants) from its script."""
    found = SCRIPT.search(script.decode("utf-8"))
    return json.loads(found[1]), json.loads(found[2])


@pytest.mark.slow  # 60 pools of 30 problems, each checked: 8 s, too long for the fast tier
@pytest.mark.parametrize("name, level", LEVELS, ids=[f"{name}-{level}" for name, level in LEVELS])
def test_every_family_and_level_has_a_pool_of_different_problems_each_checked(name, level):
    made = pools.variants(ROOT, BOOK, name, level, [])
    assert len(made) >= pools.AT_LEAST
    assert len({p.id for p in made}) == len({p.statement for p in made}) == len(made)
    with mpmath.workdps(DIGITS):
        for problem in made:
            FOUND.checks[name](problem)


PRINTED = {
    "the practice appendix's first problem": practice_set(seed=BOOK.practice_seed).problems[0],
    "an exercise at difficulty 2": FOUND.families["sigmoid-derivative"].generate(11, difficulty=2),
    "an exercise at difficulty 3": FOUND.families["dead-relu"].generate(58, difficulty=3),
}


@pytest.mark.parametrize("printed", PRINTED.values(), ids=PRINTED.keys())
def test_the_printed_problem_is_the_pools_first_variant_and_its_widget_names_it(printed):
    made = pools.variants(ROOT, BOOK, printed.family, printed.difficulty, [printed.params])
    first = made[0]
    assert (first.statement, first.solution, first.hint, first.answers) == (
        printed.statement, printed.solution, printed.hint, printed.answers)
    assert first.id == pools.variant_id(printed.params) and printed.params not in [p.params for p in made[1:]]
    assert f'data-variant="{first.id}"' in pools.widget(printed)


def test_a_pools_script_is_the_same_bytes_each_time_and_holds_each_variant_as_html():
    made = pools.variants(ROOT, BOOK, "depth-product", 1, [])
    script = pools.pool_script("depth-product", 1, made)
    assert pools.pool_script("depth-product", 1, pools.variants(ROOT, BOOK, "depth-product", 1, [])) == script
    name, variants = read_pool(script)
    assert name == pools.pool_key("depth-product", 1)
    assert [v["id"] for v in variants] == [p.id for p in made]
    assert [v["answers"] for v in variants] == [pools.answers_data(p) for p in made]
    for problem, variant in list(zip(made, variants))[:2]:  # one pandoc run for the pool, as each piece alone
        for piece in ("statement", "hint", "solution"):
            assert variant[piece] == pandoc.to_html(getattr(problem, piece), None, piece).strip()
    assert all("<math" in v["statement"] and "pool-piece-end" not in json.dumps(v) for v in variants)


class Widgets(HTMLParser):
    """The data attributes of every practice widget in an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "practice" in attributes.get("class", "").split():
            self.found.append(attributes)


AWKWARD = Problem("awkward", "depth-product", 1, {"factor": 0.5}, "s", "t",
                  (Answer('the "gradient" \\ <b>&amp;</b>', "1/2", "5.0e-1", Relative(0.01)),))
"""A problem whose answer's name holds quotes, a backslash and markup."""


@pytest.mark.parametrize("problem", [PRINTED["an exercise at difficulty 2"], AWKWARD], ids=["exercise", "awkward-name"])
def test_the_widgets_markup_reaches_the_page_with_its_answers_and_stays_out_of_the_pdf(problem):
    parser = Widgets()
    parser.feed(pandoc.to_html(pools.widget(problem), None, "a widget"))
    (attributes,) = parser.found
    assert json.loads(attributes["data-answers"]) == pools.answers_data(problem)
    assert attributes["data-pool"] == pools.pool_file(problem.family, problem.difficulty)
    assert attributes["data-pool-key"] == pools.pool_key(problem.family, problem.difficulty)
    assert "web-only" in attributes["class"].split()
    assert pandoc.to_typst(pools.widget(problem), "a widget").strip() == ""


@pytest.fixture
def book_copy(tmp_path):
    """book.toml and the chapters copied under tmp_path, to edit."""
    shutil.copy(ROOT / "book.toml", tmp_path / "book.toml")
    shutil.copytree(ROOT / "chapters", tmp_path / "chapters", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def append(path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


EDITS = {
    "the family's own families.py": ("chapters/03-depth/families.py", "\n# an edited statement\n", True),
    "another chapter's families.py": ("chapters/01-sigmoid-slope/families.py", "\n# an edit\n", False),
    "the prose of the family's chapter": ("chapters/03-depth/chapter.md.j2", "\nA new sentence.\n", False),
    "the prose of the practice appendix": ("chapters/practice/chapter.md.j2", "\nA new sentence.\n", False),
    "the family's independent check": ("chapters/03-depth/checks.py", "\n# a comment\n", False),
}


@pytest.mark.parametrize("edited, text, changes", EDITS.values(), ids=EDITS.keys())
def test_a_pools_key_changes_with_its_familys_code_and_not_with_prose(book_copy, edited, text, changes):
    def key():
        return pools.cache_key(book_copy, load_book(book_copy), "depth-product", 1, [{"factor": 0.5, "layers": 4}])

    before = key()
    append(book_copy / edited, text)
    assert (key() != before) == changes


def test_a_pools_key_changes_with_the_templates_pandoc_reads_and_not_with_the_pages_own(monkeypatch, tmp_path):
    """Editing the stylesheet or the widget's script leaves the pools in the cache; a filter pandoc runs does not."""
    def key():
        return pools.cache_key(ROOT, BOOK, "depth-product", 1, [{"factor": 0.5, "layers": 4}])

    before = key()
    monkeypatch.setattr(build_cache, "templates", lambda: "every template edited")
    assert key() == before
    read = [tmp_path / path.name for path in pandoc.ALWAYS_READ]
    for source, copy in zip(pandoc.ALWAYS_READ, read):
        copy.write_bytes(source.read_bytes())
    monkeypatch.setattr(pandoc, "ALWAYS_READ", tuple(read))
    assert key() == before
    append(read[-1], "\n-- an edited filter\n")
    assert key() != before


def test_a_pools_key_holds_the_printed_problems_the_level_and_the_seed():
    printed = [{"factor": 0.5, "layers": 4}]
    keys = {pools.cache_key(ROOT, BOOK, "depth-product", 1, printed),
            pools.cache_key(ROOT, BOOK, "depth-product", 2, printed),
            pools.cache_key(ROOT, BOOK, "depth-product", 1, [{"factor": 0.5, "layers": 5}]),
            pools.cache_key(ROOT, replace(BOOK, practice_seed=BOOK.practice_seed + 1), "depth-product", 1, printed)}
    assert len(keys) == 4


def test_the_pools_come_from_the_cache_the_second_time_the_same_bytes(tmp_path):
    widgets = [pools.Widget("depth-product", 1, {"factor": 0.5, "layers": 4}),
               pools.Widget("depth-product", 1, {"factor": 0.5, "layers": 4}),
               pools.Widget("dead-relu", 2, FOUND.families["dead-relu"].draw(1, 0, 0, 2))]
    store = BuildCache(tmp_path)
    converted = []

    def run(function, items):
        converted.extend(items)
        return map(function, items)

    first = pools.files(ROOT, BOOK, widgets, store, run)
    assert sorted(first) == sorted([pools.pool_file("depth-product", 1), pools.pool_file("dead-relu", 2), pools.SCRIPT])
    assert len(converted) == 2
    assert pools.files(ROOT, BOOK, widgets, store, run) == first and len(converted) == 2
