"""Moodle XML: one numerical question per numeric answer, in a category per
family, answer and difficulty, so a quiz's random question drawn from a
category gives one variant.

One question per answer, not a Cloze question per problem: a numerical
question keeps the answer's interval and the feedback for common mistakes in
the format's own elements (<answer>, <tolerance>, <feedback>), where an
import or a test reads them back, whereas a Cloze question writes them in
its {1:NUMERICAL:=...} mini-language inside the question's HTML, where the
braces of TeX math must be escaped and feedback cannot hold HTML. A problem
with two answers becomes two questions, each with the whole statement and
the name of the answer it asks for.

How Moodle grades (question/type/numerical/question.php): it reads the
answer A and the tolerance t as doubles, adds its own margin of
10^-14 * max(t, |A|, 10^-14) (10^-14 is 10 to the minus PHP's `precision`
setting, 14 by default; MDL-3225) and accepts a response x when
A - t - margin <= x <= A + t + margin: both ends included (reading A as a
double moves it by at most 10^-16 of itself, far inside the margin). So each answer
is written as the centre of what gradbook accepts and t its half-width, as
exact decimals; an answer so small that Moodle's margin would be more than a
millionth of the tolerance (below about 10^-20, where the margin stops
shrinking at 10^-28) is left out, as are symbolic answers and any beyond
the range of doubles (questions.py). What is
left out, and the sigfig answers whose interval's open end a closed interval
accepts too, are said in the file's opening comment and the command's message.

Wrong answers that gradbook recognises get answers of 0 % with gradbook's own
feedback (NumericRule.why): the wrong sign, and 10 or 100 times too large or
too small, each the right interval moved there, where gradbook gives the same
feedback at that interval's ends and centre (for a sigfig answer, at the end
it leaves out, the number a billionth of the width inside) and it overlaps
no other.
"""

from dataclasses import dataclass
from fractions import Fraction

from gradbook.practice.exports import Made
from gradbook.practice.exports.intervals import Accepted, accepted, plain
from gradbook.practice.exports.pieces import Pieces
from gradbook.practice.exports.questions import NAMED, Asked, sorted_out
from gradbook.practice.model import Answer, ProblemSet
from gradbook.shells import shell

PRECISION = 14
"""PHP's `precision` setting (its default), which Moodle's margin is 10 to the minus of."""
EPSILON = Fraction(1, 10**PRECISION)
SLACK = Fraction(1, 10**6)
"""Moodle's margin may be at most this part of the tolerance (of the answer, for a tolerance of 0, squared)."""
MISTAKES = (Fraction(-1), Fraction(10), Fraction(1, 10), Fraction(100), Fraction(1, 100))
"""The factors a common mistake multiplies the answer by: the wrong sign, a slipped decimal point."""
CATEGORY = "$course$/top/gradbook"
TOO_SMALL = (f"too small for Moodle, whose own margin (at least 10^-{2 * PRECISION}) would be more than "
             f"a millionth of the tolerance")


def margin(answer: Fraction, tolerance: Fraction) -> Fraction:
    """What Moodle adds to a numerical answer's tolerance."""
    return EPSILON * max(tolerance, abs(answer), EPSILON)


def moodle_accepts(answer: Fraction, tolerance: Fraction) -> tuple[Fraction, Fraction]:
    """The closed interval Moodle accepts for an answer and its tolerance."""
    spread = tolerance + margin(answer, tolerance)
    return answer - spread, answer + spread


def faithful(answer: Fraction, tolerance: Fraction) -> bool:
    """Whether Moodle's margin is at most SLACK of the tolerance (or, for an
    exact answer, at most SLACK squared of the answer)."""
    return margin(answer, tolerance) <= SLACK * max(tolerance, SLACK * abs(answer))


@dataclass(frozen=True)
class Option:
    """One <answer> of a question: a centre and tolerance, its grade and feedback."""

    centre: str
    tolerance: str
    fraction: int
    feedback: str


@dataclass(frozen=True)
class Question:
    name: str
    text: str
    solution: str
    hint: str
    comment: str
    options: tuple[Option, ...]


def _option(low: Fraction, high: Fraction, fraction: int, feedback: str) -> Option:
    return Option(plain((low + high) / 2), plain((high - low) / 2), fraction, feedback)


def _widened(low: Fraction, high: Fraction) -> tuple[Fraction, Fraction]:
    return moodle_accepts((low + high) / 2, (high - low) / 2)


def mistakes(answer: Answer, right: Accepted) -> list[Option]:
    """The 0 % answers for the common mistakes gradbook's feedback names."""
    truth, rule = Fraction(answer.value), answer.grading
    taken = [_widened(right.low, right.high)]
    found = []
    for factor in MISTAKES:
        low, high = right.scaled(factor)
        words = {rule.why(factor * given, truth, percent=False) for given in right.probes()}  # no % in Moodle
        widened = _widened(low, high)
        if len(words) == 1 and not any(widened[0] <= b and a <= widened[1] for a, b in taken):
            taken.append(widened)
            found.append(_option(low, high, 0, words.pop()))
    return found


def _comment(asked: Asked) -> str:
    right = asked.accepted
    said = (f"{asked.answer.name}: gradbook accepts {plain(right.low)} to {plain(right.high)} "
            f"({asked.answer.grading.describe()}); Moodle accepts the answer plus or minus the tolerance, "
            "both ends included, and its own margin")
    note = right.note()
    return f"{said}. {note}" if note else said


def question(asked: Asked, pieces: Pieces) -> Question:
    right = asked.accepted
    options = (_option(right.low, right.high, 100, "correct"), *mistakes(asked.answer, right))
    return Question(asked.name, asked.text(pieces.statement), pieces.solution, pieces.hint, _comment(asked),
                    options)


def left_out(answer: Answer) -> str | None:
    """Why a numeric answer cannot be a Moodle numerical question, or None if it can."""
    right = accepted(answer)
    return None if faithful(right.centre, right.half_width) else TOO_SMALL


def category(group: tuple[str, str, int]) -> str:
    family, answer, difficulty = group
    return f"{CATEGORY}/{family}/{answer}/difficulty {difficulty}"


def make(problems: ProblemSet, pieces: dict[str, Pieces]) -> Made:
    found = sorted_out(problems, left_out)
    categories = {category(group): [question(asked, pieces[asked.problem.id]) for asked in members]
                  for group, members in found.groups.items()}
    xml = shell("moodle.xml.j2").render(problems=problems, categories=categories, notes=found.notes(),
                                        precision=PRECISION)
    return Made({"moodle.xml": f"{xml}\n".encode("utf-8")}, tuple(found.notes(NAMED)))
