"""End-of-chapter exercises: each chapter states its own and records their
answers; the answer key prints every chapter's answers, gathered once all the
parts are rendered (a part is rendered alone, so it cannot read another's).

A chapter's template states an exercise with `exercise` (followed by its
`model_answer`) or `exercise_from` (an instance of a problem family, whose
answer and worked solution the family provides); the answer key's template
writes `exercise_answers()` where the answers go. Each exercise links to its
answer ("Answer 3.1") and each answer back to its exercise.
"""

from gradbook import labels
from gradbook.errors import UsageError
from gradbook.formatting import boxed

PLACEHOLDER = "⟦exercise-answers⟧"


def answer_body(text: str) -> str:
    """An answer's text after its heading: a list, table or display on a line of its own."""
    return f"\n\n{text}" if text.startswith(("-", "|", "$$")) else f" {text}"


def answer_labels(rendered, markdown: dict[str, str]) -> list[labels.Label]:
    """The labels of the answers, on the page of the part that prints them:
    "Answer 3.1" for Exercise 3.1. None if no chapter has exercises."""
    exercises = [label for r in rendered for label in r.labels if label.kind == "ex"]
    if not exercises:
        return []
    page = _answer_page(rendered, markdown)
    return [labels.Label("ans", label.name, label.number, page) for label in exercises]


def with_answers(rendered, markdown: dict[str, str]) -> dict[str, str]:
    """Each part's Markdown, with every chapter's exercise answers where the answer key asks for them."""
    if not any(r.answers for r in rendered):
        return markdown
    _answer_page(rendered, markdown)
    sections = []
    for r in rendered:
        if not r.answers:
            continue
        sections.append(f"## Exercises of {labels.placeholder('ch:' + r.part.slug)}\n")
        for name, text in r.answers:
            sections.append(boxed("solution", f"**{labels.placeholder('ex:' + name)}.**{answer_body(text)}",
                                  f"ans-{name}"))
    answers = "\n".join(sections)
    return {slug: text.replace(PLACEHOLDER, answers) for slug, text in markdown.items()}


def _answer_page(rendered, markdown: dict[str, str]) -> str:
    """The page of the one part that prints the answers."""
    holders = [r for r in rendered if PLACEHOLDER in markdown[r.part.slug]]
    if len(holders) != 1:
        where = ", ".join(r.part.slug for r in holders) or "no part"
        raise UsageError(f"the chapters have exercises, so exactly one part (the answer key) must print their "
                         f"answers with exercise_answers(); {where} does")
    return holders[0].part.page
