"""Grading rules: what counts as a right answer, one small type per mode.

A rule is a frozen value, checked when it is made. Each mode is one class,
registered under its name: its settings are its fields, and it knows how it
compares an answer with the truth, how a sheet describes it, and its JSON
form, the "grading" object of problems.json:

    Relative(0.01)             {"mode": "rel", "tol": 0.01}           within 1 %
    Absolute(0)                {"mode": "abs", "tol": 0}              exactly (a count)
    SignificantFigures(3)      {"mode": "sigfig", "figures": 3}       to 3 significant figures
    Symbolic(["z"], {"a": "3"})  {"mode": "symbolic", "variables": ["z"], "constants": {"a": "3"}}

A numeric rule's comparator is `accepts(given, truth)` on exact Fractions
(the truth is the key's value as written; a tolerance is the decimal its JSON
number is written as), so the page's grader can decide the same way
(gradbook/practice/exact.py); a symbolic rule's answers are expressions,
which grade.py compares at sampled points and then exactly. Adding a mode is
one class here and its `@register`.
"""

import math
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, fields, MISSING
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

from gradbook.practice.exact import decimal_exponent, percent_text, rounded, significand
from gradbook.practice.parse import CONSTANTS, FUNCTIONS

MAX_FIGURES = 20
"""A value carries at least 25 significant digits; a rule may ask for at most this many."""
MAX_VARIABLES = 5
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,30}")
_CONSTANT = re.compile(r"-?[0-9]{1,30}(\.[0-9]{1,30})?(/[1-9][0-9]{0,29})?")

RULES: dict[str, type["Rule"]] = {}
"""Every rule by its mode name, in the order they are registered."""


def register(kind: type["Rule"]) -> type["Rule"]:
    RULES[kind.mode] = kind
    return kind


class Rule(ABC):
    """A grading rule. Its dataclass fields are its settings, in JSON order;
    a field without a default is a setting the JSON must give."""

    mode: ClassVar[str]

    @abstractmethod
    def describe(self) -> str:
        """How a sheet says what is accepted: "within 1 %"."""

    def to_json(self) -> dict:
        return {"mode": self.mode, **{f.name: getattr(self, f.name) for f in fields(self)}}

    @staticmethod
    def from_json(data) -> "Rule":
        """The rule a "grading" object describes; a ValueError saying what is wrong."""
        _require(isinstance(data, dict), "grading must be an object")
        mode = data.get("mode")
        _require(isinstance(mode, str) and mode in RULES, f"grading mode {mode!r} is not one of {', '.join(RULES)}")
        kind = RULES[mode]
        settings = [f.name for f in fields(kind)]
        missing = [f.name for f in fields(kind)
                   if f.default is MISSING and f.default_factory is MISSING and f.name not in data]
        _require(not missing, f"a {mode} rule needs {', '.join(missing)}")
        stray = sorted(set(data) - {"mode", *settings})
        if stray:
            raise ValueError(f"a {mode} rule has no setting {stray[0]!r}")
        return kind(**{name: data[name] for name in settings if name in data})


class NumericRule(Rule):
    """A rule for an answer that is a number."""

    percent: ClassVar[bool] = True
    """Whether a typed percentage is read as the ratio it stands for (25% is 0.25)."""

    @abstractmethod
    def accepts(self, given: Fraction, truth: Fraction) -> bool:
        """Whether `given` counts as `truth`, decided exactly."""

    def near_miss(self, given: Fraction, truth: Fraction) -> str | None:
        """What this mode in particular can say about a wrong answer, if anything."""
        return None

    def why(self, given: Fraction, truth: Fraction, percent: bool | None = None) -> str:
        """The most useful thing to say about a wrong number, without giving the
        answer away. `percent` says whether a typed % would be read (the rule's
        own `percent` unless given): only then is a number 100 times too large
        told to write it with %."""
        if truth != 0 and self.accepts(-given, truth):
            return "right magnitude, wrong sign"
        particular = self.near_miss(given, truth)
        if particular:
            return particular
        shift = _power_of_ten_off(given, truth)
        if shift == 2 and (self.percent if percent is None else percent):
            return "100 times too large: if you meant a percentage, write it with %"
        if shift:
            return f"off by a factor of 10^{shift}: check the decimal point or the exponent"
        if truth != 0:
            return f"not within the tolerance (off by {percent_text(100 * abs(given - truth) / abs(truth))} % of the answer)"
        return "not within the tolerance"


class IntervalRule(NumericRule):
    """A numeric rule that accepts a closed interval around the truth."""

    @abstractmethod
    def interval(self, truth: Fraction) -> tuple[Fraction, Fraction]:
        """The lowest and the highest value accepted."""

    def accepts(self, given, truth) -> bool:
        low, high = self.interval(truth)
        return low <= given <= high


@register
@dataclass(frozen=True)
class Relative(IntervalRule):
    """Within a fraction `tol` of the truth."""

    mode: ClassVar[str] = "rel"
    tol: float

    def __post_init__(self):
        _require(_is_number(self.tol) and 0 < self.tol < 1,
                 f"a relative tolerance must be a number above 0 and below 1, got {self.tol!r}")

    def interval(self, truth):
        spread = _decimal(self.tol) * abs(truth)
        return truth - spread, truth + spread

    def describe(self) -> str:
        return f"within {format((Decimal(str(self.tol)) * 100).normalize(), 'f')} %"


