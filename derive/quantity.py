"""`Quantity`: one number the book prints, checked three ways before it is trusted.

A Quantity holds the exact sympy value where one exists, an mpmath value at
the house precision, and the value float64 arithmetic gives. Creating one
cross-checks them: mpmath against the exact value to `CHECK_DIGITS` digits,
float64 against mpmath to float64's own precision. Where the true value lies
outside float64's range the float64 value is *recorded* as underflowed,
subnormal or overflowed instead of being compared, since that loss is a fact
the book reports, not an error.
"""

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Callable

import mpmath
import sympy as sp

from derive import numbers, printing
from derive.errors import CrossCheckError
from derive.precision import DPS, TOLERANCE, workdps
from derive.symbols import as_expr

FLOAT64_RTOL = 1e-13
"""How far a float64 evaluation may stray from the true value: a few hundred ulp."""

_SMALLEST_SUBNORMAL = mpmath.mpf(2) ** -1074
_SMALLEST_NORMAL = mpmath.mpf(2) ** -1022
_LARGEST = mpmath.mpf(float.fromhex("0x1.fffffffffffffp+1023"))


@dataclass(frozen=True)
class Quantity:
    """A checked number. Build one with `Quantity.exact` or `Quantity.numeric`."""

    mp: mpmath.mpf
    float64: float
    exact_value: sp.Expr | None
    float64_range: str
    """'normal', 'subnormal', 'underflow' (float64 gives 0) or 'overflow' (inf)."""

    @classmethod
    def exact(cls, expr, *, mp=None, float64: float | Callable[[], float] | None = None,
              float64_rtol: float = FLOAT64_RTOL) -> "Quantity":
        """A quantity with a closed form.

        `mp` and `float64` are the same number computed another way (a root
        finder, a float loop). When left out, they are computed by evaluating
        `expr` with mpmath's and Python's math functions, which is still a
        separate path from sympy's own evalf; the float64 tolerance then
        widens by the cancellation the expression's sums suffer.
        """
        expr = as_expr(expr)
        if expr.free_symbols:
            raise ValueError(f"a quantity has no free symbols: {expr}")
        if expr.is_Rational:
            mp = _rational_mp(expr) if mp is None else mp
            float64 = _call_float64(lambda: int(expr.p) / int(expr.q)) if float64 is None else float64
        with workdps():
            if mp is None:
                mp = _evaluate(expr, mpmath)
            mp = mpmath.mpf(mp)
            evaluated = sp.N(expr, DPS)
            if not evaluated.is_real:
                raise CrossCheckError(f"{expr} is not a real number")
            reference = mpmath.mpf(evaluated)
            if not _agree(mp, reference):
                raise CrossCheckError(
                    f"{expr}: mpmath gives {mpmath.nstr(mp, 20)}, "
                    f"sympy gives {mpmath.nstr(reference, 20)}")
        if float64 is None:
            float64 = _float64_of(expr)
            float64_rtol *= cancellation(expr)
        return cls._checked(mp, float64, expr, float64_rtol)

    @classmethod
    def numeric(cls, mp, *, float64: float | Callable[[], float],
                float64_rtol: float = FLOAT64_RTOL) -> "Quantity":
        """A quantity known only numerically (a quadrature, a root with no closed form).

        `float64` must come from a separate float64 computation, so that the
        high-precision value still has something to be checked against.
        """
        with workdps():
            mp = mpmath.mpf(mp)
        return cls._checked(mp, float64, None, float64_rtol)

    @classmethod
    def _checked(cls, mp, float64, exact_value, rtol) -> "Quantity":
        float64 = _call_float64(float64 if callable(float64) else lambda: float64)
        where = _float64_range(mp)
        with workdps():
            if where == "underflow":
                ok = float64 == 0.0 or abs(float64) <= float(_SMALLEST_SUBNORMAL)
            elif where == "overflow":
                ok = math.isinf(float64)
                float64 = math.copysign(math.inf, float(mp))
            elif where == "subnormal":
                ok = abs(mpmath.mpf(float64) - mp) <= 4 * _SMALLEST_SUBNORMAL
            else:
                ok = abs(mpmath.mpf(float64) - mp) <= rtol * abs(mp)
        if not ok:
            raise CrossCheckError(
                f"float64 gives {float64!r} but the value is {mpmath.nstr(mp, 20)}")
        return cls(mp=mp, float64=float64, exact_value=exact_value, float64_range=where)

    @property
    def is_exact(self) -> bool:
        return self.exact_value is not None

    def decimal(self, digits: int = DPS) -> Decimal:
        """The value as a Decimal with `digits` significant digits."""
        with localcontext() as ctx:
            ctx.prec = digits
            if self.exact_value is not None and self.exact_value.is_Rational:
                p, q = self.exact_value.as_numer_denom()
                return Decimal(int(p)) / Decimal(int(q))
            with workdps():
                return +Decimal(mpmath.nstr(self.mp, digits, strip_zeros=False))

    def value_string(self, digits: int = 30) -> str:
        """The value with `digits` significant figures, ``3.2000…e-4`` (JSON's `value`)."""
        return numbers.scientific(self.decimal(), digits)

    def _house(self, style: str, sig: int) -> str:
        rounded = numbers.round_sig(self.decimal(), sig)
        trim = (self.exact_value is not None and self.exact_value.is_Rational
                and sp.Rational(str(rounded)) == self.exact_value)
        return numbers.format_decimal(rounded, style, trim=trim)

    def latex(self, sig: int = numbers.SIG_FIGS) -> str:
        """The value in the house style for LaTeX: ``1.56 \\times 10^{-5}``."""
        return self._house("latex", sig)

    def text(self, sig: int = numbers.SIG_FIGS) -> str:
        """The value in the house style for plain text: ``1.56 × 10⁻⁵``."""
        return self._house("text", sig)

    def exact_latex(self) -> str:
        """The exact form in LaTeX (``\\frac{1}{4}``); an error if there is none."""
        return printing.latex(self._require_exact())

    def exact_text(self) -> str:
        """The exact form in plain text (``1/4``); an error if there is none."""
        return printing.text(self._require_exact())

    def exact_string(self) -> str | None:
        """The exact form as a string sympy reads back, or None."""
        return None if self.exact_value is None else str(self.exact_value)

    def _require_exact(self) -> sp.Expr:
        if self.exact_value is None:
            raise ValueError("this quantity is known only numerically")
        return self.exact_value

    def to_dict(self) -> dict:
        """Plain-JSON form: exact, value (30 figures), float64 and its range."""
        return {
            "exact": self.exact_string(),
            "value": self.value_string(),
            "float64": repr(self.float64),
            "float64_range": self.float64_range,
        }

    def __float__(self) -> float:
        return float(self.mp)


