"""Source 003: a blog post tracing a five-layer sigmoid network, with a
printed program and exercises."""

import numpy as np
import sympy as sp

from derive import derive
from derive.audit.model import Claim
from derive.audit.terms import W, anchor_a, anchor_signal, anchor_slope, anchor_weight_gradient, anchor_z, q, slope, value
from derive.derivations.initialization import HE_VARIANCE, XAVIER_VARIANCE, n_in, n_out

FILE = "003_0d7e4fca9d9cacd7.txt"
TITLE = "a blog post tracing a five-layer network"
LR, STEPS = sp.Rational(1, 100), 100
"""The post's learning rate, and its 100 epochs of one step each."""
FORWARD = {1: ("0.1", "0.525", "0.249"), 2: ("0.0525", "0.513", "0.250"), 3: ("0.0513", "0.513", "0.250"),
           4: ("0.0513", "0.513", "0.250")}
"""The forward pass as the text and the trace table state it: z, σ(z), σ'(z)."""
FROM_INPUT = "δ = ∂L/∂z₄ = 1"
"""The other common convention: the backward pass starts at the top unit's input, leaving out its slope."""
OWN_STEPS = "the post's own δ steps (δ₃ = δ₄ × w × σ'(z₄)) start from δ₄ = ∂L/∂a₄ = 1, at the top unit's output"
"""Why a figure right under FROM_INPUT is inconsistent with the rest of the post."""
SIGNALS = {4: "1.000", 3: "0.025", 2: "6.25 × 10⁻⁴", 1: "1.56 × 10⁻⁵"}
"""The trace table's gradient column."""
PRINTED = {
    "forward 1": "Layer 1: z=0.1000 σ(z)=0.5250 σ'(z)=0.2494",
    "forward 2": "Layer 2: z=0.0525 σ(z)=0.5131 σ'(z)=0.2498",
    "forward 3": "Layer 3: z=0.0513 σ(z)=0.5128 σ'(z)=0.2499",
    "forward 4": "Layer 4: z=0.0513 σ(z)=0.5128 σ'(z)=0.2499",
    "backward 1": "Layer 1: δ = 1.56e-05", "backward 2": "Layer 2: δ = 6.25e-04",
    "backward 3": "Layer 3: δ = 2.50e-02", "backward 4": "Layer 4: δ = 1.00e+00",
    "update 1": "Weight update at layer 1 (lr=0.01): ΔW = 1.56e-07",
    "update 4": "Weight update at layer 4 (lr=0.01): ΔW = 1.00e-02",
    "ratio": "Ratio layer4/layer1: 64,103x faster",
}
"""The output printed under the program."""


def _forward(where: str, first: int) -> list[Claim]:
    claims, number = [], first
    for k, (z, a, s) in FORWARD.items():
        for symbol, stated, expr in (("z", z, anchor_z(k)), ("σ(z)", a, anchor_a(k)), ("σ'(z)", s, anchor_slope(k))):
            claims.append(Claim(f"003-{number:02d}", FILE, f"{where}: layer {k}'s {symbol} is {stated}.", "value",
                                f"{symbol} at layer {k} of the anchor chain", stated, lambda e=expr: q(e)))
            number += 1
    return claims


SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"


def _signals(first: int) -> list[Claim]:
    return [Claim(f"003-{first + i:02d}", FILE, f"Trace table: the gradient arriving at layer {k} is {stated}.",
                  "value", f"∂L/∂a{SUBSCRIPTS[k]} with ∂L/∂a₄ = 1", stated, lambda k=k: q(anchor_signal(k)))
            for i, (k, stated) in enumerate(SIGNALS.items())]


def _printed(first: int) -> list[Claim]:
    return [Claim(f"003-{first + i:02d}", FILE, f"The program's printed output: {line}", "printed",
                  f"the program's line '{key}', run as printed", line, lambda key=key: output()[key])
            for i, (key, line) in enumerate(PRINTED.items())]


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _sigmoid_grad(z):
    s = _sigmoid(z)
    return s * (1 - s)


