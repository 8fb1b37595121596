"""Chapter 4 states the guide's one convention for δ, and its backward table
(Table 4.2) follows it: δ_k = ∂L/∂z_k with the top unit's δ set to one, and
each row's factor w σ'(z_k) is what carries δ from the row above down to it.
The expected values are computed here from the definitions, in mpmath."""


import mpmath
import pytest

from gradbook.claims import book_audit
from gradbook.formatting import markdown_text
from tests.chapters.rendered import chapter_markdown, house

W, X, LAYERS = mpmath.mpf("0.1"), mpmath.mpf(1), 4


def by_definition():
    """The forward pass, then δ_4 = 1 and δ_k = δ_(k+1) · w σ'(z_k) going down."""
    with mpmath.workdps(60):
        z, a = [], X
        for _ in range(LAYERS):
            z.append(W * a)
            a = 1 / (1 + mpmath.exp(-z[-1]))
        slopes = [mpmath.diff(lambda t: 1 / (1 + mpmath.exp(-t)), v) for v in z]
        delta = [mpmath.mpf(1)] * LAYERS
        for k in range(LAYERS - 2, -1, -1):
            delta[k] = delta[k + 1] * W * slopes[k]
    return slopes, delta


@pytest.fixture(scope="module")
def markdown():
    return chapter_markdown("04-anchor-network")


def backward_table(markdown: str) -> tuple[str, list[str], list[list[str]]]:
    """Table 4.2's caption, header cells and rows, cell text with the $…$ removed."""
    lines = markdown[markdown.index("**Table 4.2.**"):].splitlines()
    table = [line for line in lines[1:] if line.startswith("|")][:2 + LAYERS]
    cells = [[cell.strip().strip("$") for cell in line.strip("|").split("|")] for line in table]
    return lines[0], cells[0], cells[2:]


def test_the_chapter_states_the_convention_where_delta_first_appears(markdown):
    first = markdown.index(r"\delta")
    assert "**The convention for" in markdown[first - 40:first]
    assert r"\delta_k = \partial L / \partial z_k" in markdown[first:first + 300]
    assert r"\delta_{4} = \partial L / \partial z_{4} = 1" in markdown[first:first + 600]


def test_table_4_2_holds_delta_and_the_factor_that_carries_it_down(markdown):
    caption, header, rows = backward_table(markdown)
    slopes, delta = by_definition()
    assert r"\delta_k = \partial L / \partial z_k" in header[2]
    assert "own slope" in caption and "its row has no factor" in caption
    expected = [[str(k + 1), house(W * slopes[k]) if k < LAYERS - 1 else "—", house(delta[k])]
                for k in reversed(range(LAYERS))]
    assert [row[:3] for row in rows] == expected


def note_bullets(markdown: str) -> list[str]:
    """The bullets of the note on what source 003 gets right, joined onto one line each."""
    start = markdown.index("**What source 003 gets right")
    note = markdown[start:markdown.index(":::", start)]
    return [" ".join(bullet.split()) for bullet in note.split("\n- ")[1:]]


QUOTED = ["003-21", "003-22", "003-41", "003-61", "003-23", "003-24", "003-25", "003-26"]
"""The claims whose figures the note attributes to source 003."""


@pytest.mark.parametrize("claim", QUOTED, ids=QUOTED)
def test_the_note_on_source_003_quotes_what_the_source_printed(markdown, claim):
    """A figure the note gives as the source's is the audit claim's stated text,
    in the bullet that links to that claim, not a value from derive."""
    bullet = next((b for b in note_bullets(markdown) if f"⟦ref:claim:{claim}⟧" in b), None)
    assert bullet is not None, f"no bullet links to {claim}"
    assert markdown_text(book_audit().stated(claim)) in bullet, bullet


def test_the_first_bullet_calls_the_first_weights_gradient_a_mixed_convention(markdown):
    """003-21's 1.56 × 10⁻⁵ is right with δ_4 = ∂L/∂z_4 = 1 but not in the
    post's own δ steps, which start from ∂L/∂a_4 = 1: the audit calls it
    inconsistent, and the note gives the value under each convention."""
    assert next(v for v in book_audit().run() if v.claim.id == "003-21").verdict == "inconsistent"
    slopes, delta = by_definition()
    from_output = X * slopes[0] * mpmath.fprod(W * s for s in slopes[1:])
    first = note_bullets(markdown)[0]
    assert "⟦ref:claim:003-21⟧" in first and "inconsistent" in first
    assert f"${house(delta[0] * X)}$" in first or f"= {house(delta[0] * X)}$" in first
    assert f"{house(from_output)}$" in first
