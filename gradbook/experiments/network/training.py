"""Minibatch training with a fixed seed, and what it records.

`train` returns plain data: the loss and accuracy on the training and test
sets before training and after every epoch, and the norm of each layer's
weight gradient on a fixed probe batch before and after training, and the
share of each layer's weights that training changed at all.
"""

from dataclasses import dataclass

import numpy as np

from gradbook.experiments.network.model import Network
from gradbook.experiments.network.optimizers import optimizer


@dataclass(frozen=True)
class Split:
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    def astype(self, dtype) -> "Split":
        return Split(self.x_train.astype(dtype), self.y_train, self.x_test.astype(dtype), self.y_test)


def weight_gradients(network: Network, params: list[dict], x, y) -> dict:
    """For each layer k = 1 … L (layer 1 next to the input): the norm of
    ∂L/∂W_k (Frobenius, summed in float64 whatever the format) and the share
    of its entries that are exactly zero."""
    _, grads = network.gradients(params, x, y)
    return {"norm": [float(np.sqrt((g["W"].astype(np.float64) ** 2).sum())) for g in grads],
            "zero_share": [float((g["W"] == 0).mean()) for g in grads]}


def _scores(network: Network, params, x, y) -> tuple[float, float]:
    loss = float(network.loss(params, x, y))
    accuracy = float((network.predict(params, x) == y).mean())
    return loss, accuracy


def train(network: Network, data: Split, *, epochs: int, batch: int, method: str = "adam", lr: float = 0.001,
          seed: int = 0, dtype=np.float64, probe: int = 256) -> dict:
    """Train from initial weights drawn with `seed`, in the float format `dtype`."""
    rng = np.random.default_rng(seed)
    params = network.initial_parameters(rng, dtype)
    data = data.astype(dtype)
    step = optimizer(method, lr)
    probe_x, probe_y = data.x_train[:probe], data.y_train[:probe]
    history = {name: [] for name in ("train_loss", "train_accuracy", "test_loss", "test_accuracy")}

    def record():
        for split, x, y in (("train", data.x_train, data.y_train), ("test", data.x_test, data.y_test)):
            loss, accuracy = _scores(network, params, x, y)
            history[f"{split}_loss"].append(loss)
            history[f"{split}_accuracy"].append(accuracy)

    record()
    initial = weight_gradients(network, params, probe_x, probe_y)
    initial_weights = [layer["W"].copy() for layer in params]
    with np.errstate(over="ignore", under="ignore"):
        for _ in range(epochs):
            order = rng.permutation(len(data.y_train))
            for start in range(0, len(order), batch):
                rows = order[start:start + batch]
                _, grads = network.gradients(params, data.x_train[rows], data.y_train[rows])
                step.step(params, grads)
            record()
    final = weight_gradients(network, params, probe_x, probe_y)
    return history | {
        "grad_norm_initial": initial["norm"], "grad_zero_share_initial": initial["zero_share"],
        "grad_norm_final": final["norm"],
        "changed_share": [float((layer["W"] != w).mean()) for layer, w in zip(params, initial_weights)],
    }
