"""What an output format is, and what the build hands every format.

A format is a value (Quarto's model): its name on the command line, what it
publishes under OUT, whether it is one document or a site of pages, and the
module that assembles the book from what the build gathered (its function
`assemble(gathered, fmt)`) and, if the format makes them, a worksheet or key
for `gradbook practice` (`sheet(markdown, title)`). Adding a format is one
module in this package and one entry in its registry (__init__.py). The
module is imported when the format is used, so reading the registry (the
command line does, on every command) costs next to nothing.
"""

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from gradbook.book import Book, Part
    from gradbook.build_cache import BuildCache
    from gradbook.render import Rendered


@dataclass(frozen=True)
class Gathered:
    """Everything the build gathered before writing, which each format
    assembles its output from."""

    book: "Book"
    rendered: list["Rendered"]
    markdown: dict[str, str]
    """Each part's Markdown by slug, listings' output and exercise answers put in."""
    labels: dict
    figures: dict[str, bytes]
    """Each figure's SVG, by its path (figures/NAME.svg)."""
    bibliography: Path | None
    glossary: tuple
    """(the part that prints the glossary or None, its terms)."""
    store: "BuildCache"
    pool: "Executor"
    listings: dict = field(default_factory=dict)
    """Each part's listings as the build ran them (notebooks.Listing), by slug."""

    def resolved(self, r: "Rendered", page: str | None) -> str:
        """A part's Markdown with its references linked, from the HTML page
        `page` or (None) within one document."""
        from gradbook import labels

        return labels.resolve(self.markdown[r.part.slug], self.labels, page, f"chapters/{r.part.slug}")

    def terms_for(self, part: "Part | None", document: bool) -> str:
        """The glossary terms the conversion of `part` links (glossary.filter_input),
        none in the glossary itself; for `part` None, the whole book as one
        document, in which the glossary's own section is left alone."""
        from gradbook import glossary  # (tomllib and the book's loader: not needed to read the registry)

        holder, terms = self.glossary
        if holder is None or part == holder:
            return ""
        own = next((label.anchor for label in self.labels.values()
                    if label.kind in ("ch", "app") and label.name == holder.slug), "")
        return glossary.filter_input(terms, "" if document else holder.page, own if part is None else "")

    def references_page(self) -> str | None:
        """The page of the part that lists the bibliography (the References
        appendix), which citations link to; None if no part lists it."""
        folder = self.bibliography.parent if self.bibliography else None
        return next((part.page for part in self.book.parts if part.folder == folder), None)

    def bibliography_bytes(self) -> bytes:
        """What a conversion's key holds of the bibliography it reads."""
        return self.bibliography.read_bytes() if self.bibliography is not None else b""


@dataclass(frozen=True)
class Format:
    name: str
    """Its name for --format."""
    output: str
    """What it publishes under OUT: a folder ("html") or one file ("gradbook.pdf")."""
    document: bool
    """One document, whose cross-references stay inside it and which leaves
    out the parts only the web site can show (the explorer), or a site of pages."""
    module: str
    """The module that makes it: gradbook.formats.NAME."""
    sheets: bool = False
    """Whether it makes worksheets and keys (FILE.<name>) for `gradbook practice`."""

    def assemble(self, gathered: Gathered) -> dict[str, bytes] | bytes:
        """The output: a folder's files by path, or one file's bytes."""
        return import_module(self.module).assemble(gathered, self)

    def sheet(self, markdown: str, title: str) -> bytes:
        """A worksheet or answer key from its Markdown and title."""
        return import_module(self.module).sheet(markdown, title)

    def includes(self, part: "Part") -> bool:
        return not (self.document and part.web_only)

    def page(self, part: "Part") -> str | None:
        """Where a reference to something in `part` points: its page, or None within one document."""
        return None if self.document else part.page
