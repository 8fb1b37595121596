"""The page's grader (templates/grader.js) held to the Python grader
(gradbook.practice.grade), string by string, in Chromium.

The answers are the real families' (gradbook.practice.generate.practice_set),
every numeric mode among them. For each, hypothesis draws answer strings:
numbers at and next to each tolerance's edges (computed exactly), the key's
value written every way the grammar allows (1/4, 25%, 2.5e-1, 2.5 × 10^-1,
2.5x10^-1, 2.5·10⁻¹), near misses (wrong sign, a slipped decimal point, a
figure short), the grammar's token soup, characters a learner might paste
in, and the hostile corpus. For a numeric answer the page's verdict and
feedback must be Python's, word for word; for an expression, the page must
never accept what Python refuses. A mismatch prints the string, the answer
and both verdicts.
"""

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gradbook.practice.exact import decimal_exponent, rounded
from gradbook.practice.generate import practice_set
from gradbook.practice.grade import grade
from gradbook.practice.model import Answer
from gradbook.practice.parse import NAMED
from gradbook.practice.rules import Absolute, NumericRule, Relative, SignificantFigures
from tests.conftest import TIMING
from tests.gradbook.browser.grader_page import grade_in_page, harness
from tests.gradbook.practice.hostile import corpus, expressions

BATCH = 50
BATCHES = 210
"""Strings per page round trip, and round trips: over 10,000 strings per run."""
SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
TOKENS = ("1", "2.5", "0", ".5", "3.", "1e5", "2E-3", "e", "pi", "z", "a", "exp(", "sigma(", "tanh(", "log(",
          "sqrt(", "σ(", "(", ")", "+", "-", "−", "*", "**", "/", "^", "%", "×", "·", "x", "x10", "10", "²", "⁻¹",
          " ", "  ", "\t", "q", "1e-9999", "9e9999", "1/3", "10^-400", "0.001")
LOOKALIKES = sorted({chr(c) for low, high in NAMED for c in range(low, high + 1)}
                    | {chr(c) for c in (0x0, 0x7, 0x1B, 0x7F, 0x85, 0xAD, 0x200B, 0x200E, 0x2028, 0xFEFF, 0xE000,
                                        0xD800, 0x0378, 0x10FFFF, 0x1F600, 0x4E00, 0x0101, 0x1D465)})
"""Characters a learner might paste in (every one a message names), unnamed ones
(controls, private use, unassigned, a lone surrogate) and some called by their
code point (an emoji, a CJK ideograph, a letter beyond Latin-1, a mathematical italic x)."""
HOSTILE = corpus() + expressions(300, seed=20)


@pytest.fixture(scope="module")
def answers() -> dict[str, list[Answer]]:
    """The families' answers, by kind: every numeric rule they use, and the expressions."""
    drawn = [a for p in practice_set(count=120, seed=20).problems for a in p.answers]
    numeric = list({(a.grading.to_json().__repr__(), a.value): a for a in drawn
                    if isinstance(a.grading, NumericRule)}.values())
    kinds = {type(a.grading) for a in numeric}
    assert kinds == {Relative, Absolute, SignificantFigures}
    assert {a.grading.tol for a in numeric if isinstance(a.grading, Absolute)} >= {0, 0.001}
    return {"numeric": numeric, "symbolic": [a for a in drawn if not isinstance(a.grading, NumericRule)]}


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(harness(tmp_path_factory.mktemp("grader")).as_uri())
    yield opened
    context.close()


def decimal_text(q: Fraction) -> str:
    """A decimal fraction written out exactly: -0.0123, 250."""
    places = 0
    while (q * 10**places).denominator != 1:
        places += 1
    digits = str(abs(q * 10**places).numerator).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}" if places else digits
    return ("-" if q < 0 else "") + text


