"""The network's activations are derive's: the array functions agree with the
catalog's 60-digit values, never return NaN, and round correctly to float16."""

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import sympy as sp

from derive import CATALOG
from derive.precision import workdps
from derive.symbols import z
from gradbook.experiments.network.elementwise import activation_pair, softplus

POINTS = [-800.0, -30.0, -1.5, -0.25, 0.5, 1.0, 3.0, 40.0, 800.0]


REFERENCES = {
    ("gelu", "value"): lambda v: v * mpmath.ncdf(v),
    ("gelu", "slope"): lambda v: mpmath.ncdf(v) + v * mpmath.npdf(v),
}
"""GELU written with mpmath's normal CDF, which is accurate far below zero, where
the catalog's 1 + erf(z/sqrt 2) loses all 60 digits."""


def close(got: float, exact: mpmath.mpf) -> bool:
    """Agreement to 12 digits wherever float64 can hold the value (GELU at -30
    is -1.5e-196); below 1e-300 the float must be no larger than that."""
    if abs(exact) < mpmath.mpf("1e-300"):
        return abs(got) <= 1e-300
    return abs(mpmath.mpf(got) - exact) <= mpmath.mpf("1e-12") * abs(exact)


@pytest.mark.parametrize("name", CATALOG, ids=list(CATALOG))
@pytest.mark.parametrize("which", ["value", "slope"])
def test_the_array_function_agrees_with_the_catalog(name, which):
    f = activation_pair(name)[0 if which == "value" else 1]
    expr = CATALOG[name].expr if which == "value" else CATALOG[name].derivative
    reference = REFERENCES.get((name, which)) or sp.lambdify(z, expr, modules="mpmath")
    got = f(np.array(POINTS))
    with workdps():
        for point, value in zip(POINTS, got):
            exact = reference(mpmath.mpf(point))
            assert close(float(value), exact), (name, which, point, value, exact)


@pytest.mark.parametrize("name", CATALOG, ids=list(CATALOG))
@settings(max_examples=30, deadline=None)
@given(values=arrays(np.float64, 12, elements=st.floats(-1e5, 1e5)))
def test_no_activation_or_slope_returns_nan_or_infinity_where_the_value_is_finite(name, values):
    value, slope = activation_pair(name)
    assert np.isfinite(slope(values)).all()
    if name != "softplus" or values.max() < 700:
        assert np.isfinite(value(values)).all()


@pytest.mark.parametrize("dtype", [np.float16, np.float32], ids=["float16", "float32"])
def test_a_narrow_format_gets_the_float64_value_rounded(dtype):
    slope = activation_pair("sigmoid")[1]
    points = np.linspace(-20, 20, 81)
    narrow = slope(points.astype(dtype))
    assert narrow.dtype == dtype
    assert (narrow == slope(points.astype(dtype).astype(np.float64)).astype(dtype)).all()


def test_mpmath_numbers_go_through_mpmath():
    slope = activation_pair("sigmoid")[1]
    with workdps():
        got = slope(np.array([mpmath.mpf(0), mpmath.mpf(-800)], dtype=object))
        assert got[0] == mpmath.mpf(1) / 4
        assert got[1] == mpmath.exp(-800) / (1 + mpmath.exp(-800)) ** 2


def test_softplus_does_not_overflow():
    assert softplus(np.array([800.0, -800.0])).tolist() == [800.0, pytest.approx(0.0, abs=1e-300)]
