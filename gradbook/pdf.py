"""The PDF: each part's Typst (from pandoc) inside the book's shell, compiled
by the typst package from PyPI."""

import tempfile
from pathlib import Path

from gradbook.book import Book
from gradbook.errors import UsageError
from gradbook.shells import shell


NUMBERED = '#set heading(numbering: "1.1")\n'
"""A chapter's heading and sections are numbered: Chapter 3, 3.2."""
UNNUMBERED = "#set heading(numbering: none)\n"
"""Nothing in the front matter (the preface) or the appendices is numbered."""


def typst_source(book: Book, bodies: list[str]) -> str:
    """The book's Typst source; `bodies` are those of book.printed."""
    escape = lambda text: text.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
    return shell("book.typ.j2").render(
        title=escape(book.title), subtitle=book.subtitle, author=escape(book.author),
        licence=escape(book.licence), licence_url=escape(book.licence_url),
        parts=[(NUMBERED if part.number is not None else UNNUMBERED) + body
               for part, body in zip(book.printed, bodies)])


def compile_pdf(source: str, figures: dict[str, bytes]) -> bytes:
    """The PDF compiled from `source`, with the figures beside it."""
    import typst

    with tempfile.TemporaryDirectory(prefix="gradbook-typst-") as work:
        root = Path(work)
        for path, data in figures.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(data)
        (root / "book.typ").write_text(source, encoding="utf-8")
        try:
            return typst.compile(str(root / "book.typ"), root=str(root))
        except Exception as exc:  # typst raises its own error type with the diagnostics
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise UsageError(f"typst could not compile the book: {first}") from None
