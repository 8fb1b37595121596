"""Every family's answers, checked by a route that does not go through derive:
exact fractions, direct iteration, mpmath differentiation and quadrature,
finite differences. Hypothesis draws the seeds and difficulties."""

import re
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive.numbers import round_sig
from gradbook.practice.families import FAMILIES
from gradbook.practice.model import Problem
from gradbook.practice.sheets import shown_value
from gradbook.practice.evaluate import evaluate
from gradbook.practice.parse import parse


TIGHT = mpmath.mpf(10) ** -25


def sig(t):
    return 1 / (1 + mpmath.exp(-t))


def f(value) -> Fraction:
    return Fraction(str(value))


def value(problem: Problem, name: str | None = None):
    answer = problem.answers[0] if name is None else next(a for a in problem.answers if a.name == name)
    return mpmath.mpf(answer.value)


def least_power_below(factor: Fraction, eps: Fraction) -> int:
    n, product = 1, factor
    while product >= eps:
        n, product = n + 1, product * factor
    return n


def close(a, b, rel=TIGHT) -> bool:
    return abs(a - b) <= rel * max(abs(b), mpmath.mpf(10) ** -300)


def check_sigmoid_derivative(p, v):
    assert close(value(p), mpmath.diff(sig, _mp(f(p.params["z"]))))


def check_fraction_of_max(p, v):
    assert close(value(p), 4 * mpmath.diff(sig, _mp(f(p.params["z"]))))


def check_saturation_threshold(p, v):
    z, c = value(p), _mp(f(p.params["c"]))
    assert z > 0 and close(mpmath.diff(sig, z), c, mpmath.mpf(10) ** -20)


def check_differentiate_scaled_sigmoid(p, v):
    a = _mp(f(p.params["a"]))
    tree = parse(p.answers[0].exact, {"z"}, max_length=10_000)
    for point in (-1.5, 0.3, 2.2):
        expected = mpmath.diff(lambda t: sig(a * t), point)
        assert close(evaluate(tree, {"z": mpmath.mpf(point)}), expected, mpmath.mpf(10) ** -20)


def check_tanh_derivative(p, v):
    assert close(value(p), mpmath.diff(mpmath.tanh, _mp(f(p.params["z"]))))


def check_tanh_sigmoid_ratio(p, v):
    z = _mp(f(p.params["z"]))
    assert close(value(p), mpmath.diff(mpmath.tanh, z) / mpmath.diff(sig, z), mpmath.mpf(10) ** -20)


def check_depth_product(p, v):
    assert close(value(p), _mp(f(p.params["factor"]) ** p.params["layers"]))


def check_first_layer_update(p, v):
    assert close(value(p), _mp(f(p.params["lr"]) * f(p.params["factor"]) ** p.params["layers"]))


def check_layers_to_vanish(p, v):
    assert value(p) == least_power_below(f(p.params["factor"]), f(p.params["eps"]))


def check_depth_bound(p, v):
    peak = Fraction(1, 4) if p.params["activation"] == "sigmoid" else Fraction(1)
    factor = abs(f(p.params["w"])) * peak
    assert close(value(p, "factor"), _mp(factor))
    assert close(value(p, "bound"), _mp(factor ** p.params["layers"]))


def check_spectral_bound(p, v):
    W = np.array([[float(p.params["w11"]), float(p.params["w12"])], [float(p.params["w21"]), float(p.params["w22"])]])
    norm = np.linalg.norm(W, 2)
    peak = 0.25 if p.params["activation"] == "sigmoid" else 1.0
    assert float(value(p, "norm")) == pytest.approx(norm, rel=1e-12)
    assert float(value(p, "factor")) == pytest.approx(norm * peak, rel=1e-12)
    assert ("must vanish" in p.solution) == (norm * peak < 1)


def check_underflow_depth(p, v):
    bits = {"float16": 24, "float32": 149, "float64": 1074}[p.params["format"]]
    factor, tiny = f(p.params["factor"]), Fraction(1, 2**bits)
    assert value(p) == least_power_below(factor, tiny)
    zero, product = 1, factor
    while product > tiny / 2:  # ties round to even, and zero is even
        zero, product = zero + 1, product * factor
    assert f"zero after that, from depth ${zero}$ on" in p.solution


