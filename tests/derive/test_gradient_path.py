"""The gradient path the explorer shows: held and traced pre-activations, skips,
normalized layers, and how many layers each float format loses."""

import mpmath
import pytest
import sympy as sp

from derive import activation, trace_chain
from derive.activations import mp_function
from derive.errors import ParameterError
from derive.gradient_path import ACTIVATIONS, Setting, format_losses, gradient_path, normalized_factor
from derive.precision import TOLERANCE, workdps

R = sp.Rational


def close(a, b) -> bool:
    with workdps():
        return abs(mpmath.mpf(a) - mpmath.mpf(b)) <= TOLERANCE * max(abs(mpmath.mpf(b)), 1)


@pytest.mark.parametrize("n", [1, 7, 50], ids=lambda n: f"depth-{n}")
def test_a_held_sigmoid_at_zero_passes_on_a_quarter_per_layer_below_the_top(n):
    """δ_n = 1 at the top; each of the n - 1 layers below multiplies by 1/4."""
    path = gradient_path(Setting("sigmoid", n, R(1), R(0)))
    assert len(path.factor) == n - 1
    assert all(close(f, R(1, 4)) for f in path.factor)
    assert close(path.gradient[0], R(1, 4) ** (n - 1))
    assert path.gradient[-1] == 1


def test_the_traced_sigmoid_chain_is_the_anchor_network():
    """The explorer's gradient is chapter 4's δ_k = ∂L/∂z_k (derive.chain), layer by layer:
    w σ'(z_k) of the three units below the top, not of all four."""
    path = gradient_path(Setting("sigmoid", 4, R(1, 10), R(1), traced=True))
    trace = trace_chain(R(1, 10), 1, 4)
    with workdps():
        expected = mpmath.fprod(mpmath.mpf(1) / 10 * s for s in trace.slope[:-1])
    assert [close(a, b) for a, b in zip(path.z, trace.z)] == [True] * 4
    assert [close(a, b) for a, b in zip(path.gradient, trace.delta)] == [True] * 4
    assert close(path.gradient[0], expected)


def test_a_skip_adds_one_to_every_factor():
    plain = gradient_path(Setting("tanh", 5, R(1, 2), R(3, 10), traced=True))
    skip = gradient_path(Setting("tanh", 5, R(1, 2), R(3, 10), traced=True, layer="skip"))
    assert close(skip.z[0], plain.z[0])
    with workdps():  # the skip keeps the input: a_1 = x + tanh(w x), so z_2 = w (x + tanh(w x))
        assert close(skip.factor[0], 1 + plain.factor[0])
        assert close(skip.z[1], (mpmath.mpf(3) / 10 + mpmath.tanh(mpmath.mpf(3) / 20)) / 2)


@pytest.mark.parametrize("z, expected", [(R(-1, 2), 0), (R(1, 2), R(3, 4) ** 5)], ids=["off", "on"])
def test_relu_passes_its_weight_or_nothing(z, expected):
    assert close(gradient_path(Setting("relu", 6, R(3, 4), z)).gradient[0], expected)


def test_relu_after_normalization_passes_on_its_correlation_with_the_input():
    """E[ReLU'(Z)] = 1/2 and sd ReLU(Z) = sqrt((π - 1)/(2π)), worked by hand."""
    expected = sp.sqrt(sp.pi / (2 * (sp.pi - 1)))
    assert close(normalized_factor("relu").mp, sp.N(expected, 60))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_the_normalized_factor_is_a_correlation(name):
    """Stein's lemma: E[Z φ(Z)] = E[φ'(Z)], so the factor is corr(Z, φ(Z)) < 1."""
    phi = mp_function(activation(name).expr)
    with workdps():
        def mean(g):
            return mpmath.quad(lambda v: g(v) * mpmath.npdf(v), [-mpmath.inf, 0, mpmath.inf])
        correlation = mean(lambda v: v * phi(v)) / mpmath.sqrt(mean(lambda v: phi(v) ** 2) - mean(phi) ** 2)
    assert close(normalized_factor(name).mp, correlation)
    assert 0 < normalized_factor(name).mp < 1


def test_a_normalized_layer_ignores_the_point_and_the_size_of_w():
    a = gradient_path(Setting("sigmoid", 4, R(1, 10), R(7), layer="normalized"))
    b = gradient_path(Setting("sigmoid", 4, R(4), R(-2), layer="normalized"))
    c = gradient_path(Setting("sigmoid", 4, R(-4), R(-2), layer="normalized"))
    assert a.gradient == b.gradient
    with workdps():
        assert close(c.gradient[0], -b.gradient[0])
    assert a.z == ()


@pytest.mark.parametrize("fmt, expected", [
    # layer k receives 4^-(50 - k), m = 0 … 49 factors: below 2^-14 from m = 8 and
    # at most 2^-25 from m = 13, so 42 and 37 of 50 layers
    ("float16", {"subnormal": 42, "zero": 37}),
    # 4^-m is below 2^-126 from m = 64, deeper than 50 layers
    ("float32", {"subnormal": 0, "zero": 0}),
], ids=["float16", "float32"])
def test_format_losses_count_the_layers_past_each_limit(fmt, expected):
    assert format_losses(gradient_path(Setting("sigmoid", 50, R(1), R(0))), fmt) == expected


def test_a_limit_that_is_met_exactly_is_not_below_it():
    """4^-7, layer 1's δ in a chain of 8, is float16's smallest normal exactly: normal, not subnormal."""
    assert format_losses(gradient_path(Setting("sigmoid", 8, R(1), R(0))), "float16")["subnormal"] == 0
    assert format_losses(gradient_path(Setting("sigmoid", 9, R(1), R(0))), "float16")["subnormal"] == 1


@pytest.mark.parametrize("kwargs", [
    {"activation": "elu"}, {"depth": 0}, {"depth": 51}, {"w": R(6)}, {"at": R(-11)}, {"layer": "dropout"},
], ids=["activation", "depth-0", "depth-51", "weight", "point", "layer"])
def test_settings_outside_the_explorer_are_refused(kwargs):
    settings = {"activation": "tanh", "depth": 3, "w": R(1), "at": R(0), **kwargs}
    with pytest.raises(ParameterError):
        Setting(**settings)
