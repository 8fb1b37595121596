"""Grading one typed answer against its rule: a verdict and feedback.

Verdicts: "correct", "incorrect", or "invalid" (the answer could not be read;
that is not the same as wrong, and the feedback says what to fix). Numbers are
compared at 50 digits. Expressions are compared by evaluating both at sample
points, the way STACK and PrairieLearn do: sympy never sees the learner's
text, only the tree the safe parser built.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import mpmath

from derive.numbers import round_sig
from gradbook.errors import UsageError
from gradbook.practice.model import Answer
from gradbook.practice.parse import AnswerError, evaluate, number, parse

KEY_LENGTH = 10_000
SAMPLE_POINTS = tuple(mpmath.mpf(v) / 10 for v in (-13, 4, 21, -7, 9))
SYMBOLIC_TOLERANCE = mpmath.mpf(10) ** -20


class BadKey(UsageError):
    """The key itself is malformed: the instructor's file, not the learner's answer."""


@dataclass(frozen=True)
class Verdict:
    verdict: str
    feedback: str


def grade(answer: Answer, typed) -> Verdict:
    if not isinstance(typed, str):
        return Verdict("invalid", f"the answer must be text, got {type(typed).__name__}")
    if not typed.strip():
        return Verdict("invalid", "no answer was given")
    try:
        if answer.grading["mode"] == "symbolic":
            return _symbolic(answer, typed)
        return _numeric(answer, number(typed))
    except AnswerError as exc:
        return Verdict("invalid", str(exc))


def _numeric(answer: Answer, given) -> Verdict:
    with mpmath.workdps(50):
        truth = mpmath.mpf(answer.value)
        rule = answer.grading
        if _close(given, truth, rule):
            return Verdict("correct", "correct")
        return Verdict("incorrect", _why(given, truth, rule))


def _close(given, truth, rule) -> bool:
    mode = rule["mode"]
    if mode == "rel":
        return abs(given - truth) <= mpmath.mpf(rule["tol"]) * abs(truth)
    if mode == "abs":
        return abs(given - truth) <= mpmath.mpf(rule["tol"])
    return _figures(given, rule["figures"]) == _figures(truth, rule["figures"])


def _figures(value, n: int) -> Decimal:
    return round_sig(Decimal(mpmath.nstr(value, 40, strip_zeros=False)), n) if value else Decimal(0)


def _why(given, truth, rule) -> str:
    """The most useful thing to say about a wrong number, without giving the answer away."""
    if truth != 0 and _close(-given, truth, rule):
        return "right magnitude, wrong sign"
    if rule["mode"] == "sigfig":
        n = rule["figures"]
        if n > 1 and _figures(given, n - 1) == _figures(truth, n - 1):
            return f"right to {n - 1} significant figures; {n} were asked (check the last figure)"
    if given != 0 and truth != 0 and (given > 0) == (truth > 0):
        ratio = mpmath.log10(abs(given / truth))
        shift = int(mpmath.nint(ratio))
        if shift and abs(ratio - shift) < 0.01:
            if shift == 2:
                return "100 times too large: if you meant a percentage, write it with %"
            return f"off by a factor of 10^{shift}: check the decimal point or the exponent"
    if truth != 0:
        error = abs(given - truth) / abs(truth)
        return f"not within the tolerance (off by {mpmath.nstr(100 * error, 2)} % of the answer)"
    return "not within the tolerance"


def _symbolic(answer: Answer, typed: str) -> Verdict:
    rule = answer.grading
    names = set(rule["variables"]) | set(rule.get("constants", {}))
    given = parse(typed, names)
    try:  # the key is read by the same safe parser: a key file is input too
        truth = parse(answer.exact, names, max_length=KEY_LENGTH)
    except AnswerError as exc:
        raise BadKey(f"the key's expression for {answer.name!r} cannot be read: {exc}") from None
    constants = {name: _exact_mpf(value) for name, value in rule.get("constants", {}).items()}
    compared = 0
    for k, point in enumerate(SAMPLE_POINTS):
        env = {**constants, **{name: point * (i + 1) for i, name in enumerate(rule["variables"])}}
        right = _value(truth, env)
        if right is None:
            continue
        left = _value(given, env)
        if left is None:
            return Verdict("incorrect", "the expression is undefined at a point where the answer is defined")
        scale = SYMBOLIC_TOLERANCE * max(1, abs(right))
        if abs(left - right) > scale:
            if abs(left + right) <= scale:
                return Verdict("incorrect", "right expression up to its sign")
            return Verdict("incorrect", "not equivalent to the expected expression")
        compared += 1
    if not compared:
        raise BadKey(f"the key's expression for {answer.name!r} is undefined at every sample point")
    return Verdict("correct", "correct")


def _exact_mpf(text: str):
    fraction = Fraction(text)
    with mpmath.workdps(40):
        return mpmath.mpf(fraction.numerator) / fraction.denominator


def _value(tree, env):
    """The tree's value at 40 digits, or None where it is undefined."""
    try:
        with mpmath.workdps(40):
            return evaluate(tree, env)
    except AnswerError:
        return None
