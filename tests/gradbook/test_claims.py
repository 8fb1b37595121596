"""The sources' claims as the book keeps them: found in the one part folder
with a claims/ folder, read by derive's audit, a one-line error for a book
that breaks the conventions, and a digest that every part's cache key holds."""

import shutil
from pathlib import Path

import pytest

from gradbook.book import ROOT, load_book
from gradbook.build import shared_content
from gradbook.claims import book_audit, claims_folder
from gradbook.errors import UsageError
from gradbook.render import values_cache_key

SOURCE = '''from derive.audit.model import Claim
from derive.audit.terms import slope

FILE = "{number}_x.txt"
TITLE = "a test source"
CLAIMS = [Claim("{claim}", FILE, "The sigmoid's slope at zero is a quarter.", "value", "σ'(0)", "0.25",
                lambda: slope("sigmoid", 0))]
'''


def small_book(root: Path, claims: dict[str, dict[str, str]]) -> Path:
    """A book of one chapter and the parts in `claims` (slug -> claims/ file name -> text)."""
    slugs = ["01-a", *claims]
    root.mkdir()
    (root / "book.toml").write_text(f'title = "T"\nchapters = {slugs!r}\n'.replace("'", '"'), encoding="utf-8")
    for slug in slugs:
        (root / "chapters" / slug).mkdir(parents=True)
        (root / "chapters" / slug / "chapter.md.j2").write_text("# T\n", encoding="utf-8")
        for name, text in claims.get(slug, {}).items():
            (root / "chapters" / slug / "claims").mkdir(exist_ok=True)
            (root / "chapters" / slug / "claims" / name).write_text(text, encoding="utf-8")
    return root


def test_the_books_claims_are_the_audit_appendixs():
    assert claims_folder(load_book(ROOT)) == ROOT / "chapters" / "audit" / "claims"
    assert [s.number for s in book_audit(ROOT).sources] == ["000", "001", "002", "003", "004"]


def test_a_small_books_claims_are_read_and_checked(tmp_path):
    root = small_book(tmp_path / "book", {"02-b": {"source_007.py": SOURCE.format(number="007", claim="007-01")}})
    verdicts = book_audit(root).run()
    assert [(v.claim.id, v.verdict) for v in verdicts] == [("007-01", "correct")]


BROKEN = {
    "none": ({}, "keeps no claims"),
    "two-parts": ({"02-b": {"source_007.py": SOURCE.format(number="007", claim="007-01")},
                   "03-c": {"source_008.py": SOURCE.format(number="008", claim="008-01")}},
                  "only one part may keep the sources' claims"),
    "wrong-prefix": ({"02-b": {"source_007.py": SOURCE.format(number="007", claim="008-01")}},
                     "chapters/02-b/claims/source_007.py: every claim's id must start with 007- and cite "
                     "007_x.txt, and the file name with 007 (claim 008-01 does not)"),
    "no-title": ({"02-b": {"source_007.py": SOURCE.format(number="007", claim="007-01").replace("TITLE", "NAME")}},
                 "chapters/02-b/claims/source_007.py must define TITLE"),
    "twice": ({"02-b": {"source_007.py": SOURCE.format(number="007", claim="007-01") + "CLAIMS = CLAIMS * 2\n"}},
              "chapters/02-b/claims: claim 007-01 is defined twice"),
}


@pytest.mark.parametrize("claims, message", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_book_is_a_one_line_error(tmp_path, claims, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")) as error:
        book_audit(small_book(tmp_path / "book", claims))
    assert "\n" not in str(error.value)


def test_every_parts_key_follows_the_claims_and_the_families(tmp_path):
    root = tmp_path / "book"
    shutil.copytree(ROOT / "chapters", root / "chapters", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "book.toml", root)
    before = shared_content(load_book(root))
    claim = root / "chapters" / "audit" / "claims" / "source_001.py"
    claim.write_text(claim.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    after_claims = shared_content(load_book(root))
    families = root / "chapters" / "05-relu-family" / "families.py"
    families.write_text(families.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    after_families = shared_content(load_book(root))
    assert len({before, after_claims, after_families}) == 3
    prose = root / "chapters" / "05-relu-family" / "chapter.md.j2"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert shared_content(load_book(root)) == after_families


def test_an_edit_to_a_claim_is_seen_without_a_restart(tmp_path):
    root = small_book(tmp_path / "book", {"02-b": {"source_007.py": SOURCE.format(number="007", claim="007-01")}})
    first = book_audit(root)
    assert book_audit(root) is first
    claims = root / "chapters" / "02-b" / "claims" / "source_007.py"
    claims.write_text(claims.read_text(encoding="utf-8").replace('"0.25"', '"0.5"'), encoding="utf-8")
    assert [v.verdict for v in book_audit(root).run()] == ["wrong"]


def test_a_claim_edited_computes_again_the_values_that_read_the_claims_and_only_those(tmp_path):
    """Chapter 8's values count the verdicts: they are cached under a key that
    holds the claims, which its values.py reads from their files; chapter 1's
    values read no claim, so its key stays."""
    root = tmp_path / "book"
    shutil.copytree(ROOT / "chapters", root / "chapters", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "book.toml", root)
    parts = {part.slug: part for part in load_book(root).parts}
    before = {slug: values_cache_key(parts[slug]) for slug in ("08-numbers", "audit", "01-sigmoid-slope")}
    claim = root / "chapters" / "audit" / "claims" / "source_001.py"
    claim.write_text(claim.read_text(encoding="utf-8").replace('"0.25"', '"0.5"', 1), encoding="utf-8")
    after = {slug: values_cache_key(parts[slug]) for slug in before}
    assert [slug for slug in before if before[slug] != after[slug]] == ["08-numbers", "audit"]
