import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derive import CATALOG, ParameterError, activation
from derive.symbols import z

ALL = list(CATALOG)
oo = sp.oo


def test_the_catalog_has_the_eight_activations():
    assert set(ALL) == {"sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus", "gelu", "silu"}


@pytest.mark.parametrize("name, sup, attained, approached", [
    ("sigmoid", sp.Rational(1, 4), sp.FiniteSet(0), ()),
    ("tanh", sp.Integer(1), sp.FiniteSet(0), ()),
    ("relu", sp.Integer(1), sp.Interval.open(0, oo), ()),
    ("leaky-relu", sp.Integer(1), sp.Interval.open(0, oo), ()),
    ("elu", sp.Integer(1), sp.Interval(0, oo), ()),
    ("softplus", sp.Integer(1), sp.S.EmptySet, (oo,)),
], ids=["sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus"])
def test_exact_slope_suprema(name, sup, attained, approached):
    extremum = CATALOG[name].slope_sup
    assert extremum.value.exact_value == sup
    assert extremum.attained == attained
    assert extremum.approached == approached
    assert not extremum.numeric


def test_gelu_slope_supremum_against_mpmath():
    extremum = CATALOG["gelu"].slope_sup
    assert extremum.attained == sp.FiniteSet(sp.sqrt(2))
    with mpmath.workdps(60):
        r2 = mpmath.sqrt(2)
        independent = mpmath.ncdf(r2) + r2 * mpmath.npdf(r2)
        assert abs(extremum.value.mp - independent) < mpmath.mpf(10) ** -45


def test_silu_slope_supremum_is_numeric_and_right():
    extremum = CATALOG["silu"].slope_sup
    assert extremum.numeric and not extremum.value.is_exact
    (where,) = list(extremum.attained)
    with mpmath.workdps(60):
        def silu(v):
            return v / (1 + mpmath.exp(-v))
        point = mpmath.mpf(str(where))
        assert abs(mpmath.diff(silu, point, 2)) < mpmath.mpf(10) ** -25
        assert abs(mpmath.diff(silu, point) - extremum.value.mp) < mpmath.mpf(10) ** -25
    assert float(where) == pytest.approx(2.3994, abs=1e-4)


def test_only_tanh_is_zero_centred():
    assert [name for name in ALL if CATALOG[name].zero_centred] == ["tanh"]


@pytest.mark.parametrize("name, at, slope", [
    ("sigmoid", 0, sp.Rational(1, 4)),
    ("tanh", 0, sp.Integer(1)),
    ("relu", 0, sp.Integer(0)),
    ("relu", 2, sp.Integer(1)),
    ("leaky-relu", -1, sp.Rational(1, 100)),
    ("elu", 0, sp.Integer(1)),
    ("softplus", 0, sp.Rational(1, 2)),
    ("gelu", 0, sp.Rational(1, 2)),
    ("silu", 0, sp.Rational(1, 2)),
], ids=["sigmoid-0", "tanh-0", "relu-kink", "relu-positive", "leaky-negative", "elu-0",
        "softplus-0", "gelu-0", "silu-0"])
def test_slopes_at_points(name, at, slope):
    assert CATALOG[name].slope(at).exact_value == slope


def test_tanh_is_four_sigmoid_slopes_at_twice_the_input():
    for at in (0, 1, 2, 3):
        tanh_slope = CATALOG["tanh"].slope(at).mp
        sigmoid_slope = CATALOG["sigmoid"].slope(2 * at).mp
        with mpmath.workdps(60):
            assert abs(tanh_slope - 4 * sigmoid_slope) < mpmath.mpf(10) ** -45


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(ALL),
       at=st.decimals(min_value=-8, max_value=8, places=3).filter(lambda d: abs(d) > 0.01))
def test_derivatives_match_finite_differences(name, at):
    act = CATALOG[name]
    f = sp.lambdify(z, act.expr, "mpmath")
    with mpmath.workdps(60):
        point = mpmath.mpf(str(at))
        first = mpmath.diff(f, point)
        second = mpmath.diff(f, point, 2)
        assert abs(first - act.slope(str(at)).mp) < mpmath.mpf(10) ** -35
        assert abs(second - act.curvature(str(at)).mp) < mpmath.mpf(10) ** -30


def test_unknown_activation_is_a_parameter_error():
    with pytest.raises(ParameterError, match="unknown activation"):
        activation("swishy")
