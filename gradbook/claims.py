"""The sources' claims as the book keeps them: in the `claims/` folder of the
one part that has one (the audit appendix, chapters/audit/claims/), a module
per source, `source_NNN.py`, defining FILE (the source text's file name),
TITLE (what kind of text it is) and CLAIMS; derive's audit checks them."""

from functools import lru_cache
from pathlib import Path

from derive.audit import Audit, Source
from gradbook.book import ROOT, Book, load_book
from gradbook.build_cache import folder_fingerprint
from gradbook.chapter_code import load_module, module_name, shown_path
from gradbook.errors import UsageError

CLAIMS = "claims"
SOURCE_FILES = "source_*.py"


def claims_folder(book: Book) -> Path | None:
    """The claims/ folder of the one part of `book` that has one, or None."""
    found = [part.folder / CLAIMS for part in book.parts if (part.folder / CLAIMS).is_dir()]
    if len(found) > 1:
        raise UsageError(f"only one part may keep the sources' claims, but {shown_path(found[0])} and "
                         f"{shown_path(found[1])} both do")
    return found[0] if found else None


def book_audit(root: Path = ROOT) -> Audit:
    """The audit of the book in `root`, read again whenever its claims have
    changed since they were last read (`gradbook serve` keeps running while an
    author edits them); a one-line error for a book that keeps no claims or a
    module that breaks the conventions above."""
    folder = claims_folder(load_book(root))
    if folder is None:
        raise UsageError(f"the book in {root} keeps no claims (a part's folder with a {CLAIMS}/ folder)")
    return _read(folder, folder_fingerprint(folder))


@lru_cache(maxsize=4)
def _read(folder: Path, version: str) -> Audit:
    paths = sorted(folder.glob(SOURCE_FILES))
    if not paths:
        raise UsageError(f"{shown_path(folder)} has no {SOURCE_FILES}")
    try:
        return Audit(tuple(_source(path) for path in paths))
    except ValueError as exc:
        raise UsageError(f"{shown_path(folder)}: {exc}") from None


def _source(path: Path) -> Source:
    module = load_module(path, module_name("claims", path.stem))
    missing = [name for name in ("FILE", "TITLE", "CLAIMS") if not hasattr(module, name)]
    if missing:
        raise UsageError(f"{shown_path(path)} must define {', '.join(missing)}")
    try:
        return Source(path.stem.removeprefix("source_"), module.FILE, module.TITLE, tuple(module.CLAIMS))
    except ValueError as exc:
        raise UsageError(f"{shown_path(path)}: {exc}") from None
