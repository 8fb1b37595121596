"""Stochastic gradient descent and Adam, updating parameters in place."""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class SGD:
    lr: float = 0.1

    def step(self, params: list[dict], grads: list[dict]) -> None:
        for layer, grad in zip(params, grads):
            for name, g in grad.items():
                layer[name] -= layer[name].dtype.type(self.lr) * g


@dataclass
class Adam:
    """Adam with Keras's defaults (the optimizer source 002 used)."""

    lr: float = 0.001
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-7
    steps: int = 0
    moments: list = field(default_factory=list)

    def step(self, params: list[dict], grads: list[dict]) -> None:
        if not self.moments:
            self.moments = [{name: (np.zeros_like(g), np.zeros_like(g)) for name, g in grad.items()}
                            for grad in grads]
        self.steps += 1
        scale = self.lr * np.sqrt(1 - self.beta2**self.steps) / (1 - self.beta1**self.steps)
        for layer, grad, moments in zip(params, grads, self.moments):
            for name, g in grad.items():
                m, v = moments[name]
                m += (1 - self.beta1) * (g - m)
                v += (1 - self.beta2) * (g * g - v)
                layer[name] -= (scale * m / (np.sqrt(v) + self.epsilon)).astype(layer[name].dtype)


OPTIMIZERS = {"sgd": SGD, "adam": Adam}


def optimizer(name: str, lr: float):
    try:
        return OPTIMIZERS[name](lr=lr)
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r} (known: {', '.join(OPTIMIZERS)})") from None
