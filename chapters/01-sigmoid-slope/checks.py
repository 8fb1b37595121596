"""Independent checks of chapter 1's families: mpmath's numerical derivative
of the logistic function, not derive's closed forms."""

import mpmath

from gradbook.practice.evaluate import evaluate
from gradbook.practice.independent import answer, close, param, sigmoid
from gradbook.practice.parse import parse


def sigmoid_derivative(problem):
    assert close(answer(problem), mpmath.diff(sigmoid, param(problem, "z")))


def fraction_of_max(problem):
    assert close(answer(problem), 4 * mpmath.diff(sigmoid, param(problem, "z")))


def saturation_threshold(problem):
    z, c = answer(problem), param(problem, "c")
    assert z > 0 and close(mpmath.diff(sigmoid, z), c, mpmath.mpf(10) ** -20)


def differentiate_scaled_sigmoid(problem):
    a = param(problem, "a")
    tree = parse(problem.answers[0].exact, {"z"}, max_length=10_000)
    for point in (-1.5, 0.3, 2.2):
        expected = mpmath.diff(lambda t: sigmoid(a * t), point)
        assert close(evaluate(tree, {"z": mpmath.mpf(point)}), expected, mpmath.mpf(10) ** -20)
