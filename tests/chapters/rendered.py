"""What the chapter tests read: a chapter's rendered Markdown, and a number
in the house style as that Markdown prints it."""

import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path

import mpmath

from derive import numbers
from gradbook.book import load_book
from gradbook.experiments.runner import results
from gradbook.render import experiments_needed, render_part

_EXPERIMENTS = tempfile.TemporaryDirectory(prefix="gradbook-chapter-tests-")
"""Where the experiments a chapter test renders with are run and cached, for this session."""


@cache
def chapter_markdown(slug: str) -> str:
    """The part's Markdown as the build renders it (references unresolved),
    with the experiments it reads run first (only the quick ones are read
    by the chapters the tests render this way)."""
    part = next(p for p in load_book().parts if p.slug == slug)
    needed = experiments_needed(part)
    found = results(Path(_EXPERIMENTS.name), needed).results if needed else None
    return render_part(part, found).markdown


def house(value) -> str:
    """The house style as the chapter's Markdown prints it, without the $…$."""
    return numbers.format_decimal(numbers.round_sig(Decimal(mpmath.nstr(value, 40, strip_zeros=False))), "latex")
