"""Chapter 3's figure: the gradient through depth, on a log scale."""

import numpy as np
import sympy as sp

FACTORS = (("1/4", "sigmoid at its best"), ("1/5", "source 001"), ("1/20", "source 000"),
           ("1/40", "anchor network (w σ′)"), ("19/20", "source 004"), ("21/20", "an exploding factor"))


def gradient_through_depth(fig):
    """log10 of factor**n against the depth n for the sources' per-layer factors."""
    n = np.arange(0, 51)
    ax = fig.subplots()
    for text, name in FACTORS:
        factor = float(sp.Rational(text))
        ax.plot(n, n * np.log10(factor), label=f"{factor:g} per layer ({name})")
    ax.set_xlabel("layers the gradient passes through, n")
    ax.set_ylabel("log₁₀ of the gradient factor")
    ax.set_xlim(0, 50)
    fig.legend(loc="outside right center", frameon=False, fontsize=8)
