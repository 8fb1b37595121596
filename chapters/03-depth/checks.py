"""Independent checks of chapter 3's families: exact fractions multiplied
out one layer at a time, and numpy's matrix norm."""

from fractions import Fraction

import numpy as np

from gradbook.practice.independent import answer, close, exact, least_power_below, mp


def depth_product(problem):
    p = problem.params
    assert close(answer(problem), mp(exact(p["factor"]) ** p["layers"]))


def first_layer_update(problem):
    p = problem.params
    assert close(answer(problem), mp(exact(p["lr"]) * exact(p["factor"]) ** p["layers"]))


def layers_to_vanish(problem):
    assert answer(problem) == least_power_below(exact(problem.params["factor"]), exact(problem.params["eps"]))


def depth_bound(problem):
    p = problem.params
    peak = Fraction(1, 4) if p["activation"] == "sigmoid" else Fraction(1)
    factor = abs(exact(p["w"])) * peak
    assert close(answer(problem, "factor"), mp(factor))
    assert close(answer(problem, "bound"), mp(factor ** p["layers"]))


def underflow_depth(problem):
    bits = {"float16": 24, "float32": 149, "float64": 1074}[problem.params["format"]]
    factor, tiny = exact(problem.params["factor"]), Fraction(1, 2**bits)
    assert answer(problem) == least_power_below(factor, tiny)
    zero, product = 1, factor
    while product > tiny / 2:  # ties round to even, and zero is even
        zero, product = zero + 1, product * factor
    assert f"zero after that, from depth ${zero}$ on" in problem.solution


def spectral_bound(problem):
    p = problem.params
    W = np.array([[float(p["w11"]), float(p["w12"])], [float(p["w21"]), float(p["w22"])]])
    norm = np.linalg.norm(W, 2)
    peak = 0.25 if p["activation"] == "sigmoid" else 1.0
    assert abs(float(answer(problem, "norm")) / norm - 1) <= 1e-12
    assert abs(float(answer(problem, "factor")) / (norm * peak) - 1) <= 1e-12
    assert ("must vanish" in problem.solution) == (norm * peak < 1)
