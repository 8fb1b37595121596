"""pandoc, from the pypandoc-binary wheel: Markdown to an HTML fragment with
MathML, and Markdown to Typst for the PDF."""

import subprocess
from functools import cache
from pathlib import Path

from gradbook.errors import UsageError

MARKDOWN = "markdown-citations"
"""Pandoc's Markdown, with citations off: `@name` stays text instead of
becoming a Typst citation that fails for want of a bibliography."""


@cache
def _pandoc() -> str:
    import pypandoc
    return pypandoc.get_pandoc_path()


def _run(markdown: str, args: list[str], where: str) -> str:
    done = subprocess.run([_pandoc(), "--from", MARKDOWN, *args], input=markdown,
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise UsageError(f"{where}: pandoc failed: {done.stderr.strip().splitlines()[-1]}")
    return done.stdout


def to_html(markdown: str, number: int | None, where: str) -> str:
    """An HTML fragment, math as MathML; a chapter's sections numbered N.1, N.2, …"""
    args = ["--to", "html5", "--mathml", "--wrap=none"]
    if number is not None:
        args += ["--number-sections", f"--number-offset={number - 1}"]
    return _run(markdown, args, where)


SPAN_FILTER = Path(__file__).parent / "templates" / "typst-spans.lua"
"""Turns a span of class "check" into #check[…], which the Typst shells style."""


def to_typst(markdown: str, where: str) -> str:
    """Typst markup for the body of one part."""
    return _run(markdown, ["--to", "typst", "--wrap=none", f"--lua-filter={SPAN_FILTER}"], where)
