"""Every named derivation verifies, and its result matches an independent check."""

import math
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derive import CATALOG, REGISTRY, Quantity, derive, names
from derive.derivations import normalization
from derive.derivations.depth import least_power_below
from derive.derivations.sigmoid import sigmoid_derivative
from derive.errors import CrossCheckError

R = sp.Rational
REQUIRED = ["sigmoid-derivative", "sigmoid-max", "sigmoid-max-amgm", "sigmoid-second-derivative-max",
            "tanh-derivative", "tanh-max", "tanh-sigmoid-identity", "saturation-threshold",
            "depth-product", "layers-to-vanish", "xavier-variance", "he-variance",
            "residual-gradient", "expected-sigmoid-slope", "chain-gradient"]


def sigmoid(v):
    return 1 / (1 + mpmath.exp(-v))


def test_every_required_derivation_is_registered():
    assert set(REQUIRED) <= set(names())


@pytest.mark.parametrize("name", names(), ids=names())
def test_every_step_is_verified(name):
    d = derive(name)
    assert d.steps, f"{name} has no steps"
    assert all(s.check in ("symbolic", "numeric") for s in d.steps)
    data = d.to_dict()
    assert set(data) >= {"name", "steps", "result"}
    assert set(data["result"]) >= {"exact", "value"}


@pytest.mark.parametrize("name, params, exact", [
    ("sigmoid-max", {}, R(1, 4)),
    ("sigmoid-max-amgm", {}, R(1, 4)),
    ("sigmoid-second-derivative-max", {}, sp.sqrt(3) / 18),
    ("tanh-max", {}, sp.Integer(1)),
    ("saturation-threshold", {"c": "0.1"}, sp.log(4 + sp.sqrt(15))),
    ("saturation-threshold", {"c": "1/10"}, sp.log(4 + sp.sqrt(15))),
    ("xavier-variance", {"fan_in": "784", "fan_out": "128"}, R(2, 784 + 128)),
    ("he-variance", {"fan_in": "512"}, R(2, 512)),
    ("depth-product", {"activation": "sigmoid", "w": "1", "layers": "10"}, R(1, 4) ** 10),
    ("depth-product", {"activation": "tanh", "w": "0.5", "layers": "3"}, R(1, 2) ** 3),
    ("residual-gradient", {"fprime": "0.1", "blocks": "10"}, R(11, 10) ** 10),
], ids=["sigmoid-max", "amgm", "second-derivative", "tanh-max", "threshold-decimal",
        "threshold-fraction", "xavier", "he", "depth-sigmoid", "depth-tanh", "residual"])
def test_exact_results(name, params, exact):
    result = derive(name, **params).result
    assert sp.simplify(result.exact_value - exact) == 0


def test_saturation_threshold_is_exactly_log_4_plus_sqrt_15():
    assert derive("saturation-threshold", c="0.1").result.exact_value == sp.log(4 + sp.sqrt(15))


@pytest.mark.parametrize("c", ["0.1", "0.018", "0.2", "1e-6", "0.2499", "0.24999999999999999999", "1e-300"])
def test_saturation_threshold_solves_the_equation(c):
    result = derive("saturation-threshold", c=c).result
    with mpmath.workdps(60):
        s = sigmoid(result.mp)
        target = mpmath.mpf(sp.Rational(c).p) / sp.Rational(c).q
        assert abs(s * (1 - s) - target) < mpmath.mpf(10) ** -45
        assert result.mp > 0


def test_sources_thresholds():
    """Source 003 says |z| > 2 puts σ' below 0.10: the threshold is past 2, so it does not."""
    assert derive("saturation-threshold", c="0.1").result.mp > 2
    assert derive("saturation-threshold", c="0.018").result.mp < 4


def test_second_derivative_max_by_finite_differences():
    d = derive("sigmoid-second-derivative-max")
    where = d.details["attained at z"]
    with mpmath.workdps(80):
        second = mpmath.diff(sigmoid, where.mp, 2)
        third = mpmath.diff(sigmoid, where.mp, 3)
        assert abs(second - mpmath.sqrt(3) / 18) < mpmath.mpf(10) ** -40
        assert abs(third) < mpmath.mpf(10) ** -40
    assert sp.simplify(where.exact_value + sp.log(2 + sp.sqrt(3))) == 0


def test_sigmoid_derivative_has_both_forms():
    d = sigmoid_derivative()
    z = sp.Symbol("z", real=True)
    exp_form = d.details["exponential form"]
    assert sp.simplify(exp_form - sp.diff(1 / (1 + sp.exp(-z)), z)) == 0


@pytest.mark.parametrize("s", ["1", "0.5", "3", "0.01", "20", "1000", "0.001"])
def test_expected_slope_by_two_quadratures(s):
    result = derive("expected-sigmoid-slope", s=s).result
    spread = sp.Rational(s)
    with mpmath.workdps(60):
        k = mpmath.mpf(spread.p) / spread.q

        def integrand(z):
            return sigmoid(z) * (1 - sigmoid(z)) * mpmath.npdf(z, 0, k)

        scales = sorted({k, 10 * k, 60 * k, 1, 4, 10, 40})
        reach = max(60 * k, 40)
        cuts = [-v for v in reversed(scales) if v <= reach] + [0] + [v for v in scales if v <= reach]
        gauss = mpmath.quad(integrand, cuts, method="gauss-legendre")
        tanh_sinh = mpmath.quad(integrand, [-mpmath.inf, 0, mpmath.inf], method="tanh-sinh")
        assert abs(gauss - tanh_sinh) < mpmath.mpf(10) ** -40
        assert abs(result.mp - gauss) < mpmath.mpf(10) ** -40


