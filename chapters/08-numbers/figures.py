"""Chapter 8's figure: products through depth against each format's limits."""

import math

import numpy as np

from derive.formats import FORMATS

COLOURS = ("#c0392b", "#1f5fa8", "#2e8b57", "#d08a00")
FACTORS = (0.25, 0.2, 0.05, 0.025)
"""The per-layer factors of Table 8.2 (the anchor network's settled factor is
too close to 0.025 to tell apart at this scale)."""
PANELS = ((("float16", "bfloat16", "float32"), 85, -50), (("float64",), 560, -340))


def underflow_depths(fig):
    """log10 of factor^n against n, with each format's smallest normal
    (dashed) and smallest subnormal (dotted): the narrow formats on the left,
    float64 on the right."""
    axes = fig.subplots(1, 2)
    for ax, (names, depth_limit, floor) in zip(axes, PANELS):
        depth = np.arange(0, depth_limit + 1)
        for colour, factor in zip(COLOURS, FACTORS):
            ax.plot(depth, depth * math.log10(factor), color=colour,
                    label=f"factor {factor:g}" if ax is axes[0] else None)
        for name in names:
            f = FORMATS[name]
            for exponent, style in ((f.min_exponent, "--"), (f.min_exponent - f.precision + 1, ":")):
                ax.axhline(exponent * math.log10(2), color="black", linestyle=style, linewidth=0.9)
            ax.annotate(name, (0, (f.min_exponent - f.precision + 1) * math.log10(2)), xytext=(3, -9),
                        textcoords="offset points", fontsize=8)
        ax.set_ylim(floor, 2)
        ax.set_xlim(0, depth_limit)
        ax.set_xlabel("depth n (layers)")
    axes[0].set_ylabel("log₁₀ of the gradient")
    fig.legend(loc="outside lower center", ncols=4, frameon=False)
