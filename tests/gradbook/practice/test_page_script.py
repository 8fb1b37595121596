"""The page grader's generated script carries the Python grader's own settings
and character tables (gradbook/practice/page_script.py); that the page then
grades as Python does is tests/gradbook/browser/test_grader_differential.py."""

import json
import random
import re
import unicodedata

import mpmath
import pytest

from gradbook.practice import evaluate, exact, grade, model, parse
from gradbook.practice.page_script import SCRIPTS, assets, constants, constants_script
from gradbook.practice.parse import NAMED

CONSTANTS = constants()


def test_the_constants_script_defines_the_constants_as_json():
    script = constants_script()
    prefix = "window.gradbookGraderConstants = "
    assert json.loads(script[script.index(prefix) + len(prefix):].rstrip().rstrip(";")) == \
        json.loads(json.dumps(CONSTANTS))


@pytest.mark.parametrize("path, value", [
    (("parse", "maxLength"), parse.MAX_LENGTH),
    (("parse", "maxDepth"), parse.MAX_DEPTH),
    (("parse", "maxHeight"), parse.MAX_HEIGHT),
    (("parse", "maxMagnitude"), parse.MAX_MAGNITUDE),
    (("parse", "functions"), list(parse.FUNCTIONS)),
    (("parse", "constants"), list(parse.CONSTANTS)),
    (("parse", "superscripts"), parse._SUPERSCRIPTS),
    (("evaluate", "maxExponent"), evaluate.MAX_EXPONENT),
    (("evaluate", "argumentLimit"), evaluate.ARGUMENT_LIMIT),
    (("evaluate", "budget"), evaluate.BUDGET),
    (("evaluate", "cost"), evaluate._COST),
    (("evaluate", "exactBits"), evaluate.EXACT_BITS),
    (("evaluate", "maxBits"), evaluate._MAX_BITS),
    (("exact", "snapFigures"), exact.SNAP_FIGURES),
    (("grade", "scales"), list(grade.SCALES)),
    (("keyLength",), model.KEY_LENGTH),
], ids=lambda value: ".".join(value) if isinstance(value, tuple) else None)
def test_the_constants_are_the_python_graders(path, value):
    found = CONSTANTS
    for key in path:
        found = found[key]
    assert found == value


def test_the_times_and_minus_signs_are_the_tokenizers():
    assert set(CONSTANTS["parse"]["times"]) == parse._TIMES
    assert {text.translate(parse._MINUS) for text in CONSTANTS["parse"]["minus"]} == {"-"}
    assert len(CONSTANTS["parse"]["minus"]) == len(parse._MINUS)


def test_the_working_precisions_are_mpmaths_for_the_digits():
    with mpmath.workdps(evaluate.DIGITS):
        assert CONSTANTS["evaluate"]["bits"] == mpmath.mp.prec
    for level, bits in zip(grade.LEVELS, CONSTANTS["grade"]["levelBits"]):
        with mpmath.workdps(level):
            assert bits == mpmath.mp.prec


def test_the_sampling_is_grade_sample_points_distribution():
    found = CONSTANTS["grade"]
    assert 10 ** -found["agreement"] == pytest.approx(float(grade.AGREEMENT), rel=1e-12)
    rng = random.Random(20)
    for _ in range(200):
        for point, scale in zip(grade.sample_points(["v"], rng), grade.SCALES):
            size = abs(point["v"]) / abs(type(point["v"])(scale)) * found["denominator"]
            assert size.denominator == 1 and found["low"] <= size < found["high"]


def runs(encoded: str) -> set[int]:
    """The code points of the script's runs ("gap.length" in base 36 from the end of the last run)."""
    codes, previous = set(), -1
    for part in encoded.split(","):
        gap, length = (int(n, 36) for n in part.split("."))
        start = previous + 1 + gap
        previous = start + length - 1
        codes |= set(range(start, previous + 1))
    return codes


def test_the_character_tables_are_pythons():
    tables = CONSTANTS["characters"]
    everything = range(0x110000)
    assert set(tables["spaces"]) == {c for c in everything if chr(c).isspace()}
    assert runs(tables["unprintable"]) == {c for c in everything if not chr(c).isprintable()}
    for code, name in tables["names"].items():
        assert unicodedata.name(chr(int(code, 16))).lower() == name


def test_every_character_in_the_named_blocks_and_every_named_unprintable_one_has_its_name():
    names = CONSTANTS["characters"]["names"]
    for low, high in NAMED:
        for code in range(low, high + 1):
            assert (f"{code:x}" in names) == (unicodedata.name(chr(code), None) is not None)
    assert all(f"{c:x}" in names for c in range(0x110000)
               if not chr(c).isprintable() and unicodedata.name(chr(c), None))


def test_assets_are_the_scripts_in_load_order():
    files = assets()
    assert tuple(files) == SCRIPTS == ("grader-constants.js", "grader.js")
    assert files["grader-constants.js"] == constants_script().encode("utf-8")
    assert b"window.gradbookGrader = " in files["grader.js"]


@pytest.mark.parametrize("pattern", [r"\beval\s*\(", r"\bFunction\s*\(", r"innerHTML", r"outerHTML",
                                     r"insertAdjacentHTML", r"document\.write", r"\bsetTimeout\s*\(\s*['\"]"],
                         ids=["eval", "Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                              "setTimeout-string"])
def test_the_grader_script_never_runs_or_renders_text(pattern):
    assert not re.search(pattern, assets()["grader.js"].decode("utf-8"))
