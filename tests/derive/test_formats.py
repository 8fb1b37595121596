"""Float formats: their limits agree with numpy and ml_dtypes, and the depths
at which a product leaves them agree with numpy computing in the format."""

import ml_dtypes
import numpy as np
import pytest
import sympy as sp

from derive.errors import ParameterError
from derive.formats import FORMATS, exact_depths, float_format, multiplied_depths

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


@pytest.mark.parametrize("call, message", [
    (lambda: float_format("float8"), "unknown format 'float8'"),
    (lambda: exact_depths(sp.Integer(2), FORMATS["float16"]), "strictly between 0 and 1"),
], ids=["unknown-format", "factor-above-one"])
def test_bad_parameters_are_refused(call, message):
    with pytest.raises(ParameterError, match=message):
        call()
