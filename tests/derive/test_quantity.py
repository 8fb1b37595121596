import math

import mpmath
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from derive import CrossCheckError, Quantity
from derive.quantity import cancellation

R = sp.Rational


@pytest.mark.parametrize("exact, latex, text", [
    (R(1, 4), "0.25", "0.25"),
    (R(1, 5) ** 5, r"3.2 \times 10^{-4}", "3.2 × 10⁻⁴"),
    (R(1, 64000), r"1.56 \times 10^{-5}", "1.56 × 10⁻⁵"),
    (-R(1, 64000) / 100, r"-1.56 \times 10^{-7}", "-1.56 × 10⁻⁷"),
    (R(1, 20) ** 20, r"9.54 \times 10^{-27}", "9.54 × 10⁻²⁷"),
    (R(19, 20) ** 100, "0.00592", "0.00592"),
    (sp.Integer(64102), r"6.41 \times 10^{4}", "6.41 × 10⁴"),
    (sp.Integer(10) ** 400, r"1 \times 10^{400}", "1 × 10⁴⁰⁰"),
    (R(1, 40) ** 300, r"2.41 \times 10^{-481}", "2.41 × 10⁻⁴⁸¹"),
    (sp.sqrt(3) / 18, "0.0962", "0.0962"),
    (sp.log(4 + sp.sqrt(15)), "2.06", "2.06"),
    (-sp.pi, "-3.14", "-3.14"),
    (sp.Integer(0), "0", "0"),
], ids=["quarter", "exact-small", "small", "negative", "tiny", "fixed-3sf-below", "large",
        "overflows-float64", "underflows-float64", "irrational", "log", "negative-irrational", "zero"])
def test_house_style(exact, latex, text):
    q = Quantity.exact(exact)
    assert q.latex() == latex
    assert q.text() == text


@pytest.mark.parametrize("exact, latex, text", [
    (R(1, 4), r"\frac{1}{4}", "1/4"),
    (sp.sqrt(3) / 18, r"\frac{\sqrt{3}}{18}", "sqrt(3)/18"),
    (sp.log(4 + sp.sqrt(15)), r"\log{\left(4 + \sqrt{15} \right)}", "log(4 + sqrt(15))"),
], ids=["fraction", "surd", "log"])
def test_exact_form(exact, latex, text):
    q = Quantity.exact(exact)
    assert q.exact_latex() == latex
    assert q.exact_text() == text


def test_more_figures_on_request():
    assert Quantity.exact(sp.sqrt(3) / 18).latex(sig=6) == "0.0962250"
    assert Quantity.exact(R(1, 3)).text(sig=5) == "0.33333"


@pytest.mark.parametrize("exact, where, float64", [
    (R(1, 40) ** 300, "underflow", 0.0),
    (R(1, 2) ** 1060, "subnormal", 2.0 ** -1060),
    (sp.Integer(10) ** 400, "overflow", math.inf),
    (-sp.Integer(10) ** 400, "overflow", -math.inf),
    (R(1, 20) ** 20, "normal", 0.05 ** 20),
], ids=["underflow", "subnormal", "overflow", "negative-overflow", "normal"])
def test_float64_range_is_recorded(exact, where, float64):
    q = Quantity.exact(exact)
    assert q.float64_range == where
    assert q.float64 == pytest.approx(float64, rel=1e-12)
    assert q.mp != 0


def test_underflowed_value_keeps_its_true_size():
    q = Quantity.exact(R(1, 40) ** 300)
    assert q.float64 == 0.0
    assert mpmath.log10(q.mp) == pytest.approx(-480.618, abs=1e-3)


def test_disagreeing_mpmath_value_raises():
    with pytest.raises(CrossCheckError):
        Quantity.exact(R(1, 4), mp=mpmath.mpf("0.25000000001"))


def test_mpmath_must_agree_to_40_digits():
    with mpmath.workdps(60):
        close = mpmath.mpf(1) / 4 + mpmath.mpf(10) ** -45
        off = mpmath.mpf(1) / 4 + mpmath.mpf(10) ** -35
    Quantity.exact(R(1, 4), mp=close)
    with pytest.raises(CrossCheckError):
        Quantity.exact(R(1, 4), mp=off)


def test_disagreeing_float64_raises():
    with pytest.raises(CrossCheckError):
        Quantity.exact(R(1, 4), float64=0.2500001)


def test_float64_that_underflows_too_early_raises():
    with pytest.raises(CrossCheckError):
        Quantity.exact(R(1, 20) ** 20, float64=0.0)


def test_numeric_quantity_needs_a_matching_float64():
    with mpmath.workdps(60):
        value = mpmath.pi / 4
    assert not Quantity.numeric(value, float64=math.pi / 4).is_exact
    with pytest.raises(CrossCheckError):
        Quantity.numeric(value, float64=0.78)


def test_exact_value_needs_no_free_symbols():
    with pytest.raises(ValueError):
        Quantity.exact(sp.Symbol("z"))


def test_numeric_quantity_has_no_exact_form():
    q = Quantity.numeric(mpmath.mpf(2) / 3, float64=2 / 3)
    assert q.exact_string() is None
    with pytest.raises(ValueError):
        q.exact_latex()


@given(st.fractions(min_value=-10**6, max_value=10**6).filter(lambda f: f != 0))
def test_json_form_round_trips(fraction):
    q = Quantity.exact(sp.Rational(fraction.numerator, fraction.denominator))
    data = q.to_dict()
    assert sp.sympify(data["exact"]) == q.exact_value
    mantissa = data["value"].split("e")[0].lstrip("-").replace(".", "")
    assert len(mantissa) >= 25
    with mpmath.workdps(60):
        assert abs(mpmath.mpf(data["value"]) - q.mp) <= abs(q.mp) * mpmath.mpf(10) ** -28
    assert float(data["float64"]) == q.float64


def test_value_string_has_the_promised_digits():
    assert Quantity.exact(R(1, 3125)).value_string(26) == "3.2000000000000000000000000e-4"



def _sum_over_difference(terms):
    """|a| + |b| over |a - b| for the pair `terms()` gives at 60 digits: what
    a - b's cancellation is."""
    with mpmath.workdps(60):
        a, b = terms()
        return float((abs(a) + abs(b)) / abs(a - b))


@pytest.mark.parametrize("expr, terms", [
    (R(1, 3), None),
    (sp.sqrt(2) + 1, None),
    (1 - sp.tanh(4) ** 2, lambda: (1, mpmath.tanh(4) ** 2)),
    (sp.sqrt(10**30 + 1) - 10**15, lambda: (mpmath.sqrt(10**30 + 1), 10**15)),
    (sp.exp(R(1, 10**30)) - 1, lambda: (mpmath.exp(mpmath.mpf(10) ** -30), 1)),
    (sp.log(sp.exp(R(1, 10**8)) - 1), lambda: (mpmath.exp(mpmath.mpf(10) ** -8), 1)),
], ids=["rational", "no-cancellation", "one-minus-tanh-squared", "thirty-digits", "exp-minus-one",
        "a-sum-inside"])
def test_cancellation_is_the_largest_sum_of_sizes_over_the_size_of_the_sum(expr, terms):
    expected = 1.0 if terms is None else _sum_over_difference(terms)
    assert cancellation(expr) == pytest.approx(expected, rel=1e-12)
