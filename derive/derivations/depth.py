"""Gradients through depth: the product of per-layer factors, and how many
layers it takes for that product to fall below a threshold."""

import mpmath
import sympy as sp

from derive import printing
from derive.derivation import Derivation, step
from derive.errors import VerificationError
from derive.precision import workdps
from derive.quantity import Quantity, compact_power
from derive.registry import Param, choice, derivation, integer, rational, require
from derive import symbols
from derive.symbols import kept, sigma, x

MAX_LAYERS = 100_000
MAX_WEIGHT = 100
DEPTH = sp.Symbol("n", integer=True, positive=True)
_ACTIVATIONS = {"sigmoid": (sigma, sp.Rational(1, 4), r"\sigma'(0)", "the sigmoid's largest slope"),
                "tanh": (sp.tanh, sp.Integer(1), r"\tanh'(0)", "the largest slope of tanh")}
"""For each activation: the function, its largest slope, that slope as a reason writes it, and its name."""


def _slope_at(f, arg):
    t = sp.Symbol("t", real=True)
    return sp.Subs(sp.Derivative(f(t), t), t, arg)


@derivation("depth-product", "The gradient through n layers is a product; its bound",
            Param("activation", choice(*_ACTIVATIONS), "sigmoid", "sigmoid or tanh"),
            Param("w", rational, "1", f"the weight on every link, |w| <= {MAX_WEIGHT}"),
            Param("layers", integer, "10", f"the number of layers, 1 to {MAX_LAYERS}"))
def depth_product(activation: str, w: sp.Rational, layers: int) -> Derivation:
    require(1 <= layers <= MAX_LAYERS, f"depth-product: layers must be 1 to {MAX_LAYERS}, got {layers}")
    require(w != 0, "depth-product: w must not be 0 (nothing would flow at all)")
    require(abs(w) <= MAX_WEIGHT, f"depth-product: |w| must be at most {MAX_WEIGHT}, got {w}")
    f, best, best_at_zero, largest = _ACTIVATIONS[activation]
    sym_w, n = symbols.w, DEPTH
    inner = sym_w * x
    outer = sym_w * f(inner)
    bound = (sp.Abs(sym_w) * best) ** n
    factor = abs(w) * best
    steps = (
        step(sp.Derivative(f(outer), x),
             sp.Mul(sym_w, _slope_at(f, outer), sym_w, _slope_at(f, inner), evaluate=False),
             "chain rule through two layers: each contributes $w$ times the slope at its own input"),
        step(sp.Pow(sp.Abs(sym_w) * _slope_at(f, 0), n), bound,
             f"through $n$ layers the derivative of the output with respect to the input, $\\partial a_n / \\partial x$, "
             f"is a product of $n$ such factors; every slope is at most "
             f"${best_at_zero} = {printing.latex(best)}$, {largest}, so the product is at most this in size"),
        step(sp.Subs(bound, sym_w, 1 / best), 1,
             f"at $\\lvert w \\rvert = {printing.latex(1 / best)}$ every factor is $1$: the bound grows with depth "
             f"when $\\lvert w \\rvert > {printing.latex(1 / best)}$ and shrinks when "
             f"$\\lvert w \\rvert < {printing.latex(1 / best)}$"),
        step(sp.Subs(bound, (sym_w, n), (w, layers)), compact_power(factor, layers),
             f"evaluated at $w = {printing.latex(w)}$ and $n = {layers}$"),
    )
    return Derivation(
        "depth-product", f"Bound on the gradient through {layers} {activation} layers", steps,
        Quantity.exact(compact_power(factor, layers)), params={"activation": activation, "w": w, "layers": layers},
        details={"per-layer factor": Quantity.exact(factor), "explodes above |w| =": Quantity.exact(1 / best)})


@derivation("layers-to-vanish", "The least n with factor^n < eps",
            Param("factor", rational, "1/4", "the per-layer factor, strictly between 0 and 1"),
            Param("eps", rational, "1/1000000", "the threshold, strictly between 0 and 1"))
def layers_to_vanish(factor: sp.Rational, eps: sp.Rational) -> Derivation:
    n, details = vanishing(factor, eps)
    ratio = details["log eps / log factor"].exact_value
    steps = (
        step(sp.log(eps, evaluate=False) / sp.log(factor, evaluate=False), ratio,
             r"$f^n < \varepsilon$, for the factor $f$ and the threshold $\varepsilon$, means "
             r"$n \log f < \log \varepsilon$; since $\log f < 0$, $n$ must exceed "
             rf"$\log \varepsilon / \log f$, here at $f = {printing.latex(factor)}$ "
             rf"and $\varepsilon = {printing.latex(eps)}$"),
        step(sp.floor(ratio, evaluate=False) + 1, n, "the least whole number above that ratio"),
    )
    return Derivation("layers-to-vanish", f"Layers until ({factor})^n < {eps}", steps, Quantity.exact(n),
                      params={"factor": factor, "eps": eps}, details=details)


def vanishing(factor: sp.Rational, eps: sp.Rational) -> tuple[int, dict[str, Quantity]]:
    """The least n with factor^n < eps, and what the layers-to-vanish
    derivation reports beside it: the powers either side of eps and the ratio
    of logarithms that n is the next whole number above. The problem families
    take these without the derivation's steps, whose symbolic checks cost far
    more than the numbers (each of which is cross-checked as it is made)."""
    require(0 < factor < 1, f"layers-to-vanish: factor must lie strictly between 0 and 1 "
                            f"(a factor of 1 or more never vanishes), got {factor}")
    require(0 < eps < 1, f"layers-to-vanish: eps must lie strictly between 0 and 1, got {eps}")
    with workdps():
        estimate = int(mpmath.floor(mpmath.log(_mp(eps)) / mpmath.log(_mp(factor)))) + 1
    require(estimate <= MAX_LAYERS, f"layers-to-vanish: more than {MAX_LAYERS} layers are needed")
    n = least_power_below(factor, eps, estimate)
    return n, {"factor^n": Quantity.exact(compact_power(factor, n)),
               "factor^(n-1)": Quantity.exact(compact_power(factor, n - 1)),
               "log eps / log factor": Quantity.exact(sp.log(1 / eps) / sp.log(1 / factor))}


def least_power_below(factor, eps, estimate: int) -> int:
    """The least n >= 1 with factor**n < eps, settled by exact comparison near `estimate`."""
    n = max(estimate, 1)
    while factor ** n >= eps:
        n += 1
    while n > 1 and factor ** (n - 1) < eps:
        n -= 1
    if not (factor ** n < eps and (n == 1 or factor ** (n - 1) >= eps)):
        raise VerificationError(f"no least power found for {factor} below {eps}")
    return n


def _mp(value: sp.Rational) -> mpmath.mpf:
    return mpmath.mpf(value.p) / value.q
