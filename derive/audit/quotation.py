"""What a source printed, and the number in it.

A claim's `stated` text is a quotation: the characters the source printed,
"≈ 0.045", "1.56 × 10⁻⁵" or "9.54 \\times 10^{-7}". `normalize` folds the
typographic variants a quotation may differ in (spaces, the several minus
signs and quotes, × and \\times, ≈ and \\approx) so that it can be found in
the source's file; `number` reads the number a stated text gives, as a plain
decimal string ("1.56e-5"), for the verdict.
"""

import re

FOLDS = (
    (re.compile(r"[\u2212\u2011\u2010\u2012\u2013]"), "-"),  # minus, non-breaking hyphen, hyphen, dashes
    (re.compile(r"[\u2018\u2019\u2032]"), "'"),
    (re.compile(r"[\u201c\u201d\u2033]"), '"'),
    (re.compile(r"\\times(?![A-Za-z])|\\cdot(?![A-Za-z])|[×⋅]"), "×"),
    (re.compile(r"\\approx(?![A-Za-z])"), "≈"),
    (re.compile(r"\s+"), " "),
    (re.compile(r" ?([×≈]) ?"), r"\1"),
)
"""Typographic variants folded to one form, in order; spaces around × and ≈
go last, so "≈ 0.045" and "≈0.045" are the same quotation."""

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
NUMBER = re.compile(
    r"^(?:≈|~|about |approximately )?"
    r"(?P<mantissa>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)?"
    r"(?:(?(mantissa)×)10(?:\^\{(?P<braced>-?\d+)\}|\^(?P<caret>-?\d+)|(?P<raised>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)))?"
    r"(?:e(?P<e>[-+]?\d+))?$")
"""A number as sources print it: 0.045, 64,000, −1.56 × 10⁻⁵, 9.54 \\times 10^{-7},
10^{-26} (a bare power of ten) or 1.56e-05, after an optional ≈."""


def normalize(text: str) -> str:
    """`text` with its typographic variants folded (see FOLDS)."""
    for pattern, replacement in FOLDS:
        text = pattern.sub(replacement, text)
    return text.strip()


def number(stated: str) -> str:
    """The number `stated` gives, as a decimal string: "≈ 0.045" gives "0.045",
    "1.56 × 10⁻⁵" gives "1.56e-5", "10^{-26}" gives "1e-26"; a ValueError if it
    gives none."""
    found = NUMBER.match(normalize(stated))
    if not found or not (found["mantissa"] or found["braced"] or found["caret"] or found["raised"]):
        raise ValueError(f"{stated!r} is not a number as a source prints one")
    mantissa = (found["mantissa"] or "1").replace(",", "")
    power = found["braced"] or found["caret"] or (found["raised"] or "").translate(SUPERSCRIPTS) or found["e"]
    return f"{mantissa}e{int(power)}" if power else mantissa
