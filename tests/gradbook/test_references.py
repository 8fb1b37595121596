"""The bibliography: every entry is cited in a chapter and every citation is
an entry; pandoc's citeproc renders citations as the same author-year text in
the HTML and the Typst (never a #cite) and refuses one it cannot resolve; the
References appendix lists every entry in both outputs, and the HTML's
citations link to their entries there; and an edit to the bibliography
reaches the output through the build cache."""

import json
import re
from pathlib import Path

import pytest

from gradbook import build_stamp, pandoc
from gradbook.book import ROOT
from gradbook.build import BIBLIOGRAPHY, build
from gradbook.errors import UsageError
from tests.gradbook.test_built_guide import canonical, page_text

ENTRIES = json.loads((ROOT / BIBLIOGRAPHY).read_text(encoding="utf-8"))
KEYS = [entry["id"] for entry in ENTRIES]
TEMPLATES = sorted((ROOT / "chapters").glob("*/chapter.md.j2"))
CITATION = re.compile(r"-?@(\w+)")
"""A citation key in a template, as pandoc reads it: [@key], [-@key], @key."""


def cited_keys() -> dict[str, set[str]]:
    """Each template's citation keys, by part folder."""
    return {path.parent.name: set(CITATION.findall(path.read_text(encoding="utf-8"))) for path in TEMPLATES}


def test_the_bibliography_has_at_least_ten_entries_with_distinct_keys():
    assert len(KEYS) >= 10 and len(set(KEYS)) == len(KEYS)


@pytest.mark.parametrize("key", KEYS, ids=KEYS)
def test_every_entry_is_cited_in_a_chapter(key):
    citing = [slug for slug, keys in cited_keys().items() if key in keys and slug != "references"]
    assert citing, f"{key} is in the bibliography but no chapter cites it"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.parent.name)
def test_every_citation_in_a_template_is_an_entry(template):
    assert set(CITATION.findall(template.read_text(encoding="utf-8"))) <= set(KEYS)


ONE_ENTRY = [{"id": "glorot2010", "type": "paper-conference", "title": "Understanding the difficulty",
              "author": [{"family": "Glorot", "given": "Xavier"}, {"family": "Bengio", "given": "Yoshua"}],
              "issued": {"date-parts": [[2010]]}}]
CONVERSIONS = {
    "html": lambda text, bibliography: pandoc.to_html(text, None, "test", bibliography),
    "typst": lambda text, bibliography: pandoc.to_typst(text, "test", bibliography),
}
VISIBLE = {
    "html": page_text,
    # Typst writes a link as #link(<label>)[text] and escapes some punctuation, such as \( and \;
    "typst": lambda markup: re.sub(r"\\([(;])", r"\1", re.sub(r"#link\(<[^>]*>\)\[([^\]]*)\]", r"\1", markup)),
}


