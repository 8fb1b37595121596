"""The glossary: each term defined once, in the `terms.toml` of the part that
prints the glossary, and linked from its first use in every other part.

The linking is done on pandoc's syntax tree by `templates/glossary-links.lua`
(given the terms as JSON in an environment variable), so math, code,
headings, links, citations and quotations are never touched, and the same
Markdown gets the same links in the HTML and the PDF.
"""

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from gradbook.book import Book, Part
from gradbook.errors import UsageError

TERMS = "terms.toml"
"""The file, in a part's folder, that makes that part the glossary."""
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    forms: tuple[str, ...]
    """The words that count as a use of the term in the text, in any case."""
    definition: str
    """Markdown, with math."""
    see: str = ""
    """A reference ("ch:03-depth") to where the guide treats the term."""

    @property
    def anchor(self) -> str:
        return f"term-{self.id}"


def glossary_part(book: Book) -> Part | None:
    """The part that prints the glossary, if the book has one."""
    holders = [part for part in book.parts if (part.folder / TERMS).is_file()]
    if len(holders) > 1:
        raise UsageError(f"only one part may hold a glossary ({TERMS}); "
                         f"{', '.join(part.slug for part in holders)} do")
    return holders[0] if holders else None


def load_terms(path: Path) -> tuple[Term, ...]:
    """The terms of a glossary file, checked, in alphabetical order."""
    where = f"chapters/{path.parent.name}/{path.name}"
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{where}: not valid TOML: {exc}") from None
    terms, forms = [], {}
    for number, entry in enumerate(entries, 1):
        term = _term(entry, f"{where}: term {number}")
        if any(known.id == term.id for known in terms):
            raise UsageError(f"{where}: the id {term.id!r} is used twice")
        for form in term.forms:
            if form.lower() in forms:
                raise UsageError(f"{where}: {form!r} is a form of both {forms[form.lower()]!r} and {term.id!r}")
            forms[form.lower()] = term.id
        terms.append(term)
    return tuple(sorted(terms, key=lambda term: term.name.lower()))


def _term(entry, where: str) -> Term:
    if not isinstance(entry, dict) or set(entry) - {"id", "name", "forms", "definition", "see"}:
        raise UsageError(f"{where}: a term has id, name, forms, definition and optionally see")
    fields = {key: entry.get(key) for key in ("id", "name", "definition")}
    if not all(isinstance(value, str) and value.strip() for value in fields.values()):
        raise UsageError(f"{where}: id, name and definition must each be non-empty text")
    if not _ID.fullmatch(fields["id"]):
        raise UsageError(f"{where}: the id {fields['id']!r} must be lowercase words joined by hyphens")
    forms = entry.get("forms")
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
        raise UsageError(f"{where}: forms must be a non-empty list of words")
    see = entry.get("see", "")
    if not isinstance(see, str):
        raise UsageError(f"{where}: see must be a reference such as 'ch:03-depth'")
    return Term(fields["id"], fields["name"].strip(), tuple(f.strip() for f in forms),
                fields["definition"].strip(), see)


def filter_input(terms: tuple[Term, ...], page: str, skip: str = "") -> str:
    """What glossary-links.lua reads: each term's forms and its link target,
    on `page` ("" within one document), and the id of the level-1 heading
    whose section is the glossary itself (`skip`), for a whole book in one
    document, where the first use is linked anew in every chapter."""
    return json.dumps({"skip": skip,
                       "terms": [{"target": f"{page}#{term.anchor}", "forms": [f.lower().split() for f in term.forms]}
                                 for term in terms]}, ensure_ascii=False, sort_keys=True)
