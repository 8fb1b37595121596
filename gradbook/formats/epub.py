"""The EPUB 3 book: one document, like the PDF. The parts it includes are
joined into one Markdown text and converted by pandoc in one run (a file per
chapter, MathML, the figures inside, its own stylesheet templates/epub.css),
with dates and identifier fixed so that the same book gives the same bytes.
It makes no worksheets."""

import tempfile
import uuid
from pathlib import Path

from gradbook import build_cache, pandoc
from gradbook.formats.base import Format, Gathered

FILTER = pandoc.TEMPLATES / "epub.lua"
"""Numbers the chapters only, as the other outputs do, and anchors figures where links find them."""
STYLE = pandoc.TEMPLATES / "epub.css"


def assemble(gathered: Gathered, fmt: Format) -> bytes:
    book = gathered.book
    included = [r for r in gathered.rendered if fmt.includes(r.part)]
    text = "\n\n".join(gathered.resolved(r, None) for r in included)
    terms = gathered.terms_for(None, document=True)
    references = "" if gathered.references_page() is not None else None
    metadata = {"title": book.title, "subtitle": book.subtitle, "author": book.author, "lang": "en",
                "rights": f"{book.licence} ({book.licence_url})" if book.licence else "",
                "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'gradbook:' + book.title)}"}
    figures = gathered.figures
    key = build_cache.key(build_cache.modules_fingerprint(__name__), text, gathered.bibliography_bytes(), terms,
                          references, sorted(metadata.items()), *(item for name in sorted(figures) for item in (name, figures[name])))
    return gathered.store.memo("epub", key, bytes, lambda: to_epub(
        text, {k: v for k, v in metadata.items() if v}, figures, gathered.bibliography, terms, references))


def to_epub(markdown: str, metadata: dict[str, str], files: dict[str, bytes], bibliography: Path | None = None,
            glossary: str = "", references: str | None = "") -> bytes:
    """An EPUB 3 book from the whole book's Markdown: MathML, a file per
    chapter, `files` (the figures, by the paths the Markdown uses) inside it."""
    with tempfile.TemporaryDirectory(prefix="gradbook-epub-") as work:
        root = Path(work)
        for path, data in files.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(data)
        book = root / "book.epub"
        args = ["--to", "epub3", "--mathml", "--split-level=1", "--number-sections", "--toc", "--toc-depth=2",
                f"--css={STYLE}", f"--lua-filter={pandoc.WEB_ONLY}", f"--lua-filter={FILTER}",
                f"--output={book}", *(f"--metadata={key}:{value}" for key, value in metadata.items())]
        pandoc.convert(markdown, args, bibliography, "the EPUB", glossary, references, cwd=root)
        return book.read_bytes()