@pytest.fixture
def one_entry(tmp_path) -> Path:
    path = tmp_path / "references.json"
    path.write_text(json.dumps(ONE_ENTRY), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", CONVERSIONS, ids=list(CONVERSIONS))
def test_a_citation_becomes_the_same_author_year_text_in_both_outputs_and_no_list(fmt, one_entry):
    out = CONVERSIONS[fmt]("As shown [@glorot2010], and by Glorot and Bengio [-@glorot2010].\n", one_entry)
    assert VISIBLE[fmt](out).strip() == "As shown (Glorot and Bengio 2010), and by Glorot and Bengio (2010)."
    assert "#cite" not in out and "Understanding" not in out, "a citation or a reference list per part"


TWO_ENTRIES = ONE_ENTRY + [{"id": "he2015", "type": "paper-conference", "title": "Delving deep",
                            "author": [{"family": "He", "given": "Kaiming"}, {"family": "Zhang", "given": "X"},
                                       {"family": "Ren", "given": "S"}, {"family": "Sun", "given": "J"}],
                            "issued": {"date-parts": [[2015]]}}]
LINKS = {
    "html": lambda out: [(target, page_text(text)) for target, text in
                         re.findall(r'<a href="references\.html#ref-([a-z0-9]+)">(.*?)</a>', out, re.S)],
    "typst": lambda out: re.findall(r"#link\(<ref-([a-z0-9]+)>\)\[([^\]]*)\]", out),
}


@pytest.mark.parametrize("fmt", CONVERSIONS, ids=list(CONVERSIONS))
def test_each_work_a_citation_names_links_to_its_own_entry(fmt, tmp_path):
    path = tmp_path / "references.json"
    path.write_text(json.dumps(TWO_ENTRIES), encoding="utf-8")
    out = CONVERSIONS[fmt]("Both [@glorot2010; @he2015], and @he2015 alone.\n", path)
    assert [(key, " ".join(text.split())) for key, text in LINKS[fmt](out)] == [
        ("glorot2010", "Glorot and Bengio 2010"), ("he2015", "He et al. 2015"), ("he2015", "He et al. (2015)")]
    assert "(Glorot and Bengio 2010; He et al. 2015)" in " ".join(VISIBLE[fmt](out).split())


@pytest.mark.parametrize("fmt", CONVERSIONS, ids=list(CONVERSIONS))
def test_a_citation_not_in_the_bibliography_is_an_error(fmt, one_entry):
    with pytest.raises(UsageError, match="@nobody1999"):
        CONVERSIONS[fmt]("As shown [@nobody1999].\n", one_entry)


def unhyphenated(text: str) -> str:
    """Text compared without spacing, case or hyphens, since typst hyphenates long titles."""
    return canonical(text).replace("-", "").lower()


def test_the_real_guide_resolves_every_citation_and_lists_every_entry_in_both_outputs(built, pdf_pages):
    pages = {path.name: path.read_text(encoding="utf-8") for path in (built / "html").glob("*.html")}
    citations = [page_text(span) for html in pages.values()
                 for span in re.findall(r'<span class="citation".*?</span>', html, re.S)]
    cited = {key for html in pages.values() for keys in re.findall(r'data-cites="([^"]*)"', html)
             for key in keys.split()}
    assert cited == set(KEYS)
    assert not [c for c in citations if "?" in c], "an unresolved citation"
    listed = pages["references.html"]
    pdf = unhyphenated("".join(pdf_pages))
    targets = {target for html in pages.values() for target in re.findall(r'href="references\.html#([^"]+)"', html)}
    assert targets and all(f'id="{target}"' in listed for target in targets), "a citation links nowhere"
    for entry in ENTRIES:
        assert f'id="ref-{entry["id"]}"' in listed, entry["id"]
        assert unhyphenated(entry["title"]) in pdf, entry["id"]


def test_editing_the_bibliography_changes_the_output_and_makes_the_stamp_stale(tmp_path):
    root = tmp_path / "book"
    (root / "chapters" / "01-one").mkdir(parents=True)
    (root / "book.toml").write_text('title = "T"\nchapters = ["01-one"]\n', encoding="utf-8")
    (root / "chapters" / "01-one" / "chapter.md.j2").write_text("# One\n\nAs shown [@glorot2010].\n",
                                                               encoding="utf-8")
    bibliography = root / BIBLIOGRAPHY
    bibliography.parent.mkdir()
    bibliography.write_text(json.dumps(ONE_ENTRY), encoding="utf-8")
    out = tmp_path / "out"
    build(out, "all", root)
    page, pdf = (out / "html" / "01-one.html").read_text(encoding="utf-8"), (out / "gradbook.pdf").read_bytes()
    assert "Glorot and Bengio 2010" in page
    bibliography.write_text(json.dumps([{**ONE_ENTRY[0], "issued": {"date-parts": [[2011]]}}]), encoding="utf-8")
    assert not build_stamp.up_to_date(root, out, "all")
    build(out, "all", root)
    assert "Glorot and Bengio 2011" in (out / "html" / "01-one.html").read_text(encoding="utf-8")
    assert (out / "gradbook.pdf").read_bytes() != pdf
