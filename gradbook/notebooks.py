"""A chapter's code listings as a Jupyter notebook: a heading and a sentence
of context, then for each listing its number and caption, its code, and the
output the build recorded when it ran it. Valid nbformat 4, and the same
listings give the same bytes (cell ids come from the listings' names)."""

from dataclasses import dataclass

FOLDER = "notebooks"
"""Where the site keeps them, beside the pages that link to them."""


@dataclass(frozen=True)
class Listing:
    """A listing as the build ran it."""

    name: str
    label: str
    """Its number as the text cites it: "Listing 1.1"."""
    caption: str
    """Markdown."""
    code: str
    output: str


def notebook_file(slug: str) -> str:
    """A chapter's notebook, relative to the site."""
    return f"{FOLDER}/{slug}.ipynb"


def notebook(title: str, book: str, listings: list[Listing]) -> bytes:
    """The notebook of a chapter titled `title` in the book titled `book`."""
    import nbformat
    from nbformat import v4

    cells = [v4.new_markdown_cell(
        f"# {title}: the programs\n\nThe code listings of this chapter of *{book}*, in order. Each cell "
        "shows the output recorded when the guide was built; run it again to see the same numbers.",
        id="chapter")]
    for listing in listings:
        cells.append(v4.new_markdown_cell(f"## {listing.label}\n\n{listing.caption}", id=f"{listing.name}-about"))
        cells.append(v4.new_code_cell(listing.code.rstrip(), id=listing.name, outputs=[
            v4.new_output("stream", name="stdout", text=listing.output)]))
    made = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nbformat.validate(made)
    return (nbformat.writes(made) + "\n").encode("utf-8")
