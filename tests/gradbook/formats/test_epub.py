"""The EPUB of the real guide: epubcheck finds no error; it holds every part
the PDF holds (not the web-only explorer), the figures, MathML, a contents
list, and cross-references that land; and the same book gives the same bytes."""

import io
import os
import re
import shutil
import subprocess
import zipfile

import pytest

from gradbook import formats
from gradbook.book import load_book

EPUB = formats.REGISTRY["epub"]
BOOK = load_book()


def epubcheck() -> list[str] | None:
    """How to run epubcheck here (Debian installs it as a jar), or None."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    with open(found, "rb") as program:
        is_jar = program.read(2) == b"PK"
    return ["java", "-jar", found] if is_jar else [found]


@pytest.fixture(scope="module")
def pages(built) -> dict[str, str]:
    with zipfile.ZipFile(built / EPUB.output) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.endswith((".xhtml", ".opf", ".ncx"))}


def test_epubcheck_finds_no_error(built):
    command = epubcheck()
    if command is None:
        if os.environ.get("CI"):
            pytest.fail("epubcheck is required in CI (.ci/run installs Debian's package)")
        pytest.skip("epubcheck is not installed")
    done = subprocess.run([*command, str(built / EPUB.output)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "No errors or warnings detected" in done.stdout


def test_it_holds_every_part_the_pdf_holds_and_not_the_explorer(pages):
    text = "".join(pages.values())
    for part in BOOK.parts:
        if EPUB.includes(part):
            assert re.search(rf'id="(?:ch|app)-{re.escape(part.slug)}"', text) or part.front, part.slug
    assert 'class="explorer"' not in text and "explore-note" not in text


def test_it_holds_the_figures_the_math_and_a_contents_list(built, pages):
    with zipfile.ZipFile(built / EPUB.output) as archive:
        figures = [name for name in archive.namelist() if name.endswith(".svg")]
    assert len(figures) == len(list((built / "html" / "figures").glob("*.svg")))
    assert sum(page.count("<math") for page in pages.values()) > 500
    nav = next(page for name, page in pages.items() if name.endswith("nav.xhtml"))
    assert "Gradients through depth" in nav and "Glossary" in nav


def test_a_cross_reference_lands_in_another_chapters_file(pages):
    """Exercise 3.1's answer, in the answer key, links to Figure 3.1 in chapter 3's file."""
    links = [href for page in pages.values() for href in re.findall(r'href="([^"#]*)#fig-gradient-through-depth"', page)]
    assert links and all(href.endswith(".xhtml") for href in links)
