"""What the LMS exports (Moodle, Canvas) share: one numerical question per
numeric answer, grouped by family, answer and difficulty so that a quiz can
draw one variant from a group; a question for one answer of several names
it; and the notes for the instructor, with the same words in each export."""

from dataclasses import dataclass
from html import escape

from gradbook.practice.exports.intervals import Accepted, accepted, numeric
from gradbook.practice.model import Answer, Problem, ProblemSet

SYMBOLIC = "symbolic (a numerical question takes a number)"


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


def sorted_out(problems: ProblemSet, left_out) -> tuple[dict[tuple, list[Asked]], list[str]]:
    """The questions by group, in the order of the set, and the notes: the
    answers left out (`left_out(answer)` says why, or None) and the sigfig
    answers whose open end a closed interval accepts too."""
    groups: dict[tuple, list[Asked]] = {}
    skipped, widened = [], []
    for p in problems.problems:
        for a in p.answers:
            why = SYMBOLIC if not numeric(a) else left_out(a)
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
