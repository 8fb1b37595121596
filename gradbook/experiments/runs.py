"""One run, described as plain data and carried out: a training run, or a
product of random layers (products.py, the matrix view's experiment).

A training run's description says which data, which network, how it trains
and which seed; `run` returns plain data. The description, with the code and the data,
is all that decides a run's numbers, which is what the cache keys on.
"""

import numpy as np

from gradbook.experiments.data import digits
from gradbook.experiments.network import Init, Network, train
from gradbook.experiments.products import KIND as RANDOM_PRODUCT, random_product

DTYPES = {"float16": np.float16, "float32": np.float32, "float64": np.float64}


def spec(*, data: dict, hidden: list[int], activation: str, init: dict, training: dict, seed: int,
         batch_norm: bool = False, skip: bool = False) -> dict:
    return {"data": data, "network": {"hidden": hidden, "activation": activation, "init": init,
                                      "batch_norm": batch_norm, "skip": skip},
            "training": training, "seed": seed}


def run(description: dict) -> dict:
    """Carry out the run a description describes: a product of random layers,
    or a training run, whose history (see network/training.py) comes with
    the size of the data and the mean over training examples of the sum of the
    inputs (a unit's mean pre-activation when every weight is one)."""
    if description.get("kind") == RANDOM_PRODUCT:
        return random_product(description)
    data_args = description["data"]
    data = digits(data_args.get("upsample", 1), tuple(data_args["classes"]) if "classes" in data_args else None)
    binary = "classes" in data_args
    net = description["network"]
    network = Network((data.x_train.shape[1], *net["hidden"], 1 if binary else 10), net["activation"],
                      Init(**net["init"]), "sigmoid" if binary else "softmax", net["batch_norm"], net["skip"])
    training = dict(description["training"])
    dtype = DTYPES[training.pop("dtype", "float64")]
    history = train(network, data, seed=description["seed"], dtype=dtype, **training)
    return history | {"inputs": int(data.x_train.shape[1]), "classes": len(np.unique(data.y_train)),
                      "train_size": len(data.y_train),
                      "test_size": len(data.y_test),
                      "mean_input_sum": float(data.x_train.sum(axis=1).mean())}
