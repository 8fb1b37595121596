"""What the LMS exports (Moodle, Canvas) share: one numerical question per
numeric answer, grouped by family, answer and difficulty so that a quiz can
draw one variant from a group; a question for one answer of several names
it; and the notes for the instructor, with the same words in each export:
the command's message names a few answers for each note, the file all.
Both platforms read a numerical answer's numbers as doubles, so an answer
whose interval a double cannot hold (beyond 10^±308) is left out, as is
every symbolic answer."""

import sys
from dataclasses import dataclass
from html import escape

from gradbook.practice.exports.intervals import Accepted, accepted, numeric
from gradbook.practice.model import Answer, Problem, ProblemSet

NAMED = 3
"""How many answers the command's message names for each note."""
SYMBOLIC = "symbolic (a numerical question takes a number)"
BEYOND_DOUBLES = "beyond the range of a double, which the platform reads the numbers as"


@dataclass(frozen=True)
class Asked:
    """One answer of a problem, as a question: its name, group and text, and
    what the grader accepts (None for a symbolic answer, which is left out)."""

    problem: Problem
    answer: Answer
    accepted: Accepted | None

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


@dataclass(frozen=True)
class Sorted:
    """A set's numeric answers sorted out: the questions by group, in the
    order of the set; the names of the answers left out, by why; and the
    sigfig answers whose open end a closed interval accepts too."""

    groups: dict[tuple, list[Asked]]
    left_out: dict[str, list[str]]
    widened: list[str]

    def notes(self, named: int | None = None) -> list[str]:
        """What the instructor is told, one line for each reason, naming the
        first `named` answers (all of them if None)."""
        said = [(f"{len(names)} answers not exported, {why}", names) for why, names in self.left_out.items()]
        if self.widened:
            said.append((f"{len(self.widened)} sigfig answers exported as closed intervals, which also accept "
                         "the one number at the end gradbook leaves out (it rounds to the next figure)",
                         self.widened))
        return [f"{what}: {_listed(names, named)}" for what, names in said]


def _listed(names: list[str], named: int | None) -> str:
    if named is None or len(names) <= named:
        return ", ".join(names)
    return ", ".join(names[:named]) + f" and {len(names) - named} more"


def sorted_out(problems: ProblemSet, left_out=lambda answer: None) -> Sorted:
    """The set's answers sorted out (Sorted), `left_out(answer)` saying why
    a numeric answer the platform reads cannot be a question, or None."""
    groups: dict[tuple, list[Asked]] = {}
    skipped: dict[str, list[str]] = {}
    widened = []
    for p in problems.problems:
        for a in p.answers:
            asked = Asked(p, a, accepted(a) if numeric(a) else None)
            why = why_left_out(a, left_out)
            if why:
                skipped.setdefault(why, []).append(asked.name)
                continue
            if asked.accepted.note():
                widened.append(asked.name)
            groups.setdefault(asked.group, []).append(asked)
    return Sorted(groups, skipped, widened)
