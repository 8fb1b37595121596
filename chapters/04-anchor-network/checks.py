"""Independent checks of chapter 4's families: the chain run forward in
mpmath and differentiated numerically, not traced by derive."""

import mpmath

from gradbook.practice.independent import answer, close, param, sigmoid


def chain_gradient(problem):
    w, x, n = param(problem, "w"), param(problem, "x"), problem.params["layers"]

    def output(first):
        a = sigmoid(first * x)
        for _ in range(n - 1):
            a = sigmoid(w * a)
        return a

    assert close(answer(problem), mpmath.diff(output, w), mpmath.mpf(10) ** -20)


def anchor_signal(problem):
    """δ_1 = ∂L/∂z_1 with the top unit's δ_n = ∂L/∂z_n = 1 (chapter 4's
    convention) is ∂z_n/∂z_1: differentiate the top unit's input with respect
    to the first unit's."""
    w, x, n = param(problem, "w"), param(problem, "x"), problem.params["layers"]

    def top_input(z1):
        z = z1
        for _ in range(n - 1):
            z = w * sigmoid(z)
        return z

    assert close(answer(problem), mpmath.diff(top_input, w * x), mpmath.mpf(10) ** -20)
