"""A checkable claim from a source, and how its verdict is reached.

A claim holds what the source says (paraphrased), the expression that
decides it, and what the source states; the verdict is computed, never
written down:

- value: the stated number against the computed one. Equal to the exact
  value: correct. Equal once the computed value is rounded to as many
  significant figures as the source gives: correct as rounded. Else wrong.
- bound: an inequality the source asserts; the computed extreme either
  satisfies it (correct) or not (wrong).
- printed: what a printed program prints, against what running it prints.
- identity: two expressions the source equates: the same function (correct)
  or not (wrong; or inconsistent, when the two are the source's own
  definition and its own use of a symbol).
- same: one quantity the source states twice; the two statements agree to
  the precision of the coarser one (correct), or not (inconsistent).
- unchecked: no number to check; the reason says why, and a computed value
  may be shown for context.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

import mpmath
import sympy as sp

from derive import numbers
from derive.errors import DeriveError
from derive.quantity import Quantity

KINDS = ("value", "bound", "printed", "identity", "same", "unchecked")
VERDICTS = ("correct", "correct as rounded", "wrong", "inconsistent", "not checkable", "check failed")
RELATIONS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
             ">=": lambda a, b: a >= b}


@dataclass(frozen=True)
class Claim:
    id: str
    source: str
    says: str
    kind: str
    expression: str = ""
    stated: str = ""
    compute: Callable | None = field(default=None, compare=False, repr=False)
    relation: str = ""
    other: str = ""
    why: str = ""
    figures: int | None = None
    if_false: str = "wrong"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.id}: unknown kind {self.kind!r}")


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    verdict: str
    computed: str = ""
    value: str = ""
    exact: str | None = None
    why: str = ""

    def to_dict(self) -> dict:
        c = self.claim
        return {"id": c.id, "source": c.source, "claim": c.says, "kind": c.kind, "expression": c.expression,
                "stated": c.stated, "computed": self.computed, "value": self.value, "exact": self.exact,
                "verdict": self.verdict, "why": self.why}


SAMPLES = (sp.Rational(3, 7), sp.Rational(5, 11), sp.Rational(13, 17), sp.Rational(2, 3), sp.Rational(19, 5))
"""Distinct values for distinct symbols: a difference such as 2/(a + b) − 1/a
vanishes whenever a = b, so the symbols must never share a sample value."""


def identical(lhs, rhs) -> str:
    """'symbolically' or 'at sample values' if lhs = rhs as functions, else ''.
    Distinct sample values come first: they refute a false identity at once,
    where simplify could spend seconds failing to reduce it."""
    difference = sp.Add(lhs, -rhs).doit()
    symbols = sorted(difference.free_symbols, key=str)
    for shift in range(3):
        point = {s: SAMPLES[(i + shift) % len(SAMPLES)] + i for i, s in enumerate(symbols)}
        if abs(sp.N(difference.subs(point), 50)) > sp.Rational(1, 10**30):
            return ""
    return "symbolically" if sp.simplify(difference) == 0 else "at sample values"


def significant_figures(stated: str) -> int:
    """How many figures a stated number gives: 0.0067 has 2, 1.56e-5 has 3,
    and 160000 has 2 (trailing zeros of a whole number are taken as filler)."""
    digits = Decimal(stated).as_tuple().digits
    text = "".join(map(str, digits)).lstrip("0")
    if "." not in stated and "e" not in stated.lower():
        text = text.rstrip("0")
    return max(len(text), 1)


def _figures(n: int) -> str:
    return "1 figure" if n == 1 else f"{n} figures"


def _quantity_fields(q: Quantity) -> dict:
    exact = q.exact_text() if q.is_exact and len(q.exact_text()) <= 80 else None
    return {"computed": q.text(), "value": q.value_string(30), "exact": exact}


def check(claim: Claim, others: dict[str, Claim]) -> Verdict:
    """The verdict on `claim`; `others` holds the claims a `same` claim names."""
    try:
        return _check(claim, others)
    except DeriveError as exc:
        return Verdict(claim, "check failed", why=str(exc))


def _check(claim: Claim, others: dict[str, Claim]) -> Verdict:
    if claim.kind == "value":
        q = claim.compute()
        stated = Decimal(claim.stated)
        fields = _quantity_fields(q)
        if q.is_exact and sp.Rational(claim.stated) == q.exact_value:
            return Verdict(claim, "correct", **fields, why="exactly")
        figures = claim.figures or significant_figures(claim.stated)
        rounded = numbers.round_sig(q.decimal(), figures)
        if rounded == stated:
            return Verdict(claim, "correct as rounded", **fields, why=f"to {_figures(figures)}")
        return Verdict(claim, "wrong", **fields,
                       why=f"to {_figures(figures)} it is {numbers.format_decimal(rounded, 'text')}")
    if claim.kind == "bound":
        q = claim.compute()
        holds = RELATIONS[claim.relation](q.mp, mpmath.mpf(sp.Rational(claim.stated).p) / sp.Rational(claim.stated).q)
        why = f"{claim.expression} = {q.text()}, which is {'' if holds else 'not '}{claim.relation} {claim.stated}"
        return Verdict(claim, "correct" if holds else "wrong", **_quantity_fields(q), why=why)
    if claim.kind == "printed":
        got = claim.compute()
        if got == claim.stated:
            return Verdict(claim, "correct", computed=got, why="the program prints exactly this")
        return Verdict(claim, "wrong", computed=got, why=f"run as printed, the program prints {got!r}")
    if claim.kind == "identity":
        lhs, rhs = claim.compute()
        how = identical(lhs, rhs)
        if how:
            return Verdict(claim, "correct", computed=f"{lhs} = {rhs}", why=f"the two agree {how}")
        return Verdict(claim, claim.if_false, computed=f"{lhs} ≠ {rhs}",
                       why="the two differ (their difference is not zero at distinct sample values)")
    if claim.kind == "same":
        other = others[claim.other]
        figures = min(significant_figures(claim.stated), significant_figures(other.stated))
        mine, theirs = (numbers.round_sig(Decimal(s), figures) for s in (claim.stated, other.stated))
        if mine == theirs:
            return Verdict(claim, "correct", computed=other.stated, why=f"agrees with {other.id}")
        return Verdict(claim, "inconsistent", computed=other.stated,
                       why=f"{other.id} states the same quantity as {other.stated}")
    fields = _quantity_fields(claim.compute()) if claim.compute else {}
    return Verdict(claim, "not checkable", **fields, why=claim.why)
