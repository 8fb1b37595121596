"""Source 002: a review of how the sigmoid causes vanishing gradients, with
an MNIST experiment in Keras."""

import sympy as sp

from derive.audit.model import Claim
from derive.audit.terms import q, slope
from derive.symbols import logistic, z

FILE = "002_ceaf52be62040f87.txt"
TITLE = "a review with an MNIST experiment"
W, A, B, Y = sp.symbols("W a b y", real=True)
MNIST_TRAIN, BATCH, SIDE = 60000, 128, 28
"""MNIST's training set, the batch size of the source's code, the image side."""
SIGMOID_LOSSES = ("2.3062", "2.3078", "2.3073", "2.3096", "2.3088", "2.3079", "2.3091", "2.3085", "2.3103")
"""Source 002's printed sigmoid losses for epochs 2 to 10."""
TRAINING_RUN = "a training run on MNIST with Keras; Chapter 7 reruns the setting on other data"


def _slope_at(u):
    """σ'(u), written out."""
    return logistic(u) * (1 - logistic(u))


def _two_places(values) -> str:
    return ", ".join(sorted({f"{float(v):.2f}" for v in values}))


CLAIMS = [
    Claim("002-01", FILE, "The sigmoid's slope is e⁻ˣ/(1 + e⁻ˣ)².", "identity", "d/dx σ(x) = e^(−x)/(1 + e^(−x))²",
          compute=lambda: (sp.diff(logistic(z), z), sp.exp(-z) / (1 + sp.exp(-z)) ** 2)),
    Claim("002-02", FILE, "The slope's maximum is 0.25, at x = 0.", "value", "σ'(0)", "0.25", lambda: slope("sigmoid", 0)),
    Claim("002-03", FILE, "The slope is zero, or very close to it, once x reaches 1 or −1.", "value", "σ'(1)", "0",
          lambda: slope("sigmoid", 1), why="that is still four-fifths of the peak, 1/4; the slope tends to zero only "
          "as |x| grows without bound"),
    Claim("002-04", FILE, "Tanh's slope has its maximum, 1, at x = 0.", "value", "tanh'(0)", "1", lambda: slope("tanh", 0)),
    Claim("002-05", FILE, "Tanh's slope is about 0.42 at 1 and −1.", "value", "tanh'(1)", "0.42", lambda: slope("tanh", 1)),
    Claim("002-06", FILE, "Tanh keeps a sufficiently high slope for all inputs.", "unchecked", "tanh'(3)",
          why="'sufficiently high' is not a number; tanh'(3) = 0.00987, about a hundredth of its peak, and the "
          "slope tends to zero in both tails", compute=lambda: slope("tanh", 3)),
    Claim("002-07", FILE, "Ten sigmoid layers at peak slope multiply to about 9.54 × 10⁻⁷.", "value", "0.25^10",
          "9.54 \\times 10^{-7}", lambda: q(sp.Rational(1, 4) ** 10)),
    Claim("002-08", FILE, "Ten tanh layers at peak slope multiply to 1.", "value", "1^10", "1", lambda: q(1)),
    Claim("002-09", FILE, "The cost's gradient is a⁽ᴸ⁻¹⁾ σ'(Z⁽ᴸ⁾) 2(a⁽ᴸ⁾ − y), where Z⁽ᴸ⁾ = σ(W a + b).",
          "identity", "dC/dW for C = (σ(W a + b) − y)², against the formula with Z = σ(W a + b)",
          compute=lambda: (sp.diff((logistic(W * A + B) - Y) ** 2, W),
                           A * _slope_at(logistic(W * A + B)) * 2 * (logistic(W * A + B) - Y)),
          if_false="inconsistent"),
    Claim("002-10", FILE, "The sigmoid's slope is practically zero at all values.", "value", "σ'(0)", "0",
          lambda: slope("sigmoid", 0), why="at zero the slope is at its largest, a quarter, nowhere near zero; it is "
          "near zero only far from the origin"),
    Claim("002-11", FILE, "An MNIST image has 28 × 28 inputs, the 784 of the code.", "value", "28 × 28", "28*28",
          lambda: q(SIDE * SIDE), number="784"),
    Claim("002-12", FILE, "An epoch is 469 steps of 128 images.", "value", "⌈60000/128⌉", "469",
          lambda: q(sp.ceiling(sp.Rational(MNIST_TRAIN, BATCH)))),
    Claim("002-13", FILE, "After the second epoch the sigmoid network's loss is 2.31 to two places throughout.",
          "printed", "each printed loss of epochs 2–10, to two places", "2.31",
          lambda: _two_places(SIGMOID_LOSSES)),
    Claim("002-14", FILE, "The sigmoid network's loss of about 2.31 shows the gradient shrinking through the layers.",
          "unchecked", "ln 10", why="2.31 is ln 10 + 0.008, the loss of a network that gives every class the "
          "same probability; the network has one hidden layer, saturated by its N(1, 1) initialization "
          "(Chapter 7)", compute=lambda: q(sp.log(10))),
    Claim("002-15", FILE, "The ReLU network reaches about 88% accuracy after ten epochs.", "unchecked", stated="0.8842",
          why=TRAINING_RUN),
    Claim("002-16", FILE, "The conclusion: the sigmoid's slope is at most 0.25.", "same", stated="0.25", other="002-02"),
    Claim("002-17", FILE, "The sigmoid network's loss after ten epochs is 2.3103.", "unchecked", stated="2.3103",
          why=TRAINING_RUN),
    Claim("002-18", FILE, "The sigmoid network's accuracy after ten epochs is 0.1031.", "unchecked", stated="0.1031",
          why=TRAINING_RUN),
    Claim("002-19", FILE, "The ReLU network's loss after its first epoch is 553.4570.", "unchecked", stated="553.4570",
          why=TRAINING_RUN),
]
