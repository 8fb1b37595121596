"""expected-tanh-slope: E[tanh'(Z)] = 4 E[σ'(2Z)] for Z ~ N(0, s²). Every step
is verified and fails when altered; the value and the depths are checked here
against mpmath quadratures and exact powers written from the definitions."""

import mpmath
import pytest
import sympy as sp

from derive import VerificationError, derive, step
from derive.derivations.normalization import normal_density, spread_symbol
from derive.errors import ParameterError
from derive.symbols import sigma, z

SPREADS = ["1/1000", "1/2", "1", "2", "5", "500"]


def expected(slope, s) -> mpmath.mpf:
    """E[slope(Z)] for Z ~ N(0, s²), by Gauss-Legendre quadrature over the whole line."""
    with mpmath.workdps(60):
        k = mpmath.mpf(sp.Rational(s).p) / sp.Rational(s).q
        cuts = sorted({-60 * k, -k, 0, k, 60 * k, -1, 1} | ({-40, -4, 4, 40} if k > 4 else set()))
        return mpmath.quad(lambda t: slope(t) * mpmath.npdf(t, 0, k), cuts, method="gauss-legendre")


def tanh_slope(t):
    return 1 - mpmath.tanh(t) ** 2


def sigmoid_slope(t):
    e = mpmath.exp(-abs(t))
    return e / (1 + e) ** 2


@pytest.mark.parametrize("s", SPREADS, ids=SPREADS)
def test_the_expected_slopes_match_quadratures_of_the_definitions(s):
    d = derive("expected-tanh-slope", s=s)
    assert abs(d.result.mp - expected(tanh_slope, s)) < mpmath.mpf(10) ** -40 * d.result.mp
    sigmoid_value = d.details["E[σ'(Z)]"].mp
    assert abs(sigmoid_value - expected(sigmoid_slope, s)) < mpmath.mpf(10) ** -40 * sigmoid_value
    assert d.result.mp > sigmoid_value
    assert d.result.mp < 1


@pytest.mark.parametrize("s", SPREADS, ids=SPREADS)
def test_the_depths_are_the_least_powers_below_the_threshold(s):
    d = derive("expected-tanh-slope", s=s, eps="1/1000000")
    for slope, key in ((d.result.mp, "tanh layers below eps"), (d.details["E[σ'(Z)]"].mp, "sigmoid layers below eps")):
        n = int(d.details[key].exact_value)
        with mpmath.workdps(60):
            assert slope ** n < mpmath.mpf(10) ** -6
            assert n == 1 or slope ** (n - 1) >= mpmath.mpf(10) ** -6


def test_narrow_and_wide_spreads_reach_their_limits():
    narrow, wide = derive("expected-tanh-slope", s="1/1000"), derive("expected-tanh-slope", s="500")
    assert float(narrow.result) == pytest.approx(1, abs=1e-5)
    assert float(wide.result) == pytest.approx(float(wide.details["wide-spread approximation"]), rel=1e-5)
    assert float(wide.result.mp / wide.details["E[σ'(Z)]"].mp) == pytest.approx(2, rel=1e-4)


def _altered(s: step) -> tuple:
    """The step with its right-hand side moved a little: by a hundredth, or for a
    number known to 50 digits, in its thirtieth digit."""
    if s.rhs.is_Float:
        return s.lhs, s.rhs * (1 + sp.Float(10, 60) ** -30)
    return s.lhs, s.rhs + sp.Rational(1, 100)


STEPS = range(len(derive("expected-tanh-slope").steps))


@pytest.mark.parametrize("index", STEPS, ids=[f"step-{i + 1}" for i in STEPS])
def test_every_step_is_verified_and_fails_when_altered(index):
    s = derive("expected-tanh-slope").steps[index]
    assert s.check in ("symbolic", "numeric")
    lhs, rhs = _altered(s)
    with pytest.raises(VerificationError):
        step(lhs, rhs, "altered")


@pytest.mark.parametrize("lhs, rhs", [
    (sp.Derivative(sp.tanh(z), z), 2 * sp.Subs(sp.Derivative(sigma(sp.Symbol("t", real=True)), sp.Symbol("t", real=True)),
                                               sp.Symbol("t", real=True), 2 * z)),
    (sp.Subs(normal_density(z, spread_symbol), z, sp.Symbol("y", real=True) / 2) / 2,
     normal_density(sp.Symbol("y", real=True), spread_symbol)),
    (sp.Limit(sp.tanh(z), z, sp.oo) - sp.Limit(sp.tanh(z), z, -sp.oo), 1),
], ids=["factor-two-not-four", "spread-not-doubled", "area-of-one"])
def test_the_likely_slips_are_refused(lhs, rhs):
    with pytest.raises(VerificationError):
        step(lhs, rhs, "a likely slip")


@pytest.mark.parametrize("params, message", [
    ({"s": "0"}, "s must lie"), ({"s": "1000"}, "s must lie"), ({"eps": "1"}, "eps must lie"),
], ids=["zero-spread", "too-wide", "threshold-one"])
def test_bad_parameters_say_what_is_wrong(params, message):
    with pytest.raises(ParameterError, match=message):
        derive("expected-tanh-slope", **params)
