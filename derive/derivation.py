"""`Derivation`: a titled chain of verified steps that ends in a result."""

from dataclasses import dataclass, field

import sympy as sp

from derive import printing
from derive.errors import VerificationError
from derive.quantity import Quantity
from derive.symbols import as_expr, concrete
from derive.verify import check_equal


@dataclass(frozen=True)
class Step:
    """One equality `lhs = rhs` with its reason; `check` says how it was verified."""

    lhs: sp.Basic
    rhs: sp.Basic
    reason: str
    check: str = ""

    def to_dict(self) -> dict:
        return {"lhs": printing.text(self.lhs), "rhs": printing.text(self.rhs),
                "lhs_latex": printing.latex(self.lhs), "rhs_latex": printing.latex(self.rhs),
                "reason": self.reason, "check": self.check}


def step(lhs, rhs, reason: str, samples: dict | None = None, symbolic: bool = True) -> Step:
    """A step, verified now: raises VerificationError if lhs = rhs is false."""
    lhs, rhs = as_expr(lhs), as_expr(rhs)
    try:
        how = check_equal(lhs, rhs, samples, symbolic)
    except VerificationError as exc:
        raise VerificationError(f"step '{reason}': {exc}") from None
    return Step(lhs, rhs, reason, how)


Result = Quantity | sp.Basic


@dataclass(frozen=True)
class Derivation:
    """A verified chain of steps ending in `result` (a Quantity or an expression).

    `details` holds further named results a reader will want beside the main
    one, such as where a maximum is attained.
    """

    name: str
    title: str
    steps: tuple[Step, ...]
    result: Result
    params: dict = field(default_factory=dict)
    details: dict[str, Result] = field(default_factory=dict)

    def __post_init__(self):
        unchecked = [s.reason for s in self.steps if s.check not in ("symbolic", "numeric")]
        if unchecked:
            raise VerificationError(f"{self.name}: unverified steps: {unchecked}")

    def to_dict(self) -> dict:
        """The JSON form of `gradbook derive NAME --format json`."""
        return {
            "name": self.name,
            "title": self.title,
            "params": {k: _param_json(v) for k, v in self.params.items()},
            "steps": [s.to_dict() for s in self.steps],
            "result": result_dict(self.result),
            "details": {k: result_dict(v) for k, v in self.details.items()},
        }


def result_dict(result: Result) -> dict:
    """JSON for a result: a Quantity's exact form and value, or an expression.

    An expression's `exact` is written out with σ replaced by its definition,
    so sympy reads it back as the same function; `text` keeps the σ notation.
    """
    if isinstance(result, Quantity):
        return {**result.to_dict(), "latex": result.exact_latex() if result.is_exact else result.latex()}
    return {"exact": str(concrete(result)), "value": None,
            "text": printing.text(result), "latex": printing.latex(result)}


def _param_json(value):
    if isinstance(value, sp.Rational):
        return str(value)
    return value