def mantissa_and_power(q: Fraction) -> tuple[str, int]:
    """q = m · 10^k with 1 <= |m| < 10, m written exactly."""
    power = decimal_exponent(q)
    return decimal_text(q / Fraction(10) ** power), power


def writings(q: Fraction, percent: bool) -> list[str]:
    """q written every way the grammar reads a number."""
    mantissa, power = mantissa_and_power(q)
    forms = [decimal_text(q), f"{mantissa}e{power}", f"{mantissa}E{power:+d}", f"{mantissa} × 10^{power}",
             f"{mantissa}x10^{power}", f"{mantissa} X 10^({power})", f"{mantissa}·10{str(power).translate(SUPERSCRIPT)}",
             f"{mantissa}*10**{power}", f"({mantissa})(10^{power})", f"{q.numerator}/{q.denominator}",
             f"−{decimal_text(-q)}", f"+{decimal_text(q)}", f"--{decimal_text(q)}", f" {decimal_text(q)}\t"]
    if percent:
        forms.append(f"{decimal_text(100 * q)}%")
    return forms


def edges(answer: Answer) -> list[Fraction]:
    """The values at which the rule's verdict changes, exactly."""
    truth, rule = Fraction(answer.value), answer.grading
    if isinstance(rule, SignificantFigures):
        if truth == 0:
            return [Fraction(0)]
        near = rounded(truth, rule.figures)
        half = Fraction(10) ** (decimal_exponent(near) - rule.figures + 1) / 2
        return [near - half, near + half, near]
    spread = Fraction(repr(rule.tol)) * (abs(truth) if isinstance(rule, Relative) else 1)
    return [truth - spread, truth + spread, truth]


@st.composite
def numbers(draw, answer: Answer) -> str:
    """A number near the answer: at an edge, a hair either side of one, or a typical mistake, in any writing."""
    truth = Fraction(answer.value)
    edge = draw(st.sampled_from(edges(answer)))
    hair = Fraction(10) ** (decimal_exponent(edge or Fraction(1)) - draw(st.integers(3, 45)))
    near = edge + draw(st.sampled_from((-1, 0, 0, 1))) * draw(st.integers(1, 9)) * hair
    mistake = draw(st.sampled_from((truth, -truth, 10 * truth, 100 * truth, truth / 10, truth / 1000,
                                    truth * Fraction(101, 100), truth * Fraction(3, 2), Fraction(0))))
    value = draw(st.sampled_from((near, near, near, mistake, -near)))
    return draw(st.sampled_from(writings(value, answer.grading.percent)))


@st.composite
def typed(draw, answer: Answer) -> str:
    """One string a learner might type for `answer`: most often a number, else token soup, a
    pasted character, a hostile string, or a tolerance's edge through functions (the approximate path)."""
    kind = draw(st.sampled_from(("number",) * 6 + ("soup", "lookalike", "hostile", "function")))
    if kind == "number":
        return draw(numbers(answer))
    if kind == "soup":
        return "".join(draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12)))
    if kind == "lookalike":
        text = draw(numbers(answer))
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.sampled_from(LOOKALIKES)) + text[at:]
    if kind == "hostile":
        return draw(st.sampled_from(HOSTILE))
    value = decimal_text(draw(st.sampled_from(edges(answer))))
    return draw(st.sampled_from((f"exp(log({value}))", f"sqrt({value})^2", f"{value}*pi/pi", f"{value} + e - e",
                                 f"tanh(20)*{value}", f"2*sigma(0)*{value}", f"({value})^1.5^(1/1.5)",
                                 f"exp(1)^{draw(st.integers(-400, 400))}", f"{value}*10^0.5",
                                 f"{value}*exp({draw(st.sampled_from(('1e-30', '-1e-30', '1e-45', '-0.0099')))})")))


