"""The cache codec: every type the build caches reads back exactly as it was
made (unevaluated sympy included), anything else is refused when stored, and
decoding runs no code an entry names."""

import dataclasses
import math
from pathlib import Path

import mpmath
import numpy
import pytest
import sympy as sp
from hypothesis import given, strategies as st

from derive import Measured, Quantity, derive
from derive.derivation import Step
from derive.symbols import fraction, kept, sigma, z
from gradbook.book import Part
from gradbook.cache_codec import CodecError, decode, encode
from gradbook.labels import Label
from gradbook.practice.generate import practice_set
from gradbook.render import Rendered
from tests.gradbook.cache_values import same

u = sp.Symbol("u", positive=True)
half = sp.Rational(1, 2)


class Elsewhere(sp.Function):
    """A sympy class defined outside sympy and derive."""


@dataclasses.dataclass(frozen=True)
class Local:
    """A dataclass defined outside derive and gradbook."""

    x: int


def mpf_60_digits():
    with mpmath.workdps(60):
        return mpmath.mpf(1) / 3


def with_extra_attribute():
    value = Measured(1.5)
    object.__setattr__(value, "extra", 1)
    return value


ROUND_TRIPS = {
    "none-bool-int": lambda: [None, True, False, 0, -7, 2 ** 200],
    "floats": lambda: [0.1, -0.0, math.inf, -math.inf, math.nan, 5e-324, 1.7976931348623157e308],
    "text-and-bytes": lambda: ["σ′(z) ≤ ¼", "", b"", b"\x00\xff svg"],
    "nested-containers": lambda: {"a": [(1, 2.5), {3: b"x"}], (1, "k"): (), None: [[]]},
    "path": lambda: Path("/tmp/chapters/01-one"),
    "mpf-60-digits": mpf_60_digits,
    "mpf-specials": lambda: [mpmath.mpf(0), mpmath.inf, -mpmath.inf, mpmath.nan, mpmath.mpf(-2.5)],
    "unevaluated-add": lambda: sp.Add(sp.Mul(half, u, evaluate=False), sp.Mul(half, 1 - u, evaluate=False),
                                      evaluate=False),
    "fraction-2-784": lambda: fraction(2, 784),
    "fraction-2-sum": lambda: fraction(2, sp.Add(128, 784, evaluate=False)),
    "unevaluated-expr": lambda: sp.Mul(kept(sp.Rational(1, 10)), kept(sp.Rational(1, 4)), evaluate=False),
    "numbers": lambda: [sp.Integer(12), sp.Rational(-3, 7), half, sp.S.One, sp.S.Zero, sp.S.NegativeOne,
                        sp.Float("0.1", 30), sp.Float(0.0), sp.Float("-inf")],
    "singletons": lambda: [sp.pi, sp.E, sp.oo, -sp.oo, sp.S.true, sp.S.false, sp.nan, sp.zoo],
    "symbols": lambda: [sp.Symbol("x"), z, u, sp.Symbol("n", integer=True, positive=True)],
    "calculus": lambda: [sp.Derivative(sigma(z), z), sp.Subs(sp.Derivative(sigma(z), z), z, 0),
                         sp.Integral(half * z ** 2, (z, 0, 1)), sp.Limit(sp.tanh(z), z, sp.oo)],
    "relations": lambda: [sp.Eq(sigma(z), 1 / (1 + sp.exp(-z)), evaluate=False), sp.Lt(z, 0, evaluate=False),
                          sp.Le(z, 1, evaluate=False)],
    "functions": lambda: [sp.exp(0, evaluate=False), sp.log(2), sp.tanh(z), sp.cosh(z) ** 2, sigma(0),
                          sp.Function("F", real=True)(z), sp.Max(0, z), sp.floor(z / 2)],
    "piecewise": lambda: sp.Piecewise((z, z > 0), (0, True)),
    "quantity": lambda: Quantity.exact(fraction(2, 784)),
    "measured": lambda: Measured(0.975),
    "derivation": lambda: derive("sigmoid-max"),
    "step": lambda: Step(fraction(2, 784), sp.Rational(1, 392), "reduce", "symbolic"),
    "practice-set": lambda: practice_set(seed=1),
    "rendered": lambda: Rendered(Part("01-one", Path("/tmp/one"), 1), "One", "# One\n", {"a.svg": b"<svg/>"},
                                 ["hello"], [Label("fig", "one:curve", "1.1", "01-one.html")], False),
}


