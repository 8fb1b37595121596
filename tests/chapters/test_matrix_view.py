"""Chapter 3's matrix view prints what numpy's matrix routines give, and its
claims about the two matrices and the recurrent table hold when recomputed."""

import re

import numpy as np
import pytest

from tests.chapters.rendered import chapter_markdown, house

LAYER = np.array([[2.0, 1.0], [1.0, 3.0]])
WORKED = np.array([[3.0, 2.0], [2.0, 3.0]])
RECURRENT = np.array([[0.9, 1.0], [0.0, 0.5]])
SIGMOID_PEAK = 0.25


@pytest.fixture(scope="module")
def section():
    markdown = chapter_markdown("03-depth")
    start = markdown.index("# The matrix view")
    return " ".join(markdown[start:markdown.index("# Key points", start)].split())


def recurrent_rows(section: str) -> list[list[str]]:
    table = section[section.index("| steps $t$"):]
    return [re.findall(r"\$([^$]*)\$", row) for row in re.findall(r"\| \$\d+\$ \|[^|]*\|[^|]*\|[^|]*\|", table)]


def shown(printed: str, value: float) -> bool:
    """Whether `printed` is `value` as the chapter prints it: rounded to the
    house style, or exactly when the value is exact (0.9, not 0.900)."""
    if printed == house(value):
        return True
    return re.fullmatch(r"-?\d+(\.\d+)?", printed) is not None and float(printed) == pytest.approx(value, rel=1e-12)


def numbers_after(section: str, phrase: str) -> str:
    """The math that follows `phrase` up to the next $."""
    start = section.index(phrase) + len(phrase)
    return section[start:section.index("$", start)]


def norm_of_power(t: int) -> float:
    return np.linalg.norm(np.linalg.matrix_power(RECURRENT, t), 2)


@pytest.mark.parametrize("phrase, value", [
    (r"The example's layer has $\lVert W \rVert_2 = ", np.linalg.norm(LAYER, 2)),
    ("gradient's size by at most $", np.linalg.norm(LAYER, 2) * SIGMOID_PEAK),
    ("layers by at most $", (np.linalg.norm(LAYER, 2) * SIGMOID_PEAK) ** 10),
    ("allows a factor of up to $", np.linalg.norm(LAYER, 2)),
    ("yet that matrix's norm is $", np.linalg.norm(WORKED, 2)),
    (r"This $W$ has $\rho(W) = ", max(abs(np.linalg.eigvals(RECURRENT)))),
    (r"but $\lVert W \rVert_2 = ", np.linalg.norm(RECURRENT, 2)),
], ids=["layer-norm", "layer-factor", "layer-bound", "tanh-factor", "worked-norm", "radius", "recurrent-norm"])
def test_printed_values_are_numpys(section, phrase, value):
    assert shown(numbers_after(section, phrase), value), numbers_after(section, phrase)


def test_the_small_entries_claim_holds(section):
    """Every entry of both matrices is below the sigmoid's threshold and the
    chapter says how large the largest is; the problem's norm exceeds it."""
    largest = WORKED.max()
    assert LAYER.max() == largest < 1 / SIGMOID_PEAK <= np.linalg.norm(WORKED, 2)
    assert shown(numbers_after(section, "Every entry of the example's $W$ is at most $"), largest)


def test_the_recurrent_table_is_numpys(section):
    rows = recurrent_rows(section)
    assert [int(r[0]) for r in rows] == [1, 2, 3, 5, 10, 20, 50]
    for t, norm, radius, ratio in rows:
        t = int(t)
        assert shown(norm, norm_of_power(t)) and shown(radius, 0.9**t)
        assert shown(ratio, norm_of_power(t) / 0.9**t)


def test_the_gradient_grows_before_it_shrinks_where_the_chapter_says(section):
    norms = [norm_of_power(t) for t in range(1, 51)]
    peak_t = int(np.argmax(norms)) + 1
    assert f"up to ${house(max(norms))}$ at $t = {peak_t}$" in section
    assert norms[0] < max(norms) and norms[-1] < norms[0]


def backward_log_norm(std: float, activation: str | None, width: int = 64, layers: int = 50, seed: int = 16) -> float:
    """The same random network, run forward to record its slopes, then
    differentiated backward as backpropagation does: the gradient's Jacobian
    Wᵀ diag(φ′) from the top layer down, whose norm equals the forward one's."""
    rng = np.random.default_rng(seed)
    a = rng.standard_normal(width)
    weights, slopes = [], []
    for _ in range(layers):
        W = rng.normal(0.0, std, size=(width, width))
        z = W @ a
        if activation is None:
            a, slope = z, np.ones(width)
        elif activation == "sigmoid":
            a = 1 / (1 + np.exp(-z))
            slope = a * (1 - a)
        else:
            a = np.tanh(z)
            slope = 1 - a * a
        weights.append(W)
        slopes.append(slope)
    backward = np.eye(width)
    for W, slope in zip(reversed(weights), reversed(slopes)):
        backward = backward @ (slope[:, None] * W)
    return np.linalg.norm(backward.T, 2)


@pytest.mark.parametrize("name, std, activation", [
    ("half_linear", 0.5 / 8, None), ("xavier_linear", 1 / 8, None), ("he_linear", 2**0.5 / 8, None),
    ("double_linear", 2 / 8, None), ("xavier_sigmoid", 1 / 8, "sigmoid"), ("he_sigmoid", 2**0.5 / 8, "sigmoid"),
    ("xavier_tanh", 1 / 8, "tanh"), ("he_tanh", 2**0.5 / 8, "tanh"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_the_random_products_are_backpropagations(section, name, std, activation):
    phrase = {"half_linear": "layers is $", "double_linear": "scale it is $", "xavier_linear": "of order one ($",
              "he_linear": "there the norm reaches $", "xavier_sigmoid": "bring the norm down to $",
              "he_sigmoid": "and at the He scale to $", "xavier_tanh": "at the Xavier scale ($",
              "he_tanh": "grow only to $"}[name]
    assert numbers_after(section, phrase) == house(backward_log_norm(std, activation))


def test_the_random_products_figure_is_drawn(section):
    assert "random-products.svg" in section
