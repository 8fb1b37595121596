"""Source 003: a blog post tracing a five-layer sigmoid network, with a
printed program and exercises."""

import sympy as sp

from derive import derive
from derive.audit.model import Claim
from derive.audit.program_003 import output
from derive.audit.terms import W, anchor_a, anchor_signal, anchor_slope, anchor_weight_gradient, anchor_z, q, slope, value
from derive.derivations.initialization import HE_VARIANCE, XAVIER_VARIANCE, n_in, n_out

S = "003_0d7e4fca9d9cacd7.txt"
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
            claims.append(Claim(f"003-{number:02d}", S, f"{where}: layer {k}'s {symbol} is {stated}.", "value",
                                f"{symbol} at layer {k} of the anchor chain", stated, lambda e=expr: q(e)))
            number += 1
    return claims


SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"


def _signals(first: int) -> list[Claim]:
    return [Claim(f"003-{first + i:02d}", S, f"Trace table: the gradient arriving at layer {k} is {stated}.",
                  "value", f"∂L/∂a{SUBSCRIPTS[k]} with ∂L/∂a₄ = 1", stated, lambda k=k: q(anchor_signal(k)))
            for i, (k, stated) in enumerate(SIGNALS.items())]


def _printed(first: int) -> list[Claim]:
    return [Claim(f"003-{first + i:02d}", S, f"The program's printed output: {line}", "printed",
                  f"the program's line '{key}', run as printed", line, lambda key=key: output()[key])
            for i, (key, line) in enumerate(PRINTED.items())]