def check_chain_gradient(p, v):
    w, x, n = _mp(f(p.params["w"])), _mp(f(p.params["x"])), p.params["layers"]

    def output(first):
        a = sig(first * x)
        for _ in range(n - 1):
            a = sig(w * a)
        return a

    assert close(value(p), mpmath.diff(output, w), mpmath.mpf(10) ** -20)


def check_anchor_signal(p, v):
    """δ_1 = ∂L/∂z_1 with the top unit's δ_n = ∂L/∂z_n = 1 (chapter 4's
    convention) is ∂z_n/∂z_1: differentiate the top unit's input with respect
    to the first unit's."""
    w, x, n = _mp(f(p.params["w"])), _mp(f(p.params["x"])), p.params["layers"]

    def top_input(z1):
        z = z1
        for _ in range(n - 1):
            z = w * sig(z)
        return z

    assert close(value(p), mpmath.diff(top_input, w * x), mpmath.mpf(10) ** -20)


def check_clip_gradient(p, v):
    g = [f(p.params["g1"]), f(p.params["g2"])]
    tau = f(p.params["tau"])
    norm_squared = g[0] ** 2 + g[1] ** 2
    scale = 1 if norm_squared <= tau ** 2 else _mp(tau) / mpmath.sqrt(_mp(norm_squared))
    assert close(value(p, "first"), _mp(g[0]) * scale) and close(value(p, "second"), _mp(g[1]) * scale)


def check_dead_relu(p, v):
    w1, w2, b = (f(p.params[k]) for k in ("w1", "w2", "b"))
    corners = [w1 * x1 + w2 * x2 + b for x1 in (0, 1) for x2 in (0, 1)]
    assert value(p) == _mp(max(corners))


def check_xavier_variance(p, v):
    assert close(value(p), _mp(Fraction(2, p.params["fan_in"] + p.params["fan_out"])))


def check_he_variance(p, v):
    assert close(value(p), _mp(Fraction(2, p.params["fan_in"])))


def check_residual_gradient(p, v):
    assert close(value(p), _mp((1 + f(p.params["fprime"])) ** p.params["blocks"]))


def check_expected_slope(p, v):
    s = _mp(f(p.params["s"]))
    density = lambda t: mpmath.exp(-t * t / (2 * s * s)) / (s * mpmath.sqrt(2 * mpmath.pi))  # noqa: E731
    slope = lambda t: mpmath.exp(-abs(t)) / (1 + mpmath.exp(-abs(t))) ** 2  # noqa: E731
    points = [-60 * s - 60, -10 * s, -s, 0, s, 10 * s, 60 * s + 60]
    direct = mpmath.quad(lambda t: slope(t) * density(t), points, method="gauss-legendre")
    assert close(value(p), direct, mpmath.mpf(10) ** -15)


def _mp(fraction: Fraction):
    return mpmath.mpf(fraction.numerator) / fraction.denominator


CHECKS = {name: globals()[f"check_{name.replace('-', '_')}"] for name in FAMILIES}


def test_there_are_enough_families_and_the_fixed_ones_exist():
    fixed = {"sigmoid-derivative", "tanh-derivative", "fraction-of-max", "depth-product", "first-layer-update",
             "layers-to-vanish", "saturation-threshold", "xavier-variance", "he-variance", "residual-gradient",
             "tanh-sigmoid-ratio", "chain-gradient", "differentiate-scaled-sigmoid"}
    assert fixed <= set(FAMILIES) and len(FAMILIES) >= 16


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), difficulty=st.sampled_from((1, 2, 3)))
def test_every_answer_agrees_with_an_independent_route(name, seed, difficulty):
    problem = FAMILIES[name].generate(seed, 0, difficulty)
    with mpmath.workdps(40):
        CHECKS[name](problem, None)


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
def test_a_problem_survives_json_and_is_the_same_for_the_same_seed(name):
    problem = FAMILIES[name].generate(11, 3, 2)
    assert Problem.from_dict(problem.to_dict()) == problem
    assert FAMILIES[name].generate(11, 3, 2) == problem
    assert all(a.value is None or len(a.value.replace("-", "").split("e")[0].replace(".", "")) >= 25
               for a in problem.answers)
    assert problem.statement and problem.solution and "$" in problem.statement + problem.solution


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
def test_every_level_has_room_for_a_large_set(name):
    """A set of a thousand problems asks each family for about twenty per level."""
    for level in (1, 2, 3):
        drawn = {tuple(sorted(FAMILIES[name].draw(9, slot, 0, level).items())) for slot in range(400)}
        assert len(drawn) >= 30, f"level {level} has only {len(drawn)} different problems"