@pytest.mark.parametrize("make", ROUND_TRIPS.values(), ids=ROUND_TRIPS.keys())
def test_a_value_reads_back_as_it_was_made(make):
    value = make()
    assert same(value, decode(*encode(value)))


def test_an_unevaluated_expression_stays_unevaluated():
    read = decode(*encode(fraction(2, sp.Add(128, 784, evaluate=False))))
    assert sp.srepr(read) == "Mul(Integer(2), Pow(Add(Integer(128), Integer(784)), Integer(-1)))"


def test_an_mpf_keeps_every_bit_whatever_the_working_precision():
    value = mpf_60_digits()
    assert decode(*encode(value))._mpf_ == value._mpf_ and mpmath.mp.prec == 53


PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(),
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple)
                   | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)),
    max_leaves=20)


@given(PLAIN)
def test_nested_plain_data_reads_back_as_it_was_made(value):
    assert same(value, decode(*encode(value)))


REFUSED = {
    "set": lambda: {1, 2},
    "float-subclass": lambda: numpy.float64(0.5),
    "str-subclass": lambda: type("Text", (str,), {})("x"),
    "dummy-symbol": lambda: sp.Dummy("d"),
    "a-function": lambda: print,
    "dataclass-elsewhere": lambda: Local(1),
    "sympy-class-elsewhere": lambda: Elsewhere(z),
    "extra-attribute": with_extra_attribute,
    "mpc": lambda: mpmath.mpc(1, 2),
    "function-with-an-attribute": lambda: sp.Function("F", shape=object())(z),
    "symbol-with-an-unknown-assumption": lambda: sp.Symbol("x", foo=True),
}


@pytest.mark.parametrize("make", REFUSED.values(), ids=REFUSED.keys())
def test_a_value_of_another_type_is_refused(make):
    with pytest.raises(CodecError):
        encode(make())


def test_a_class_name_two_loaded_classes_share_is_refused():
    """Which of the two a name meant could differ from one process to the next."""
    twins = [type("Twin", (sp.Function,), {"__module__": "derive.symbols"}) for _ in range(2)]
    for twin in twins:
        with pytest.raises(CodecError):
            encode(twin(z))


def forged(tmp_path):
    canary = str(tmp_path / "canary")
    return {
        "os-system": {"node": ["posix.system", [f"touch {canary}"]]},
        "popen": {"node": ["subprocess.Popen", [["touch", canary]]]},
        "popen-dataclass": {"dataclass": ["subprocess.Popen", {"args": ["touch", canary]}]},
        "no-such-module": {"dataclass": ["gradbook.no_such_module.Thing", {}]},
        "not-a-dataclass": {"dataclass": ["gradbook.build_cache.BuildCache", {"folder": "/", "enabled": True}]},
        "not-a-sympy-class": {"node": ["gradbook.cache_codec.CodecError", []]},
        "undeclared-field": {"dataclass": ["derive.measured.Measured", {"value": 1.0, "extra": 1}]},
        "missing-field": {"dataclass": ["derive.measured.Measured", {}]},
        "dunder-singleton": {"singleton": "__class__"},
        "sympy-class-elsewhere": {"node": [f"{__name__}.Elsewhere", [{"Symbol": ["x", {}]}]]},
        "dataclass-elsewhere": {"dataclass": [f"{__name__}.Local", {"x": 1}]},
        "bad-assumption": {"Symbol": ["x", {"real": "yes"}]},
        "function-attribute": {"function": ["F", {"foo": 1}, [{"Symbol": ["x", {}]}]]},
        "unnormalized-mpf": {"mpf": [0, 2, 0, 2]},
        "text-for-sympify": {"node": ["sympy.functions.elementary.exponential.exp",
                                      [f"__import__('os').system('touch {canary}')"]]},
        "no-such-blob": {"bytes": -1},
        "a-float-as-number": {"float": 1.5},
        "unknown-tag": {"pickle": "gASVAAAAAAAAAACMAm9zlIwGc3lzdGVtlJOU"},
        "two-tags": {"float": "1.0", "path": "/"},
    }


@pytest.mark.parametrize("name", forged(Path("/unused")).keys())
def test_decoding_refuses_what_the_codec_did_not_write_and_runs_nothing(tmp_path, name):
    with pytest.raises(CodecError):
        decode(forged(tmp_path)[name], [b"a blob"])
    assert not (tmp_path / "canary").exists()
