"""Grading a class: an answers CSV against the class's key (problems.json
made by `gradbook practice --roster`), in one process.

The CSV (gradbook/practice/table.py) has a column `id`, optionally `name`
(ignored: the key has the names), and one column per answer of a sheet, in
the sheet's order: `q3` for problem 3 when it asks for one answer, `q3.slope`
for its answer `slope` when it asks for several. Any other column, a student
the key does not have or a second row for one student (ids are compared
ignoring case), or a filled cell in a column the student's sheet does not
have, is a one-line error naming the row. An empty cell is an unanswered
question: "invalid", as in a JSON answers file. Students without a row are
not graded.

Every answer is graded by grade.grade, whose faults are that answer's
verdict, never the run's. Partial credit is given only where asked for
(`--partial figures=0.5,sign=0.25`), to an incorrect numeric answer that is:
  figures  right to one significant figure fewer than its sigfig rule asks;
  sign     right but for its sign (its negation would be accepted).
(No answer is both.) A student's score is the sum
of their answers' credit (1 for correct), out of the number of answers.

The summary counts each question (column) and each family's verdicts and
names the most frequent feedback, counted by its words: an aside in
parentheses (how far off an answer is) and a character's position are left
out, so "not within the tolerance (off by 3.1 % …)" and "(off by 7 % …)" are
one kind of mistake.
"""

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from gradbook.errors import UsageError
from gradbook.practice.evaluate import Budget, number
from gradbook.practice.grade import grade
from gradbook.practice.model import Answer, Problem, ProblemSet
from gradbook.practice.parse import AnswerError
from gradbook.practice.rules import NumericRule, SignificantFigures
from gradbook.practice.table import read_table

VERDICTS = ("correct", "partial", "incorrect", "invalid")
PARTIAL_KINDS = ("figures", "sign")
_CREDIT = re.compile(r"[01](\.[0-9]{1,3})?|\.[0-9]{1,3}")
_ASIDE = re.compile(r" \([^()]*\)")
_POSITION = re.compile(r"position [0-9]+")


@dataclass(frozen=True)
class Graded:
    """One answer of one student's sheet, graded."""

    column: str
    problem: Problem
    answer: str
    typed: str
    verdict: str
    feedback: str
    credit: Fraction


@dataclass(frozen=True)
class StudentGrades:
    id: str
    name: str | None
    answers: tuple[Graded, ...]

    @property
    def score(self) -> Fraction:
        return sum((g.credit for g in self.answers), Fraction(0))

    @property
    def total(self) -> int:
        return len(self.answers)


def read_partial(text: str | None) -> dict[str, Fraction]:
    """`figures=0.5,sign=0.25` as {kind: credit}; a credit is a decimal above 0, at most 1, to 3 places."""
    partial = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        kind, _, credit = item.partition("=")
        if kind.strip() not in PARTIAL_KINDS or not _CREDIT.fullmatch(credit.strip()) \
                or not 0 < Fraction(credit.strip()) <= 1:
            raise UsageError(f"--partial takes KIND=CREDIT pairs, KIND one of {', '.join(PARTIAL_KINDS)} and "
                             f"CREDIT a decimal above 0 and at most 1 (e.g. figures=0.5), got {item!r}")
        partial[kind.strip()] = Fraction(credit.strip())
    return partial


def column(place: int, problem: Problem, answer: Answer) -> str:
    """The answers CSV's column for `answer` of the problem at `place` (from 1)
    on a sheet: q3, or q3.factor where the problem asks for several answers."""
    return f"q{place}" if len(problem.answers) == 1 else f"q{place}.{answer.name}"


def sheet_columns(key: ProblemSet) -> dict[str, list[tuple[str, Problem, Answer]]]:
    """Each student's columns in sheet order, by id: (column name, problem, answer)."""
    by_id = {p.id: p for p in key.problems}
    sheets = {}
    for student in key.students:
        columns = sheets[student.id] = []
        for place, pid in enumerate(student.problems, 1):
            problem = by_id[pid]
            columns += [(column(place, problem, answer), problem, answer) for answer in problem.answers]
    return sheets


