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
