"""Chapter 1's figure: the sigmoid and its slope, with the saturation zones."""

import numpy as np

from derive import derive


def sigmoid_and_slope(fig):
    """σ and σ' over the line, with the zones where σ' is below source 003's 0.1 shaded."""
    threshold = derive("saturation-threshold", c="1/10")
    edge, c = float(threshold.result), float(threshold.params["c"])
    peak = float(derive("sigmoid-max").result)
    z = np.linspace(-8, 8, 801)
    s = 1 / (1 + np.exp(-z))
    ax = fig.subplots()
    ax.axvspan(-8, -edge, color="#d9534f", alpha=0.12, lw=0, label=f"σ′(z) < {c:g}, under {c / peak:.0%} of the peak")
    ax.axvspan(edge, 8, color="#d9534f", alpha=0.12, lw=0)
    ax.plot(z, s, color="#1f5fa8", label="σ(z)")
    ax.plot(z, s * (1 - s), color="#d08a00", label="σ′(z) = σ(z)(1 − σ(z))")
    ax.axhline(peak, color="#d08a00", ls=":", lw=1)
    ax.annotate(f"maximum {peak:g} at z = 0", (0, peak), xytext=(1.0, peak + 0.11),
                arrowprops={"arrowstyle": "->", "lw": 0.8})
    ax.set_xlim(-8, 8)
    ax.set_ylim(-0.02, 1.05)
    ax.set_xlabel("pre-activation z")
    ax.set_ylabel("value")
    ax.legend(loc="upper left", frameon=False)
