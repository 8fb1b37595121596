import mpmath
import pytest

from derive import trace_chain
from derive.chain import chain_gradient_float64


def sigmoid(v):
    return 1 / (1 + mpmath.exp(-v))


def output_of(w, x, layers, first=None):
    """a_n of the chain, with the first link's weight optionally set apart."""
    signal = sigmoid((w if first is None else first) * x)
    for _ in range(layers - 1):
        signal = sigmoid(w * signal)
    return signal


@pytest.fixture(scope="module")
def anchor():
    return trace_chain("0.1", 1, 4)


def test_forward_pass_follows_the_definition(anchor):
    with mpmath.workdps(60):
        assert anchor.z[0] == mpmath.mpf("0.1")
        for k in range(1, anchor.layers):
            assert abs(anchor.z[k] - anchor.w * anchor.a[k - 1]) < mpmath.mpf(10) ** -55
        for z, a, s in zip(anchor.z, anchor.a, anchor.slope):
            assert abs(a - sigmoid(z)) < mpmath.mpf(10) ** -55
            assert abs(s - mpmath.diff(sigmoid, z)) < mpmath.mpf(10) ** -40


def test_delta_a_is_the_derivative_of_the_output_with_respect_to_each_activation(anchor):
    """delta_a[k] = ∂a_n/∂a_k: perturb a_k and run the rest of the chain forward."""
    with mpmath.workdps(80):
        w = anchor.w
        for k in range(anchor.layers):
            def rest(a_k, k=k):
                signal = a_k
                for _ in range(anchor.layers - 1 - k):
                    signal = sigmoid(w * signal)
                return signal
            numeric = mpmath.diff(rest, anchor.a[k])
            assert abs(numeric - anchor.delta_a[k]) < abs(anchor.delta_a[k]) * mpmath.mpf(10) ** -40
    assert anchor.delta_a[-1] == 1


def test_first_weight_gradient_by_finite_differences(anchor):
    with mpmath.workdps(80):
        numeric = mpmath.diff(lambda first: output_of(anchor.w, anchor.x, 4, first), anchor.w)
        assert abs(numeric - anchor.grad_w[0]) < abs(numeric) * mpmath.mpf(10) ** -40


def test_weight_gradients_carry_the_slope_and_the_input(anchor):
    """grad_w[k] = delta_a[k] · σ'(z_k) · a_(k-1): the factor σ'(z_1) that source 003 drops."""
    inputs = (anchor.x,) + anchor.a[:-1]
    with mpmath.workdps(60):
        for d, s, i, g in zip(anchor.delta_a, anchor.slope, inputs, anchor.grad_w):
            assert abs(g - d * s * i) < abs(g) * mpmath.mpf(10) ** -55


def test_float64_path_agrees(anchor):
    assert chain_gradient_float64(0.1, 1.0, 4) == pytest.approx(float(anchor.grad_w[0]), rel=1e-14)


def test_an_empty_chain_is_refused():
    with pytest.raises(ValueError):
        trace_chain(1, 1, 0)