def differences(page, pairs: list[tuple[Answer, str]], numeric: bool) -> list[str]:
    """Where the page and Python disagree: for numbers, in verdict or words; for expressions, where only the page accepts."""
    found = []
    for (answer, text), (verdict, feedback, _) in zip(pairs, grade_in_page(page, [(a.to_dict(), t) for a, t in pairs])):
        python = grade(answer, text)
        same = (verdict, feedback) == (python.verdict, python.feedback) if numeric \
            else verdict != "correct" or python.verdict == "correct"
        if not same:
            found.append(f"typed {text[:300]!r}\n  answer {answer.to_dict()}\n  page:   {verdict}: {feedback}\n"
                         f"  python: {python.verdict}: {python.feedback}")
    return found


@settings(max_examples=BATCHES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(data=st.data())
def test_the_page_grades_every_number_as_python_does(page, answers, data):
    pairs = []
    for _ in range(BATCH):
        answer = data.draw(st.sampled_from(answers["numeric"]))
        pairs.append((answer, data.draw(typed(answer))))
    found = differences(page, pairs, numeric=True)
    assert not found, f"{len(found)} of {len(pairs)} strings graded differently:\n" + "\n".join(found[:20])


def symbolic_strings(answer: Answer, rng: random.Random) -> list[str]:
    """The key itself, forms of it a learner might write, and near misses the exact step must catch."""
    key = answer.exact
    names = sorted(answer.grading.names)
    near = [key, f"({key})", f"-(-({key}))", f"2*({key})/2", f"-({key})", f"{key} + 1", f"{key} + 1e-300",
            f"{key} - 1e-390", f"({key})*(1 + 1e-45)", f"{key} + 1e-60*{names[0]}", f"({key})^1.0000000001",
            f"{key} + exp(-900)", f"{key} + sigma(-700)", f"{key}*{names[0]}/{names[0]}", f"{key} + 0*{names[0]}"]
    soup = ["".join(rng.choice(TOKENS + tuple(names)) for _ in range(rng.randrange(1, 10))) for _ in range(40)]
    return near + soup + rng.sample(HOSTILE, 20)


def test_the_page_never_accepts_an_expression_python_refuses(page, answers):
    rng = random.Random(20)
    pairs = [(answer, text) for answer in answers["symbolic"] for text in symbolic_strings(answer, rng)]
    found = differences(page, pairs, numeric=False)
    assert not found, f"{len(found)} expressions accepted by the page only:\n" + "\n".join(found[:20])
    assert grade_in_page(page, [(answers["symbolic"][0].to_dict(), answers["symbolic"][0].exact)])[0][0] == "correct"


SLOWEST = "page grader, slowest hostile input in any mode"
HOSTILE_INPUTS = {
    "a 1 MB paste": "9" * 1_000_000,
    "30-deep nesting": "(" * 30 + "1" + ")" * 30,
    "a tower of powers": "9^9^9^9",
    "markup": "<img src=x onerror=window.hacked=1>",
    "a script": "<script>window.hacked=1</script>",
}


@pytest.mark.parametrize("typed", [*HOSTILE_INPUTS.values(), *corpus()], ids=[*HOSTILE_INPUTS, *(
    f"corpus-{i}" for i in range(len(corpus())))])
def test_hostile_input_is_refused_or_graded_and_never_run(page, answers, typed, record_property):
    chosen = [answers["numeric"][0], answers["symbolic"][0],
              next(a for a in answers["numeric"] if a.grading == Absolute(0))]
    results = grade_in_page(page, [(answer.to_dict(), typed) for answer in chosen])
    assert all(verdict in ("correct", "incorrect", "invalid") for verdict, _, _ in results)
    assert not any("could not be graded" in feedback for _, feedback, _ in results)
    if "<" in typed:
        assert {verdict for verdict, _, _ in results} == {"invalid"}
    assert page.evaluate("() => window.hacked === undefined && document.body.children.length === 0")
    slowest = max(ms for _, _, ms in results)
    record_property(TIMING + SLOWEST, (slowest, f"{slowest:.1f} ms ({typed[:40]!r})"))

