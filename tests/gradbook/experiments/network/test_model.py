"""Backpropagation, checked against finite differences of the same network's
loss computed with 60-digit mpmath numbers, for every activation of the
catalog, with and without batch normalization and skips, for both losses."""

import mpmath
import numpy as np
import pytest

from derive import CATALOG
from derive.precision import workdps
from gradbook.experiments.network import Init, Network

OPTIONS = {"plain": {}, "batch-norm": {"batch_norm": True}, "skips": {"skip": True},
           "batch-norm-and-skips": {"batch_norm": True, "skip": True}}
CASES = [(name, option, "softmax") for name in CATALOG for option in OPTIONS] + \
        [(name, "batch-norm-and-skips", "sigmoid") for name in CATALOG]
STEP = mpmath.mpf(10) ** -20


def exact(array: np.ndarray) -> np.ndarray:
    """The same binary numbers as mpmath numbers."""
    return np.array([mpmath.mpf(float(v)) for v in array.ravel()], dtype=object).reshape(array.shape)


def probed_entries(params: list[dict]):
    """Two entries of every parameter array: the first and the last."""
    for k, layer in enumerate(params):
        for name, array in layer.items():
            for index in {0, array.size - 1}:
                yield k, name, np.unravel_index(index, array.shape)


def finite_difference(network, params, x, y, k, name, index) -> mpmath.mpf:
    def loss_at(shift):
        moved = [{key: exact(a) for key, a in layer.items()} for layer in params]
        moved[k][name][index] += shift
        return network.loss(moved, exact(x), y)

    return (loss_at(STEP) - loss_at(-STEP)) / (2 * STEP)


@pytest.mark.parametrize("activation, option, output", CASES, ids=[f"{a}-{o}-{out}" for a, o, out in CASES])
def test_backpropagation_matches_60_digit_finite_differences(activation, option, output):
    rng = np.random.default_rng(7)
    sizes = (3, 4, 4, 2 if output == "softmax" else 1)
    network = Network(sizes, activation, Init("normal", 0.1, 0.8), output, **OPTIONS[option])
    params = network.initial_parameters(rng)
    for layer in params:  # non-zero biases and scales, so that every term is exercised
        for name in layer:
            if name != "W":
                layer[name] = layer[name] + rng.normal(0, 0.3, layer[name].shape)
    x = rng.normal(0, 1, (5, 3))
    y = rng.integers(0, sizes[-1] if output == "softmax" else 2, 5)
    _, grads = network.gradients(params, x, y)
    scale = max(float(np.abs(g).max()) for layer in grads for g in layer.values())
    with workdps():
        for k, name, index in probed_entries(params):
            expected = finite_difference(network, params, x, y, k, name, index)
            got = grads[k][name][index]
            assert abs(mpmath.mpf(float(got)) - expected) <= 1e-9 * scale, (k, name, index, got, expected)


def test_the_loss_is_the_same_in_float64_and_at_60_digits():
    rng = np.random.default_rng(3)
    network = Network((3, 4, 4, 2), "gelu", Init("xavier"), batch_norm=True, skip=True)
    params = network.initial_parameters(rng)
    x, y = rng.normal(0, 1, (6, 3)), rng.integers(0, 2, 6)
    with workdps():
        high = network.loss([{n: exact(a) for n, a in layer.items()} for layer in params], exact(x), y)
    assert float(network.loss(params, x, y)) == pytest.approx(float(high), rel=1e-13)


def test_skips_join_only_layers_of_equal_width():
    network = Network((3, 4, 4, 2), "relu", skip=True)
    params = network.initial_parameters(np.random.default_rng(0))
    x = np.random.default_rng(1).normal(0, 1, (2, 3))
    _, kept = network.forward(params, x)
    first_hidden = np.maximum(x @ params[0]["W"] + params[0]["b"], 0)
    second = first_hidden + np.maximum(first_hidden @ params[1]["W"] + params[1]["b"], 0)
    assert np.array_equal(kept[-1]["input"], second)


@pytest.mark.parametrize("kind, fan_in, fan_out, variance", [
    ("xavier", 64, 32, 2 / 96), ("he", 64, 32, 2 / 64), ("normal", 64, 32, 0.25),
], ids=["xavier", "he", "normal"])
def test_initial_weights_have_the_derived_variance(kind, fan_in, fan_out, variance):
    init = Init(kind, 0.0, 0.5)
    assert init.std_for(fan_in, fan_out) ** 2 == pytest.approx(variance, rel=1e-15)
    weights = Network((fan_in * 20, fan_out * 20), "relu", init).initial_parameters(np.random.default_rng(0))[0]["W"]
    assert weights.var() == pytest.approx(Init(kind, 0.0, 0.5).std_for(fan_in * 20, fan_out * 20) ** 2, rel=0.02)


@pytest.mark.parametrize("kwargs, message", [
    ({"sizes": (3,), "activation": "relu"}, "at least an input and an output"),
    ({"sizes": (3, 2), "activation": "swish"}, "unknown activation"),
    ({"sizes": (3, 2), "activation": "relu", "output": "tanh"}, "unknown output"),
    ({"sizes": (3, 2), "activation": "relu", "output": "sigmoid"}, "one unit"),
], ids=["too-short", "unknown-activation", "unknown-output", "sigmoid-width"])
def test_a_bad_network_is_refused(kwargs, message):
    with pytest.raises(Exception, match=message):
        Network(**kwargs)


def test_an_unknown_initialization_is_refused():
    with pytest.raises(ValueError, match="unknown initialization"):
        Init("orthogonal")
