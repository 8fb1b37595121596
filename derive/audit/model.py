"""A checkable claim from a source, and how its verdict is reached.

A claim holds what the source says (paraphrased), the expression that
decides it, and what the source states; the verdict is computed, never
written down:

`stated` is a quotation, exactly as the source printed it ("≈ 0.045",
"1.56 × 10⁻⁵"); the number it gives is read from it (derive/audit/quotation.py),
or given as `number` where the source writes it in words ("four times").

- value: the stated number against the computed one. Equal to the exact
  value: correct. Equal once the computed value is rounded to as many
  significant figures as the source gives: correct as rounded. Else, if it
  is right under another common convention (`convention`, computed by
  `under_convention`) that the source does not keep to elsewhere:
  inconsistent. Else wrong.
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
from derive.audit import quotation
from derive.errors import DeriveError
from derive.quantity import Quantity

KINDS = ("value", "bound", "printed", "identity", "same", "unchecked")
VERDICTS = ("correct", "correct as rounded", "wrong", "inconsistent", "not checkable", "check failed")
RELATIONS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
             ">=": lambda a, b: a >= b}
SIGNS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}
"""How a relation is written in a verdict's reason."""


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
    number: str = ""
    convention: str = ""
    under_convention: Callable | None = field(default=None, compare=False, repr=False)

    @property
    def stated_number(self) -> str:
        """The number the stated text gives, as a decimal string."""
        return self.number or quotation.number(self.stated)

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
        return _check_value(claim)
    if claim.kind == "bound":
        q = claim.compute()
        limit = sp.Rational(claim.stated_number)
        holds = RELATIONS[claim.relation](q.mp, mpmath.mpf(limit.p) / limit.q)
        why = (f"{claim.expression} = {q.text()}, which is {'' if holds else 'not '}"
               f"{SIGNS[claim.relation]} {claim.stated_number}")
        return Verdict(claim, "correct" if holds else "wrong", **_quantity_fields(q),
                       why=f"{why}: {claim.why}" if claim.why else why)
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
        stated = (claim.stated_number, other.stated_number)
        figures = min(map(significant_figures, stated))
        mine, theirs = (numbers.round_sig(Decimal(s), figures) for s in stated)
        if mine == theirs:
            return Verdict(claim, "correct", computed=other.stated, why=f"agrees with {other.id}")
        return Verdict(claim, "inconsistent", computed=other.stated,
                       why=f"{other.id} states the same quantity as {other.stated}")
    fields = _quantity_fields(claim.compute()) if claim.compute else {}
    return Verdict(claim, "not checkable", **fields, why=claim.why)


def _rounds_to(q: Quantity, claim: Claim) -> tuple[int, Decimal]:
    """How many figures the source gives, and the computed value rounded to them."""
    figures = claim.figures or significant_figures(claim.stated_number)
    return figures, numbers.round_sig(q.decimal(), figures)


def _check_value(claim: Claim) -> Verdict:
    q = claim.compute()
    stated = Decimal(claim.stated_number)
    fields = _quantity_fields(q)
    if q.is_exact and sp.Rational(claim.stated_number) == q.exact_value:
        return Verdict(claim, "correct", **fields, why="exactly")
    figures, rounded = _rounds_to(q, claim)
    if rounded == stated:
        return Verdict(claim, "correct as rounded", **fields, why=f"to {_figures(figures)}")
    if claim.under_convention and _rounds_to(other := claim.under_convention(), claim)[1] == stated:
        return Verdict(claim, "inconsistent", **fields,
                       why=f"right under the convention {claim.convention}, where it is {other.text(figures + 2)}, "
                           f"but {claim.why}: there it is {q.text()}")
    value = f"{claim.expression} = {q.text()}"
    if claim.under_convention:
        value += f" ({other.text()} under the convention {claim.convention})"
    if claim.why:
        return Verdict(claim, "wrong", **fields, why=f"{value}; {claim.why}")
    return Verdict(claim, "wrong", **fields, why=f"{claim.expression} = {q.text(figures + 2)}, which to the "
                   f"{_figures(figures)} given is {numbers.format_decimal(rounded, 'text')}")
