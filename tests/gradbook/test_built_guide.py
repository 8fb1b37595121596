"""The built guide, read as a reader would get it: the HTML pages and the PDF."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from statistics import fmean

import pytest

import sympy as sp

from derive import Measured, Quantity, derive
from gradbook import formats
from gradbook.book import load_book
from gradbook.build import EXPERIMENT_CACHE, build
from gradbook.claims import book_audit

BOOK = load_book()
PAGES = [part.page for part in BOOK.parts]
CHAPTER_PAGES = {part.page for part in BOOK.parts if part.number is not None}
PDF_PAGES = (20, 80)
"""The page count the PDF should stay within: a smaller count means content
went missing, a larger one that something has blown up."""

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")


def canonical(text: str) -> str:
    """Text with spacing and superscript forms removed, so that 1.56 × 10⁻⁵ in
    derive's plain style, in MathML and in the PDF's text all compare equal."""
    return re.sub(r"\s+", "", text.translate(SUPERSCRIPTS))


class _Text(HTMLParser):
    """The visible text of a page, without the TeX annotations pandoc keeps in MathML."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("annotation", "style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("annotation", "style", "script")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def html(built):
    return {page: (built / "html" / page).read_text(encoding="utf-8") for page in PAGES + ["index.html"]}


@pytest.fixture(scope="module")
def pdf_text(pdf_pages):
    return len(pdf_pages), "\n".join(pdf_pages)


SAMPLES = {
    "0.25^10": lambda: derive("depth-product", activation="sigmoid", w="1", layers="10").result,
    "anchor signal at layer 1": lambda: derive("chain-gradient", w="1/10", x="1", layers="4").result,
    "saturation threshold at 0.1": lambda: derive("saturation-threshold", c="1/10").result,
    "0.05^20": lambda: Quantity.exact(sp.Rational(1, 20) ** 20),
    "Xavier 784/128": lambda: derive("xavier-variance").result,
}


@pytest.mark.parametrize("page", PAGES, ids=PAGES)
def test_every_part_is_a_page_with_mathml_and_nothing_unresolved(html, page):
    text = html[page]
    assert "<math" in text or page not in CHAPTER_PAGES, "a chapter without a single formula"
    assert "⟦" not in text, "a reference or listing placeholder was left in the page"
    assert "$" not in page_text(text), "TeX math that pandoc did not convert"


def test_the_index_lists_every_part(html):
    index = page_text(html["index.html"])
    for part in BOOK.parts:
        assert f'href="{part.page}"' in html["index.html"]
    assert BOOK.title in index


def test_the_guide_states_its_licence_in_both_formats(html, pdf_text):
    """CC BY 4.0 for the text and figures, MIT for the code, as LICENSE says."""
    licence = (Path(__file__).resolve().parents[2] / "LICENSE").read_text(encoding="utf-8")
    assert BOOK.licence == "CC BY 4.0" and BOOK.licence_url in licence and "MIT License" in licence
    for text in (" ".join(page_text(html["index.html"]).split()), " ".join(pdf_text[1].split())):
        assert "licensed under CC BY 4.0" in text and "under the MIT licence" in text
    assert f'href="{BOOK.licence_url}"' in html["index.html"]


def test_every_image_a_page_shows_exists(built, html):
    shown = set()
    for page in PAGES:
        shown |= set(re.findall(r'<img src="([^"]+)"', html[page]))
    assert shown, "no figures at all"
    for src in shown:
        assert (built / "html" / src).read_bytes().startswith(b"<?xml")


def test_the_pdf_has_a_sensible_length_and_every_chapter_title(guide, pdf_text):
    pages, text = pdf_text
    titles = dict(zip(BOOK.parts, guide[1].titles))
    assert len(titles) == len(BOOK.parts)
    assert PDF_PAGES[0] <= pages <= PDF_PAGES[1]
    for part, title in titles.items():
        assert (canonical(title) in canonical(text)) == (formats.REGISTRY["pdf"].includes(part)), title


def test_the_preface_comes_unnumbered_before_chapter_1_in_both_outputs(guide, html, pdf_text):
    """In the PDF, chapter 1 keeps its number and each of the preface's sections is
    before it twice, as a line of the contents and as a heading; in the HTML guide
    the index leads to the preface and the preface to chapter 1."""
    titles = dict(zip((part.slug for part in BOOK.parts), guide[1].titles))
    text = canonical(pdf_text[1])
    before_chapter_1 = text[:text.index(canonical("Chapter 1" + titles["01-sigmoid-slope"]))]
    sections = [page_text(h2) for h2 in re.findall(r"<h2[^>]*>.*?</h2>", html["preface.html"], re.S)]
    assert sections
    assert [before_chapter_1.count(canonical(section)) for section in sections] == [2] * len(sections)
    assert re.search(r'rel="next" href="([^"]+)"', html["index.html"])[1] == "preface.html"
    assert re.search(r'rel="next" href="([^"]+)"', html["preface.html"])[1] == "01-sigmoid-slope.html"