def test_expected_slope_at_unit_spread_is_about_0_2066():
    assert float(derive("expected-sigmoid-slope").result) == pytest.approx(0.2066, abs=5e-5)


def test_expected_slope_falls_with_spread_towards_its_limits():
    values = [float(derive("expected-sigmoid-slope", s=s).result) for s in ("0.01", "1", "100")]
    assert values[0] == pytest.approx(0.25, abs=1e-4)
    assert values[0] > values[1] > values[2]
    assert values[2] == pytest.approx(1 / (100 * math.sqrt(2 * math.pi)), rel=1e-3)


@pytest.mark.parametrize("factor, eps", [("0.25", "1e-6"), ("0.5", "0.125"), ("0.95", "0.01"),
                                         ("0.05", "1e-26"), ("0.999", "1e-3")],
                         ids=["quarter", "exact-power", "slow", "fast", "very-slow"])
def test_layers_to_vanish_is_the_least_such_n(factor, eps):
    f, e = sp.Rational(factor), sp.Rational(eps)
    n = int(derive("layers-to-vanish", factor=factor, eps=eps).result.exact_value)
    brute = next(k for k in range(1, 100_000) if f ** k < e)
    assert n == brute


@pytest.mark.parametrize("w, x, layers", [("0.1", "1", 4), ("0.5", "1", 6), ("2", "-0.5", 3), ("1", "1", 1),
                                          ("10", "10", 6), ("-10", "10", 5), ("0.1", "1", 7), ("3", "-2", 30)],
                         ids=["anchor", "exercise-w", "negative-x", "one-unit", "saturating", "saturating-negative",
                              "deeper-than-exact", "deep"])
def test_chain_gradient_by_finite_differences(w, x, layers):
    result = derive("chain-gradient", w=w, x=x, layers=str(layers)).result
    W, X = sp.Rational(w), sp.Rational(x)
    with mpmath.workdps(100):
        wv, xv = mpmath.mpf(W.p) / W.q, mpmath.mpf(X.p) / X.q

        def output(first):
            signal = sigmoid(first * xv)
            for _ in range(layers - 1):
                signal = sigmoid(wv * signal)
            return signal

        assert abs(mpmath.diff(output, wv) - result.mp) < abs(result.mp) * mpmath.mpf(10) ** -40


def test_depth_product_reports_where_it_explodes():
    d = derive("depth-product", activation="sigmoid", w="5", layers="3")
    assert d.details["explodes above |w| ="].exact_value == 4
    assert d.result.exact_value == (R(5, 4)) ** 3


def test_every_result_is_a_checked_quantity_or_an_expression():
    for name in names():
        result = derive(name).result
        assert isinstance(result, (Quantity, sp.Basic)), name


def test_titles_and_parameters_are_documented():
    for entry in REGISTRY.values():
        assert entry.title
        assert all(p.help for p in entry.params)


@pytest.mark.parametrize("activation", list(CATALOG), ids=list(CATALOG))
def test_activation_slope_agrees_with_the_catalog(activation):
    d = derive("activation-slope", activation=activation)
    assert d.result is CATALOG[activation].slope_sup.value
    assert all(s.check in ("symbolic", "numeric") for s in d.steps)
    assert ("attained at z" in d.details) == isinstance(CATALOG[activation].slope_sup.attained, sp.FiniteSet)


@settings(max_examples=15, deadline=None)
@given(st.fractions(min_value=Fraction(1, 10**6), max_value=Fraction(1, 4)).filter(lambda c: c < Fraction(1, 4)))
def test_saturation_threshold_for_any_c(c):
    result = derive("saturation-threshold", c=c).result  # a Fraction: no text-length limit
    with mpmath.workdps(60):
        s = sigmoid(result.mp)
        assert abs(s * (1 - s) - mpmath.mpf(c.numerator) / c.denominator) < mpmath.mpf(10) ** -45
        assert abs(result.mp - mpmath.acosh(mpmath.mpf(c.denominator) / (2 * c.numerator) - 1)) \
            < mpmath.mpf(10) ** -45


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=30))
def test_layers_to_vanish_for_any_factor(hundredths, exponent):
    factor, eps = sp.Rational(hundredths, 100), sp.Rational(1, 10**exponent)
    n = int(derive("layers-to-vanish", factor=factor, eps=eps).result.exact_value)
    assert factor ** n < eps
    assert n == 1 or factor ** (n - 1) >= eps


@pytest.mark.parametrize("estimate", [1, 3, 4, 5, 40], ids=["far-below", "one-below", "right", "one-above", "far-above"])
def test_least_power_is_settled_exactly_whatever_the_estimate(estimate):
    assert least_power_below(R(1, 2), R(1, 8), estimate) == 4


@pytest.mark.parametrize("layers, exact", [(6, True), (7, False)], ids=["closed-form", "numeric"])
def test_chain_gradient_carries_its_closed_form_only_while_it_is_small(layers, exact):
    assert derive("chain-gradient", layers=str(layers)).result.is_exact is exact


def test_expected_slope_refuses_a_step_too_coarse_to_converge(monkeypatch):
    monkeypatch.setattr(normalization, "STEP", mpmath.mpf(1) / 4)
    with pytest.raises(CrossCheckError, match="has not converged"):
        normalization.expected_slope_mp(1)
