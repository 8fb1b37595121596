"""The claims audit: it covers the five sources, and a sample of claims of
every kind keeps the verdict and value checked here by other means."""

import math

import pytest
import sympy as sp

from derive.audit.model import Claim, check, identical, significant_figures
from derive.errors import CrossCheckError
from gradbook.claims import book_audit
from tests.seeds import seeds_folder

AUDIT = book_audit()
CLAIMS = AUDIT.claims


@pytest.fixture(scope="module")
def by_id() -> dict:
    """Every claim's verdict, by id: the audit run once for the module, when a test first asks."""
    return {v.claim.id: v for v in AUDIT.run()}


def sigmoid_slope(z: float) -> float:
    s = 1 / (1 + math.exp(-z))
    return s * (1 - s)


def anchor_activations() -> list[float]:
    """a_1 … a_4 of source 003's chain (w = 0.1, x = 1), in plain floats."""
    a, found = 1.0, []
    for _ in range(4):
        a = 1 / (1 + math.exp(-0.1 * a))
        found.append(a)
    return found


def anchor_signal(k: int) -> float:
    """∂L/∂a_k in source 003's chain (w = 0.1, x = 1), in plain floats."""
    a, slopes = 1.0, []
    for _ in range(4):
        z = 0.1 * a
        a = 1 / (1 + math.exp(-z))
        slopes.append(a * (1 - a))
    return math.prod(0.1 * s for s in slopes[k:])


def test_the_audit_has_at_least_a_hundred_claims_from_five_sources():
    assert len(CLAIMS) >= 100
    assert len({c.id for c in CLAIMS}) == len(CLAIMS)
    assert [s.number for s in AUDIT.sources] == ["000", "001", "002", "003", "004"]
    assert all(c.id[:3] == c.source[:3] for c in CLAIMS)


def test_the_audit_covers_every_source_text_and_cites_no_other():
    assert {c.source for c in CLAIMS} == {p.name for p in seeds_folder().glob("*.txt")}


SAMPLE = {
    # id: (verdict, a number the computed value must be close to, or None)
    "000-01": ("correct", 0.25),
    "000-02": ("correct as rounded", sigmoid_slope(3)),
    "000-04": ("correct as rounded", 0.05 ** 20),
    "001-08": ("wrong", sigmoid_slope(5)),
    "002-03": ("wrong", sigmoid_slope(1)),
    "002-10": ("wrong", 0.25),
    "003-02": ("wrong", sigmoid_slope(2)),
    "003-03": ("correct", sigmoid_slope(4)),
    "003-19": ("wrong", anchor_signal(2)),
    "003-61": ("wrong", 1 / anchor_signal(1)),
    "003-21": ("inconsistent", 3.8887e-6),
    "003-22": ("inconsistent", -3.8887e-8),
    "003-23": ("wrong", None),
    "003-25": ("wrong", 0.12812),
    "003-26": ("inconsistent", 3.8887e-6),
    "003-57": ("wrong", None),
    "003-62": ("wrong", 0.5),
    "004-02": ("wrong", 1.0),
    "004-06": ("wrong", 1.0),
    "000-11": ("correct", None),
    "003-46": ("correct", None),
    "003-48": ("wrong", None),
    "003-50": ("wrong", None),
    "003-56": ("wrong", None),
    "000-05": ("correct", None),
    "003-58": ("wrong", None),
    "003-59": ("wrong", None),
    "002-09": ("inconsistent", None),
    "003-24": ("inconsistent", None),
    "001-13": ("correct", None),
    "004-04": ("not checkable", 0.95 ** 100),
}


@pytest.mark.parametrize("claim_id", SAMPLE, ids=list(SAMPLE))
def test_a_sampled_claim_keeps_its_verdict_and_value(by_id, claim_id):
    verdict, value = SAMPLE[claim_id]
    found = by_id[claim_id]
    assert found.verdict == verdict, found.why
    if value is not None:
        assert float(found.value) == pytest.approx(value, rel=2e-3)


def test_the_sample_holds_ten_wrong_or_inconsistent_claims_of_several_kinds(by_id):
    bad = [i for i, (verdict, _) in SAMPLE.items() if verdict in ("wrong", "inconsistent")]
    assert len(bad) >= 10
    assert {by_id[i].claim.kind for i in bad} >= {"value", "bound", "printed", "identity", "same"}


REASONS = {
    # id: what its reason must say, and what it must not
    "003-21": ("right under the convention δ = ∂L/∂z₄ = 1, where it is 1.5565 × 10⁻⁵", "to 3 figures"),
    "003-22": ("right under the convention δ = ∂L/∂z₄ = 1, where it is -1.5565 × 10⁻⁷", "to 3 figures"),
    "003-26": ("right under the convention δ = ∂L/∂z₄ = 1", "exactly"),
    "003-25": ("0.025 is the factor w σ'(z₄)", "exactly"),
    "002-10": ("at zero the slope is at its largest", "figure"),
    "004-02": ("except z = 0", None),
}


@pytest.mark.parametrize("claim_id", REASONS, ids=list(REASONS))
def test_a_flagged_claims_reason_says_what_is_wrong(by_id, claim_id):
    says, never = REASONS[claim_id]
    assert says in by_id[claim_id].why
    assert never is None or never not in by_id[claim_id].why


def test_a_value_right_under_another_convention_is_inconsistent_not_wrong(by_id):
    """Source 003's 1.56 × 10⁻⁵ for the first weight's gradient is ∂L/∂w₁ when
    the backward pass starts from ∂L/∂z₄ = 1, but not from ∂L/∂a₄ = 1."""
    from_input = 0.1 ** 3 * math.prod(sigmoid_slope(0.1 * a) for a in (1.0, *anchor_activations()[:2]))
    assert f"{from_input:.2e}" == "1.56e-05"
    assert by_id["003-21"].verdict == "inconsistent"


def test_claims_are_numbered_without_gaps():
    for source in {c.id[:3] for c in CLAIMS}:
        numbers = [int(c.id[4:]) for c in CLAIMS if c.id[:3] == source]
        assert numbers == list(range(1, len(numbers) + 1)), source


def test_the_printed_program_would_print_other_numbers(by_id):
    """Source 003's program, carried out by hand here: four multiplications of
    w σ'(z) from δ = 1, so the first layer's δ is about 3.89e-07."""
    assert by_id["003-50"].computed == f"Layer 1: δ = {0.1 * sigmoid_slope(0.1) * anchor_signal(1):.2e}"


@pytest.mark.parametrize("stated, figures", [("0.0067", 2), ("1.56e-5", 3), ("160000", 2), ("64103", 5),
                                             ("0.250", 3), ("1", 1), ("9.54e-7", 3)],
                         ids=["leading-zeros", "scientific", "filler-zeros", "whole", "trailing-zero", "one", "e"])
def test_significant_figures(stated, figures):
    assert significant_figures(stated) == figures


def test_symbols_are_sampled_at_distinct_values():
    a, b = sp.symbols("a b", positive=True)
    assert identical(2 / (a + b), 1 / a) == ""
    assert identical((a + b) ** 2, a**2 + 2 * a * b + b**2) == "symbolically"


def test_a_value_that_fails_its_own_check_is_reported_not_raised():
    def broken():
        raise CrossCheckError("float64 gives 1.0 but the value is 2.0")

    verdict = check(Claim("999-01", "x.txt", "a claim", "value", "x", "1", broken), {})
    assert verdict.verdict == "check failed" and "float64 gives" in verdict.why