@register
@dataclass(frozen=True)
class Absolute(IntervalRule):
    """Within `tol` of the truth; with a tolerance of 0, exactly it, as a count is."""

    mode: ClassVar[str] = "abs"
    tol: float

    def __post_init__(self):
        _require(_is_number(self.tol) and self.tol >= 0,
                 f"an absolute tolerance must be a finite number from 0 up, got {self.tol!r}")

    @property
    def percent(self) -> bool:
        """A count (a number of layers) is not a ratio: it is never written as a percentage."""
        return self.tol != 0

    def interval(self, truth):
        return truth - _decimal(self.tol), truth + _decimal(self.tol)

    def describe(self) -> str:
        return f"within {self.tol} of it" if self.tol else "exactly"


@register
@dataclass(frozen=True)
class SignificantFigures(NumericRule):
    """The same as the truth once both are rounded (half away from zero) to `figures` significant figures."""

    mode: ClassVar[str] = "sigfig"
    figures: int

    def __post_init__(self):
        _require(isinstance(self.figures, int) and not isinstance(self.figures, bool)
                 and 1 <= self.figures <= MAX_FIGURES,
                 f"figures must be a whole number from 1 to {MAX_FIGURES}, got {self.figures!r}")

    def accepts(self, given, truth) -> bool:
        return rounded(given, self.figures) == rounded(truth, self.figures)

    def near_miss(self, given, truth):
        fewer = self.figures - 1
        if fewer and rounded(given, fewer) == rounded(truth, fewer):
            return f"right to {fewer} significant figures; {self.figures} were asked (check the last figure)"
        return None

    def describe(self) -> str:
        return f"to {self.figures} significant figures"


@register
@dataclass(frozen=True)
class Symbolic(Rule):
    """An expression in `variables`, equivalent to the truth; `constants` are
    names the answer may use for fixed numbers (decimals or fractions as text)."""

    mode: ClassVar[str] = "symbolic"
    variables: tuple[str, ...]
    constants: dict[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self):
        variables, constants = self.variables, self.constants
        _require(isinstance(variables, (list, tuple)) and 1 <= len(variables) <= MAX_VARIABLES
                 and all(isinstance(v, str) and _NAME.fullmatch(v) for v in variables)
                 and len(set(variables)) == len(variables),
                 f"variables must be a list of one to five distinct names, got {variables!r}")
        _require(isinstance(constants, dict), "constants must be an object of name: number")
        for name, text in constants.items():
            _require(_NAME.fullmatch(name) and name not in variables, f"{name!r} cannot name a constant")
            _require(isinstance(text, str) and _CONSTANT.fullmatch(text),
                     f"constant {name!r} must be a decimal or a fraction as text, got {text!r}")
        reserved = sorted((set(variables) | set(constants)) & set(FUNCTIONS + CONSTANTS))
        if reserved:
            raise ValueError(f"{reserved[0]!r} is a function or constant, not a variable")
        object.__setattr__(self, "variables", tuple(variables))
        object.__setattr__(self, "constants", dict(constants))

    @property
    def names(self) -> frozenset[str]:
        """The names an answer may use besides the functions and e and pi."""
        return frozenset(self.variables) | frozenset(self.constants)

    def fixed(self) -> dict[str, Fraction]:
        """The constants' values, exactly."""
        return {name: Fraction(text) for name, text in self.constants.items()}

    def to_json(self) -> dict:
        data = {"mode": self.mode, "variables": list(self.variables)}
        return {**data, "constants": dict(self.constants)} if self.constants else data

    def describe(self) -> str:
        return "as any equivalent expression"


def _require(condition, message: str) -> None:
    if not condition:
        raise ValueError(message)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _decimal(tolerance: float) -> Fraction:
    """A tolerance as the decimal its JSON number is written as: 0.01 is exactly 1/100."""
    return Fraction(repr(tolerance))


def _power_of_ten_off(given: Fraction, truth: Fraction) -> int:
    """The s != 0 for which given/truth lies within 10^(s ± 0.01), if there is one
    (a slipped decimal point), else 0. Decided exactly on both numbers read to 40
    figures: (a/b)^100 against 10^(100 s ± 1), for s next to the exponents' difference."""
    if given == 0 or truth == 0 or (given > 0) != (truth > 0):
        return 0
    (a, p), (b, q) = significand(given), significand(truth)
    near = decimal_exponent(given) - decimal_exponent(truth)
    for s in (near - 1, near, near + 1):
        if s and _power_between(a**100, 100 * (p - q), b**100, 100 * s - 1) \
                and _power_between(b**100, 100 * s + 1, a**100, 100 * (p - q)):
            return s
    return 0


def _power_between(x: int, i: int, y: int, j: int) -> bool:
    """Whether x * 10^i > y * 10^j, for positive integers x and y."""
    return x * 10 ** max(i - j, 0) > y * 10 ** max(j - i, 0)