def test_the_explorer_is_a_page_of_the_html_guide_only():
    pages = [part for part in BOOK.parts if part.web_only]
    assert [part.page for part in pages] == ["explorer.html"]


@pytest.mark.parametrize("name", SAMPLES, ids=list(SAMPLES))
def test_computed_numbers_read_the_same_in_html_and_pdf(html, pdf_text, name):
    shown = canonical(SAMPLES[name]().text())
    everything = canonical("".join(page_text(html[page]) for page in PAGES))
    assert shown in everything
    assert shown in canonical(pdf_text[1])


def test_the_sources_headline_numbers_appear_as_the_issue_states_them(html, pdf_text):
    for expected in ("9.54 × 10⁻⁷", "1.56 × 10⁻⁵"):
        assert canonical(expected) in canonical(pdf_text[1])
        assert canonical(expected) in canonical("".join(page_text(html[p]) for p in PAGES))


def test_labels_are_numbered_the_same_in_html_and_pdf(guide, html, pdf_text):
    labels = [label for label in guide[1].labels if label.kind not in ("ch", "app")]
    assert len(labels) > 20
    everything = canonical("".join(page_text(html[page]) for page in PAGES))
    for label in labels:
        assert canonical(label.text) in everything
        assert canonical(label.text) in canonical(pdf_text[1])


def test_experiment_numbers_read_the_same_in_html_and_pdf(html, pdf_text, experiment_results):
    """Chapter 7's mean test accuracy of the Xavier sigmoid network, averaged here
    from the raw results, is what both outputs print."""
    runs = [r["history"]["test_accuracy"][-1] for r in experiment_results["source-002"]["runs"]
            if r["spec"]["data"]["upsample"] == 3 and r["spec"]["network"]["activation"] == "sigmoid"
            and r["spec"]["network"]["init"]["kind"] == "xavier"]
    shown = canonical(Measured(100 * fmean(runs)).text() + "%")
    assert len(runs) >= 2
    assert shown in canonical(page_text(html["07-experiments.html"]))
    assert shown in canonical(pdf_text[1])


def test_a_build_from_the_cache_is_byte_identical_to_one_without_it(built, tmp_path):
    """The session's build filled its cache; a build that takes every part from
    that cache, and a --no-cache build, publish the same bytes as it did."""
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    shutil.copytree(built / "cache", warm / "cache")
    shutil.copytree(built / EXPERIMENT_CACHE, cold / EXPERIMENT_CACHE)
    assert build(warm, "all").rendered == ()
    build(cold, "all", use_cache=False)
    published = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file() and "cache" not in p.parts)
    for other in (warm, cold):
        assert published == sorted(p.relative_to(other) for p in other.rglob("*")
                                   if p.is_file() and "cache" not in p.parts)
        assert [f for f in published if (built / f).read_bytes() != (other / f).read_bytes()] == []


def test_chapters_link_the_claims_the_audit_found_wrong(html):
    """Where a chapter corrects a source, it links the audit's entry, and each
    link lands on an entry of the audit appendix."""
    verdicts = {v.claim.id: v.verdict for v in book_audit().run()}
    linked = set()
    for page in CHAPTER_PAGES:
        linked |= set(re.findall(r'href="audit\.html#claim-([0-9]{3}-[0-9]{2})"', html[page]))
    assert all(f'id="claim-{claim_id}"' in html["audit.html"] for claim_id in linked)
    flagged = {i for i in linked if verdicts[i] in ("wrong", "inconsistent")}
    assert len(flagged) >= 10
    corrected_in = {page for page in CHAPTER_PAGES if 'href="audit.html#claim-' in html[page]}
    assert {"01-sigmoid-slope.html", "03-depth.html", "04-anchor-network.html", "06-fixes.html"} <= corrected_in


def test_the_index_links_to_the_answer_to_rehearse(html):
    link = re.search(r'<a href="(02-tanh\.html)#([a-z-]+)">the answer to rehearse</a> \(§([\d.]+)', html["index.html"])
    assert link and link[2] == "the-answer-to-rehearse"
    assert re.search(rf'<h2[^>]*id="{link[2]}"[^>]*>.*?{re.escape(link[3])}', html[link[1]], re.S)
