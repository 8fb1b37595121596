"""What grading a class writes (gradbook/practice/classcheck.py grades it):

- the grades CSV: id, score, total, then each answer's verdict (correct,
  partial, incorrect or invalid) under its column's name, a row per student;
- a feedback page per student, ID.html: each answer as typed, its verdict
  and the grader's feedback;
- the summary, summary.csv and summary.html: for each question and each
  family, how many answers were correct, partial, incorrect and invalid, and
  the most frequent feedback with how many answers got it.
"""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from gradbook.practice.catalog import families
from gradbook.practice.classcheck import VERDICTS, StudentGrades, Tally, decimal_text
from gradbook.practice.table import table_bytes
from gradbook.shells import shell

TEMPLATE = "class-report.html.j2"


def outputs(graded: list[StudentGrades], tallies: list[Tally], csv: Path | None = None,
            feedback: Path | None = None, summary: Path | None = None) -> dict[Path, dict[str, bytes]]:
    """The files asked for, by folder: the grades CSV, the feedback pages, the summary."""
    files = {}
    if csv:
        files[csv.parent] = {csv.name: grades_csv(graded)}
    if feedback:
        files.setdefault(feedback, {}).update(feedback_pages(graded))
    if summary:
        files.setdefault(summary, {}).update({"summary.csv": summary_csv(tallies),
                                              "summary.html": summary_page(tallies, graded)})
    return files


def as_json(graded: list[StudentGrades], tallies: list[Tally]) -> dict:
    """Every student's results and the summary, as `gradbook check --json` prints them for a class."""
    return {"students": [{"id": s.id, "name": s.name, "score": _number(s.score), "total": s.total,
                          "results": [{"question": g.column, "id": g.problem.id, "answer": g.answer,
                                       "verdict": g.verdict, "feedback": g.feedback, "credit": _number(g.credit)}
                                      for g in s.answers]}
                         for s in graded],
            "summary": [{"scope": t.scope, "name": t.name, **t.counts, "feedback": t.mistake, "answers": t.times}
                        for t in tallies]}


def _number(value: Fraction) -> int | float:
    """A score or credit as a JSON number (at most 3 decimal places, so the float prints as the decimal)."""
    return value.numerator if value.denominator == 1 else float(decimal_text(value))


def grades_csv(graded: list[StudentGrades]) -> bytes:
    """A row per student, a column per question of any sheet in the order they first appear (in a
    class made by one command every sheet has the same ones); empty where a sheet has no such question."""
    columns = list(dict.fromkeys(g.column for s in graded for g in s.answers))
    rows = []
    for s in graded:
        verdicts = {g.column: g.verdict for g in s.answers}
        rows.append([s.id, decimal_text(s.score), s.total, *(verdicts.get(column, "") for column in columns)])
    return table_bytes(["id", "score", "total", *columns], rows)


def summary_csv(tallies: list[Tally]) -> bytes:
    header = ["scope", "name", *VERDICTS, "most frequent feedback", "answers with it"]
    return table_bytes(header, [[t.scope, t.name, *(t.counts[v] for v in VERDICTS), t.mistake, t.times]
                                for t in tallies])


def summary_page(tallies: list[Tally], graded: list[StudentGrades]) -> bytes:
    answers = sum(s.total for s in graded)
    intro = f"{len(graded)} students, {answers} answers; {mean_score(graded)}."
    return shell(TEMPLATE).render(title="Class summary", intro=intro, tallies=tallies,
                                  verdicts=VERDICTS, titles=_titles()).encode("utf-8")


def feedback_pages(graded: list[StudentGrades]) -> dict[str, bytes]:
    """Each student's page, by file name."""
    titles = _titles()
    page = shell(TEMPLATE)
    return {f"{s.id}.html": page.render(
                title=f"Feedback for {s.name} ({s.id})" if s.name else f"Feedback for {s.id}",
                intro=f"Score {decimal_text(s.score)} out of {s.total}.", student=s,
                titles=titles, decimal=decimal_text).encode("utf-8")
            for s in graded}


def _titles() -> dict[str, str]:
    """Each family's title, by its name: what the pages call a family."""
    return {name: family.title for name, family in families().items()}


def mean_score(graded: list[StudentGrades]) -> str:
    """The mean score, to two decimal places, and what it is out of."""
    if not graded:
        return "no scores"
    mean = sum(s.score for s in graded) / len(graded)
    totals = sorted({s.total for s in graded})
    out_of = f"out of {totals[0]}" if len(totals) == 1 else f"(sheets of {totals[0]} to {totals[-1]} answers)"
    return f"mean score {round(Decimal(mean.numerator) / mean.denominator, 2)} {out_of}"


def counts_line(graded: list[StudentGrades]) -> str:
    """How many answers got each verdict, for the command's summary line."""
    counts = {v: sum(g.verdict == v for s in graded for g in s.answers) for v in VERDICTS}
    return ", ".join(f"{n} {v}" for v, n in counts.items() if n or v != "partial")
