"""Chapter 6's figure: the sigmoid's expected slope against the spread of its input."""

import numpy as np

from derive.derivations.normalization import expected_slope_float64


def expected_slope_vs_spread(fig):
    """E[σ'(Z)] for Z ~ N(0, s²) over a range of spreads, with its two limits."""
    spreads = np.geomspace(0.05, 50, 120)
    ax = fig.subplots()
    ax.plot(spreads, [expected_slope_float64(float(v)) for v in spreads], color="#1f5fa8",
            label="E[σ′(Z)], Z ~ N(0, s²)")
    ax.plot(spreads, 1 / (spreads * np.sqrt(2 * np.pi)), ":", color="#d08a00",
            label="wide-spread approximation 1/(s√(2π))")
    ax.axhline(0.25, color="#5b8c2a", ls="--", lw=1, label="narrow-spread limit σ′(0)")
    ax.axvline(1.0, color="grey", lw=0.8)
    ax.annotate("batch norm: s = 1", (1.0, 0.02), xytext=(1.3, 0.02))
    ax.set_xscale("log")
    ax.set_ylim(0, 0.3)
    ax.set_xlabel("spread of the pre-activation, s (log scale)")
    ax.set_ylabel("expected slope")
    fig.set_figheight(4.4)
    fig.legend(loc="outside lower center", frameon=False)
