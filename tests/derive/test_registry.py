import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from derive import ParameterError, derive
from derive.registry import choice, integer, rational

R = sp.Rational


@pytest.mark.parametrize("text, value", [
    ("0.1", R(1, 10)), ("1/10", R(1, 10)), ("1e-3", R(1, 1000)), ("-2", R(-2)), (".5", R(1, 2)),
    ("2.5E2", R(250)), (" 0.25 ", R(1, 4)), (0.1, R(1, 10)), (3, R(3)),
], ids=["decimal", "fraction", "scientific", "negative", "leading-dot", "upper-e", "spaces",
        "float", "int"])
def test_rational_reads_exactly(text, value):
    assert rational(text) == value


@pytest.mark.parametrize("text", [
    "0.1x", "", "1/0", "__import__('os').system('true')", "exp(1)", "1e99999", "0x10", "1_000",
    "2**10", "1/2/3", "nan", "inf", "1" * 41,
], ids=["trailing-junk", "empty", "zero-division", "code", "function", "huge-exponent", "hex",
        "underscore", "power", "double-fraction", "nan", "inf", "too-long"])
def test_rational_refuses_anything_else(text):
    with pytest.raises(ParameterError):
        rational(text)


@given(st.text(max_size=30))
def test_rational_never_raises_anything_but_parameter_error(text):
    try:
        value = rational(text)
    except ParameterError:
        return
    assert isinstance(value, sp.Rational)


@pytest.mark.parametrize("text, ok", [("10", True), ("-3", True), ("1.5", False), ("1e3", False),
                                      ("ten", False), ("9" * 10, False)],
                         ids=["plain", "negative", "decimal", "scientific", "word", "too-long"])
def test_integer(text, ok):
    if ok:
        assert integer(text) == int(text)
    else:
        with pytest.raises(ParameterError):
            integer(text)


def test_choice():
    parse = choice("sigmoid", "tanh")
    assert parse("tanh") == "tanh"
    with pytest.raises(ParameterError, match="not one of sigmoid, tanh"):
        parse("relu")


@pytest.mark.parametrize("name, params, message", [
    ("no-such-thing", {}, "unknown derivation"),
    ("saturation-threshold", {"c": "0.3"}, "between 0 and 1/4"),
    ("saturation-threshold", {"c": "0.25"}, "between 0 and 1/4"),
    ("saturation-threshold", {"c": "-1"}, "between 0 and 1/4"),
    ("saturation-threshold", {"c": "abc"}, "parameter c"),
    ("saturation-threshold", {"d": "0.1"}, "no parameter 'd'"),
    ("sigmoid-max", {"c": "0.1"}, "takes: no parameters"),
    ("layers-to-vanish", {"factor": "1"}, "never vanishes"),
    ("layers-to-vanish", {"eps": "2"}, "eps must lie"),
    ("layers-to-vanish", {"factor": "0.99999", "eps": "1e-300"}, "more than"),
    ("depth-product", {"activation": "relu"}, "not one of"),
    ("depth-product", {"layers": "0"}, "layers must be"),
    ("depth-product", {"w": "0"}, "must not be 0"),
    ("xavier-variance", {"fan_in": "0"}, "fan_in must be"),
    ("expected-sigmoid-slope", {"s": "0"}, "s must lie"),
    ("chain-gradient", {"layers": "201"}, "layers must be"),
    ("residual-gradient", {"blocks": "-1"}, "blocks must be"),
    ("saturation-threshold", {"c": "1e-301"}, "at least 1e-300"),
    ("depth-product", {"w": "101"}, "at most 100"),
    ("residual-gradient", {"fprime": "-101"}, "at most 100"),
    ("chain-gradient", {"w": "11"}, "must lie between"),
    ("expected-sigmoid-slope", {"s": "1e-4"}, "s must lie"),
], ids=["unknown-name", "c-too-big", "c-at-max", "c-negative", "c-not-a-number", "unknown-param",
        "no-params", "factor-one", "eps-above-one", "too-many-layers", "bad-choice", "zero-layers",
        "zero-weight", "zero-fan", "zero-spread", "long-chain", "negative-blocks", "c-below-float64",
        "huge-weight", "huge-slope", "chain-weight", "spread-too-small"])
def test_bad_parameters_say_what_is_wrong(name, params, message):
    with pytest.raises(ParameterError, match=message):
        derive(name, **params)


def test_results_are_cached_per_parameters():
    assert derive("saturation-threshold", c="0.1") is derive("saturation-threshold", c="1/10")
    assert derive("saturation-threshold", c="0.1") is not derive("saturation-threshold", c="0.2")
