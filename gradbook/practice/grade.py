"""Grading one typed answer against its rule: a verdict and feedback.

Verdicts: "correct", "incorrect", or "invalid" (the answer could not be read;
that is not the same as wrong, and the feedback says what to fix). A number is
compared exactly with the key's value (gradbook/practice/evaluate.number and
rules.py), so the page's grader, templates/grader.js, decides the same way.

An expression is compared with the key in two ways, neither of which ever
sees the learner's text, only the tree the safe parser built:
- numerically, at points drawn afresh for every attempt (near the origin and
  far from it, so no published set of points can be aimed at), each compared
  to 40 significant digits, with the working precision raised where
  cancellation inside an expression blurs the comparison;
- then, if every point agrees, exactly with sympy: answer minus key must not
  be a nonzero number (a constant offset below any tolerance is still wrong).

Every answer gets a budget of operations and every value a size limit
(gradbook/practice/parse.py), and a fault while grading one answer makes that
answer invalid, never the whole run.
"""

import random
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp

from derive.symbols import sigma
from gradbook.practice.model import KEY_LENGTH, Answer
from gradbook.practice.evaluate import Budget, Undefined, evaluate, number
from gradbook.practice.parse import AnswerError, parse
from gradbook.practice.rules import NumericRule

SCALES = (0.5, 1, 3, 3, 10, 10, 25, 40)
"""Each point's variables lie within ±scale: half of the points far from the origin."""
LEVELS = (60, 120, 240)
"""Working digits, tried in turn where cancellation blurs a comparison."""
AGREEMENT = mpmath.mpf(10) ** -40
"""Two values agree when they differ by less than this part of the larger."""
EXACT_LIMIT = 400
MODEST_EXPONENT = 64
"""The exact comparison is made only where every constant part of both trees lies within
10^±400 and no constant exponent exceeds 64, so sympy's exact arithmetic stays cheap
(a square root of a 9,000-digit integer costs sympy 40 s)."""


@dataclass(frozen=True)
class Verdict:
    verdict: str
    feedback: str


def grade(answer: Answer, typed, rng: random.Random | None = None) -> Verdict:
    """The verdict on `typed`. Expressions are sampled at points drawn from
    `rng` (fresh system randomness by default)."""
    if not isinstance(typed, str):
        return Verdict("invalid", f"the answer must be text, got {type(typed).__name__}")
    if not typed.strip():
        return Verdict("invalid", "no answer was given")
    budget = Budget()
    try:
        rule = answer.grading
        if isinstance(rule, NumericRule):
            return _numeric(answer, number(typed, percent=rule.percent, budget=budget))
        return _symbolic(answer, typed, rng or random.SystemRandom(), budget)
    except AnswerError as exc:
        return Verdict("invalid", str(exc))
    except Exception as exc:  # one answer's fault is that answer's verdict, never the run's
        return Verdict("invalid", f"this answer could not be graded ({type(exc).__name__}); "
                                  "write it more simply")


def _numeric(answer: Answer, given: Fraction) -> Verdict:
    truth, rule = Fraction(answer.value), answer.grading
    if rule.accepts(given, truth):
        return Verdict("correct", "correct")
    return Verdict("incorrect", rule.why(given, truth))


def key_tree(answer: Answer) -> tuple:
    """The key's expression, read by the same safe parser: a key file is input too."""
    return parse(answer.exact, answer.grading.names, max_length=KEY_LENGTH)


def key_defined(answer: Answer) -> bool:
    """Whether the key's expression has a value at some point of a fixed draw
    (a key that has none could grade nothing)."""
    truth, fixed, budget = key_tree(answer), answer.grading.fixed(), Budget()
    try:
        return any(_compare(truth, truth, {**fixed, **point}, budget) == "same"
                   for point in sample_points(answer.grading.variables, random.Random(0)))
    except AnswerError:
        return False


def _symbolic(answer: Answer, typed: str, rng: random.Random, budget: Budget) -> Verdict:
    rule = answer.grading
    given = parse(typed, rule.names)
    truth = key_tree(answer)
    fixed = rule.fixed()
    outcomes = [_compare(given, truth, {**fixed, **point}, budget)
                for point in sample_points(rule.variables, rng)]
    compared = [o for o in outcomes if o != "skip"]
    if not compared:
        return Verdict("invalid", "the key's expression is undefined at every point tried; tell your instructor")
    if "undefined" in compared:
        return Verdict("incorrect", "the expression is undefined at a point where the answer is defined")
    if all(o == "negated" for o in compared):
        return Verdict("incorrect", "right expression up to its sign")
    if not all(o == "same" for o in compared):
        return Verdict("incorrect", "not equivalent to the expected expression")
    if _differs_by_a_constant(given, truth, fixed):
        return Verdict("incorrect", "not equivalent to the expected expression (it differs by a constant)")
    return Verdict("correct", "correct")


