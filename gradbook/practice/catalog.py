"""Every problem family, found in the book's folders rather than listed by
hand: a part whose folder holds `families.py` defines its families there
(a tuple `FAMILIES`), and beside it `checks.py` holds each family's
independent check, a function named as the family with underscores for
hyphens (`dead-relu` is checked by `dead_relu(problem)`). The families come
in the book's order; a family without a check is an error that says so."""

import hashlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Callable

from gradbook.book import ROOT, Book, load_book
from gradbook.chapter_code import load_module, module_name, shown_path
from gradbook.errors import UsageError
from gradbook.practice.family import Family

FAMILIES_FILE = "families.py"
CHECKS_FILE = "checks.py"


@dataclass(frozen=True)
class Catalog:
    families: dict[str, Family]
    checks: dict[str, Callable]
    """Each family's independent check, by family name: it raises AssertionError on a wrong answer."""
    digest: str
    """The `digest` of the files it was loaded from: what the problems made from it are cached under."""


def families(root: Path = ROOT) -> dict[str, Family]:
    return catalog(root).families


def family(name: str, root: Path = ROOT) -> Family:
    """The family called `name`; a one-line error naming the command that lists them."""
    found = families(root)
    if name not in found:
        raise UsageError(f"no problem family {name!r} (gradbook families lists them)")
    return found[name]


def digest(book: Book) -> str:
    """A SHA-256 of every families.py and checks.py in `book`, read without
    importing them: what a part that prints another chapter's families
    depends on, and how a running `gradbook serve` sees an author's edit."""
    hashed = hashlib.sha256()
    for part in book.parts:
        for path in (part.folder / FAMILIES_FILE, part.folder / CHECKS_FILE):
            if path.is_file():
                hashed.update(f"{part.slug}/{path.name}".encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


def catalog(root: Path = ROOT) -> Catalog:
    """The families of the book in `root`, loaded again whenever a families.py
    or checks.py has changed since they were last loaded."""
    book = load_book(root)
    return _loaded(root, digest(book))


@lru_cache(maxsize=4)
def _loaded(root: Path, version: str) -> Catalog:
    book, found, checks = load_book(root), {}, {}
    for part in book.parts:
        path = part.folder / FAMILIES_FILE
        if not path.is_file():
            continue
        mine = _families_in(path, load_module(path, module_name(part.slug, "families")), part.slug)
        for name, each in mine.items():
            if name in found:
                raise UsageError(f"{shown_path(path)}: family {name!r} is also defined in chapters/{found[name].chapter}")
        found.update(mine)
        checks.update(_checks_for(mine, part.folder / CHECKS_FILE, part.slug))
    return Catalog(found, checks, version)


def _families_in(path: Path, module: ModuleType, slug: str) -> dict[str, Family]:
    defined = getattr(module, "FAMILIES", None)
    if not isinstance(defined, tuple) or not all(isinstance(f, Family) for f in defined):
        raise UsageError(f"{shown_path(path)} must define FAMILIES, a tuple of Family")
    return {f.name: replace(f, chapter=slug) for f in defined}


def _checks_for(mine: dict[str, Family], path: Path, slug: str) -> dict[str, Callable]:
    module = load_module(path, module_name(slug, "checks"))
    defined = {} if module is None else {
        name: value for name, value in vars(module).items()
        if callable(value) and getattr(value, "__module__", None) == module.__name__ and not name.startswith("_")}
    wanted = {name.replace("-", "_"): name for name in mine}
    for function, name in wanted.items():
        if function not in defined:
            raise UsageError(f"chapters/{slug}/{FAMILIES_FILE}: family {name!r} has no independent check "
                             f"(define {function}(problem) in chapters/{slug}/{CHECKS_FILE})")
    stray = sorted(set(defined) - set(wanted))
    if stray:
        raise UsageError(f"{shown_path(path)}: {stray[0]}() checks no family of chapters/{slug}/{FAMILIES_FILE}")
    return {name: defined[function] for function, name in wanted.items()}
