"""Float formats: their limits agree with numpy and ml_dtypes, and the depths
at which a product leaves them agree with numpy computing in the format."""

import ml_dtypes
import numpy as np
import pytest
import sympy as sp

from derive.errors import ParameterError
from derive.formats import (FORMATS, deepest_scaled_depth, exact_depths, float_format, loss_scale_range,
                            multiplied_depths)

FACTORS = [sp.Rational(1, 4), sp.Rational(1, 5), sp.Rational(1, 20), sp.Rational(1, 40)]
CASES = [(f, name) for f in FACTORS for name in FORMATS]
IDS = [f"{f}-{name}" for f, name in CASES]


def finfo(fmt):
    return ml_dtypes.finfo(fmt.dtype) if fmt.name == "bfloat16" else np.finfo(fmt.dtype)


@pytest.mark.parametrize("name", FORMATS)
def test_the_limits_are_the_libraries(name):
    fmt = FORMATS[name]
    assert float(fmt.smallest_normal) == float(finfo(fmt).smallest_normal)
    assert float(fmt.smallest_subnormal) == float(finfo(fmt).smallest_subnormal)
    assert float(fmt.largest) == float(finfo(fmt).max)


@pytest.mark.parametrize("factor, name", CASES, ids=IDS)
def test_the_exact_zero_depth_is_where_numpy_rounds_the_product_to_zero(factor, name):
    fmt, depths = FORMATS[name], exact_depths(factor, FORMATS[name])
    rounded = [fmt.dtype(float(factor ** n)) for n in (depths["zero"] - 1, depths["zero"])]
    assert rounded[0] != 0 and rounded[1] == 0
    before, at = (fmt.dtype(float(factor ** n)) for n in (depths["subnormal"] - 1, depths["subnormal"]))
    assert before >= fmt.dtype(float(fmt.smallest_normal)) > at


@pytest.mark.parametrize("factor, name", CASES, ids=IDS)
def test_multiplying_layer_by_layer_matches_numpys_running_product(factor, name):
    fmt = FORMATS[name]
    found = multiplied_depths(float(factor), fmt)
    products = np.cumprod(np.full(found["zero"], float(factor)).astype(fmt.dtype), dtype=fmt.dtype)
    assert products[-1] == 0 and products[-2] != 0
    normal = fmt.dtype(float(fmt.smallest_normal))
    assert found["subnormal"] == 1 + int(np.argmax(products < normal))


@pytest.mark.parametrize("factor, name, expected", [
    (sp.Rational(1, 4), "float16", {"subnormal": 8, "below_smallest": 13, "zero": 13}),
    (sp.Rational(1, 4), "float32", {"subnormal": 64, "below_smallest": 75, "zero": 75}),
    (sp.Rational(1, 4), "float64", {"subnormal": 512, "below_smallest": 538, "zero": 538}),
], ids=["quarter-float16", "quarter-float32-tie", "quarter-float64"])
def test_powers_of_two_land_exactly_on_the_limits(factor, name, expected):
    """0.25^7 = 2^-14 is float16's smallest normal, so depth 7 is still normal;
    0.25^75 = 2^-150 is half float32's smallest subnormal, a tie that rounds
    to zero (to even)."""
    assert exact_depths(factor, FORMATS[name]) == expected
    assert np.float32(2.0 ** -150) == 0


def test_rounding_among_subnormals_can_keep_a_product_alive_one_layer_longer():
    fmt = FORMATS["float64"]
    assert multiplied_depths(1 / 40, fmt)["zero"] == exact_depths(sp.Rational(1, 40), fmt)["zero"] + 1


SCALED = [(f, depth, name) for f in FACTORS for depth in (3, 10, 20) for name in ("float16", "bfloat16")]


def scaled_in_format(scale_exponent: int, factor, depth: int, fmt):
    """The gradient at `depth` with the loss scaled by 2^scale_exponent, as
    numpy rounds it into the format, and the same for the top gradient, one."""
    with np.errstate(over="ignore"):
        bottom = fmt.dtype(np.float64(2.0) ** scale_exponent * np.float64(float(factor)) ** depth)
        top = fmt.dtype(np.float64(2.0) ** scale_exponent)
    return bottom, top


@pytest.mark.parametrize("factor, depth, name", SCALED, ids=[f"{f}-{d}-{n}" for f, d, n in SCALED])
def test_the_loss_scales_are_the_ones_numpy_keeps_normal_and_finite(factor, depth, name):
    """The least scale keeps the bottom gradient normal and half of it does
    not; the greatest keeps the top finite and twice it does not."""
    fmt, found = FORMATS[name], loss_scale_range(factor, depth, FORMATS[name])
    normal = finfo(fmt).smallest_normal
    assert scaled_in_format(found.least, factor, depth, fmt)[0] >= normal
    assert scaled_in_format(found.least - 1, factor, depth, fmt)[0] < normal
    assert np.isfinite(scaled_in_format(found.greatest, factor, depth, fmt)[1])
    assert np.isinf(scaled_in_format(found.greatest + 1, factor, depth, fmt)[1])


@pytest.mark.parametrize("factor", FACTORS, ids=str)
def test_the_deepest_scaled_depth_is_the_last_with_a_scale_that_works(factor):
    fmt = FORMATS["float16"]
    depth = deepest_scaled_depth(factor, fmt)
    assert not loss_scale_range(factor, depth, fmt).empty
    assert loss_scale_range(factor, depth + 1, fmt).empty


def test_a_scaled_float16_backward_pass_keeps_the_sigmoids_tenth_layer_normal():
    """Multiplying layer by layer in float16, as a network does: unscaled the
    gradient at depth 10 is subnormal, scaled by the least scale it is normal."""
    fmt, factor = FORMATS["float16"], np.float16(0.25)
    least = loss_scale_range(sp.Rational(1, 4), 10, fmt).least
    normal = np.finfo(np.float16).smallest_normal
    for scale, is_normal in ((1, False), (2 ** (least - 1), False), (2 ** least, True)):
        gradient = np.float16(scale)
        for _ in range(10):
            gradient = np.float16(gradient * factor)
        assert bool(gradient >= normal) == is_normal, scale


@pytest.mark.parametrize("call, message", [
    (lambda: float_format("float8"), "unknown format 'float8'"),
    (lambda: exact_depths(sp.Integer(2), FORMATS["float16"]), "strictly between 0 and 1"),
    (lambda: loss_scale_range(sp.Rational(1, 4), 0, FORMATS["float16"]), "depth must be at least 1"),
], ids=["unknown-format", "factor-above-one", "depth-zero"])
def test_bad_parameters_are_refused(call, message):
    with pytest.raises(ParameterError, match=message):
        call()
