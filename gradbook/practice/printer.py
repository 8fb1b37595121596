"""Writing an expression as a learner would type it: text the safe parser
(gradbook/practice/parse.py) reads back as the same expression.

The key's symbolic answers are written here, so a key is always in the
grammar its grader reads: whole numbers and fractions, names, + - * / and
**, parentheses, the functions exp, tanh, sigma, log and sqrt, and the
constants e and pi. An expression with anything else (a float, an absolute
value, i, infinity, a name the parser would take for a function) cannot be
written, and saying so is better than text the parser would misread.

    answer_text(-4*exp(4*z)/(exp(4*z) + 1)**2)   -> "-4*exp(4*z)/(exp(4*z) + 1)**2"
"""

import sympy as sp
from sympy.printing.str import StrPrinter

from derive.symbols import sigma
from gradbook.practice.parse import CONSTANTS, FUNCTIONS, NAME

_WRITTEN = (sp.Add, sp.Mul, sp.Pow, sp.Rational, sp.exp, sp.log, sp.tanh, sigma)
"""What the grammar writes, besides names, e and pi (sqrt is a power of 1/2)."""


class Unwritable(ValueError):
    """The expression has a part the answer grammar cannot write."""


class _AnswerPrinter(StrPrinter):
    """Sympy's own text, which the grammar shares (`**`, `*`, `/`, calls with
    parentheses, fractions as p/q), with Euler's number written `e`, checked
    node by node."""

    def _print(self, expr, **kwargs) -> str:
        if not (isinstance(expr, _WRITTEN) or expr in (sp.E, sp.pi) or type(expr) is sp.Symbol):
            raise Unwritable(f"{expr} ({type(expr).__name__}) cannot be written as an answer")
        return super()._print(expr, **kwargs)

    def _print_Symbol(self, expr) -> str:
        if not NAME.fullmatch(expr.name) or expr.name in FUNCTIONS + CONSTANTS:
            raise Unwritable(f"{expr.name!r} cannot be written as a name in an answer")
        return expr.name

    def _print_Exp1(self, expr) -> str:
        return "e"


def answer_text(expr: sp.Expr) -> str:
    """`expr` as text that `parse` reads back as the same expression."""
    return _AnswerPrinter().doprint(expr)
