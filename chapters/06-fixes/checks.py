"""Independent checks of chapter 6's families: exact fractions, and the
expected slope by Gauss-Legendre quadrature of the density written out."""

from fractions import Fraction

import mpmath

from gradbook.practice.independent import answer, close, exact, mp, param


def xavier_variance(problem):
    assert close(answer(problem), mp(Fraction(2, problem.params["fan_in"] + problem.params["fan_out"])))


def he_variance(problem):
    assert close(answer(problem), mp(Fraction(2, problem.params["fan_in"])))


def residual_gradient(problem):
    assert close(answer(problem), mp((1 + exact(problem.params["fprime"])) ** problem.params["blocks"]))


def clip_gradient(problem):
    g = [exact(problem.params["g1"]), exact(problem.params["g2"])]
    tau = exact(problem.params["tau"])
    norm_squared = g[0] ** 2 + g[1] ** 2
    scale = 1 if norm_squared <= tau ** 2 else mp(tau) / mpmath.sqrt(mp(norm_squared))
    assert close(answer(problem, "first"), mp(g[0]) * scale) and close(answer(problem, "second"), mp(g[1]) * scale)


def expected_slope(problem):
    s = param(problem, "s")

    def density(t):
        return mpmath.exp(-t * t / (2 * s * s)) / (s * mpmath.sqrt(2 * mpmath.pi))

    def slope(t):
        return mpmath.exp(-abs(t)) / (1 + mpmath.exp(-abs(t))) ** 2

    points = [-60 * s - 60, -10 * s, -s, 0, s, 10 * s, 60 * s + 60]
    direct = mpmath.quad(lambda t: slope(t) * density(t), points, method="gauss-legendre")
    assert close(answer(problem), direct, mpmath.mpf(10) ** -15)