def sample_points(variables, rng: random.Random) -> list[dict[str, Fraction]]:
    """One setting of the variables per scale, each a 6-decimal number within ±scale."""
    return [{name: Fraction(rng.choice((-1, 1)) * rng.randrange(50_000, 1_000_001), 1_000_000) * Fraction(scale)
             for name in variables} for scale in SCALES]


def _compare(given, truth, point: dict[str, Fraction], budget: Budget) -> str:
    """"same", "negated" or "different" at this point; "skip" where the key has
    no value there; "undefined" where the answer has none but the key has."""
    previous = None
    for digits in LEVELS:
        with mpmath.workdps(digits):
            env = {name: mpmath.mpf(v.numerator) / v.denominator for name, v in point.items()}
            try:
                right = evaluate(truth, env, budget)
            except AnswerError:  # undefined or out of range for the key itself
                return "skip"
            try:
                left = evaluate(given, env, budget)
            except Undefined:
                return "undefined"
            scale = max(abs(left), abs(right))
            apart, opposite = abs(left - right), abs(left + right)
            if apart <= AGREEMENT * scale:
                return "same"
            if opposite <= AGREEMENT * scale:
                return "negated"
            if previous and _settled(apart, previous[0]) and _settled(opposite, previous[1]):
                return "different"
            previous = (apart, opposite)
    return "different"


def _settled(now, before) -> bool:
    """The difference did not move when the precision rose: it is real, not rounding."""
    return abs(now - before) <= mpmath.mpf(10) ** -6 * abs(now)


def _differs_by_a_constant(given, truth, fixed: dict[str, Fraction]) -> bool:
    """Whether answer minus key is, exactly, a nonzero number. Sympy only
    collects terms here; it is given trees whose constants are small, so its
    exact arithmetic is cheap; others are left to the numerical comparison."""
    if not (_modest(given) and _modest(truth)):
        return False
    difference = sympy_expression(given, fixed) - sympy_expression(truth, fixed)
    return bool(difference.is_Number and difference != 0)


def _modest(tree) -> bool:
    """Every constant part of the tree within 10^±EXACT_LIMIT, and every
    constant exponent at most MODEST_EXPONENT: then sympy's exact numbers stay small."""
    try:
        _constant_value(tree)
        return True
    except (AnswerError, _TooBig):
        return False


class _TooBig(Exception):
    pass


def _constant_value(tree):
    """The value of a tree without variables (at 15 digits), None for one with them;
    _TooBig if a constant part is beyond the exact comparison's limits."""
    kind = tree[0]
    parts = [_constant_value(part) for part in tree[1:] if isinstance(part, tuple)]
    if (kind == "name" and tree[1] not in ("e", "pi")) or any(part is None for part in parts):
        if kind == "^" and parts[1] is not None and abs(parts[1]) > MODEST_EXPONENT:
            raise _TooBig
        return None
    with mpmath.workdps(15):
        value = evaluate(tree, {})
    if value and abs(mpmath.log10(abs(value))) > EXACT_LIMIT:
        raise _TooBig
    return value


_FUNCTIONS = {"exp": sp.exp, "tanh": sp.tanh, "log": sp.log, "sqrt": sp.sqrt, "sigma": sigma}


def sympy_expression(tree, fixed: dict[str, Fraction]) -> sp.Expr:
    """The tree as a sympy expression, built node by node (never from text)."""
    kind = tree[0]
    if kind == "num":
        value = Fraction("0" + tree[1] if tree[1].startswith(".") else tree[1])
        return sp.Rational(value.numerator, value.denominator)
    if kind == "name":
        if tree[1] in fixed:
            return sp.Rational(fixed[tree[1]].numerator, fixed[tree[1]].denominator)
        return {"e": sp.E, "pi": sp.pi}.get(tree[1]) or sp.Symbol(tree[1], real=True)
    if kind == "call":
        return _FUNCTIONS[tree[1]](sympy_expression(tree[2], fixed))
    if kind == "neg":
        return -sympy_expression(tree[1], fixed)
    if kind == "pct":
        return sympy_expression(tree[1], fixed) / 100
    left, right = sympy_expression(tree[1], fixed), sympy_expression(tree[2], fixed)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    if kind == "/":
        return left / right
    return left**right
