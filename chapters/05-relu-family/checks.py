"""Independent check of chapter 5's family: the pre-activation at every
corner of the inputs' square, in exact fractions."""

from gradbook.practice.independent import answer, exact, mp


def dead_relu(problem):
    w1, w2, b = (exact(problem.params[k]) for k in ("w1", "w2", "b"))
    corners = [w1 * x1 + w2 * x2 + b for x1 in (0, 1) for x2 in (0, 1)]
    assert answer(problem) == mp(max(corners))
