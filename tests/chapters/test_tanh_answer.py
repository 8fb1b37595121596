"""Chapter 2 says what it prints: the table of expected slopes holds the values
of independent mpmath quadratures and the least depths computed here, and the
answer to rehearse is five to seven sentences followed by six to ten follow-up
questions, each answer linking to where the guide shows it."""

import re

import mpmath
import pytest
import sympy as sp

from tests.chapters.rendered import chapter_markdown, house

THRESHOLD = mpmath.mpf(10) ** -6
MATH = re.compile(r"\$[^$]*\$")
REFERENCE = re.compile(r"⟦ref:[a-z]+:[A-Za-z0-9-]+⟧")


def expected(slope, s) -> mpmath.mpf:
    """E[slope(Z)] for Z ~ N(0, s²), by quadrature over the whole line."""
    with mpmath.workdps(40):
        density = lambda t: mpmath.exp(-t * t / (2 * s * s)) / (s * mpmath.sqrt(2 * mpmath.pi))  # noqa: E731
        return mpmath.quad(lambda t: slope(t) * density(t), [-60 * s, -s, 0, s, 60 * s])


def tanh_slope(t):
    return 1 / mpmath.cosh(t) ** 2


def sigmoid_slope(t):
    return 1 / (4 * mpmath.cosh(t / 2) ** 2)


def least_depth(factor) -> int:
    n = 1
    while factor ** n >= THRESHOLD:
        n += 1
    return n


@pytest.fixture(scope="module")
def markdown():
    return chapter_markdown("02-tanh")


@pytest.fixture(scope="module")
def rows(markdown):
    after = markdown[markdown.index("{#tab-expected-slopes}"):].splitlines()
    start = next(i for i, line in enumerate(after) if line.startswith("|"))
    end = next((i for i, line in enumerate(after[start:]) if not line.startswith("|")), len(after))
    return [[cell.strip().strip("$") for cell in line.strip("|").split("|")] for line in after[start + 2:start + end]]


@pytest.fixture(scope="module")
def answer(markdown):
    """The section "The answer to rehearse", up to the next section (the chapter's exercises)."""
    return markdown[markdown.index("## The answer to rehearse"):].split("\n## ", 1)[0]


def test_the_table_has_a_row_for_each_spread(rows):
    assert [r[0] for r in rows] == ["0.5", "1", "2", "5"]


@pytest.mark.parametrize("index", range(4), ids=["s-0.5", "s-1", "s-2", "s-5"])
def test_the_expected_slopes_match_a_quadrature(rows, index):
    s, tanh, sigmoid, ratio, tanh_layers, sigmoid_layers = rows[index]
    spread = mpmath.mpf(sp.Rational(s).p) / sp.Rational(s).q
    e_tanh, e_sigmoid = expected(tanh_slope, spread), expected(sigmoid_slope, spread)
    assert (tanh, sigmoid, ratio) == (house(e_tanh), house(e_sigmoid), house(e_tanh / e_sigmoid))
    assert (int(tanh_layers), int(sigmoid_layers)) == (least_depth(e_tanh), least_depth(e_sigmoid))


def test_the_threshold_in_the_text_is_the_one_the_depths_use(markdown):
    assert r"$\varepsilon = 1 \times 10^{-6}$" in markdown


def test_the_pointwise_only_claim_is_gone(markdown):
    assert "saturates sooner than a sigmoid" not in markdown


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, with its math set aside (its decimal points end nothing)."""
    prose = MATH.sub("x", paragraph)
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z])", prose.strip()) if s]


@pytest.mark.parametrize("text, count", [
    ("One. Two, at $0.25$. Three?", 3),
    ("A slope of $0.606$ against $0.207$ (⟦ref:tab:x⟧).", 1),
], ids=["three", "decimals-in-math"])
def test_sentences_are_counted_as_a_reader_counts_them(text, count):
    assert len(sentences(text)) == count


def test_the_answer_is_five_to_seven_sentences(answer):
    paragraph = answer[answer.index("**The answer.**") + len("**The answer.**"):].split("\n\n", 1)[0]
    assert 5 <= len(sentences(paragraph)) <= 7
    assert len(REFERENCE.findall(paragraph)) >= 4


def follow_ups(answer: str) -> list[str]:
    block = answer[answer.index("**Follow-up questions.**"):]
    return re.findall(r"^- \*\*(.+?)\*\*(.*?)(?=^- |\Z)", block, re.M | re.S)


def test_there_are_six_to_ten_follow_ups(answer):
    assert 6 <= len(follow_ups(answer)) <= 10


def test_each_follow_up_is_a_question_answered_in_two_or_three_sentences_with_a_link(answer):
    misfits = [question for question, reply in follow_ups(answer)
               if not (question.endswith("?") and 2 <= len(sentences(" ".join(reply.split()))) <= 3
                       and REFERENCE.search(reply))]
    assert misfits == []
