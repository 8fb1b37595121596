"""Optimizers take the steps their definitions say, and training is
repeatable: the same seed gives the same numbers to the last digit."""

import numpy as np
import pytest

from gradbook.experiments.network import Init, Network, Split, train
from gradbook.experiments.network.optimizers import SGD, Adam, optimizer


def grads_like(params, rng):
    return [{name: rng.normal(0, 1, a.shape) for name, a in layer.items()} for layer in params]


def test_sgd_steps_against_the_gradient():
    rng = np.random.default_rng(0)
    params = [{"W": rng.normal(0, 1, (3, 2))}]
    before = params[0]["W"].copy()
    grads = grads_like(params, rng)
    SGD(lr=0.5).step(params, grads)
    assert np.array_equal(params[0]["W"], before - 0.5 * grads[0]["W"])


def test_adams_first_step_is_the_learning_rate_times_the_gradients_sign():
    """At step one the bias corrections turn m and v into g and g². Keras adds
    ε to √v before correcting, so the step is lr · g / (|g| + ε/√(1 − β₂))."""
    rng = np.random.default_rng(1)
    params = [{"W": rng.normal(0, 1, (4, 3)), "b": rng.normal(0, 1, 3)}]
    before = [{n: a.copy() for n, a in layer.items()} for layer in params]
    grads = grads_like(params, rng)
    Adam(lr=0.01).step(params, grads)
    for name in ("W", "b"):
        g = grads[0][name]
        np.testing.assert_allclose(params[0][name], before[0][name] - 0.01 * g / (np.abs(g) + 1e-7 / np.sqrt(0.001)),
                                   rtol=1e-12)


def test_an_unknown_optimizer_is_refused():
    with pytest.raises(ValueError, match="unknown optimizer 'rmsprop'"):
        optimizer("rmsprop", 0.1)


def tiny_split() -> Split:
    rng = np.random.default_rng(5)
    x = rng.normal(0, 1, (60, 4))
    y = (x[:, 0] + x[:, 1] > 0).astype(int)
    return Split(x[:40], y[:40], x[40:], y[40:])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64], ids=["float16", "float32", "float64"])
def test_the_same_seed_gives_the_same_numbers(dtype):
    network = Network((4, 6, 6, 2), "tanh", Init("xavier"), batch_norm=True)
    runs = [train(network, tiny_split(), epochs=3, batch=8, seed=seed, dtype=dtype) for seed in (4, 4, 5)]
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_training_records_every_epoch_and_every_layer():
    history = train(Network((4, 6, 2), "relu", Init("he")), tiny_split(), epochs=4, batch=8, method="sgd",
                    lr=0.1, seed=0)
    assert [len(history[k]) for k in ("train_loss", "test_loss", "train_accuracy", "test_accuracy")] == [5] * 4
    assert len(history["grad_norm_initial"]) == len(history["changed_share"]) == 2
    assert history["train_loss"][-1] < history["train_loss"][0]
    assert all(share > 0 for share in history["changed_share"])
