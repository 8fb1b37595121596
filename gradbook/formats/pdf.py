"""The PDF: one document. Each part included is converted by pandoc to Typst
on its own (templates/typst.lua turns the boxes, the check marks and the
glossary's links into the shell's functions, and templates/web-only.lua
drops what only the web site shows), placed in the book's Typst shell with
its title page and contents, and compiled by the typst package from PyPI.
Worksheets and keys use a shell of their own."""

import tempfile
from pathlib import Path

from gradbook import build_cache, pandoc
from gradbook.book import Book
from gradbook.errors import UsageError
from gradbook.formats.base import Format, Gathered
from gradbook.shells import shell

NUMBERED = '#set heading(numbering: "1.1")\n'
"""A chapter's heading and sections are numbered: Chapter 3, 3.2."""
UNNUMBERED = "#set heading(numbering: none)\n"
"""Nothing in the front matter (the preface) or the appendices is numbered."""


def opening(part) -> str:
    """The Typst that sets up a part: its headings' numbering, and the letter
    its title prints above it ("Appendix D") if it is an appendix."""
    letter = f'"{part.letter}"' if part.letter is not None else "none"
    return f"#appendix.update({letter})\n" + (NUMBERED if part.number is not None else UNNUMBERED)


def typst_source(book: Book, parts: list, bodies: list[str]) -> str:
    """The book's Typst source: each of `parts` with its body."""
    escape = lambda text: text.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
    return shell("book.typ.j2").render(
        title=escape(book.title), subtitle=book.subtitle, author=escape(book.author),
        licence=escape(book.licence), licence_url=escape(book.licence_url),
        parts=[opening(part) + body for part, body in zip(parts, bodies)])


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


def assemble(gathered: Gathered, fmt: Format) -> bytes:
    cited = gathered.bibliography_bytes()
    references = "" if gathered.references_page() is not None else None

    def body(r) -> str:
        text = gathered.resolved(r, None)
        terms = gathered.terms_for(r.part, document=True)
        key = build_cache.key(build_cache.modules_fingerprint(__name__), text, cited, terms, references)
        return gathered.store.memo("typst", key, str, lambda: pandoc.to_typst(
            text, f"chapters/{r.part.slug}", gathered.bibliography, terms, references))

    included = [r for r in gathered.rendered if fmt.includes(r.part)]
    source = typst_source(gathered.book, [r.part for r in included], list(gathered.pool.map(body, included)))
    figures = gathered.figures
    key = build_cache.key(build_cache.modules_fingerprint(__name__), source,
                          *(item for name in sorted(figures) for item in (name, figures[name])))
    return gathered.store.memo("pdf", key, bytes, lambda: compile_pdf(source, figures))


def sheet(markdown: str, title: str) -> bytes:
    """A worksheet or key, compiled with the worksheet's shell."""
    body = pandoc.to_typst(markdown, title)
    return compile_pdf(shell("sheet.typ.j2").render(title=title, body=body), {})

