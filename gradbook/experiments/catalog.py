"""The experiments, each a named plan of training runs (see runs.py)."""

from dataclasses import dataclass, field
from itertools import product
from typing import Callable

from derive.derivations.initialization import HE_VARIANCE, XAVIER_VARIANCE, n_in, n_out
from gradbook.experiments.products import product_spec
from gradbook.experiments.runs import spec

NORMAL_1_1 = {"kind": "normal", "mean": 1.0, "std": 1.0}
SMALL = {"kind": "normal", "mean": 0.0, "std": 0.01}
XAVIER = {"kind": "xavier"}
HE = {"kind": "he"}


@dataclass(frozen=True)
class Experiment:
    name: str
    title: str
    about: str
    plan: Callable[..., list[dict]]
    params: dict = field(default_factory=dict)

    def runs(self) -> list[dict]:
        return self.plan(**self.params)


def _source_002(epochs, batch, seeds, upsamples):
    """Source 002's network (one hidden layer of 128, Adam, batch 128): both
    layers drawn from N(1, 1) as there, sigmoid versus ReLU; then each with
    the initialization made for it."""
    settings = [("sigmoid", NORMAL_1_1), ("relu", NORMAL_1_1), ("sigmoid", XAVIER), ("relu", HE)]
    return [spec(data={"upsample": up}, hidden=[128], activation=act, init=init, seed=seed,
                 training={"epochs": epochs, "batch": batch, "method": "adam", "lr": 0.001})
            for up, (act, init), seed in product(upsamples, settings, seeds)]


def _source_003(epochs, batch, lr, width, seeds, classes):
    """Source 003's shape: four hidden layers and one output, plain gradient
    descent, one binary task; only the activation differs."""
    return [spec(data={"classes": classes}, hidden=[width] * 4, activation=act, init=XAVIER, seed=seed,
                 training={"epochs": epochs, "batch": batch, "method": "sgd", "lr": lr})
            for act, seed in product(("sigmoid", "tanh", "relu"), seeds)]


def _gradient_by_layer(depths, width, epochs, seeds):
    """The gradient reaching each layer, at initialization and after a few
    epochs of Adam, for every activation, initialization and remedy."""
    variants = [{}, {"batch_norm": True}, {"skip": True}]
    return [spec(data={}, hidden=[width] * (depth - 1), activation=act, init=init, seed=seed,
                 training={"epochs": epochs, "batch": 128, "method": "adam", "lr": 0.001}, **variant)
            for depth, act, init, variant, seed in product(depths, ("sigmoid", "tanh", "relu"),
                                                          (SMALL, XAVIER, HE), variants, seeds)]


def _precision(depth, width, epochs, seeds, formats):
    """One deep sigmoid network, computed in float16, float32 and float64."""
    return [spec(data={}, hidden=[width] * (depth - 1), activation="sigmoid", init=XAVIER, seed=seed,
                 training={"epochs": epochs, "batch": 128, "method": "sgd", "lr": 0.1, "dtype": fmt})
            for fmt, seed in product(formats, seeds)]


def _random_products(width, layers, seed):
    """The matrix view's products of random layers: linear ones at half, once
    and twice the Xavier scale and at the He scale; sigmoid and tanh ones at
    the Xavier and He scales. Every run draws its weights from the same seed."""
    xavier = float(XAVIER_VARIANCE.subs({n_in: width, n_out: width})) ** 0.5
    he = float(HE_VARIANCE.subs(n_in, width)) ** 0.5
    scales = {"half": xavier / 2, "xavier": xavier, "he": he, "double": 2 * xavier}
    settings = [(name, None) for name in scales] + [(name, act) for name in ("xavier", "he")
                                                     for act in ("sigmoid", "tanh")]
    return [product_spec(width=width, layers=layers, scale=name, std=scales[name], activation=act, seed=seed)
            for name, act in settings]


EXPERIMENTS = {e.name: e for e in (
    Experiment("source-002", "Sigmoid versus ReLU with source 002's initialization",
               "one hidden layer of 128, N(1, 1) weights, Adam; then Xavier/He", _source_002,
               {"epochs": 30, "batch": 128, "seeds": [1, 2, 3], "upsamples": [3, 1]}),
    Experiment("source-003", "Five layers on a binary task: sigmoid, tanh, ReLU",
               "four hidden layers of 32, Xavier weights, plain gradient descent", _source_003,
               {"epochs": 50, "batch": 32, "lr": 0.1, "width": 32, "seeds": [1, 2, 3], "classes": [3, 8]}),
    Experiment("gradient-by-layer", "The gradient reaching each layer",
               "depth 10 and 20, width 32: three activations, three initializations, BN and skips",
               _gradient_by_layer, {"depths": [10, 20], "width": 32, "epochs": 5, "seeds": [1, 2]}),
    Experiment("precision", "A deep sigmoid network in float16, float32 and float64",
               "depth 30, width 32, Xavier weights, plain gradient descent", _precision,
               {"depth": 30, "width": 32, "epochs": 3, "seeds": [1, 2],
                "formats": ["float16", "float32", "float64"]}),
    Experiment("random-products", "Products of random layer Jacobians",
               "50 layers of 64 units: linear at four weight scales, sigmoid and tanh at Xavier's and He's",
               _random_products, {"width": 64, "layers": 50, "seed": 16}),
)}