SQUARED_NUMBER = re.compile(r"-\s*\d[\d.]*(\s*\\times\s*10\^\{-?\d+\})?\s*\^")
"""A minus, a number (perhaps in scientific form) and a power: $-8^2$."""


def negative_bases(latex: str) -> list[str]:
    """Every `-N^k` in `latex` whose minus is a sign, not a subtraction: by
    standard precedence it is -(N^k), never (-N)^k."""
    found = []
    for match in SQUARED_NUMBER.finditer(latex):
        before = latex[:match.start()].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in ")}]"):
            found.append(match.group())
    return found


@pytest.mark.parametrize("latex, expected", [
    ("\\sqrt{-8^2 + -15^2}", ["-8^", "-15^"]),
    ("\\sqrt{(-8)^2 + (-15)^2}", []),
    ("1 - 0.999^2", []),
    ("= -1.5 \\times 10^{-3}^2", ["-1.5 \\times 10^{-3}^"]),
    ("10^{-3} and x^{-2}", []),
], ids=["bare", "bracketed", "subtraction", "scientific", "negative-exponents"])
def test_negative_bases_are_found(latex, expected):
    assert negative_bases(latex) == expected


@pytest.mark.parametrize("name", list(FAMILIES), ids=list(FAMILIES))
def test_no_negative_number_is_raised_to_a_power_without_brackets(name):
    for difficulty in FAMILIES[name].difficulties:
        for seed in range(25):
            problem = FAMILIES[name].generate(seed, 0, difficulty)
            text = "\n".join((problem.statement, problem.solution, problem.hint or ""))
            assert not negative_bases(text), f"seed {seed}, difficulty {difficulty}: {text}"


def shown_numbers(latex: str) -> list[Decimal]:
    """The numbers in a solution as a reader sees them, scientific form included."""
    return [Decimal(m[1]).scaleb(int(m[2] or 0))
            for m in re.finditer(r"(-?\d+(?:\.\d+)?)(?:\s*\\times\s*10\^\{(-?\d+)\})?", latex)]


REPRODUCE = {
    "sigmoid-derivative": (re.compile(r"= ([^=$]+) = [^=$]+\$\.?$"), lambda s, c: s * c),
    "tanh-derivative": (re.compile(r"\\tanh\([^)]*\) = ([^$]+)\$"), lambda t: 1 - t * t),
}
"""Solutions whose answer is arithmetic on numbers they print: where those
numbers are, and the arithmetic a reader does with them."""


@pytest.mark.parametrize("name", list(REPRODUCE), ids=list(REPRODUCE))
def test_a_reader_reproduces_the_answer_from_the_printed_numbers(name):
    pattern, combine = REPRODUCE[name]
    for difficulty in FAMILIES[name].difficulties:
        for seed in range(40):
            problem = FAMILIES[name].generate(seed, 0, difficulty)
            printed = shown_numbers(pattern.search(problem.solution)[1])
            assert round_sig(combine(*printed)) == round_sig(Decimal(problem.answers[0].value)), (
                f"seed {seed}, difficulty {difficulty}: {problem.solution}")


SYMBOLIC = [name for name in FAMILIES
            if any(a.value is None for a in FAMILIES[name].generate(0).answers)]


@pytest.mark.parametrize("name", SYMBOLIC, ids=SYMBOLIC)
def test_a_symbolic_answer_is_shown_as_mathematics_and_its_names_are_introduced(name):
    for difficulty in FAMILIES[name].difficulties:
        problem = FAMILIES[name].generate(5, 0, difficulty)
        for answer in problem.answers:
            shown = shown_value(answer)
            assert shown.startswith("$") and shown.endswith("$") and not re.search(r"\*|`|exp\(", shown), shown
            for constant in answer.grading.get("constants", {}):
                assert f"${constant}$" in problem.statement, problem.statement
