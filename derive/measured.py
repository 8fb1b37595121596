"""A number that comes out of a run (a training curve, a gradient norm), not
out of a derivation: it has no exact form and nothing to cross-check it
against, but it prints in the same house style as a Quantity."""

from dataclasses import dataclass
from decimal import Decimal

from derive import numbers


@dataclass(frozen=True)
class Measured:
    value: float

    def _house(self, style: str, sig: int) -> str:
        return numbers.format_decimal(numbers.round_sig(Decimal(repr(float(self.value))), sig), style)

    def latex(self, sig: int = numbers.SIG_FIGS) -> str:
        return self._house("latex", sig)

    def text(self, sig: int = numbers.SIG_FIGS) -> str:
        return self._house("text", sig)

    def __float__(self) -> float:
        return float(self.value)
