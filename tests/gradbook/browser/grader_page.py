"""The page's grader alone in Chromium: a harness page in a folder of its own
that loads only the grader's scripts (gradbook/practice/page_script.py), and
a function that grades a batch of answer strings there in one round trip.
Used by tests/gradbook/browser/test_grader_differential.py and by
bench/page_grader.py."""

from pathlib import Path

from gradbook.practice.page_script import SCRIPTS, assets

GRADE_BATCH = """(batch) => batch.map(([answer, typed]) => {
    const text = typeof typed === "string" ? typed : typed.codes.map((c) => String.fromCodePoint(c)).join("");
    const start = performance.now();
    const result = window.gradbookGrader.grade(answer, text);
    return [result.verdict, result.feedback, performance.now() - start];
})"""
"""Grades [answer, typed] pairs; a typed string holding a lone surrogate comes
as {codes: [...]}, which JSON cannot carry as text. Returns [verdict,
feedback, milliseconds] for each."""


def harness(folder: Path) -> Path:
    """The harness page and the grader's scripts, written into `folder`."""
    for name, data in assets().items():
        (folder / name).write_bytes(data)
    scripts = "".join(f'<script src="{name}"></script>' for name in SCRIPTS)
    page = folder / "grader.html"
    page.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>grader</title>'
                    f"{scripts}</head><body></body></html>", encoding="utf-8")
    return page


def carried(typed: str):
    """`typed` as the page is sent it: as text, or as code points where it holds a lone surrogate."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in typed):
        return {"codes": [ord(c) for c in typed]}
    return typed


def grade_in_page(page, pairs: list[tuple[dict, str]]) -> list[tuple[str, str, float]]:
    """The page's [verdict, feedback, ms] for each (answer as problems.json holds it, typed)."""
    return [tuple(row) for row in page.evaluate(GRADE_BATCH, [[answer, carried(typed)] for answer, typed in pairs])]
