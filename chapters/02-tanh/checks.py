"""Independent checks of chapter 2's families: mpmath's numerical derivatives."""

import mpmath

from gradbook.practice.independent import answer, close, param, sigmoid


def tanh_derivative(problem):
    assert close(answer(problem), mpmath.diff(mpmath.tanh, param(problem, "z")))


def tanh_sigmoid_ratio(problem):
    z = param(problem, "z")
    assert close(answer(problem), mpmath.diff(mpmath.tanh, z) / mpmath.diff(sigmoid, z), mpmath.mpf(10) ** -20)
