"""Source 003's printed program, carried out as written, in float64 numpy, so
the audit can compare the output it prints with the output it would print."""

import numpy as np


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _sigmoid_grad(z):
    s = _sigmoid(z)
    return s * (1 - s)


def output() -> dict:
    """Each line the program prints, by what it reports."""
    x, w = np.float64(1.0), np.float64(0.1)
    activations, z_values, grad_values = [x], [], []
    for _ in range(4):
        z = w * activations[-1]
        z_values.append(z)
        activations.append(_sigmoid(z))
        grad_values.append(_sigmoid_grad(z))
    delta, deltas = np.float64(1.0), []
    for g in reversed(grad_values):
        delta = delta * w * g
        deltas.insert(0, delta)
    lines = {}
    for i, (z, a) in enumerate(zip(z_values, activations[1:]), 1):
        lines[f"forward {i}"] = f"Layer {i}: z={z:.4f} σ(z)={a:.4f} σ'(z)={_sigmoid_grad(z):.4f}"
    for i, d in enumerate(deltas, 1):
        lines[f"backward {i}"] = f"Layer {i}: δ = {d:.2e}"
    lines["update 1"] = f"Weight update at layer 1 (lr=0.01): ΔW = {0.01 * deltas[0]:.2e}"
    lines["update 4"] = f"Weight update at layer 4 (lr=0.01): ΔW = {0.01 * deltas[3]:.2e}"
    lines["ratio"] = f"Ratio layer4/layer1: {deltas[3] / deltas[0]:,.0f}x faster"
    return lines


def torch_like(values, digits: int = 4) -> str:
    """How torch prints a float tensor of these values: tensor([0.0452, …])."""
    return "tensor([" + ", ".join(f"{float(np.float32(v)):.{digits}f}" for v in values) + "])"
