"""Chapter 5's figure: the derivatives of the ReLU family."""

import math

import numpy as np
import sympy as sp

from derive import CATALOG
from derive.symbols import z

def _erf(values):
    """erf on an array, from the standard library (numpy has none)."""
    return np.vectorize(math.erf)(values)


SHOWN = ("relu", "leaky-relu", "elu", "gelu", "silu", "softplus", "sigmoid")


def relu_family_slopes(fig):
    """Each activation's derivative over [-4, 4], computed from derive's expressions."""
    grid = np.linspace(-4, 4, 801)
    ax = fig.subplots()
    for name in SHOWN:
        slope = sp.lambdify(z, CATALOG[name].derivative, modules=[{"erf": _erf}, "numpy"])
        ys = np.broadcast_to(np.asarray(slope(grid), dtype=float), grid.shape)
        style = "--" if name in ("softplus", "sigmoid") else "-"
        wide = {"lw": 4, "alpha": 0.45} if name == "relu" else {}  # leaky ReLU is drawn over it
        ax.plot(grid, ys, style, label=CATALOG[name].title.split(" (")[0], **wide)
    ax.set_xlabel("pre-activation z")
    ax.set_ylabel("slope f′(z)")
    ax.set_xlim(-4, 4)
    fig.set_figheight(4.4)
    fig.legend(loc="outside lower center", ncols=3, frameon=False)
