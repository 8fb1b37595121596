"""The QTI 1.2 zip for Canvas, read back: the manifest names the assessment,
which holds the structure of Canvas's own exports (numerical_question items,
a render_fib response, a <vargte>/<varlte> range), and each range, read as
Canvas reads it (each end a double, compared exactly, ends included), holds
the key and none of the near misses gradbook's grader rejects."""

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from fractions import Fraction

from gradbook.practice import exports
from gradbook.practice.exports.intervals import accepted

from tests.gradbook.practice.exports.conftest import answers_by_name, near_misses, why_not_exported

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
PLAIN = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def canvas_end(text: str) -> Fraction:
    """An end of a range as Canvas grades it: read as a double (Ruby's to_f),
    written back as the shortest decimal that is that double (Float#to_s),
    and read exactly (BigDecimal)."""
    return Fraction(repr(float(text)))


def assessment_text(zipped: bytes) -> str:
    """The assessment the manifest names, which is all the zip holds besides it."""
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        resources = manifest.findall(f"{MANIFEST}resources/{MANIFEST}resource")
        assert [r.get("type") for r in resources] == ["imsqti_xmlv1p2"]
        path = resources[0].find(f"{MANIFEST}file").get("href")
        assert sorted(archive.namelist()) == sorted(["imsmanifest.xml", path])
        return archive.read(path).decode("utf-8")


def items(zipped: bytes):
    root = ET.fromstring(assessment_text(zipped))
    assert root.tag == f"{QTI}questestinterop"
    sections = root.findall(f"{QTI}assessment/{QTI}section/{QTI}section")
    assert sections
    for section in sections:
        assert section.findtext(f"{QTI}selection_ordering/{QTI}selection/{QTI}selection_number") == "1"
        yield from section.findall(f"{QTI}item")


def metadata(item) -> dict[str, str]:
    fields = item.findall(f"{QTI}itemmetadata/{QTI}qtimetadata/{QTI}qtimetadatafield")
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in fields}


def scored_range(item) -> tuple[str, str]:
    scored = [c for c in item.findall(f"{QTI}resprocessing/{QTI}respcondition")
              if c.findtext(f"{QTI}setvar") == "100"]
    assert len(scored) == 1
    return (scored[0].findtext(f"{QTI}conditionvar/{QTI}vargte"),
            scored[0].findtext(f"{QTI}conditionvar/{QTI}varlte"))


def test_each_item_is_a_canvas_numerical_question_with_its_range(exported):
    problems, made = exported
    answers = answers_by_name(problems)
    found = list(items(made.files["canvas-qti.zip"]))
    assert found
    for item in found:
        assert metadata(item)["question_type"] == "numerical_question"
        assert item.find(f"{QTI}presentation/{QTI}response_str/{QTI}render_fib").get("fibtype") == "Decimal"
        assert "<p>" in item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        feedback = {f.get("ident") for f in item.findall(f"{QTI}itemfeedback")}
        assert feedback == {"general_fb", "general_incorrect_fb"}
        low, high = scored_range(item)
        assert PLAIN.fullmatch(low) and PLAIN.fullmatch(high)
        right = accepted(answers[item.get("title")])
        assert (Fraction(low), Fraction(high)) == (right.low, right.high)


def test_the_range_canvas_reads_holds_the_key_and_no_near_miss(exported):
    problems, made = exported
    answers = answers_by_name(problems)
    for item in items(made.files["canvas-qti.zip"]):
        answer = answers[item.get("title")]
        low, high = map(canvas_end, scored_range(item))
        assert low <= Fraction(answer.value) <= high
        for label, given in near_misses(answer, accepted(answer)).items():
            assert not low <= given <= high, (answer, label)


def test_what_is_left_out_is_symbolic_or_beyond_doubles_and_said(exported):
    problems, made = exported
    kept = {item.get("title") for item in items(made.files["canvas-qti.zip"])}
    why_not_exported(problems, kept, made.notes, assessment_text(made.files["canvas-qti.zip"]))


def test_the_zip_is_the_same_bytes_each_time(made, hand_set):
    again = exports.make(hand_set, {"qti"}).files["canvas-qti.zip"]
    assert again == made["hand"].files["canvas-qti.zip"]
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
