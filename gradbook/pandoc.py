"""pandoc, from the pypandoc-binary wheel: Markdown to an HTML fragment with
MathML, and Markdown to Typst for the PDF. Citations such as `[@glorot2010]`
are rendered by pandoc's citeproc as plain author-year text in both, from the
bibliography the build hands over; a citation it cannot resolve is an error."""

import os
import re
import subprocess
from functools import cache
from pathlib import Path

from gradbook.errors import UsageError

MARKDOWN = "markdown"
"""Pandoc's Markdown, with citations: citeproc turns them into text, so the
Typst output holds no #cite for typst to fail on."""

CITATIONS = Path(__file__).parent / "templates" / "citations.yaml"
"""Metadata every conversion starts from: no reference list at the end of a
part. The References appendix asks for the list in its own Markdown, whose
metadata wins over this file's."""

MISSING = re.compile(r"\[WARNING\] Citeproc: citation (\S+) not found")


@cache
def _pandoc() -> str:
    import pypandoc
    return pypandoc.get_pandoc_path()


GLOSSARY_LINKS = Path(__file__).parent / "templates" / "glossary-links.lua"
"""Links each glossary term's first use in a part to its entry (gradbook/glossary.py)."""


def _run(markdown: str, args: list[str], bibliography: Path | None, where: str, glossary: str,
         references: str | None) -> str:
    """pandoc's output for `markdown`. Citations link to the references on the
    page `references` ("" for this document), or nowhere if it is None."""
    sources = [f"--bibliography={bibliography}"] if bibliography is not None else []
    if bibliography is not None and references is not None:
        sources += [f"--lua-filter={CITATION_LINKS}", f"--metadata=references-page:{references}"]
    done = subprocess.run([_pandoc(), "--from", MARKDOWN, "--citeproc", f"--metadata-file={CITATIONS}",
                           *sources, f"--lua-filter={GLOSSARY_LINKS}", *args], input=markdown,
                          capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "GRADBOOK_GLOSSARY": glossary})
    if done.returncode != 0:
        raise UsageError(f"{where}: pandoc failed: {done.stderr.strip().splitlines()[-1]}")
    missing = MISSING.search(done.stderr)
    if missing:
        raise UsageError(f"{where}: the citation @{missing[1]} is not in the bibliography "
                         f"({bibliography or 'none given'})")
    return done.stdout


CITATION_LINKS = Path(__file__).parent / "templates" / "citation-links.lua"
"""Links each work a citation names to its entry in the References appendix."""


def to_html(markdown: str, number: int | None, where: str, bibliography: Path | None = None,
            glossary: str = "", references: str | None = "references.html") -> str:
    """An HTML fragment, math as MathML; a chapter's sections numbered N.1, N.2, …
    `glossary` is the terms to link (glossary.filter_input), or "" for none;
    citations link to their entries on the page `references`, if not None."""
    args = ["--to", "html5", "--mathml", "--wrap=none"]
    if number is not None:
        args += ["--number-sections", f"--number-offset={number - 1}"]
    return _run(markdown, args, bibliography, where, glossary, references)


SPAN_FILTER = Path(__file__).parent / "templates" / "typst-spans.lua"
"""Turns a span of class "check" or "term" into #check[…] or #term[…], which the Typst shells style."""


def to_typst(markdown: str, where: str, bibliography: Path | None = None, glossary: str = "",
             references: str | None = "") -> str:
    """Typst markup for the body of one part; citations as text, never #cite,
    linked to their entries in this document unless `references` is None."""
    return _run(markdown, ["--to", "typst-citations", "--wrap=none", f"--lua-filter={SPAN_FILTER}"],
                bibliography, where, glossary, references)