def read_answers(path: Path, key: ProblemSet) -> list[tuple[str, dict[str, str]]]:
    """Each answering student's (id, {column: typed}), in the key's order; a
    one-line UsageError naming the row for anything malformed."""
    if not key.students:
        raise UsageError(f"an answers CSV is graded against a class's key (gradbook practice --roster); "
                         f"this key has no students: give it a JSON answers file")
    header, rows = read_table(path, "answers file")
    if "id" not in header:
        raise UsageError(f"{path}, row 1: the answers need a column named 'id'")
    columns = sheet_columns(key)
    sheets = {sid.lower(): {name for name, _, _ in named} for sid, named in columns.items()}
    known = set().union(*sheets.values())
    stray = next((name for name in header if name not in known | {"id", "name"}), None)
    if stray:
        example = ", ".join(name for name, _, _ in columns[key.students[0].id][:3])
        raise UsageError(f"{path}, row 1: no sheet has a column {stray!r} (the columns are id, then {example}, …)")
    order = {s.id.lower(): place for place, s in enumerate(key.students)}
    given, seen = {}, {}
    for number, cells in rows:
        row = dict(zip(header, cells))
        sid = row["id"].strip().lower()
        if sid not in order:
            raise UsageError(f"{path}, row {number}: student {row['id'].strip()!r} is not in the key")
        if sid in seen:
            raise UsageError(f"{path}, row {number}: student {row['id'].strip()!r} already has row {seen[sid]}")
        seen[sid] = number
        extra = next((name for name, cell in row.items()
                      if cell.strip() and name not in sheets[sid] | {"id", "name"}), None)
        if extra:
            raise UsageError(f"{path}, row {number}: {row['id'].strip()!r}'s sheet has no {extra!r}, "
                             "but the cell is filled")
        given[sid] = row
    return [(s.id, given[s.id.lower()]) for s in key.students if s.id.lower() in given]


def grade_class(key: ProblemSet, answers: list[tuple[str, dict[str, str]]],
                partial: dict[str, Fraction]) -> list[StudentGrades]:
    """Every answering student's every answer, graded."""
    names, sheets = {s.id: s.name for s in key.students}, sheet_columns(key)
    return [StudentGrades(sid, names[sid], tuple(_graded(column, problem, answer, row.get(column, ""), partial)
                                                 for column, problem, answer in sheets[sid]))
            for sid, row in answers]


def _graded(column: str, problem: Problem, answer: Answer, typed: str, partial: dict[str, Fraction]) -> Graded:
    verdict = grade(answer, typed)
    credit = Fraction(verdict.verdict == "correct")
    shown = verdict.verdict
    if verdict.verdict == "incorrect" and partial:
        credit = next((partial[kind] for kind in near_misses(answer, typed) if kind in partial), credit)
        shown = "partial" if credit else shown
    return Graded(column, problem, answer.name, typed, shown, verdict.feedback, credit)


def near_misses(answer: Answer, typed: str) -> list[str]:
    """The kinds of partial credit an incorrect answer earns, judged by its rule."""
    rule = answer.grading
    if not isinstance(rule, NumericRule):
        return []
    try:
        given = number(typed, percent=rule.percent, budget=Budget())
    except AnswerError:
        return []
    truth = Fraction(answer.value)
    kinds = []
    if isinstance(rule, SignificantFigures) and rule.near_miss(given, truth):
        kinds.append("figures")
    if truth and rule.accepts(-given, truth):
        kinds.append("sign")
    return kinds


def feedback_kind(feedback: str) -> str:
    """The feedback as a kind of mistake: without asides in parentheses or character positions."""
    return _POSITION.sub("position …", _ASIDE.sub("", feedback))


@dataclass(frozen=True)
class Tally:
    """One row of the summary: a question's or a family's verdicts and its most frequent mistake."""

    scope: str
    name: str
    counts: dict
    mistake: str
    times: int


def summary(graded: list[StudentGrades]) -> list[Tally]:
    """A tally per question and per family, in the order they first appear on a sheet."""
    questions, families = {}, {}
    for student in graded:
        for g in student.answers:
            questions.setdefault(g.column, []).append(g)
            families.setdefault(g.problem.family, []).append(g)
    return ([_tally("question", name, answers) for name, answers in questions.items()]
            + [_tally("family", name, answers) for name, answers in families.items()])


def _tally(scope: str, name: str, answers: list[Graded]) -> Tally:
    counts = Counter(g.verdict for g in answers)
    mistakes = Counter(feedback_kind(g.feedback) for g in answers if g.verdict != "correct")
    mistake, times = mistakes.most_common(1)[0] if mistakes else ("", 0)
    return Tally(scope, name, {v: counts[v] for v in VERDICTS}, mistake, times)


def decimal_text(value: Fraction) -> str:
    """A score as a plain decimal (credits have at most 3 decimal places, so it is exact)."""
    return format((Decimal(value.numerator) / value.denominator).normalize(), "f")
