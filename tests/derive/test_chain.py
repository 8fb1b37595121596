import mpmath
import pytest

from derive import trace_chain
from derive.chain import chain_gradient_float64, deltas_float64


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


def pre_activation_of_top(w, x, layers, k, z_k):
    """z_n of the chain when unit k's pre-activation is set to z_k (k counted from 0)."""
    signal = sigmoid(z_k)
    for _ in range(layers - 1 - k):
        z = w * signal
        signal = sigmoid(z)
    return z if k < layers - 1 else z_k


def test_delta_is_the_derivative_of_the_top_pre_activation(anchor):
    """The guide's convention: δ_k = ∂L/∂z_k with δ_n = ∂L/∂z_n = 1, so δ_k = ∂z_n/∂z_k."""
    with mpmath.workdps(80):
        for k in range(anchor.layers):
            numeric = mpmath.diff(lambda v, k=k: pre_activation_of_top(anchor.w, anchor.x, anchor.layers, k, v),
                                  anchor.z[k])
            assert abs(numeric - anchor.delta[k]) < abs(anchor.delta[k]) * mpmath.mpf(10) ** -40
    assert anchor.delta[-1] == 1


def test_the_weight_gradient_is_delta_times_the_input(anchor):
    """∂L/∂w_1 = ∂z_n/∂w_1 = δ_1 x: perturb the first weight and run the chain forward."""
    with mpmath.workdps(80):
        numeric = mpmath.diff(lambda first: anchor.w * output_of(anchor.w, anchor.x, anchor.layers - 1, first),
                              anchor.w)
        assert abs(numeric - anchor.weight_gradient[0]) < abs(numeric) * mpmath.mpf(10) ** -40
    inputs = (anchor.x,) + anchor.a[:-1]
    with mpmath.workdps(60):
        for g, d, i in zip(anchor.weight_gradient, anchor.delta, inputs):
            assert abs(g - d * i) < abs(g) * mpmath.mpf(10) ** -55


def test_float64_deltas_agree(anchor):
    assert deltas_float64(0.1, 1.0, 4) == pytest.approx([float(d) for d in anchor.delta], rel=1e-14)


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
