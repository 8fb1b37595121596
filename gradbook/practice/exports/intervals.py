"""What gradbook's grader accepts for a numeric answer, as an interval of
exact numbers, and those numbers as the plain decimals an LMS reads.

A rel or abs rule accepts a closed interval (rules.IntervalRule). A sigfig
rule with f figures accepts what rounds, half away from zero, to R, the
answer rounded to f figures: with h half a unit in R's last figure, that is
[R - h, R + h) for R > 0 and (R - h, R + h] for R < 0, the end away from zero
left out (it rounds up to the next figure); and where R is a power of ten,
the end towards zero is h/10 from R, since the numbers just below 10^e have
one more figure after the point. An LMS's numerical answer is a closed
interval, so an export of a sigfig answer also accepts the one number at its
open end, and says so (Accepted.note).

    accepted(Answer("x", None, "0.25", Relative(0.01))).low  -> Fraction(99, 400)
    plain(Fraction(-1, 8))                                   -> "-0.125"
"""

from dataclasses import dataclass
from fractions import Fraction

from gradbook.practice.exact import decimal_exponent, rounded
from gradbook.practice.model import Answer
from gradbook.practice.rules import IntervalRule, NumericRule, SignificantFigures


@dataclass(frozen=True)
class Accepted:
    """The numbers a numeric answer's rule accepts: from low to high, both
    included unless `open_end` names the one left out ("low" or "high")."""

    low: Fraction
    high: Fraction
    open_end: str | None = None

    @property
    def centre(self) -> Fraction:
        return (self.low + self.high) / 2

    @property
    def half_width(self) -> Fraction:
        return (self.high - self.low) / 2

    def scaled(self, factor: Fraction) -> tuple[Fraction, Fraction]:
        """The closed interval `factor` times this one, lowest end first."""
        return tuple(sorted((self.low * factor, self.high * factor)))

    def probes(self) -> tuple[Fraction, Fraction, Fraction]:
        """Its lowest, middle and highest numbers: an open end is replaced by
        the number a billionth of the width inside it."""
        inside = (self.high - self.low) / 10**9
        return (self.low + inside if self.open_end == "low" else self.low, self.centre,
                self.high - inside if self.open_end == "high" else self.high)

    def note(self) -> str | None:
        """What a closed interval accepts beyond this one, in words; None if nothing."""
        if self.open_end is None:
            return None
        end = plain(self.high if self.open_end == "high" else self.low)
        return (f"gradbook leaves out {end}, which rounds to the next figure; "
                "the closed interval exported accepts it too")


def numeric(answer: Answer) -> bool:
    """Whether the answer is a number (a symbolic answer is an expression)."""
    return isinstance(answer.grading, NumericRule)


def accepted(answer: Answer) -> Accepted:
    """What the grader accepts for the numeric `answer`, exactly."""
    truth, rule = Fraction(answer.value), answer.grading
    if isinstance(rule, IntervalRule):
        return Accepted(*rule.interval(truth))
    if isinstance(rule, SignificantFigures):
        return _significant(truth, rule.figures)
    raise ValueError(f"a {rule.mode} rule accepts no interval an export can describe")


def _significant(truth: Fraction, figures: int) -> Accepted:
    shown = rounded(truth, figures)
    if shown == 0:
        return Accepted(shown, shown)
    exponent = decimal_exponent(shown)
    half = Fraction(10) ** (exponent - figures + 1) / 2
    power_of_ten = abs(shown) == Fraction(10) ** exponent
    inner = half / 10 if power_of_ten else half
    if shown > 0:
        return Accepted(shown - inner, shown + half, open_end="high")
    return Accepted(shown - half, shown + inner, open_end="low")


def plain(q: Fraction) -> str:
    """q as a plain decimal, every figure written, no exponent: "-0.000000125".
    A ValueError if q has no finite decimal expansion (a denominator with a
    prime factor other than 2 and 5)."""
    denominator, places = q.denominator, 0
    while denominator % 10 == 0:
        denominator //= 10
        places += 1
    while denominator % 2 == 0 or denominator % 5 == 0:
        denominator //= 2 if denominator % 2 == 0 else 5
        places += 1
    if denominator != 1:
        raise ValueError(f"{q} has no finite decimal expansion")
    digits = str(abs(q.numerator) * 10**places // q.denominator).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".") if places else digits
    return ("-" if q < 0 else "") + text
