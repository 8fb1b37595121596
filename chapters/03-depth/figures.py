"""Chapter 3's figures: the gradient through depth, on a log scale, and the
norm of a product of random matrices."""

import numpy as np
import sympy as sp

FACTORS = (("1/4", "sigmoid at its best"), ("1/5", "source 001"), ("1/20", "source 000"),
           ("1/40", "anchor network, w σ′"), ("19/20", "source 004"), ("21/20", "exploding"))
COLOURS = ("#1f5fa8", "#d08a00", "#2e8b57", "#c0392b", "#7b4ea3", "#5c4033")
NEAR_ONE = ("19/20", "21/20")
"""The factors whose lines are flat at the scale of the others: the right
panel draws them again on a scale fine enough to see one fall and one climb."""


def gradient_through_depth(fig, values):
    """log10 of factor**n against the depth n for the sources' per-layer factors:
    all of them on the left, the two near one again on the right, closer."""
    n = np.arange(0, 51)
    every, near = fig.subplots(1, 2, width_ratios=(3, 2))
    for (text, name), colour in zip(FACTORS, COLOURS):
        factor = float(sp.Rational(text))
        every.plot(n, n * np.log10(factor), color=colour, label=f"{factor:g}: {name}")
        if text in NEAR_ONE:
            near.plot(n, n * np.log10(factor), color=colour)
    every.set_title("every factor")
    near.set_title("the two near one, closer")
    every.set_ylabel("log₁₀ of the gradient factor")
    for axes in (every, near):
        axes.set_xlabel("layers passed, n")
        axes.set_xlim(0, 50)
    fig.set_figheight(4.4)
    fig.legend(loc="outside lower center", ncols=2, frameon=False)


def random_products(fig, values):
    """log10 of the Jacobian's spectral norm through depth, for random 64-unit
    layers: linear ones at four weight scales, sigmoid and tanh ones at two
    (the experiment "random-products", as values() read it)."""
    fig.set_figheight(4.8)
    linear, layered = fig.subplots(1, 2, sharey=True)
    for curve in values["random_curves"]:
        logs = curve["log10_norms"]
        axes = linear if curve["activation"] is None else layered
        label = curve["scale"] if curve["activation"] is None else f"{curve['activation']}, {curve['scale']}"
        axes.plot(np.arange(1, len(logs) + 1), logs, label=label)
    linear.set_title("linear layers")
    layered.set_title("sigmoid and tanh layers")
    linear.set_ylabel("log₁₀ of the Jacobian's spectral norm")
    for axes in (linear, layered):
        axes.set_xlabel("layers, n")
        axes.axhline(0, color="grey", linewidth=0.5)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False)
