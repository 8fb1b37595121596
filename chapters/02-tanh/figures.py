"""Chapter 2's figure: the slopes of tanh and the sigmoid on one axis."""

import numpy as np
import sympy as sp

from derive import activation


def tanh_against_sigmoid(fig):
    """tanh' and σ' over the line, with the point where the two curves cross."""
    s, t = activation("sigmoid"), activation("tanh")
    crossing = float(2 * sp.acosh((1 + sp.sqrt(3)) / 2))
    z = np.linspace(-5, 5, 801)
    sig = 1 / (1 + np.exp(-z))
    ax = fig.subplots()
    ax.plot(z, 1 - np.tanh(z) ** 2, color="#5b8c2a", label="tanh′(z) = 1 − tanh²(z)")
    ax.plot(z, sig * (1 - sig), color="#d08a00", label="σ′(z)")
    for side in (-1, 1):
        ax.plot(side * crossing, float(s.slope(crossing)), "o", color="black", ms=4)
    ax.annotate(f"curves cross at z = ±{crossing:.2f}", (crossing, float(s.slope(crossing))),
                xytext=(2.2, 0.45), arrowprops={"arrowstyle": "->", "lw": 0.8})
    ax.set_xlim(-5, 5)
    ax.set_ylim(0, float(t.slope(0)) * 1.3)  # room for the legend above the peak
    ax.set_xlabel("pre-activation z")
    ax.set_ylabel("slope")
    ax.legend(loc="upper left", frameon=False)
