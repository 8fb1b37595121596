"""The matrix view's experiment: each run is reproducible from its seed, a
linear layer's record is the spectral norm numpy gives for the product of the
W's drawn the same way, and the catalogue's scales are derive's Xavier and He."""

import numpy as np
import pytest

from gradbook.experiments.catalog import EXPERIMENTS
from gradbook.experiments.products import product_spec
from gradbook.experiments.runs import run

SMALL = {"width": 8, "layers": 5, "scale": "test", "std": 0.4}


@pytest.mark.parametrize("activation", [None, "sigmoid", "tanh"], ids=["linear", "sigmoid", "tanh"])
def test_a_run_is_reproducible_from_its_seed(activation):
    first, again, other = (run(product_spec(**SMALL, activation=activation, seed=seed))["log10_norms"]
                           for seed in (3, 3, 4))
    assert first == again and first != other and len(first) == SMALL["layers"]


def test_a_linear_record_is_the_norm_of_the_product_of_the_weights():
    rng = np.random.default_rng(3)
    rng.standard_normal(SMALL["width"])
    product = np.eye(SMALL["width"])
    expected = []
    for _ in range(SMALL["layers"]):
        product = rng.normal(0.0, SMALL["std"], size=(SMALL["width"],) * 2) @ product
        expected.append(np.log10(np.linalg.svd(product, compute_uv=False)[0]))
    found = run(product_spec(**SMALL, activation=None, seed=3))["log10_norms"]
    assert found == pytest.approx(expected, rel=1e-12)


def test_the_scales_are_xavier_and_he_for_the_width():
    runs = EXPERIMENTS["random-products"].runs()
    width = runs[0]["width"]
    std = {r["weights"]["scale"]: r["weights"]["std"] for r in runs}
    assert std["xavier"] ** 2 == pytest.approx(2 / (width + width), rel=1e-15)
    assert std["he"] ** 2 == pytest.approx(2 / width, rel=1e-15)
    assert std["half"] * 2 == std["xavier"] == std["double"] / 2
    assert {r["activation"] for r in runs} == {None, "sigmoid", "tanh"}
