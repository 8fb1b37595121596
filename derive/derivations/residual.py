"""Residual connections: the skip path adds 1 to every block's derivative."""

import sympy as sp

from derive import printing
from derive.derivation import Derivation, step
from derive.quantity import Quantity, compact_power
from derive.registry import Param, derivation, integer, rational, require
from derive.symbols import kept, x

MAX_BLOCKS = 1000
MAX_SLOPE = 100
F, F1, F2 = sp.Function("F"), sp.Function("F_1"), sp.Function("F_2")


@derivation("residual-gradient", "d/dx [x + F(x)] = 1 + F'(x), block after block",
            Param("fprime", rational, "1/10", f"each block's own derivative F', |F'| <= {MAX_SLOPE}"),
            Param("blocks", integer, "10", f"the number of blocks, 1 to {MAX_BLOCKS}"))
def residual_gradient(fprime: sp.Rational, blocks: int) -> Derivation:
    require(1 <= blocks <= MAX_BLOCKS, f"residual-gradient: blocks must be 1 to {MAX_BLOCKS}, got {blocks}")
    require(abs(fprime) <= MAX_SLOPE, f"residual-gradient: |fprime| must be at most {MAX_SLOPE}, got {fprime}")
    t = sp.Symbol("t", real=True)
    f, n = sp.Symbol("f", real=True), sp.Symbol("n", integer=True, positive=True)
    h = x + F1(x)
    outer_slope = sp.Subs(sp.Derivative(F2(t), t), t, h)
    at_values = ((f, n), (fprime, blocks))
    at_text = f"$f = {printing.latex(fprime)}$ and $n = {blocks}$"
    steps = (
        step(sp.Derivative(x + F(x), x), 1 + sp.Derivative(F(x), x), "the skip path contributes the $1$"),
        step(sp.Derivative(h + F2(h), x),
             sp.Mul(1 + outer_slope, 1 + sp.Derivative(F1(x), x), evaluate=False),
             "two blocks: the chain rule multiplies their factors $1 + F'$"),
        step(sp.Subs((1 + f) ** n, *at_values), compact_power(1 + fprime, blocks),
             f"$n$ blocks, each with $F' = f$, pass on $(1 + f)^n$; evaluated at {at_text}"),
        step(sp.Subs(f ** n, *at_values), compact_power(fprime, blocks),
             f"the same blocks without skips pass on $f^n$ alone; evaluated at {at_text}"),
    )
    return Derivation("residual-gradient", f"Gradient through {blocks} residual blocks", steps,
                      Quantity.exact(compact_power(1 + fprime, blocks)), params={"fprime": fprime, "blocks": blocks},
                      details={"without skip connections": Quantity.exact(compact_power(fprime, blocks))})

