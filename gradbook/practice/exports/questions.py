"""What the LMS exports (Moodle, Canvas) share: one numerical question per
numeric answer, grouped by family, answer and difficulty so that a quiz can
draw one variant from a group; a question for one answer of several names
it; and the notes for the instructor, with the same words in each export.
Both platforms read a numerical answer's numbers as doubles, so an answer
whose interval a double cannot hold (beyond 10^±308) is left out, as is
every symbolic answer."""

import sys
from dataclasses import dataclass
from html import escape

from gradbook.practice.exports.intervals import Accepted, accepted, numeric
from gradbook.practice.model import Answer, Problem, ProblemSet

SYMBOLIC = "symbolic (a numerical question takes a number)"
BEYOND_DOUBLES = "beyond the range of a double, which the platform reads the numbers as"


@dataclass(frozen=True)
class Asked:
    """One numeric answer of a problem, as a question: what it accepts."""

    problem: Problem
    answer: Answer
    accepted: Accepted

    @property
    def group(self) -> tuple[str, str, int]:
        """The family, answer name and difficulty: the questions a quiz may draw one of."""
        return self.problem.family, self.answer.name, self.problem.difficulty

    @property
    def name(self) -> str:
        return f"{self.problem.id} {self.answer.name}"

    def text(self, statement: str) -> str:
        """The question's HTML: the statement, and which answer it asks for
        where the problem has several."""
        answers = self.problem.answers
        if len(answers) == 1:
            return statement
        return (f"{statement}\n<p>Give the answer named <strong>{escape(self.answer.name)}</strong> "
                f"({answers.index(self.answer) + 1} of the problem's {len(answers)}).</p>")


def in_doubles(right: Accepted) -> bool:
    """Whether both ends are 0 or normal doubles."""
    return all(end == 0 or sys.float_info.min <= abs(end) <= sys.float_info.max for end in (right.low, right.high))


def why_left_out(answer: Answer, left_out) -> str | None:
    """Why the answer cannot be a numerical question: symbolic, beyond the
    doubles, or what `left_out(answer)` says of a numeric one; None if it can."""
    if not numeric(answer):
        return SYMBOLIC
    if not in_doubles(accepted(answer)):
        return BEYOND_DOUBLES
    return left_out(answer)


def sorted_out(problems: ProblemSet, left_out=lambda answer: None) -> tuple[dict[tuple, list[Asked]], list[str]]:
    """The questions by group, in the order of the set, and the notes: the
    answers left out (why_left_out) and the sigfig answers whose open end a
    closed interval accepts too."""
    groups: dict[tuple, list[Asked]] = {}
    skipped, widened = [], []
    for p in problems.problems:
        for a in p.answers:
            why = why_left_out(a, left_out)
            if why:
                skipped.append(f"{p.id} {a.name}: {why}")
                continue
            asked = Asked(p, a, accepted(a))
            if asked.accepted.note():
                widened.append(asked.name)
            groups.setdefault(asked.group, []).append(asked)
    notes = [f"not exported ({len(skipped)}): " + "; ".join(skipped)] if skipped else []
    if widened:
        notes.append("sigfig answers exported as closed intervals, which also accept the one number at the end "
                     "gradbook leaves out (it rounds to the next figure): " + ", ".join(widened))
    return groups, notes
