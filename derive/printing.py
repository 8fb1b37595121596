"""Printers for derive's expressions: LaTeX for the book, plain text for terminals.

They dispatch on type the way sympy's own printers do (`_print_<Class>`):
sigma prints as σ, a derivative of a named function as f'(z) (also when
evaluated at a point, f'(2z)), and absolute values as \\lvert w \\rvert, which
typesets cleanly in Typst.

Sums and products print in the order a person writes them (`WrittenOrder`):
one built unevaluated (`sp.Mul(..., evaluate=False)`) prints as it was built,
so a derivation decides the order of its factors; a sum never opens with a
minus sign when one of its terms is positive (σ(z) − y, not −y + σ(z)).
"""

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

_LATEX_NAMES = {"sigma": r"\sigma", "tanh": r"\tanh", "exp": r"\exp", "log": r"\log"}
_TEXT_NAMES = {"sigma": "σ"}
SYMBOLS = {"norm_W": (r"\lVert W \rVert_2", "‖W‖₂")}
"""Symbols that print as notation, not as their name: (LaTeX, text). A plain
Symbol with one of these names, so a derivation needs no Symbol subclass
(which neither pickles nor caches as data)."""
_LETTER = re.compile(r"[A-Za-z](_\w+)?")
"""A function named by one letter, perhaps with a subscript (F, F_1), prints in italics like a symbol."""


def prime_form(expr):
    """(name, argument, order) when `expr` is f'(arg), f''(arg)… of a named
    one-argument function, directly or evaluated at a point through Subs."""
    point = None
    if isinstance(expr, sp.Subs) and len(expr.variables) == 1:
        (point,) = expr.point
        expr = expr.expr
    if not isinstance(expr, sp.Derivative):
        return None
    func = expr.expr
    if not (isinstance(func, sp.Function) and len(func.args) == 1 and len(set(expr.variables)) == 1):
        return None
    (arg,) = func.args
    if arg not in expr.variables or expr.derivative_count > 3:
        return None
    return type(func).__name__, arg if point is None else point, expr.derivative_count


FLOAT_DIGITS = 15
"""Floats (numeric roots) print to this many digits; their full value is in the JSON."""


class WrittenOrder:
    """Printer rules for the order of terms and factors.

    A sum or product built unevaluated prints as it was built (sympy's
    `order="none"`), so a derivation decides the order a reader sees. One sympy
    evaluated prints in sympy's usual order, except that a sum does not open
    with its negative terms when a positive one follows (σ(z) − y, not
    −y + σ(z)), and a positive number added to one term comes first (1 + F'(x)).
    """

    def _as_ordered_terms(self, expr, order=None):
        if built_unevaluated(expr):
            return list(expr.args)
        terms = expr.as_ordered_terms()
        if len(terms) == 2 and terms[1].is_Number and terms[1].is_positive:
            return terms[::-1]
        negative = 0
        while negative < len(terms) and terms[negative].could_extract_minus_sign():
            negative += 1
        return terms[negative:] + terms[:negative]

    def _print_Mul(self, expr, *args, **kwargs):
        outer = self._settings["order"]
        self._settings["order"] = "none" if built_unevaluated(expr) else None
        try:
            return super()._print_Mul(expr, *args, **kwargs)
        finally:
            self._settings["order"] = outer


def built_unevaluated(expr) -> bool:
    """Whether `expr` is a sum or product whose arguments sympy would have put in another order."""
    return isinstance(expr, (sp.Add, sp.Mul)) and expr.func(*expr.args) != expr


class BookLatexPrinter(WrittenOrder, LatexPrinter):
    def _print_Symbol(self, expr, style="plain"):
        return SYMBOLS[expr.name][0] if expr.name in SYMBOLS else super()._print_Symbol(expr, style)

    def _print_Float(self, expr):
        return super()._print_Float(sp.Float(expr, FLOAT_DIGITS))

    def _needs_add_brackets(self, expr) -> bool:
        """A sum held as written (`kept`) inside another sum keeps its brackets: u + (1 − u)."""
        held_sum = isinstance(expr, sp.UnevaluatedExpr) and expr.args[0].is_Add
        return held_sum or super()._needs_add_brackets(expr)

    def _print_sigma(self, expr, exp=None):
        body = rf"\sigma\left({self._print(expr.args[0])}\right)"
        return rf"{body}^{{{exp}}}" if exp else body

    def _print_Abs(self, expr, exp=None):
        body = rf"\lvert {self._print(expr.args[0])} \rvert"
        return rf"{body}^{{{exp}}}" if exp else body

    def _print_Derivative(self, expr):
        return self._prime(expr) or super()._print_Derivative(expr)

    def _print_Subs(self, expr):
        """f'(point) for a named function; otherwise the expression with a bar
        and the values it is evaluated at: (1 + f)^n |_{f = 1/10, n = 10}."""
        prime = self._prime(expr)
        if prime:
            return prime
        at = r",\ ".join(f"{self._print(v)} = {self._print(p)}" for v, p in zip(expr.variables, expr.point))
        return rf"\left. {self._print(expr.expr)} \right|_{{{at}}}"

    def _prime(self, expr):
        prime = prime_form(expr)
        if prime is None:
            return None
        name, arg, order = prime
        head = _LATEX_NAMES.get(name) or (self._print(sp.Symbol(name)) if _LETTER.fullmatch(name)
                                          else rf"\operatorname{{{name}}}")
        return rf"{head}{chr(39) * order}\left({self._print(arg)}\right)"


class BookTextPrinter(WrittenOrder, StrPrinter):
    def _print_Symbol(self, expr):
        return SYMBOLS[expr.name][1] if expr.name in SYMBOLS else super()._print_Symbol(expr)

    def _print_Float(self, expr):
        return super()._print_Float(sp.Float(expr, FLOAT_DIGITS))

    def _print_sigma(self, expr):
        return f"σ({self._print(expr.args[0])})"

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_Derivative(self, expr):
        prime = self._prime(expr)
        if prime:
            return prime
        (var, order), = expr.variable_count if len(expr.variable_count) == 1 else ((None, 0),)
        if var is None:
            return super()._print_Derivative(expr)
        power = "" if order == 1 else f"^{order}"
        return f"d{power}/d{self._print(var)}{power}[{self._print(expr.expr)}]"

    def _print_Subs(self, expr):
        prime = self._prime(expr)
        if prime:
            return prime
        at = ", ".join(f"{self._print(v)} = {self._print(p)}" for v, p in zip(expr.variables, expr.point))
        return f"[{self._print(expr.expr)} at {at}]"

    def _print_Limit(self, expr):
        body, var, point = expr.args[:3]
        return f"lim[{self._print(var)}→{self._print(point)}] {self.parenthesize(body, 0)}"

    def _print_Interval(self, expr):
        left = "(" if expr.left_open else "["
        right = ")" if expr.right_open else "]"
        return f"{left}{self._print(expr.start)}, {self._print(expr.end)}{right}"

    def _print_Infinity(self, expr):
        return "∞"

    def _print_NegativeInfinity(self, expr):
        return "-∞"

    def _prime(self, expr):
        prime = prime_form(expr)
        if prime is None:
            return None
        name, arg, order = prime
        return f"{_TEXT_NAMES.get(name, name)}{chr(39) * order}({self._print(arg)})"


def latex(expr) -> str:
    """LaTeX for `expr` in the book's notation."""
    return BookLatexPrinter().doprint(expr)


def text(expr) -> str:
    """Plain text for `expr` in the book's notation."""
    return BookTextPrinter().doprint(expr)
