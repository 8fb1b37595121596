"""Every claim's stated text is a quotation: it occurs in the source file the
claim cites, exactly, once whitespace and the typographic variants of minus
signs, quotes, multiplication signs and ≈ are folded (derive/audit/quotation.py).
The sources are in ../shared/seeds/ beside the repository; a clone without
them skips these checks, saying so, except in CI, where they are required."""

import re

import pytest

from derive.audit.model import Claim
from derive.audit.quotation import normalize, number
from gradbook.book import load_book
from gradbook.claims import book_audit
from tests import seeds
from tests.seeds import seeds_folder

CLAIMS = book_audit().claims
QUOTED = [c for c in CLAIMS if c.stated]


def source_text(name: str) -> str:
    """The source file `name`, normalized; skips (or, in CI, fails) without the seeds folder."""
    return normalize((seeds_folder(seeds.SEEDS) / name).read_text(encoding="utf-8"))


def quoted(claim: Claim) -> bool:
    """Whether the stated text occurs in the source, not as part of a longer
    number (0.42 is not quoted by a source that printed 0.4200)."""
    pattern = r"(?<![\d.])" + re.escape(normalize(claim.stated)) + r"(?!\d)"
    return re.search(pattern, source_text(claim.source)) is not None


@pytest.mark.parametrize("claim", QUOTED, ids=[c.id for c in QUOTED])
def test_a_claims_stated_text_is_what_its_source_printed(claim):
    assert quoted(claim), f"{claim.id}: {claim.stated!r} is not in {claim.source}"


OLD_SENTENCES = {
    # the guide's own values, once put in the sources' mouths, against what each source printed
    "chapter-1-source-000-at-six": ("000", "0.00247", "≈ 0.002"),
    "chapter-1-source-001-e-to-the-minus-5": ("001", "0.00674", "0.0067"),
    "chapter-2-source-000-at-two": ("000", "0.0707", "≈ 0.07"),
    "chapter-2-source-002-at-one": ("002", "0.420", "0.42"),
}


@pytest.mark.parametrize("sentence", OLD_SENTENCES, ids=list(OLD_SENTENCES))
def test_the_guides_own_values_are_not_quotations(sentence):
    """Chapter 1 once said source 000 quotes "roughly 0.00247 at six" and that
    source 001 rounds e⁻⁵ to 0.00674; chapter 2 that source 000 gives 0.0707
    and source 002 0.420. None of these is what the source printed."""
    source, guides, printed = OLD_SENTENCES[sentence]
    assert not quoted(quotation(source, guides))
    assert quoted(quotation(source, printed))


def quotation(source: str, stated: str) -> Claim:
    """A claim quoting `stated` from source `source` ("000")."""
    file = next(c.source for c in CLAIMS if c.id.startswith(source))
    return Claim(f"{source}-99", file, "a quotation", "value", "x", stated)


def test_without_the_sources_the_check_skips_but_ci_requires_them(monkeypatch, tmp_path):
    monkeypatch.setattr(seeds, "SEEDS", tmp_path / "absent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not at"):
        source_text("000_8e228ee6f2d60cd3.txt")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required in CI"):
        source_text("000_8e228ee6f2d60cd3.txt")


@pytest.mark.parametrize("printed, folded", [
    ("σ’(z)", "σ'(z)"),
    ("−1.56  ×\n10⁻⁷", "-1.56×10⁻⁷"),
    ("9.54 \\times 10^{-7}", "9.54×10^{-7}"),
    ("≈0.045", "≈0.045"),
    ("x \\approx 0.045", "x≈0.045"),
    ("“dying”", '"dying"'),
], ids=["prime", "minus-and-spaces", "latex-times", "approx", "latex-approx", "quotes"])
def test_typographic_variants_are_folded(printed, folded):
    assert normalize(printed) == folded


@pytest.mark.parametrize("stated, value", [
    ("0.25", "0.25"), ("≈ 0.045", "0.045"), ("1.56 × 10⁻⁵", "1.56e-5"), ("−1.56 × 10⁻⁷", "-1.56e-7"),
    ("9.54 \\times 10^{-7}", "9.54e-7"), ("≈ 10^{-26}", "1e-26"), ("64,000", "64000"), ("1.56e-05", "1.56e-5"),
], ids=["plain", "approx", "unicode-power", "minus", "latex-power", "bare-power", "thousands", "e-notation"])
def test_the_number_a_stated_text_gives(stated, value):
    assert number(stated) == value


@pytest.mark.parametrize("stated", ["four times", "0.5 or so", "1.5.2"], ids=["words", "trailing-words", "two-points"])
def test_a_stated_text_with_no_number_is_refused(stated):
    with pytest.raises(ValueError):
        number(stated)


@pytest.mark.parametrize("claim_id, shown", [
    ("000-02", "≈ 0.045"),
    ("001-06", "0.0067"),
    ("002-07", "$9.54 \\times 10^{-7}$"),
], ids=["text", "plain-number", "latex-as-math"])
def test_a_template_quotes_a_source_through_its_claim(claim_id, shown):
    assert helpers().quote(claim_id) == shown


def test_a_template_cannot_quote_what_no_claim_records():
    with pytest.raises(KeyError, match="000-05"):
        helpers().quote("000-05")


def helpers():
    """A template's helpers, as the first part of the book has them."""
    from gradbook.render import Helpers

    part = load_book().parts[0]
    return Helpers(part, set(), part.folder / "listings")
