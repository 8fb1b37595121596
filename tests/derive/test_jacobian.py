"""The matrix view's derivations: each step fails when altered, and the
numbers agree with numpy's matrix routines, a route that shares nothing with
derive's closed forms."""

import numpy as np
import pytest
import sympy as sp

from derive import derive
from derive.derivation import step
from derive.errors import ParameterError, VerificationError

MATRICES = [("2", "1", "1", "3"), ("0.5", "-0.3", "0.2", "0.4"), ("-4", "0", "0", "1"), ("1", "2", "3", "4"),
            ("0.1", "0", "0", "0")]
MATRIX_IDS = ["symmetric", "decimals", "diagonal", "one-to-four", "rank-one"]
SLOPE = {"sigmoid": 0.25, "tanh": 1.0}


def as_array(entries) -> np.ndarray:
    return np.array([float(sp.Rational(v)) for v in entries]).reshape(2, 2)


@pytest.mark.parametrize("name, params", [
    ("spectral-bound", {}),
    ("spectral-bound", {"activation": "tanh", "w11": "0.5", "w12": "-0.3", "w21": "0.2", "w22": "0.4"}),
    ("recurrent-powers", {}),
    ("recurrent-powers", {"steps": "5"}),
], ids=["spectral-sigmoid", "spectral-tanh", "recurrent-50", "recurrent-5"])
def test_every_step_fails_when_altered(name, params):
    for s in derive(name, **params).steps:
        with pytest.raises(VerificationError):
            step(s.lhs, s.rhs + sp.Rational(1, 1000), s.reason)


@pytest.mark.parametrize("entries", MATRICES, ids=MATRIX_IDS)
@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_the_bound_is_numpys_spectral_norm_times_the_largest_slope(entries, activation):
    d = derive("spectral-bound", activation=activation, **dict(zip(("w11", "w12", "w21", "w22"), entries)),
               layers="3")
    norm = np.linalg.norm(as_array(entries), 2)
    assert d.details["spectral norm"].float64 == pytest.approx(norm, rel=1e-12)
    assert d.result.float64 == pytest.approx(norm * SLOPE[activation], rel=1e-12)
    assert d.details["bound through the layers"].float64 == pytest.approx((norm * SLOPE[activation]) ** 3, rel=1e-12)


@pytest.mark.parametrize("entries", MATRICES, ids=MATRIX_IDS)
def test_no_layer_jacobian_exceeds_the_bound(entries):
    """Wᵀ diag(σ′(z)) at random pre-activations z never stretches more than ‖W‖₂/4."""
    W = as_array(entries)
    bound = derive("spectral-bound", **dict(zip(("w11", "w12", "w21", "w22"), entries))).result.float64
    rng = np.random.default_rng(3)
    for z in rng.normal(0, 3, size=(200, 2)):
        slope = np.exp(-z) / (1 + np.exp(-z)) ** 2
        assert np.linalg.norm(W.T @ np.diag(slope), 2) <= bound * (1 + 1e-12)
    assert np.linalg.norm(W.T @ np.diag([0.25, 0.25]), 2) == pytest.approx(bound, rel=1e-12)


@pytest.mark.parametrize("steps", [1, 2, 5, 50], ids=["t1", "t2", "t5", "t50"])
def test_recurrent_powers_agree_with_numpys_matrix_power(steps):
    d = derive("recurrent-powers", steps=str(steps))
    W = np.array([[0.9, 1.0], [0.0, 0.5]])
    assert d.result.float64 == pytest.approx(np.linalg.norm(np.linalg.matrix_power(W, steps), 2), rel=1e-12)
    assert d.details["radius to the t"].float64 == pytest.approx(max(abs(np.linalg.eigvals(W))) ** steps, rel=1e-12)


def test_the_recurrent_gradient_shrinks_like_the_spectral_radius_to_the_t():
    """‖W^t‖₂ / ρ^t tends to the norm of the projection P = (W - λ₂I)/(λ₁ - λ₂)
    onto the leading eigenvector, here [[1, 5/2], [0, 0]], whose norm is √29/2."""
    d = derive("recurrent-powers", steps="160")
    assert float(d.result.mp / d.details["radius to the t"].mp) == pytest.approx(29**0.5 / 2, rel=1e-9)


@pytest.mark.parametrize("name, params", [
    ("spectral-bound", {"w11": "0", "w12": "0", "w21": "0", "w22": "0"}),
    ("spectral-bound", {"w11": "101"}),
    ("recurrent-powers", {"w12": "-1", "w21": "1"}),
    ("recurrent-powers", {"w11": "1", "w12": "1", "w21": "1", "w22": "0"}),
], ids=["zero", "too-large", "complex-eigenvalues", "irrational-eigenvalues"])
def test_unusable_matrices_are_refused(name, params):
    with pytest.raises(ParameterError):
        derive(name, **params)
