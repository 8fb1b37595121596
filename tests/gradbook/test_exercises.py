"""End-of-chapter exercises: numbered per chapter, each linked to its answer,
the answers gathered from every chapter into the one part that prints them
(a family's exercise with its tolerance and worked solution), and a book that
forgets an answer, or a place to print the answers, stopped with one line."""

import re
import shutil
from pathlib import Path

import pytest

from gradbook import pandoc
from gradbook.book import ROOT
from gradbook.build import build
from gradbook.errors import UsageError
from gradbook.practice.catalog import CHECKS_FILE, FAMILIES_FILE
from gradbook.practice.generate import practice_set
from gradbook.practice.sheets import shown_value
from tests.gradbook.test_built_guide import page_text

EXERCISES = """# {title}

Text.

{{% call exercise("{name}-why") %}}
Why does it vanish?
{{% endcall %}}
{{% call model_answer() %}}
Because the slope is {name}-small.
{{% endcall %}}

{{{{ exercise_from("sigmoid-derivative", "{name}-slope", seed=5, difficulty=2) }}}}
"""
SIGMOID_FAMILIES = ROOT / "chapters" / "01-sigmoid-slope"
KEY = "# Answer key\n\nThe answers.\n\n{{ exercise_answers() }}\n"


def book(root: Path, chapters: dict[str, str], appendices: dict[str, str]) -> Path:
    """A book with these chapter and appendix templates, by slug; its first
    chapter has the guide's chapter 1 families (sigmoid-derivative among them)."""
    root.mkdir(parents=True)
    (root / "book.toml").write_text(f"title = \"T\"\nchapters = {list(chapters)!r}\n"
                                    f"appendices = {list(appendices)!r}\n".replace("'", '"'), encoding="utf-8")
    for slug, template in {**chapters, **appendices}.items():
        (root / "chapters" / slug).mkdir(parents=True)
        (root / "chapters" / slug / "chapter.md.j2").write_text(template, encoding="utf-8")
    for name in (FAMILIES_FILE, CHECKS_FILE):
        shutil.copy(SIGMOID_FAMILIES / name, root / "chapters" / next(iter(chapters)) / name)
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exercises")
    book(root / "book", {"01-one": EXERCISES.format(title="One", name="first"),
                         "02-two": EXERCISES.format(title="Two", name="second")}, {"key": KEY})
    build(root / "out", "html", root=root / "book", use_cache=False)
    return root / "out" / "html"


@pytest.mark.parametrize("page, number, answer", [
    ("01-one", "1.1", "key.html#ans-first-why"),
    ("01-one", "1.2", "key.html#ans-first-slope"),
    ("02-two", "2.1", "key.html#ans-second-why"),
    ("02-two", "2.2", "key.html#ans-second-slope"),
], ids=["conceptual", "family", "second-chapter", "second-family"])
def test_exercises_are_numbered_per_chapter_and_link_to_their_answers(site, page, number, answer):
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    assert f"Exercise {number}" in page_text(html)
    assert f'<a href="{answer}">Answer {number}</a>' in html


def test_the_answer_key_prints_every_chapters_answers_in_order_linked_back(site):
    html = (site / "key.html").read_text(encoding="utf-8")
    text = page_text(html)
    order = [text.index(s) for s in ("Exercises of Chapter 1", "Because the slope is first-small",
                                     "Exercises of Chapter 2", "Because the slope is second-small")]
    assert order == sorted(order)
    for page, name, number in [("01-one", "first-why", "1.1"), ("02-two", "second-slope", "2.2")]:
        assert re.search(rf'id="ans-{name}".*?<a href="{page}.html#ex-{name}">Exercise {number}</a>', html, re.S)


def shown(markdown: str) -> str:
    """What a reader sees of a piece of Markdown in the HTML guide."""
    return " ".join(page_text(pandoc.to_html(markdown, None, "test", None)).split())


def test_a_family_exercise_is_the_practice_commands_problem_with_its_rule_and_solution(site):
    problem, = practice_set(["sigmoid-derivative"], seed=5, difficulty=2).problems
    chapter, key = (" ".join(page_text((site / f"{p}.html").read_text(encoding="utf-8")).split())
                    for p in ("01-one", "key"))
    assert shown(problem.statement) in chapter
    answer = problem.answers[0]
    assert shown(f"{answer.name} = {shown_value(answer)} (accepted {answer.grading.describe()})") in key
    assert shown(problem.solution) in key
    html = (site / "01-one.html").read_text(encoding="utf-8")
    hidden = re.search(r'<details class="model-answer"><summary>Show answer</summary>(.*?)</details>', html, re.S)
    assert "first-small" in hidden[1], "the site shows a model answer under its exercise, behind Show answer"
    assert "first-small" not in html.replace(hidden[0], ""), "and nowhere else on the chapter's page"


@pytest.mark.parametrize("chapters, appendices, message", [
    ({"01-one": "# One\n\n{% call exercise('lonely') %}Why?{% endcall %}\n"}, {"key": KEY},
     "exercise 'lonely' has no model_answer"),
    ({"01-one": "# One\n\n{% call model_answer() %}Because.{% endcall %}\n"}, {"key": KEY},
     "model_answer must follow an exercise"),
    ({"01-one": EXERCISES.format(title="One", name="x")}, {},
     "exactly one part (the answer key) must print their answers with exercise_answers(); no part does"),
    ({"01-one": EXERCISES.format(title="One", name="x")}, {"key": KEY, "key-again": KEY},
     "key, key-again does"),
    ({"01-one": "# One\n\n{{ exercise_from('nope', 'x', seed=1) }}\n"}, {"key": KEY}, "no problem family 'nope'"),
], ids=["no-answer", "answer-without-exercise", "no-answer-key", "two-answer-keys", "unknown-family"])
def test_a_book_with_a_broken_exercise_stops_with_one_line(tmp_path, chapters, appendices, message):
    root = book(tmp_path / "book", chapters, appendices)
    with pytest.raises(UsageError, match=re.escape(message)) as caught:
        build(tmp_path / "out", "html", root=root, use_cache=False)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "out" / "html").exists()
