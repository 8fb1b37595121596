"""The practice grader's scripts for the HTML guide: grader-constants.js,
printed from the Python grader's modules when the guide is built, and
grader.js (gradbook/templates/grader.js), the hand-written logic that uses it.

Nothing the Python grader knows is typed twice: the limits, the operation
costs, the sampling scales, the characters the tokenizer accepts and the
character tables its messages rely on (which characters Python counts as
space or as unprintable, and the Unicode names of the characters a learner
plausibly types) all come from here. The differential browser test holds
grader.js to gradbook.practice.grade, answer by answer.
"""

import json
import unicodedata
from fractions import Fraction
from functools import cache

import mpmath
from mpmath.libmp import dps_to_prec

from gradbook.practice import evaluate, exact, grade, model, parse
from gradbook.shells import asset

SCRIPTS = ("grader-constants.js", "grader.js")
"""The grader's scripts, in the order a page loads them."""
def _ranges(codes) -> str:
    """Sorted code points as runs, each written in base 36 as "gap.length" from
    the end of the previous run: a compact string grader.js expands."""
    runs, previous = [], -1
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    parts = []
    for start, end in runs:
        parts.append(f"{_base36(start - previous - 1)}.{_base36(end - start + 1)}")
        previous = end
    return ",".join(parts)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


@cache
def character_tables() -> dict:
    """What grader.js needs to read and describe characters exactly as Python
    does: spaces (str.isspace), unprintable characters (str.isprintable), and
    the names of the characters parse.NAMED names and of the unprintable named ones."""
    everything = range(0x110000)
    unprintable = [c for c in everything if not chr(c).isprintable()]
    named = sorted({c for low, high in parse.NAMED for c in range(low, high + 1)}
                   | {c for c in unprintable if unicodedata.name(chr(c), None)})
    return {
        "spaces": [c for c in everything if chr(c).isspace()],
        "unprintable": _ranges(unprintable),
        "names": {f"{c:x}": unicodedata.name(chr(c)).lower() for c in named if unicodedata.name(chr(c), None)},
    }


class _Recorder:
    """A random source that draws the lowest value each time and records what it was asked."""

    def __init__(self):
        self.ranges = []

    def choice(self, options):
        return options[-1]

    def randrange(self, start, stop):
        self.ranges.append((start, stop))
        return 1


def sampling() -> dict:
    """How grade.sample_points draws a variable: (1 or -1) · randrange(low, high) / denominator · scale,
    read from one call of it."""
    recorder = _Recorder()
    point = grade.sample_points(["v"], recorder)[0]["v"] / Fraction(grade.SCALES[0])
    (low, high), = set(recorder.ranges)
    return {"low": low, "high": high, "denominator": point.denominator}


def constants() -> dict:
    """The Python grader's settings, by the names grader.js uses."""
    return {
        "parse": {"maxLength": parse.MAX_LENGTH, "maxDepth": parse.MAX_DEPTH, "maxHeight": parse.MAX_HEIGHT,
                  "maxMagnitude": parse.MAX_MAGNITUDE, "functions": list(parse.FUNCTIONS),
                  "constants": list(parse.CONSTANTS), "superscripts": parse._SUPERSCRIPTS,
                  "times": sorted(parse._TIMES), "minus": sorted(chr(c) for c in parse._MINUS)},
        "evaluate": {"maxExponent": evaluate.MAX_EXPONENT, "argumentLimit": evaluate.ARGUMENT_LIMIT,
                     "budget": evaluate.BUDGET, "cost": evaluate._COST, "bits": dps_to_prec(evaluate.DIGITS),
                     "exactBits": evaluate.EXACT_BITS, "maxBits": evaluate._MAX_BITS},
        "exact": {"snapFigures": exact.SNAP_FIGURES},
        "grade": {"scales": list(grade.SCALES), "levelBits": [dps_to_prec(digits) for digits in grade.LEVELS],
                  "agreement": -int(mpmath.nint(mpmath.log10(grade.AGREEMENT))), **sampling()},
        "keyLength": model.KEY_LENGTH,
        "characters": character_tables(),
    }


def constants_script() -> str:
    """grader-constants.js: the Python grader's settings as one object."""
    return ("// Made by gradbook/practice/page_script.py from the Python grader when the guide is built;"
            " not edited by hand.\n\"use strict\";\nwindow.gradbookGraderConstants = "
            + json.dumps(constants(), ensure_ascii=False, separators=(",", ":")) + ";\n")


def assets() -> dict[str, bytes]:
    """The grader's scripts, by file name."""
    return {SCRIPTS[0]: constants_script().encode("utf-8"), SCRIPTS[1]: asset(SCRIPTS[1]).encode("utf-8")}
