"""Chapter 8's figure: products through depth against each format's limits."""

import math

import numpy as np

from derive.formats import FORMATS

COLOURS = ("#c0392b", "#1f5fa8", "#2e8b57", "#d08a00")
FACTORS = (0.25, 0.2, 0.05, 0.025)
"""The per-layer factors of Table 8.2 (the anchor network's settled factor is
too close to 0.025 to tell apart at this scale)."""
PANELS = ((("float16", "bfloat16", "float32"), 85, -53), (("float64",), 560, -345))
"""Each panel's formats, its last depth, and the bottom of its scale."""


def underflow_depths(fig):
    """log10 of factor^n against n, with each format's smallest normal
    (dashed) and smallest subnormal (dotted): the narrow formats on the left,
    float64 on the right. The formats are named outside the plot, at the
    right of their dotted lines, where no line of data can run over them."""
    fig.set_figheight(4.1)  # room between bfloat16's and float32's names
    fig.get_layout_engine().set(wspace=0.1)  # the left panel's format names clear of the right one's scale
    axes = fig.subplots(1, 2)
    for ax, (names, depth_limit, floor) in zip(axes, PANELS):
        depth = np.arange(0, depth_limit + 1)
        for colour, factor in zip(COLOURS, FACTORS):
            ax.plot(depth, depth * math.log10(factor), color=colour,
                    label=f"{factor:g}" if ax is axes[0] else None)
        smallest = []
        for name in names:
            f = FORMATS[name]
            normal, subnormal = (e * math.log10(2) for e in (f.min_exponent, f.min_exponent - f.precision + 1))
            ax.axhline(normal, color="black", linestyle="--", linewidth=0.9)
            ax.axhline(subnormal, color="black", linestyle=":", linewidth=1.2)
            smallest.append(subnormal)
        ax.secondary_yaxis("right").set_yticks(smallest, names)
        ax.set_ylim(floor, 2)
        ax.set_xlim(0, depth_limit)
        ax.set_xlabel("depth n (layers)")
    axes[0].set_ylabel("log₁₀ of the gradient")
    fig.legend(loc="outside lower center", ncols=4, frameon=False, title="factor per layer")