def compact_power(base: sp.Rational, exponent: int, max_digits: int = 60) -> sp.Expr:
    """base**exponent, multiplied out only while it stays short enough to read.

    (1/4)**10 becomes 1/1048576; (1/4)**1000 stays a power, so that its exact
    form prints in a line and reads back into sympy unchanged.
    """
    base = sp.Rational(base)
    digits = exponent * max(len(str(abs(base.p))), len(str(base.q)))
    return base**exponent if digits <= max_digits or exponent in (0, 1) else sp.Pow(base, exponent, evaluate=False)


def cancellation(expr: sp.Expr) -> float:
    """How much the sums in `expr` cancel: the largest sum(|terms|)/|sum| over its
    additions (1 when nothing cancels). Float64 loses about that factor in
    relative accuracy: 1 - tanh(4)² is worth only about 12 digits, not 15.
    The sums are evaluated by `_evaluate` at the working precision, as the
    mpmath value itself is, which is several times quicker than sympy's evalf.
    """
    worst = 1.0
    with workdps():
        for node in sp.preorder_traversal(expr):
            if node.is_Add:
                total = abs(_evaluate(node, mpmath))
                if total != 0:
                    worst = max(worst, float(sum(abs(_evaluate(term, mpmath)) for term in node.args) / total))
    return worst


def _rational_mp(value: sp.Rational) -> mpmath.mpf:
    with workdps():
        return mpmath.mpf(int(value.p)) / int(value.q)


def _agree(a, b) -> bool:
    scale = max(abs(a), abs(b))
    return abs(a - b) <= TOLERANCE * scale if scale else True


def _float64_range(value) -> str:
    magnitude = abs(value)
    if magnitude == 0:
        return "normal"
    if magnitude < _SMALLEST_SUBNORMAL / 2:
        return "underflow"
    if magnitude < _SMALLEST_NORMAL:
        return "subnormal"
    if magnitude > _LARGEST:
        return "overflow"
    return "normal"


def _call_float64(compute: Callable[[], float]) -> float:
    """`compute()` as a float, with float64's overflow turned into inf."""
    try:
        return float(compute())
    except OverflowError:
        return math.inf


def _float64_of(expr: sp.Expr) -> float:
    """`expr` evaluated with Python's float math (no sympy, no mpmath)."""
    return _call_float64(lambda: _evaluate(expr, math))


_FUNCTIONS = ("exp", "log", "sqrt", "tanh", "sinh", "cosh", "acosh", "asinh", "atanh", "erf", "sin", "cos")


def _evaluate(expr: sp.Expr, lib):
    """`expr` evaluated node by node with `lib`'s functions (math or mpmath).

    Much faster than building a lambdify function for every quantity, and the
    same independent path: sympy's evalf is not involved. Nodes it does not
    know go to lambdify."""
    if expr.is_Integer:  # kept exact: math.log takes a huge int, not its float
        return int(expr) if lib is math else mpmath.mpf(int(expr))
    if expr.is_Rational:
        return int(expr.p) / int(expr.q) if lib is math else mpmath.mpf(int(expr.p)) / int(expr.q)
    if expr is sp.pi or expr is sp.E:
        return {sp.pi: lib.pi, sp.E: lib.e}[expr]
    if expr.is_Add:
        return sum(_evaluate(a, lib) for a in expr.args)
    if expr.is_Mul:
        product = 1
        for a in expr.args:
            product *= _evaluate(a, lib)
        return product
    if expr.is_Pow:
        return _evaluate(expr.base, lib) ** _evaluate(expr.exp, lib)
    name = type(expr).__name__
    if name in _FUNCTIONS and len(expr.args) == 1:
        return getattr(lib, name)(_evaluate(expr.args[0], lib))
    if isinstance(expr, sp.Abs):
        return abs(_evaluate(expr.args[0], lib))
    return sp.lambdify([], expr, modules="math" if lib is math else "mpmath")()


def q(value) -> Quantity:
    """An exact Quantity from an int, a fraction or decimal string ("1/4",
    "0.05") or a sympy value: the one shorthand the chapters, the problem
    families and the audit use. A string is read as a rational number only."""
    return Quantity.exact(value if isinstance(value, sp.Basic) else sp.Rational(str(value)))
