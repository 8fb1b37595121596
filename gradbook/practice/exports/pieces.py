"""Every problem's statement, hint, worked solution and answers as HTML, its
math left as TeX between \\( \\) and \\[ \\] (pandoc's --mathjax output), which
Moodle's MathJax filter, Canvas and Anki all typeset. The whole set is
converted in one pandoc run (gradbook.pandoc.html_pieces).
"""

from dataclasses import dataclass

from gradbook import pandoc
from gradbook.formatting import markdown_text
from gradbook.practice.model import Problem, ProblemSet
from gradbook.practice.sheets import shown_value



@dataclass(frozen=True)
class Pieces:
    """A problem's parts as HTML; `hint` is "" for a problem without one, and
    `answers` has one line per answer: its name, value and what is accepted."""

    statement: str
    hint: str
    solution: str
    answers: tuple[str, ...]


def _answer_lines(problem: Problem) -> list[str]:
    return [f"**{markdown_text(a.name)}** = {shown_value(a)} (accepted {a.grading.describe()})"
            for a in problem.answers]


def convert(problems: ProblemSet) -> dict[str, Pieces]:
    """Each problem's pieces by its id, from one pandoc run."""
    markdown = []
    for p in problems.problems:
        markdown += [p.statement, p.hint or "", p.solution, *_answer_lines(p)]
    converted = iter(pandoc.html_pieces(markdown, "the exports of the problem set", math="--mathjax"))
    found = {}
    for p in problems.problems:
        statement, hint, solution = next(converted), next(converted), next(converted)
        found[p.id] = Pieces(statement, hint, solution, tuple(next(converted) for _ in p.answers))
    return found
