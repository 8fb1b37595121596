"""The pages `gradbook check` writes for an instructor (the class summary) and
for each student (their feedback), as a browser shows them: on a laptop and
on a phone, nothing scrolls sideways, and axe finds nothing serious."""

import csv

import pytest

from gradbook.cli import main
from gradbook.practice.classcheck import sheet_columns
from gradbook.practice.model import ProblemSet
from tests.gradbook.browser.conftest import WIDTHS

FAMILIES = ["sigmoid-derivative", "depth-bound", "layers-to-vanish", "fraction-of-max"]
"""A two-answer problem (depth-bound) among them, so some columns are named q2.bound and the like."""
STUDENTS = ["ada", "bo", "cy", "dee"]
TYPED = {"ada": lambda v: v, "bo": lambda v: "-" + v, "cy": lambda v: "about " + v,
         "dee": lambda v: "9" * 300}
"""What each student types for every answer: right, wrong sign, unreadable, and one long unbroken number."""


SIDEWAYS = """() => {
    const hidden = e => { for (; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; };
    return [document.documentElement, ...document.querySelectorAll('body *')]
        .filter(e => !hidden(e))
        .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
                     || e.getBoundingClientRect().right > window.innerWidth + 1)
        .map(e => e.tagName + (e.className ? '.' + e.className : ''));
}"""
"""The elements, other than visually hidden ones, that scroll sideways or stick out of the window."""


@pytest.fixture(scope="module")
def pages(tmp_path_factory, browser) -> dict:
    """{name: path} for the class summary and one student's feedback page."""
    tmp = tmp_path_factory.mktemp("class")
    (tmp / "students.csv").write_text("id\n" + "\n".join(STUDENTS) + "\n", encoding="utf-8")
    assert main(["practice", "--roster", str(tmp / "students.csv"), "--seed", "3",
                 *(f"--family={family}" for family in FAMILIES),
                 "--format", "json", "--out", str(tmp / "class")]) == 0
    key = ProblemSet.from_json((tmp / "class" / "problems.json").read_text(encoding="utf-8"))
    sheets = sheet_columns(key)
    with open(tmp / "answers.csv", "w", newline="", encoding="utf-8") as file:
        rows = csv.writer(file)
        rows.writerow(["id", *(column for column, _, _ in sheets[STUDENTS[0]])])
        for sid in STUDENTS:
            rows.writerow([sid, *(TYPED[sid](answer.value or answer.exact) for _, _, answer in sheets[sid])])
    assert main(["check", str(tmp / "class" / "problems.json"), str(tmp / "answers.csv"),
                 "--feedback", str(tmp / "feedback"), "--summary", str(tmp / "summary")]) == 0
    return {"summary": tmp / "summary" / "summary.html", "feedback": tmp / "feedback" / "dee.html"}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", ["summary", "feedback"])
def test_a_class_page_reads_on_a_laptop_and_a_phone(browser, pages, name, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(pages[name].as_uri())
        wider = page.evaluate(SIDEWAYS)
        assert wider == [], f"at {width} px these scroll or stick out sideways: {wider}"
        violations = [f"{v['id']} ({v['impact']})" for v in Axe().run(page).response["violations"]
                      if v["impact"] in ("serious", "critical")]
        assert violations == []
    finally:
        context.close()
