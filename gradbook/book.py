"""book.toml: the book's title, its front matter (the preface), its chapters
in order, its appendices, and the pages only the HTML guide has."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from gradbook.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
"""The project folder: book.toml and chapters/ sit here."""


@dataclass(frozen=True)
class Part:
    """One part of the book: a chapter, an appendix, front matter or a page."""

    slug: str
    folder: Path
    number: int | None
    letter: str | None = None
    """Appendices are lettered A, B, … and chapters numbered; front matter
    (the preface) and pages (the explorer) are neither."""
    front: bool = False
    """Front matter comes before chapter 1 in both outputs, unnumbered."""

    @property
    def root(self) -> Path:
        """The project folder whose book.toml lists it."""
        return self.folder.parents[1]

    @property
    def web_only(self) -> bool:
        """Whether only the web site shows it (a page such as the explorer):
        the formats that are one document (the PDF, the EPUB) leave it out."""
        return self.number is None and self.letter is None and not self.front

    @property
    def prefix(self) -> str:
        """What its figures and problems are numbered under: 3 in Figure 3.1, B in Problem B.2."""
        return str(self.number) if self.number is not None else self.letter

    @property
    def page(self) -> str:
        """The HTML file this part becomes."""
        return f"{self.slug}.html"


@dataclass(frozen=True)
class Book:
    title: str
    subtitle: str
    author: str
    parts: tuple[Part, ...]
    licence: str = ""
    """The licence of the guide's text and figures (the code's is in LICENSE)."""
    licence_url: str = ""
    answer: str = ""
    """Where the short answer a learner rehearses is, as "slug#section-anchor":
    the index points to it."""
    practice_seed: int = 1
    """The seed of the problem set the practice appendix prints and the answer key solves."""


def load_book(root: Path = ROOT) -> Book:
    """The book as book.toml describes it; a one-line error for a missing folder."""
    path = root / "book.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    front = [_part(root, slug, None, front=True) for slug in data.get("front", [])]
    chapters = [_part(root, slug, number) for number, slug in enumerate(data.get("chapters", []), 1)]
    appendices = [_part(root, slug, None, chr(ord("A") + i)) for i, slug in enumerate(data.get("appendices", []))]
    pages = [_part(root, slug, None) for slug in data.get("pages", [])]
    if not chapters:
        raise UsageError(f"{path} lists no chapters")
    return Book(title=data["title"], subtitle=data.get("subtitle", ""),
                author=data.get("author", ""), parts=tuple(front + chapters + appendices + pages),
                licence=data.get("licence", ""), licence_url=data.get("licence_url", ""),
                answer=data.get("answer", ""), practice_seed=_seed(path, data.get("practice_seed", 1)))


def _seed(path: Path, seed) -> int:
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise UsageError(f"{path}: practice_seed must be a whole number from 0 up, got {seed!r}")
    return seed


def _part(root: Path, slug: str, number: int | None, letter: str | None = None, front: bool = False) -> Part:
    folder = root / "chapters" / slug
    if not (folder / "chapter.md.j2").is_file():
        raise UsageError(f"book.toml lists {slug!r} but chapters/{slug}/chapter.md.j2 does not exist")
    return Part(slug, folder, number, letter, front)
