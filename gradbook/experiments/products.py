"""Products of random layer Jacobians: the matrix view's experiment.

A run draws `layers` layers of `width` units, each weight from N(0, std²),
and an input from N(0, 1), all from one seeded generator; passes the input
forward; and records, after each layer, log10 of the spectral norm of the
Jacobian of the output with respect to the input (for linear layers, the
product of the W's; otherwise each factor is diag(φ′(z)) W).
"""

import numpy as np

KIND = "random-product"
ACTIVATIONS = {
    None: lambda z: (z, np.ones_like(z)),
    "sigmoid": lambda z: (lambda a: (a, a * (1 - a)))(1 / (1 + np.exp(-z))),
    "tanh": lambda z: (lambda a: (a, 1 - a * a))(np.tanh(z)),
}
"""Each activation's output and slope at z."""


def product_spec(*, width: int, layers: int, scale: str, std: float, activation: str | None, seed: int) -> dict:
    """A run's description: `scale` names the weights' standard deviation `std`."""
    return {"kind": KIND, "width": width, "layers": layers, "weights": {"scale": scale, "std": std},
            "activation": activation, "seed": seed}


def random_product(description: dict) -> dict:
    """The run's history: log10 of the Jacobian's spectral norm after each layer."""
    width, std = description["width"], description["weights"]["std"]
    forward = ACTIVATIONS[description["activation"]]
    rng = np.random.default_rng(description["seed"])
    a = rng.standard_normal(width)
    jacobian = np.eye(width)
    found = []
    for _ in range(description["layers"]):
        W = rng.normal(0.0, std, size=(width, width))
        a, slope = forward(W @ a)
        jacobian = (slope[:, None] * W) @ jacobian
        found.append(float(np.log10(np.linalg.norm(jacobian, 2))))
    return {"log10_norms": found}