CLAIMS = [
    Claim("003-01", S, "The sigmoid's slope is at most 0.25, reached at z = 0.", "value", "σ'(0)", "0.25",
          lambda: slope("sigmoid", 0)),
    Claim("003-02", S, "For |z| > 2 the sigmoid's slope is below 0.10.", "bound", "σ'(2), the slope just past |z| = 2",
          "0.10", lambda: slope("sigmoid", 2), relation="<="),
    Claim("003-03", S, "For |z| > 4 the sigmoid's slope is below 0.018.", "bound",
          "σ'(4), the slope just past |z| = 4", "0.018", lambda: slope("sigmoid", 4), relation="<="),
    Claim("003-04", S, "At the maximum σ(z) = 0.5, so σ'(0) = 0.5 × 0.5.", "value", "σ(0)", "0.5",
          lambda: value("sigmoid", 0)),
    *_forward("Forward pass", 5),
    Claim("003-17", S, "At layer 4 each step back multiplies by 0.1 × 0.250 = 0.025.", "value", "w σ'(z₄)",
          "0.025", lambda: q(W * anchor_slope(4))),
    Claim("003-18", S, "Backward pass: δ₃ = 0.025.", "value", "∂L/∂a₃", "0.025", lambda: q(anchor_signal(3))),
    Claim("003-19", S, "Backward pass: δ₂ = 0.000625.", "value", "∂L/∂a₂", "0.000625", lambda: q(anchor_signal(2))),
    Claim("003-20", S, "Backward pass: δ₁ = 0.0000156.", "value", "∂L/∂a₁", "0.0000156",
          lambda: q(anchor_signal(1))),
    Claim("003-21", S, "The first weight's gradient is δ₁ × x = 1.56 × 10⁻⁵.", "value", "∂L/∂w₁", "1.56 × 10⁻⁵",
          lambda: q(anchor_weight_gradient(1)), why=OWN_STEPS, convention=FROM_INPUT,
          under_convention=lambda: q(anchor_weight_gradient(1, start="z"))),
    Claim("003-22", S, "With learning rate 0.01 the first weight changes by −1.56 × 10⁻⁷.", "value",
          "−0.01 ∂L/∂w₁", "−1.56 × 10⁻⁷", lambda: q(-LR * anchor_weight_gradient(1)), why=OWN_STEPS,
          convention=FROM_INPUT, under_convention=lambda: q(-LR * anchor_weight_gradient(1, start="z"))),
    Claim("003-23", S, "The weight at layer 4 moves 0.025 per step.", "value", "0.01 ∂L/∂w₄", "0.025",
          lambda: q(LR * anchor_weight_gradient(4)), convention=FROM_INPUT,
          under_convention=lambda: q(LR * anchor_weight_gradient(4, start="z")),
          why="0.025 is the factor w σ'(z₄) by which the signal shrinks at layer 4, not a step of the weight"),
    Claim("003-24", S, "The first weight moves 160,000 times slower than the fourth.", "same", stated="160,000",
          other="003-57"),
    Claim("003-25", S, "After 100 epochs the output weight has moved 2.5 units.", "value",
          "100 × 0.01 ∂L/∂w₄", "2.5", lambda: q(STEPS * LR * anchor_weight_gradient(4)),
          convention=FROM_INPUT, under_convention=lambda: q(STEPS * LR * anchor_weight_gradient(4, start="z")),
          why="2.5 is 100 × 0.025, and 0.025 is the factor w σ'(z₄) by which the signal shrinks at layer 4, "
          "with no learning rate in it, while the first weight's figure beside it has one"),
    Claim("003-26", S, "After 100 epochs the first weight has moved 0.0000156 units.", "value",
          "100 × 0.01 ∂L/∂w₁", "0.0000156",
          lambda: q(STEPS * LR * anchor_weight_gradient(1)), why=OWN_STEPS, convention=FROM_INPUT,
          under_convention=lambda: q(STEPS * LR * anchor_weight_gradient(1, start="z"))),
    *_forward("Trace table", 27),
    *_signals(39),
    Claim("003-43", S, "The gradient shrinks by a factor of 40 per layer.", "value", "1/(w σ'(z₄))", "40",
          lambda: q(1 / (W * anchor_slope(4)))),
    Claim("003-44", S, "Three steps of 0.025 take 1.0 to 1.5625 × 10⁻⁵.", "value", "0.025^3", "1.5625×10⁻⁵",
          lambda: q(sp.Rational(1, 40) ** 3)),
    Claim("003-45", S, "That is a 64,000× reduction.", "value", "1/0.025^3", "64,000", lambda: q(40**3)),
    *_printed(46),
    Claim("003-57", S, "Layer 4 trains 64,000 times faster than layer 1 in one update.", "value",
          "0.01 ∂L/∂w₄ / (0.01 ∂L/∂w₁)", "64,000",
          lambda: q(anchor_weight_gradient(4) / anchor_weight_gradient(1))),
    Claim("003-58", S, "Xavier initialization scales the weights to the layer's fan-in.", "identity",
          "Var(w) = 1/n_in", compute=lambda: (XAVIER_VARIANCE, 1 / n_in)),
    Claim("003-59", S, "He initialization scales the weights to the layer's fan-out.", "identity",
          "Var(w) = 2/n_out", compute=lambda: (HE_VARIANCE, 2 / n_out)),
    Claim("003-60", S, "A skip gives ∂L/∂x = ∂L/∂output · (F'(x) + 1).", "identity", "d/dx (F(x) + x) = F'(x) + 1",
          compute=lambda: (sp.diff(sp.Function("F")(sp.Symbol("x")) + sp.Symbol("x"), sp.Symbol("x")),
                           sp.Derivative(sp.Function("F")(sp.Symbol("x")), sp.Symbol("x")) + 1)),
    Claim("003-61", S, "The gradient arriving at layer 4 is 64,103 times the one arriving at layer 1.", "value",
          "∂L/∂a₄ / ∂L/∂a₁", "64,103", lambda: q(1 / anchor_signal(1))),
    Claim("003-62", S, "Gradients explode when the weights are above 1.", "bound",
          "the largest per-layer factor of a sigmoid chain with w = 2, 2 σ'(0)", "1",
          lambda: q(2 * slope("sigmoid", 0).exact_value), relation=">"),
    Claim("003-63", S, "Batch normalization keeps the sigmoid's slope close to 0.25.", "unchecked",
          "E[σ'(Z)], Z ~ N(0, 1)", why="'close to' is not a number: for standardized inputs the expected slope "
          "is 0.207 (Chapter 6)", compute=lambda: derive("expected-sigmoid-slope", s="1").result),
    Claim("003-64", S, "In the saturation region |z| > 3 the gradients are near zero.", "unchecked", "σ'(3)",
          why="'near zero' is not a number; σ'(3) = 0.0452, a fifth of the peak", compute=lambda: slope("sigmoid", 3)),
    Claim("003-65", S, "ResNets train 152 layers where plain networks stall at 5.", "unchecked",
          why="a claim about training runs, with no setting to rerun"),
    Claim("003-66", S, "With fewer than 3 hidden layers and well-scaled weights, sigmoid networks often work fine.",
          "unchecked", why="'often' and 'fine' are not numbers; Chapter 7 shows a one-hidden-layer sigmoid network "
          "learning with Xavier weights"),
]
