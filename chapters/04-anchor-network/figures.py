"""Chapter 4's figure: the anchor network's gradients, layer by layer."""

import numpy as np

from derive import trace_chain


def anchor_deltas(fig):
    """Bars of δ_k = ∂L/∂z_k and ∂L/∂w_k for the four layers, on a log scale."""
    t = trace_chain("0.1", 1, 4)
    layers = np.arange(1, t.layers + 1)
    ax = fig.subplots()
    width = 0.38
    ax.bar(layers - width / 2, [float(v) for v in t.delta], width, color="#1f5fa8",
           label="δₖ = ∂L/∂zₖ (the gradient reaching layer k)")
    ax.bar(layers + width / 2, [float(v) for v in t.weight_gradient], width, color="#d08a00",
           label="∂L/∂wₖ = δₖ aₖ₋₁ (the gradient of layer k's weight)")
    ax.set_yscale("log")
    ax.set_xticks(layers, [f"layer {k}" for k in layers])
    ax.set_ylabel("size (log scale)")
    ax.set_xlabel("layer (1 is next to the input)")
    fig.set_figheight(4.2)
    fig.legend(loc="outside lower center", frameon=False)
