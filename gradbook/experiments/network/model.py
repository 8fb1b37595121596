"""A fully connected network in numpy, with backpropagation written out.

Layer k maps a_(k-1) to z_k = a_(k-1) W_k + b_k. A hidden layer then applies
batch normalization if asked (z is standardized over the batch, then scaled
by gamma and shifted by beta) and the activation f, and with skips on, adds
its input back: a_k = a_(k-1) + f(·), wherever the widths agree. The last
layer gives logits: softmax cross-entropy for classes, or one logit with
binary cross-entropy. Losses are means over the batch.

Arrays may be any float dtype, or dtype object holding mpmath numbers: the
forward pass is the same code either way, which is how the tests check the
hand-written backward pass against finite differences at 50 digits.
Batch statistics are those of the batch given, in training and evaluation
alike (no running averages), so a result depends on nothing but its inputs.
"""

from dataclasses import dataclass

import numpy as np
import sympy as sp

from derive.derivations.initialization import HE_VARIANCE, XAVIER_VARIANCE, n_in, n_out
from gradbook.experiments.network import elementwise
from gradbook.experiments.network.elementwise import activation_pair

BN_EPSILON = 1e-5
INITS = ("normal", "xavier", "he")
OUTPUTS = ("softmax", "sigmoid")


@dataclass(frozen=True)
class Init:
    """How weights start: N(mean, std²), or Xavier/Glorot or He (normal, mean
    0, the variance derive derives). Biases start at zero."""

    kind: str = "xavier"
    mean: float = 0.0
    std: float = 1.0

    def __post_init__(self):
        if self.kind not in INITS:
            raise ValueError(f"unknown initialization {self.kind!r} (known: {', '.join(INITS)})")

    def std_for(self, fan_in: int, fan_out: int) -> float:
        if self.kind == "normal":
            return self.std
        variance = XAVIER_VARIANCE if self.kind == "xavier" else HE_VARIANCE
        return float(sp.sqrt(variance.subs({n_in: fan_in, n_out: fan_out})))

    def label(self) -> str:
        return f"N({self.mean:g}, {self.std:g}²)" if self.kind == "normal" else self.kind


@dataclass(frozen=True)
class Network:
    sizes: tuple[int, ...]
    activation: str
    init: Init = Init()
    output: str = "softmax"
    batch_norm: bool = False
    skip: bool = False

    def __post_init__(self):
        if len(self.sizes) < 2 or min(self.sizes) < 1:
            raise ValueError(f"a network needs at least an input and an output size, got {self.sizes}")
        if self.output not in OUTPUTS:
            raise ValueError(f"unknown output {self.output!r} (known: {', '.join(OUTPUTS)})")
        if self.output == "sigmoid" and self.sizes[-1] != 1:
            raise ValueError("a sigmoid output has one unit")
        activation_pair(self.activation)

    @property
    def layers(self) -> int:
        return len(self.sizes) - 1

    def initial_parameters(self, rng: np.random.Generator, dtype=np.float64) -> list[dict]:
        params = []
        for k, (fan_in, fan_out) in enumerate(zip(self.sizes, self.sizes[1:]), 1):
            weights = rng.normal(self.init.mean, self.init.std_for(fan_in, fan_out), (fan_in, fan_out))
            layer = {"W": weights.astype(dtype), "b": np.zeros(fan_out, dtype)}
            if self.batch_norm and k < self.layers:
                layer |= {"gamma": np.ones(fan_out, dtype), "beta": np.zeros(fan_out, dtype)}
            params.append(layer)
        return params

    def _skips(self, k: int) -> bool:
        return self.skip and k < self.layers and self.sizes[k - 1] == self.sizes[k]

    def forward(self, params: list[dict], x: np.ndarray) -> tuple[np.ndarray, list[dict]]:
        """The logits, and what each hidden layer keeps for the backward pass."""
        f, _ = activation_pair(self.activation)
        a, kept = x, []
        for k, layer in enumerate(params[:-1], 1):
            u = a @ layer["W"] + layer["b"]
            record = {"input": a}
            if self.batch_norm:
                centred = u - u.mean(axis=0)
                inv_std = 1 / elementwise.sqrt((centred * centred).mean(axis=0) + BN_EPSILON)
                record |= {"normalized": centred * inv_std, "inv_std": inv_std}
                u = record["normalized"] * layer["gamma"] + layer["beta"]
            record["pre"] = u
            a = a + f(u) if self._skips(k) else f(u)
            kept.append(record)
        return a @ params[-1]["W"] + params[-1]["b"], kept + [{"input": a}]

    def loss(self, params: list[dict], x: np.ndarray, y: np.ndarray):
        return self._loss_and_slope(self.forward(params, x)[0], y)[0]

    def _loss_and_slope(self, logits: np.ndarray, y: np.ndarray):
        """The mean loss, and its derivative with respect to the logits."""
        batch = len(y)
        if self.output == "sigmoid":
            t = logits[:, 0]
            loss = (elementwise.softplus(t) - y * t).sum() / batch
            slope = (activation_pair("sigmoid")[0](t) - y) / batch
            return loss, slope[:, None]
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_total = elementwise.log(elementwise.exp(shifted).sum(axis=1, keepdims=True))
        log_p = shifted - log_total
        rows = np.arange(batch)
        loss = -log_p[rows, y].sum() / batch
        slope = elementwise.exp(log_p)
        slope[rows, y] -= 1
        return loss, slope / batch

    def gradients(self, params: list[dict], x: np.ndarray, y: np.ndarray):
        """The mean loss and its gradient with respect to every parameter, by
        backpropagation."""
        _, f_slope = activation_pair(self.activation)
        logits, kept = self.forward(params, x)
        loss, d_out = self._loss_and_slope(logits, y)
        grads = [None] * self.layers
        grads[-1] = {"W": kept[-1]["input"].T @ d_out, "b": d_out.sum(axis=0)}
        d_a = d_out @ params[-1]["W"].T
        for k in range(self.layers - 1, 0, -1):
            layer, record = params[k - 1], kept[k - 1]
            d_u = d_a * f_slope(record["pre"])
            grad = {}
            if self.batch_norm:
                grad["gamma"] = (d_u * record["normalized"]).sum(axis=0)
                grad["beta"] = d_u.sum(axis=0)
                d_n = d_u * layer["gamma"]
                n = record["normalized"]
                d_u = record["inv_std"] * (d_n - d_n.mean(axis=0) - n * (d_n * n).mean(axis=0))
            grad["W"] = record["input"].T @ d_u
            grad["b"] = d_u.sum(axis=0)
            grads[k - 1] = grad
            d_through = d_u @ layer["W"].T
            d_a = d_a + d_through if self._skips(k) else d_through
        return loss, grads

    def predict(self, params: list[dict], x: np.ndarray) -> np.ndarray:
        logits, _ = self.forward(params, x)
        return (logits[:, 0] > 0).astype(int) if self.output == "sigmoid" else logits.argmax(axis=1)
