"""What the chapter tests read: a chapter's rendered Markdown, and a number
in the house style as that Markdown prints it."""

from decimal import Decimal
from functools import cache

import mpmath

from derive import numbers
from gradbook.book import load_book
from gradbook.render import render_part


@cache
def chapter_markdown(slug: str) -> str:
    """The part's Markdown as the build renders it (references unresolved)."""
    part = next(p for p in load_book().parts if p.slug == slug)
    return render_part(part).markdown


def house(value) -> str:
    """The house style as the chapter's Markdown prints it, without the $…$."""
    return numbers.format_decimal(numbers.round_sig(Decimal(mpmath.nstr(value, 40, strip_zeros=False))), "latex")
