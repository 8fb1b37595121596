"""Shared symbols, and the sigmoid as a named function derivations can show.

Derivations are written with `sigma(z)` so that the printed steps read
``σ(z)(1 − σ(z))`` rather than a tangle of exponentials. `concrete` swaps in
the definition before anything is checked, so no step can lean on a property
of sigma that it has not proved: sigma deliberately has no derivative rule.
"""

import sympy as sp

z = sp.Symbol("z", real=True)
x = sp.Symbol("x", real=True)
w = sp.Symbol("w", real=True)


class sigma(sp.Function):
    """The logistic function 1/(1 + e^{-z}), kept unevaluated for display."""

    nargs = 1

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return logistic(arg)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return self.args[0].is_real


def as_expr(value) -> sp.Basic:
    """A number or sympy object as a sympy expression. Strings are refused:
    derive builds expressions, it never parses text (strict=True enforces it)."""
    if isinstance(value, float):
        return sp.Rational(repr(value))  # 0.1 means the decimal 1/10, not the binary float
    return sp.sympify(value, strict=True)


def kept(value) -> sp.Basic:
    """`value` held as written, so 1/10 · 1/4 is not multiplied out on display."""
    return sp.UnevaluatedExpr(value)


def fraction(numerator, denominator) -> sp.Basic:
    """numerator/denominator held as written: 2/784 rather than 1/392."""
    reciprocal = sp.Pow(denominator, -1, evaluate=False)
    return reciprocal if numerator == 1 else sp.Mul(numerator, reciprocal, evaluate=False)


def logistic(arg):
    """The sigmoid written out: 1 / (1 + e^{-arg})."""
    return 1 / (1 + sp.exp(-arg))


def concrete(expr: sp.Basic) -> sp.Basic:
    """`expr` with sigma replaced by its definition and derivatives carried out."""
    expanded = expr.replace(sigma, logistic)
    return expanded.replace(
        lambda node: isinstance(node, (sp.Derivative, sp.Subs, sp.Limit, sp.Integral, sp.UnevaluatedExpr)),
        _carry_out,
    )


def _carry_out(node: sp.Basic) -> sp.Basic:
    if isinstance(node, sp.Limit):  # one fraction first: gruntz is many times faster on it
        body, var, point, direction = node.args
        return sp.Limit(sp.together(body), var, point, str(direction)).doit()
    return node.doit()
