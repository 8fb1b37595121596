"""Each chapter's listings as a Jupyter notebook: valid nbformat 4, a heading
and a sentence of context per listing, the code as the chapter shows it and
the output the build recorded, the same bytes for the same listings; linked
from the chapter's HTML page only (the PDF and the EPUB have no link)."""

import zipfile

import nbformat
import pytest

from gradbook import formats
from gradbook.book import load_book
from gradbook.notebooks import Listing, notebook, notebook_file
from tests.gradbook.test_built_guide import page_text

BOOK = load_book()
WITH_LISTINGS = [part for part in BOOK.parts if (part.folder / "listings").is_dir()]
TWO = [Listing("first", "Listing 1.1", "The *first* one.", "print(1)\n", "1\n"),
       Listing("second", "Listing 1.2", "The second.", "print('two')\n", "two\n")]


def test_a_notebook_is_valid_and_holds_each_listing_with_its_context_code_and_output():
    made = nbformat.reads(notebook("The sigmoid", "The book", TWO).decode("utf-8"), as_version=4)
    nbformat.validate(made)
    kinds = [cell.cell_type for cell in made.cells]
    assert kinds == ["markdown", "markdown", "code", "markdown", "code"]
    assert made.cells[0].source.startswith("# The sigmoid: the programs") and "*The book*" in made.cells[0].source
    assert made.cells[1].source == "## Listing 1.1\n\nThe *first* one."
    assert made.cells[2].source == "print(1)" and made.cells[2].outputs[0].text == "1\n"
    assert made.cells[4].outputs[0].name == "stdout" and made.cells[4].outputs[0].text == "two\n"


def test_the_same_listings_give_the_same_bytes():
    assert notebook("T", "B", TWO) == notebook("T", "B", TWO)
    assert notebook("T", "B", TWO) != notebook("T", "B", TWO[:1])


def test_the_guide_has_chapters_with_listings():
    assert len(WITH_LISTINGS) >= 2


@pytest.mark.parametrize("part", WITH_LISTINGS, ids=[part.slug for part in WITH_LISTINGS])
def test_each_chapter_with_listings_links_its_notebook_which_matches_the_page(built, part):
    page = (built / "html" / part.page).read_text(encoding="utf-8")
    assert f'href="{notebook_file(part.slug)}"' in page
    made = nbformat.read(built / "html" / notebook_file(part.slug), as_version=4)
    nbformat.validate(made)
    code = [cell for cell in made.cells if cell.cell_type == "code"]
    listings = sorted((part.folder / "listings").glob("*.py"))
    assert sorted(cell.id for cell in code) == sorted(path.stem for path in listings)
    shown = " ".join(page_text(page).split())
    for cell in code:
        assert cell.source == (part.folder / "listings" / f"{cell.id}.py").read_text(encoding="utf-8").rstrip()
        assert " ".join(cell.outputs[0].text.split()) in shown, "the output the page shows"


def test_the_documents_have_no_notebook_link(built, pdf_pages):
    with zipfile.ZipFile(built / formats.REGISTRY["epub"].output) as archive:
        text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml"))
    assert "Listing 1.1" in text and "ipynb" not in text
    printed = "".join(pdf_pages)
    assert "Listing 1.1" in printed and "ipynb" not in printed
