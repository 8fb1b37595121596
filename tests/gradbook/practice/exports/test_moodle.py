"""The Moodle XML, read back: the structure Moodle's XML import reads
(question/format/xml/format.php), and for every numerical question the
interval Moodle accepts (question/type/numerical/question.php, transcribed
below) holds the key and none of the near misses gradbook's grader rejects,
whose 0 % answers carry the grader's own feedback."""

import re
import xml.etree.ElementTree as ET
from fractions import Fraction

from gradbook.practice.exports.intervals import accepted, plain

from tests.gradbook.practice.exports.conftest import answers_by_name, near_misses, why_not_exported

PLAIN = re.compile(r"-?[0-9]+(\.[0-9]+)?")
"""A number as Moodle's answer and tolerance fields get it: a plain decimal."""


def moodle_accepts(answer: str, tolerance: str, x: Fraction) -> bool:
    """Moodle's test of a response x against a numerical answer (tolerance
    type "nominal"): both read as doubles, the tolerance widened by
    10^-precision * max(tolerance, |answer|, 10^-precision), ends included."""
    a, t, epsilon = Fraction(float(answer)), Fraction(float(tolerance)), Fraction(1, 10**14)
    spread = t + epsilon * max(t, abs(a), epsilon)
    return a - spread <= x <= a + spread


def questions(xml: bytes):
    """(category, question element) for every numerical question, in order."""
    root = ET.fromstring(xml)
    assert root.tag == "quiz"
    category = None
    for q in root.findall("question"):
        assert q.get("type") in ("category", "numerical")
        if q.get("type") == "category":
            category = q.findtext("category/text")
            continue
        yield category, q


def options(q):
    return [(a.get("fraction"), a.findtext("text"), a.findtext("tolerance"), a.findtext("feedback/text"))
            for a in q.findall("answer")]


def test_every_question_has_the_elements_moodle_reads(exported):
    problems, made = exported
    xml = made.files["moodle.xml"]
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    found = list(questions(xml))
    assert found
    for category, q in found:
        assert q.findtext("name/text").strip()
        assert q.find("questiontext").get("format") == "html" and "<p>" in q.findtext("questiontext/text")
        assert q.find("generalfeedback").get("format") == "html" and q.findtext("generalfeedback/text")
        assert q.findtext("showunits") == "3" and q.find("hint/text") is not None
        graded = options(q)
        assert graded[0][0] == "100" and all(fraction == "0" for fraction, *_ in graded[1:])
        assert all(PLAIN.fullmatch(centre) and PLAIN.fullmatch(tolerance) for _, centre, tolerance, _ in graded)
        answer = answers_by_name(problems)[q.findtext("name/text")]
        problem = next(p for p in problems.problems if answer in p.answers)
        assert category == f"$course$/top/gradbook/{problem.family}/{answer.name}/difficulty {problem.difficulty}"


def test_the_interval_is_what_the_grader_accepts_and_no_near_miss(exported):
    problems, made = exported
    answers = answers_by_name(problems)
    for _, q in questions(made.files["moodle.xml"]):
        answer = answers[q.findtext("name/text")]
        right = accepted(answer)
        (_, centre, tolerance, _), *mistakes = options(q)
        assert (Fraction(centre) - Fraction(tolerance), Fraction(centre) + Fraction(tolerance)) == \
            (right.low, right.high)
        assert moodle_accepts(centre, tolerance, Fraction(answer.value))
        for label, given in near_misses(answer, right).items():
            assert not moodle_accepts(centre, tolerance, given), (answer, label)
            caught = [words for _, c, t, words in mistakes if moodle_accepts(c, t, given)]
            said = answer.grading.why(given, Fraction(answer.value), percent=False)  # Moodle reads no %
            assert caught in ([], [f"<p>{said}</p>"]), (answer, label, caught)
            if label == "wrong sign":
                assert caught, answer


def test_what_is_left_out_is_symbolic_too_small_or_beyond_doubles_and_said(exported):
    problems, made = exported
    xml = made.files["moodle.xml"]
    kept = {q.findtext("name/text") for _, q in questions(xml)}
    why_not_exported(problems, kept, made.notes, xml.decode(), small=Fraction(1, 10**20))


def test_answers_of_order_ten_to_the_minus_seven_are_exported(made, hand_set):
    kept = {q.findtext("name/text") for _, q in questions(made["hand"].files["moodle.xml"])}
    assert {name for name in answers_by_name(hand_set) if name.startswith("hand-tiny")} <= kept
