"""Chapter 8's figure: products through depth against each format's limits."""

import math

import numpy as np

from derive.formats import FORMATS

COLOURS = ("#c0392b", "#1f5fa8", "#2e8b57", "#d08a00", "#7b4ea3")
FACTORS = (("0.25", 0.25), ("0.2", 0.2), ("0.05", 0.05), ("0.025", 0.025))
FORMAT_COLOURS = {"float16": "#c0392b", "bfloat16": "#d08a00", "float32": "#1f5fa8", "float64": "#2e8b57"}


def underflow_depths(fig):
    """log10 of factor^n against n, with each format's smallest normal
    (dashed) and smallest subnormal (dotted) drawn across."""
    ax = fig.subplots()
    depth = np.arange(0, 560)
    for colour, (label, factor) in zip(COLOURS, FACTORS):
        ax.plot(depth, depth * math.log10(factor), color=colour, label=f"factor {label}")
    for name, f in FORMATS.items():
        colour = FORMAT_COLOURS[name]
        normal = f.min_exponent * math.log10(2)
        subnormal = (f.min_exponent - f.precision + 1) * math.log10(2)
        ax.axhline(normal, color=colour, linestyle="--", linewidth=0.9)
        ax.axhline(subnormal, color=colour, linestyle=":", linewidth=1.2)
        ax.annotate(name, (depth[-1], subnormal), xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize=8, color=colour, annotation_clip=False)
    ax.set_ylim(-340, 5)
    ax.set_xlim(0, depth[-1])
    ax.set_xlabel("depth n (layers)")
    ax.set_ylabel("log₁₀ of the gradient")
    fig.legend(loc="outside lower center", ncols=4, frameon=False)