def output() -> dict:
    """Each line the post's printed program prints, by what it reports: the
    program carried out as written, in float64 numpy, so that the audit can
    compare the output it printed with the output it would print."""
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


CLAIMS = [
    Claim("003-01", FILE, "The sigmoid's slope is at most 0.25, reached at z = 0.", "value", "σ'(0)", "0.25",
          lambda: slope("sigmoid", 0)),
    Claim("003-02", FILE, "For |z| > 2 the sigmoid's slope is below 0.10.", "bound", "σ'(2), the slope just past |z| = 2",
          "0.10", lambda: slope("sigmoid", 2), relation="<="),
    Claim("003-03", FILE, "For |z| > 4 the sigmoid's slope is below 0.018.", "bound",
          "σ'(4), the slope just past |z| = 4", "0.018", lambda: slope("sigmoid", 4), relation="<="),
    Claim("003-04", FILE, "At the maximum σ(z) = 0.5, so σ'(0) = 0.5 × 0.5.", "value", "σ(0)", "0.5",
          lambda: value("sigmoid", 0)),
    *_forward("Forward pass", 5),
    Claim("003-17", FILE, "At layer 4 each step back multiplies by 0.1 × 0.250 = 0.025.", "value", "w σ'(z₄)",
          "0.025", lambda: q(W * anchor_slope(4))),
    Claim("003-18", FILE, "Backward pass: δ₃ = 0.025.", "value", "∂L/∂a₃", "0.025", lambda: q(anchor_signal(3))),
    Claim("003-19", FILE, "Backward pass: δ₂ = 0.000625.", "value", "∂L/∂a₂", "0.000625", lambda: q(anchor_signal(2))),
    Claim("003-20", FILE, "Backward pass: δ₁ = 0.0000156.", "value", "∂L/∂a₁", "0.0000156",
          lambda: q(anchor_signal(1))),
    Claim("003-21", FILE, "The first weight's gradient is δ₁ × x = 1.56 × 10⁻⁵.", "value", "∂L/∂w₁", "1.56 × 10⁻⁵",
          lambda: q(anchor_weight_gradient(1)), why=OWN_STEPS, convention=FROM_INPUT,
          under_convention=lambda: q(anchor_weight_gradient(1, start="z"))),
    Claim("003-22", FILE, "With learning rate 0.01 the first weight changes by −1.56 × 10⁻⁷.", "value",
          "−0.01 ∂L/∂w₁", "−1.56 × 10⁻⁷", lambda: q(-LR * anchor_weight_gradient(1)), why=OWN_STEPS,
          convention=FROM_INPUT, under_convention=lambda: q(-LR * anchor_weight_gradient(1, start="z"))),
    Claim("003-23", FILE, "The weight at layer 4 moves 0.025 per step.", "value", "0.01 ∂L/∂w₄", "0.025",
          lambda: q(LR * anchor_weight_gradient(4)), convention=FROM_INPUT,
          under_convention=lambda: q(LR * anchor_weight_gradient(4, start="z")),
          why="0.025 is the factor w σ'(z₄) by which the signal shrinks at layer 4, not a step of the weight"),
    Claim("003-24", FILE, "The first weight moves 160,000 times slower than the fourth.", "same", stated="160,000",
          other="003-57"),
    Claim("003-25", FILE, "After 100 epochs the output weight has moved 2.5 units.", "value",
          "100 × 0.01 ∂L/∂w₄", "2.5", lambda: q(STEPS * LR * anchor_weight_gradient(4)),
          convention=FROM_INPUT, under_convention=lambda: q(STEPS * LR * anchor_weight_gradient(4, start="z")),
          why="2.5 is 100 × 0.025, and 0.025 is the factor w σ'(z₄) by which the signal shrinks at layer 4, "
          "with no learning rate in it, while the first weight's figure beside it has one"),
    Claim("003-26", FILE, "After 100 epochs the first weight has moved 0.0000156 units.", "value",
          "100 × 0.01 ∂L/∂w₁", "0.0000156",
          lambda: q(STEPS * LR * anchor_weight_gradient(1)), why=OWN_STEPS, convention=FROM_INPUT,
          under_convention=lambda: q(STEPS * LR * anchor_weight_gradient(1, start="z"))),
    *_forward("Trace table", 27),
    *_signals(39),
    Claim("003-43", FILE, "The gradient shrinks by a factor of 40 per layer.", "value", "1/(w σ'(z₄))", "40",
          lambda: q(1 / (W * anchor_slope(4)))),
    Claim("003-44", FILE, "Three steps of 0.025 take 1.0 to 1.5625 × 10⁻⁵.", "value", "0.025^3", "1.5625×10⁻⁵",
          lambda: q(sp.Rational(1, 40) ** 3)),
    Claim("003-45", FILE, "That is a 64,000× reduction.", "value", "1/0.025^3", "64,000", lambda: q(40**3)),
    *_printed(46),
    Claim("003-57", FILE, "Layer 4 trains 64,000 times faster than layer 1 in one update.", "value",
          "0.01 ∂L/∂w₄ / (0.01 ∂L/∂w₁)", "64,000",
          lambda: q(anchor_weight_gradient(4) / anchor_weight_gradient(1))),
    Claim("003-58", FILE, "Xavier initialization scales the weights to the layer's fan-in.", "identity",
          "Var(w) = 1/n_in", compute=lambda: (XAVIER_VARIANCE, 1 / n_in)),
    Claim("003-59", FILE, "He initialization scales the weights to the layer's fan-out.", "identity",
          "Var(w) = 2/n_out", compute=lambda: (HE_VARIANCE, 2 / n_out)),
    Claim("003-60", FILE, "A skip gives ∂L/∂x = ∂L/∂output · (F'(x) + 1).", "identity", "d/dx (F(x) + x) = F'(x) + 1",
          compute=lambda: (sp.diff(sp.Function("F")(sp.Symbol("x")) + sp.Symbol("x"), sp.Symbol("x")),
                           sp.Derivative(sp.Function("F")(sp.Symbol("x")), sp.Symbol("x")) + 1)),
    Claim("003-61", FILE, "The gradient arriving at layer 4 is 64,103 times the one arriving at layer 1.", "value",
          "∂L/∂a₄ / ∂L/∂a₁", "64,103", lambda: q(1 / anchor_signal(1))),
    Claim("003-62", FILE, "Gradients explode when the weights are above 1.", "bound",
          "the largest per-layer factor of a sigmoid chain with w = 2, 2 σ'(0)", "1",
          lambda: q(2 * slope("sigmoid", 0).exact_value), relation=">"),
    Claim("003-63", FILE, "Batch normalization keeps the sigmoid's slope close to 0.25.", "unchecked",
          "E[σ'(Z)], Z ~ N(0, 1)", why="'close to' is not a number: for standardized inputs the expected slope "
          "is 0.207 (Chapter 6)", compute=lambda: derive("expected-sigmoid-slope", s="1").result),
    Claim("003-64", FILE, "In the saturation region |z| > 3 the gradients are near zero.", "unchecked", "σ'(3)",
          why="'near zero' is not a number; σ'(3) = 0.0452, a fifth of the peak", compute=lambda: slope("sigmoid", 3)),
    Claim("003-65", FILE, "ResNets train 152 layers where plain networks stall at 5.", "unchecked",
          why="a claim about training runs, with no setting to rerun"),
    Claim("003-66", FILE, "With fewer than 3 hidden layers and well-scaled weights, sigmoid networks often work fine.",
          "unchecked", why="'often' and 'fine' are not numbers; Chapter 7 shows a one-hidden-layer sigmoid network "
          "learning with Xavier weights"),
]
