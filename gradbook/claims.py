"""The sources' claims as the book keeps them: in the `claims/` folder of the
part that prints the audit (chapters/audit/claims/), one module per source,
read and checked by derive's audit machinery."""

from functools import cache
from pathlib import Path

from derive.audit import Audit, load
from gradbook.book import ROOT, Book, load_book
from gradbook.errors import UsageError

CLAIMS = "claims"


def claims_folder(book: Book) -> Path | None:
    """The claims/ folder of the one part of `book` that has one, or None."""
    found = [part.folder / CLAIMS for part in book.parts if (part.folder / CLAIMS).is_dir()]
    if len(found) > 1:
        raise UsageError(f"only one part may keep the sources' claims, but {found[0]} and {found[1]} both do")
    return found[0] if found else None


@cache
def book_audit(root: Path = ROOT) -> Audit:
    """The audit of the book in `root`; a one-line error for a book that keeps no claims or a broken claims module."""
    folder = claims_folder(load_book(root))
    if folder is None:
        raise UsageError(f"the book in {root} keeps no claims (a part's folder with a {CLAIMS}/ folder)")
    try:
        return load(folder)
    except (ValueError, AttributeError, ImportError, SyntaxError) as exc:
        raise UsageError(f"{folder}: {exc}") from None
