"""Chapter 3's figures: the gradient through depth, on a log scale, and the
norm of a product of random matrices."""

import numpy as np
import sympy as sp

FACTORS = (("1/4", "sigmoid at its best"), ("1/5", "source 001"), ("1/20", "source 000"),
           ("1/40", "anchor network (w σ′)"), ("19/20", "source 004"), ("21/20", "an exploding factor"))


def gradient_through_depth(fig, values):
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


def random_products(fig, values):
    """log10 of the Jacobian's spectral norm through depth, for random 64-unit
    layers: linear ones at four weight scales, sigmoid and tanh ones at two
    (the experiment "random-products", as values() read it)."""
    linear, layered = fig.subplots(1, 2, sharey=True)
    for curve in values["random_curves"]:
        logs = curve["log10_norms"]
        axes = linear if curve["activation"] is None else layered
        label = curve["scale"] if curve["activation"] is None else f"{curve['activation']}, {curve['scale']}"
        axes.plot(np.arange(1, len(logs) + 1), logs, label=label)
    linear.set_title("linear layers", fontsize=9)
    layered.set_title("sigmoid and tanh layers", fontsize=9)
    linear.set_ylabel("log₁₀ of the Jacobian's spectral norm")
    for axes in (linear, layered):
        axes.set_xlabel("layers, n")
        axes.axhline(0, color="grey", linewidth=0.5)
        axes.legend(frameon=False, fontsize=7)
