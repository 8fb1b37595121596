"""pandoc, from the pypandoc-binary wheel. `convert` runs it on Markdown with
what every output shares: citeproc, which renders citations such as
`[@glorot2010]` as author-year text from the bibliography the build hands
over (a citation it cannot resolve is an error), and the Lua filters that
link glossary terms and citations. Markdown to an HTML fragment with MathML
and to Typst are here, since worksheets use them too; a format module that
needs another writer calls `convert` itself (formats/epub.py)."""

import os
import re
import subprocess
from functools import cache
from pathlib import Path

from gradbook.errors import UsageError

MARKDOWN = "markdown"
"""Pandoc's Markdown, with citations: citeproc turns them into text, so the
Typst output holds no #cite for typst to fail on."""
TEMPLATES = Path(__file__).parent / "templates"

CITATIONS = TEMPLATES / "citations.yaml"
"""Metadata every conversion starts from: no reference list at the end of a
part. The References appendix asks for the list in its own Markdown, whose
metadata wins over this file's."""
CITATION_LINKS = TEMPLATES / "citation-links.lua"
"""Links each work a citation names to its entry in the References appendix."""
GLOSSARY_LINKS = TEMPLATES / "glossary-links.lua"
"""Links each glossary term's first use in a part to its entry (gradbook/glossary.py)."""
TYPST_FILTER = TEMPLATES / "typst.lua"
"""Turns the boxes, check marks and glossary links into the Typst shells' functions."""
WEB_ONLY = TEMPLATES / "web-only.lua"
"""Leaves out, in a format that is one document, what only the web site can show."""

ALWAYS_READ = (CITATIONS, GLOSSARY_LINKS)
"""The templates every conversion reads, whatever it is asked for."""

MISSING = re.compile(r"\[WARNING\] Citeproc: citation (\S+) not found")
REPRODUCIBLE = "0"
"""SOURCE_DATE_EPOCH for every run: a writer that stamps a date (the EPUB's,
and its zip entries' times) stamps a fixed one, so the same book gives the
same bytes."""


@cache
def _pandoc() -> str:
    import pypandoc
    return pypandoc.get_pandoc_path()


def convert(markdown: str, args: list[str], bibliography: Path | None, where: str, glossary: str,
         references: str | None, cwd: Path | None = None) -> str:
    """pandoc's output for `markdown`. Citations link to the references on the
    page `references` ("" for this document), or nowhere if it is None."""
    sources = [f"--bibliography={bibliography}"] if bibliography is not None else []
    if bibliography is not None and references is not None:
        sources += [f"--lua-filter={CITATION_LINKS}", f"--metadata=references-page:{references}"]
    done = subprocess.run([_pandoc(), "--from", MARKDOWN, "--citeproc", f"--metadata-file={CITATIONS}",
                           *sources, f"--lua-filter={GLOSSARY_LINKS}", *args], input=markdown,
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          env={**os.environ, "GRADBOOK_GLOSSARY": glossary, "SOURCE_DATE_EPOCH": REPRODUCIBLE})
    if done.returncode != 0:
        raise UsageError(f"{where}: pandoc failed: {done.stderr.strip().splitlines()[-1]}")
    missing = MISSING.search(done.stderr)
    if missing:
        raise UsageError(f"{where}: the citation @{missing[1]} is not in the bibliography "
                         f"({bibliography or 'none given'})")
    return done.stdout


def to_html(markdown: str, number: int | None, where: str, bibliography: Path | None = None,
            glossary: str = "", references: str | None = "references.html") -> str:
    """An HTML fragment, math as MathML; a chapter's sections numbered N.1, N.2, …
    `glossary` is the terms to link (glossary.filter_input), or "" for none;
    citations link to their entries on the page `references`, if not None."""
    args = ["--to", "html5", "--mathml", "--wrap=none"]
    if number is not None:
        args += ["--number-sections", f"--number-offset={number - 1}"]
    return convert(markdown, args, bibliography, where, glossary, references)


_PIECE_END = "\n\n::: gradbook-piece-end\n:::\n\n"
_PIECE_END_HTML = '<div class="gradbook-piece-end">\n\n</div>\n'
"""What separates the pieces of Markdown pandoc converts in one run, and the HTML it becomes."""


def html_pieces(pieces: list[str], where: str, math: str = "--mathml") -> list[str]:
    """Each Markdown piece (a statement, a hint, a solution) as HTML, math as
    MathML or (math="--mathjax") TeX between \\( \\), from one pandoc run for
    them all: they are joined by a separator pandoc turns into a known line of
    HTML, and split there. One run, not one per piece: a pool or an export has
    hundreds of pieces, and each run costs pandoc's start-up."""
    html = convert(_PIECE_END.join(pieces) + _PIECE_END, ["--to", "html5", math, "--wrap=none"], None, where,
                   "", None)
    found = [piece.strip() for piece in html.split(_PIECE_END_HTML)][:-1]
    if len(found) != len(pieces):
        raise UsageError(f"{where}: a piece of Markdown holds pandoc's separator between pieces")
    return found


def to_typst(markdown: str, where: str, bibliography: Path | None = None, glossary: str = "",
             references: str | None = "") -> str:
    """Typst markup for the body of one part; citations as text, never #cite,
    linked to their entries in this document unless `references` is None."""
    args = ["--to", "typst-citations", "--wrap=none", f"--lua-filter={WEB_ONLY}", f"--lua-filter={TYPST_FILTER}"]
    return convert(markdown, args, bibliography, where, glossary, references)
