"""A class: a roster in (gradbook practice --roster), an answers CSV graded
(gradbook check KEY answers.csv), the grades, feedback and summary out."""

import csv
import hashlib
import io
import json
import re
import tempfile
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from gradbook import formats
from gradbook.cli import main
from gradbook.errors import UsageError
from gradbook.practice.check import MAX_BYTES
from gradbook.practice.classcheck import (column, feedback_kind, grade_class, read_answers, read_partial,
                                          sheet_columns, summary)
from gradbook.practice.classreport import feedback_pages, grades_csv, summary_csv
from gradbook.practice.catalog import families
from gradbook.practice.generate import practice_set
from gradbook.practice.model import ProblemSet
from gradbook.practice.roster import MAX_PROBLEMS, class_key_markdown, class_set, student_seed
from gradbook.practice.sheets import worksheet_markdown
from gradbook.practice.table import MAX_ROWS, read_table, table_bytes

FAMILIES = ["sigmoid-derivative", "depth-product", "depth-bound", "layers-to-vanish"]
"""A sigfig, a rel and an abs rule, and a problem with two answers (depth-bound)."""
ROSTER = [(f"s{n:02}", f"Student {n}") for n in range(1, 31)]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def roster_csv(path: Path, roster=ROSTER) -> Path:
    path.write_bytes(table_bytes(["id", "name"], [list(r) for r in roster]))
    return path


@pytest.fixture(scope="module")
def key() -> ProblemSet:
    return class_set(ROSTER, FAMILIES, None, 11, None)


@pytest.fixture
def key_file(key, tmp_path) -> Path:
    path = tmp_path / "problems.json"
    path.write_text(key.to_json(), encoding="utf-8")
    return path


def right(answer) -> str:
    return answer.value if answer.value is not None else answer.exact


KINDS = {"right": right, "wrong": lambda a: "-" + right(a), "invalid": lambda a: "about " + right(a)}
"""What a student types, by kind of answer: the key's value, its negation, words."""


def answers_rows(key: ProblemSet, kind_of=lambda place: list(KINDS)[place % 3]) -> tuple[list[str], list[list]]:
    """The header and a row per student, student n answering every question in KINDS' kind n % 3."""
    sheets = sheet_columns(key)
    header = ["id", *(column for column, _, _ in sheets[key.students[0].id])]
    rows = [[s.id, *(KINDS[kind_of(n)](answer) for _, _, answer in sheets[s.id])] for n, s in enumerate(key.students)]
    return header, rows


# --- the roster -----------------------------------------------------------------

@pytest.mark.slow  # two whole class sets with their PDFs: 6 s, too long for the fast tier
def test_a_30_student_roster_gives_30_distinct_variants_the_same_bytes_each_time(tmp_path, capsys):
    roster = roster_csv(tmp_path / "students.csv")
    made = []
    for out in ("first", "second"):
        code, stdout, err = run(capsys, "practice", "--roster", roster, "--seed", 11, "--family", "depth-product",
                                "--family", "sigmoid-derivative", "--count", 4, "--out", tmp_path / out,
                                "--format", "json,html")
        assert code == 0, err
        made.append({p.relative_to(tmp_path / out): p.read_bytes() for p in (tmp_path / out).rglob("*") if p.is_file()})
    assert made[0] == made[1]
    assert sorted(made[0]) == sorted([Path("problems.json"), Path("key.html")]
                                     + [Path("worksheets") / f"{sid}.html" for sid, _ in ROSTER])
    key = ProblemSet.from_json(made[0][Path("problems.json")].decode())
    variants = {tuple(json.dumps(p.params, sort_keys=True) for p in sheet.problems) for sheet in key.sheets().values()}
    assert len(variants) == len(key.students) == 30
    assert all(f"Student {n}" in made[0][Path("key.html")].decode() for n in range(1, 31))


def test_a_students_worksheet_names_the_answers_files_column_of_each_answer(key):
    """Each blank says where its answer goes in the class's CSV, in the order the CSV reads them;
    a worksheet outside a class names no columns."""
    sheet = key.sheets()[key.students[0].id]
    named = re.findall(r"\(column `([^`]+)`\)", worksheet_markdown(sheet, "ada", column))
    assert named == [name for name, _, _ in sheet_columns(key)[key.students[0].id]]
    assert any("." in name for name in named)  # a problem with several answers names each
    assert "column" not in worksheet_markdown(sheet, "ada")


def test_a_students_sheet_is_practice_with_their_seed_and_does_not_change_when_others_join(key):
    grown = class_set([("newcomer", None), *ROSTER, ("late", "Late Student")], FAMILIES, None, 11, None)
    before, after = key.sheets(), grown.sheets()
    for student in key.students:
        again = next(s for s in grown.students if s.id == student.id)
        assert again == student and after[student.id].problems == before[student.id].problems
    first = key.students[0]
    alone = practice_set(FAMILIES, None, first.seed, None).problems
    assert [replace(p, id=f"{first.id}-q{n}") for n, p in enumerate(alone, 1)] == list(key.sheets()[first.id].problems)


def test_a_students_seed_is_as_the_readme_says():
    digest = hashlib.sha256("2026:ada".encode("utf-8")).digest()
    assert student_seed(2026, "ada") == int.from_bytes(digest[:6], "big") < 2**48


def test_the_class_key_round_trips_and_names_each_sheets_problems_in_order(key):
    assert ProblemSet.from_json(key.to_json()).to_json() == key.to_json()
    assert ProblemSet.from_json(key.to_json()) == key
    assert [s.problems for s in key.students[:2]] == [tuple(f"{sid}-q{n}" for n in range(1, 5)) for sid in ("s01", "s02")]
    assert "students" not in json.loads(practice_set(FAMILIES, None, 11, None).to_json())


def test_the_printed_class_key_starts_each_students_key_on_a_page_of_its_own(tmp_path):
    three = class_set(ROSTER[:3], ["depth-product"], None, 11, None)
    pdf = tmp_path / "key.pdf"
    pdf.write_bytes(formats.REGISTRY["pdf"].sheet(class_key_markdown(three), "Answer key"))
    tops = [page.extract_text().split("\n")[0] for page in pypdf.PdfReader(pdf).pages]
    assert tops == ["Answer key for the class", "Student 2 (s02)", "Student 3 (s03)"]


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["students"].pop(), "is on no student's sheet"),
    (lambda d: d["students"][1]["problems"].append("s01-q1"), "'s01-q1' is on two students' sheets"),
    (lambda d: d["students"][0]["problems"].append("nobody-q1"), "names problem 'nobody-q1', which the set"),
    (lambda d: d["students"][1].update(id="S01"), "student id 'S01' occurs twice"),
    (lambda d: d["students"][0].update(id="../etc"), "a student id is 1 to 64 letters"),
    (lambda d: d["students"][0].update(name="two\nlines"), "no line breaks"),
    (lambda d: d["students"][0].update(seed="7"), "seed must be a whole number"),
    (lambda d: d.update(students=[]), "students must be a list of students"),
], ids=["problem-on-no-sheet", "problem-on-two", "unknown-problem", "same-id-ignoring-case", "id-not-a-file-name",
        "name-with-newline", "seed-not-whole", "empty-list"])
def test_a_malformed_students_list_is_refused_naming_what(key, edit, message):
    data = json.loads(key.to_json())
    edit(data)
    with pytest.raises(UsageError, match="is not a gradbook problem set") as raised:
        ProblemSet.from_json(json.dumps(data))
    assert message in str(raised.value)


@pytest.mark.parametrize("content, message", [
    (b"name\nAda\n", "row 1: the roster needs a column named 'id'"),
    (b"id,name\nada,Ada\nada/x,Bob\n", "row 3: a student id is 1 to 64 letters"),
    (b"id,name\nada,Ada\n\nAda,Other Ada\n", "row 4: student 'Ada' is already on row 2"),
    (b"id,name\nada,Ada,extra\n", "row 2: 3 cells, but the header names 2 columns"),
    (b'id,name\nada,"two\nlines"\n', "row 2: student 'ada': a name is at most 200"),
    (b"id,name\n", "the roster has no students"),
    (b"id,name\nada,Ad\xe9\n", "is not UTF-8 text (line 2, byte 15 cannot be read)"),
    (b'id,name\nada,"Ada"x\n', "row 2: not CSV"),
    (b"id,id\nada,ada\n", "row 1: column 'id' is named twice"),
    (b"id,,name\nada,,Ada\n", "row 1: column 2 has no name"),
], ids=["no-id-column", "id-not-a-file-name", "duplicate-ignoring-case", "too-many-cells", "name-over-lines",
        "no-students", "not-utf8", "not-csv", "header-twice", "unnamed-column"])
def test_a_malformed_roster_is_one_line_naming_the_row_and_writes_nothing(tmp_path, capsys, content, message):
    (tmp_path / "students.csv").write_bytes(content)
    code, _, err = run(capsys, "practice", "--roster", tmp_path / "students.csv", "--family", "depth-product",
                       "--out", tmp_path / "out", "--format", "json")
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_roster_with_a_byte_order_mark_extra_columns_and_blank_rows_is_read(tmp_path, capsys):
    (tmp_path / "students.csv").write_bytes(
        "\ufeffemail, id ,name\r\na@x,ada,\"Lovelace, Ada\"\r\n,,\r\nb@x,bob,\r\n".encode("utf-8"))
    code, _, err = run(capsys, "practice", "--roster", tmp_path / "students.csv", "--family", "depth-product",
                       "--out", tmp_path / "out", "--format", "json")
    assert code == 0, err
    students = ProblemSet.from_json((tmp_path / "out" / "problems.json").read_text()).students
    assert [(s.id, s.name) for s in students] == [("ada", "Lovelace, Ada"), ("bob", None)]


def test_a_class_too_large_for_its_key_is_refused_before_it_is_solved():
    students = MAX_PROBLEMS // 100 + 1
    with pytest.raises(UsageError, match=rf"^{students} students with 100 problems each is more than {MAX_PROBLEMS} "):
        class_set([(f"s{n}", None) for n in range(students)], None, 100, 1, None)


# --- grading a class ------------------------------------------------------------

def test_a_30_row_answers_csv_gives_the_grades_the_feedback_and_the_summary(key, key_file, tmp_path, capsys):
    header, rows = answers_rows(key)
    answers = tmp_path / "answers.csv"
    answers.write_bytes(table_bytes(header, [*rows[:20], [*rows[20][:-1], rows[20][-1], "1"], *rows[21:]]))
    outputs = ["--csv", tmp_path / "out" / "grades.csv", "--feedback", tmp_path / "out" / "feedback",
               "--summary", tmp_path / "out" / "summary"]
    code, _, err = run(capsys, "check", key_file, answers, *outputs)
    assert (code, err) == (2, f"error: {answers}, row 22: {len(header) + 1} cells, but the header names "
                              f"{len(header)} columns\n")
    assert not (tmp_path / "out").exists()

    answers.write_bytes(table_bytes(header, rows))
    code, out, err = run(capsys, "check", key_file, answers, *outputs)
    assert code == 0, err
    assert out.startswith("graded 30 students (50 correct, 50 incorrect, 50 invalid answers)")
    with open(tmp_path / "out" / "grades.csv", newline="", encoding="utf-8") as file:
        grades = list(csv.reader(file))
    assert grades[0] == ["id", "score", "total", *header[1:]]
    expected = {"right": "correct", "wrong": "incorrect", "invalid": "invalid"}
    for n, row in enumerate(grades[1:]):
        kind = list(KINDS)[n % 3]
        assert row == [f"s{n + 1:02}", "5" if kind == "right" else "0", "5", *[expected[kind]] * 5]
    pages = sorted(p.name for p in (tmp_path / "out" / "feedback").iterdir())
    assert pages == [f"{sid}.html" for sid, _ in ROSTER]
    page = (tmp_path / "out" / "feedback" / "s02.html").read_text()
    assert "Student 2" in page and "right magnitude, wrong sign" in page and "Score 0 out of 5" in page
    with open(tmp_path / "out" / "summary" / "summary.csv", newline="", encoding="utf-8") as file:
        summary = list(csv.DictReader(file))
    assert [(r["scope"], r["name"]) for r in summary] == [("question", c) for c in header[1:]] + [
        ("family", f) for f in FAMILIES]
    for row in summary:
        answered = 10 * (2 if row["name"] == "depth-bound" else 1)
        assert (row["correct"], row["partial"], row["incorrect"], row["invalid"]) == (
            str(answered), "0", str(answered), str(answered))
        assert row["most frequent feedback"] == "right magnitude, wrong sign" and row["answers with it"] == str(answered)
    page = (tmp_path / "out" / "summary" / "summary.html").read_text()
    assert "right magnitude, wrong sign: 10 answers" in page
    assert all(str(escape(families()[f].title)) in page for f in FAMILIES)  # a family by its title, as on the sheets


def test_students_without_a_row_are_not_graded_and_the_report_says_how_many(key, key_file, tmp_path, capsys):
    header, rows = answers_rows(key)
    (tmp_path / "answers.csv").write_bytes(table_bytes(header, [rows[4], rows[0]]))
    code, out, err = run(capsys, "check", key_file, tmp_path / "answers.csv", "--csv", tmp_path / "grades.csv")
    assert code == 0, err
    assert f"; {len(rows) - 2} students of the key have no row" in out.splitlines()[0]
    assert [line.split(",")[0] for line in (tmp_path / "grades.csv").read_text().splitlines()] == ["id", "s01", "s05"]


@pytest.mark.parametrize("edit, message", [
    (lambda h, r: (["student", *h[1:]], r), "row 1: the answers need a column named 'id'"),
    (lambda h, r: ([*h, "q9"], [[*row, ""] for row in r]), "row 1: no sheet has a column 'q9' (the columns are id, "
                                                            "then q1, q2, q3.factor, …)"),
    (lambda h, r: (h, [*r, r[0]]), "row 5: student 's01' already has row 2"),
    (lambda h, r: (h, [*r, ["S02", *r[0][1:]]]), "row 5: student 'S02' already has row 3"),
    (lambda h, r: (h, [*r, ["nobody", *r[0][1:]]]), "row 5: student 'nobody' is not in the key"),
    (lambda h, r: (h, [[*r[0], "x"], *r[1:]]), "row 2: 7 cells, but the header names 6 columns"),
    (lambda h, r: (h, [r[0], r[1][:-1], r[2]]), "row 3: 5 cells, but the header names 6 columns"),
], ids=["no-id-column", "unknown-column", "duplicate-student", "duplicate-ignoring-case", "unknown-student",
        "too-many-cells", "too-few-cells"])
def test_a_malformed_answers_csv_is_one_line_naming_the_row_and_writes_nothing(key, key_file, tmp_path, capsys,
                                                                               edit, message):
    header, rows = answers_rows(key)
    header, rows = edit(header, rows[:3])
    (tmp_path / "answers.csv").write_bytes(table_bytes(header, rows))
    code, _, err = run(capsys, "check", key_file, tmp_path / "answers.csv", "--csv", tmp_path / "out" / "grades.csv")
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content, message", [
    (b"id,q1\r\ns01,0.\xff\r\n", "is not UTF-8 text (line 2, byte 14 cannot be read)"),
    (None, f"is larger than {MAX_BYTES // 2**20} MB; it is not read"),
    (b'id,q1\ns01,"0.2\n', "row 2: not CSV"),
], ids=["wrong-encoding", "100-MB", "unclosed-quote"])
def test_an_answers_file_that_cannot_be_read_is_one_line(key_file, tmp_path, capsys, content, message):
    answers = tmp_path / "answers.csv"
    if content is None:
        with open(answers, "wb") as file:
            file.truncate(100 * 2**20)
    else:
        answers.write_bytes(content)
    code, _, err = run(capsys, "check", key_file, answers, "--csv", tmp_path / "grades.csv")
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "grades.csv").exists()


def test_a_filled_cell_a_sheet_has_no_question_for_is_refused_and_an_empty_one_left_empty(tmp_path, capsys):
    key = class_set([("ada", None), ("bob", None)], ["depth-product", "depth-bound"], 2, 3, None)
    odd = replace(key, students=(key.students[0], replace(key.students[1], problems=key.students[1].problems[:1])),
                  problems=key.problems[:3])
    (tmp_path / "key.json").write_text(odd.to_json())
    (tmp_path / "answers.csv").write_text("id,q1,q2.factor,q2.bound\nada,1,2,3\nbob,1,,5\n")
    code, _, err = run(capsys, "check", tmp_path / "key.json", tmp_path / "answers.csv")
    assert code == 2 and "row 3: 'bob''s sheet has no 'q2.bound', but the cell is filled" in err
    (tmp_path / "answers.csv").write_text("id,q1,q2.factor,q2.bound\nada,1,2,3\nbob,1,,\n")
    code, out, err = run(capsys, "check", tmp_path / "key.json", tmp_path / "answers.csv", "--csv", tmp_path / "g.csv")
    assert code == 0 and "(sheets of 1 to 3 answers)" in out
    grades = (tmp_path / "g.csv").read_text().splitlines()
    assert [line.split(",")[2:] for line in grades] == [
        ["total", "q1", "q2.factor", "q2.bound"], ["3", "incorrect", "incorrect", "incorrect"], ["1", "incorrect", "", ""]]


@pytest.mark.parametrize("partial, typed, verdict, credit", [
    ("", "0.20", "incorrect", 0),
    ("figures=0.5", "0.20", "partial", 0.5),
    ("figures=0.5", "0.1", "incorrect", 0),
    ("sign=0.25", "-0.197", "partial", 0.25),
    ("figures=0.5,sign=0.75", "-0.197", "partial", 0.75),
    ("figures=0.5,sign=0.75", "-0.20", "incorrect", 0),
    ("sign=0.25", "0.197", "correct", 1),
    ("figures=1", "about", "invalid", 0),
], ids=["none-asked", "one-figure-short", "two-figures-short", "wrong-sign", "each-kind-its-own-credit", "a-wrong-sign-and-a-figure-short-is-neither",
        "correct-is-1", "invalid-gets-none"])
def test_partial_credit_only_where_asked(tmp_path, capsys, partial, typed, verdict, credit):
    key = class_set([("ada", None)], ["sigmoid-derivative"], None, 2026, 1)
    assert key.problems[0].answers[0].value.startswith("1.9661")  # sigma'(1): 0.197 to 3 figures
    (tmp_path / "key.json").write_text(key.to_json())
    (tmp_path / "answers.csv").write_text(f"id,q1\nada,{typed}\n")
    code, out, err = run(capsys, "check", tmp_path / "key.json", tmp_path / "answers.csv", "--json",
                         *(["--partial", partial] if partial else []))
    assert code == 0, err
    student = json.loads(out)["students"][0]
    assert (student["results"][0]["verdict"], student["results"][0]["credit"], student["score"]) == (
        verdict, credit, credit)


@pytest.mark.parametrize("text", ["figures", "figures=0", "figures=1.5", "sign=.1234", "digits=0.5", "sign=1e-1"],
                         ids=["no-credit", "zero", "above-one", "four-places", "unknown-kind", "not-a-plain-decimal"])
def test_a_malformed_partial_setting_is_refused(text):
    with pytest.raises(UsageError, match="^--partial takes KIND=CREDIT pairs"):
        read_partial(text)


@pytest.mark.parametrize("argv, message", [
    (["--csv", "g.csv"], "--csv is for grading a class's answers CSV"),
    (["--partial", "sign=1"], "--partial is for grading a class's answers CSV"),
], ids=["csv-with-json-answers", "partial-with-json-answers"])
def test_class_options_need_an_answers_csv(key_file, tmp_path, capsys, argv, message):
    (tmp_path / "answers.json").write_text("{}")
    code, _, err = run(capsys, "check", key_file, tmp_path / "answers.json", *argv)
    assert code == 2 and message in err


def test_a_json_answers_file_is_graded_against_a_class_key_as_before(key, key_file, tmp_path, capsys):
    first = key.problems[0]
    (tmp_path / "answers.json").write_text(json.dumps({first.id: right(first.answers[0])}))
    code, out, _ = run(capsys, "check", key_file, tmp_path / "answers.json", "--json")
    report = json.loads(out)
    assert code == 0 and report["results"][0]["verdict"] == "correct" and report["score"] == 1


def test_grades_never_overwrite_an_input(key, key_file, tmp_path, capsys):
    header, rows = answers_rows(key)
    answers = tmp_path / "answers.csv"
    answers.write_bytes(table_bytes(header, rows))
    code, _, err = run(capsys, "check", key_file, answers, "--csv", answers)
    assert code == 2 and "would overwrite an input" in err
    assert answers.read_bytes() == table_bytes(header, rows)


def test_a_key_without_students_takes_no_answers_csv(tmp_path, capsys):
    (tmp_path / "key.json").write_text(practice_set(["depth-product"], 1, 1, 1).to_json())
    (tmp_path / "answers.csv").write_text("id,q1\nada,1\n")
    code, _, err = run(capsys, "check", tmp_path / "key.json", tmp_path / "answers.csv")
    assert code == 2 and "this key has no students" in err


@pytest.mark.parametrize("feedback, kind", [
    ("not within the tolerance (off by 3.1 % of the answer)", "not within the tolerance"),
    ("unexpected '+' at position 12", "unexpected '+' at position …"),
    ("right magnitude, wrong sign", "right magnitude, wrong sign"),
], ids=["aside", "position", "as-is"])
def test_feedback_is_counted_by_its_words(feedback, kind):
    assert feedback_kind(feedback) == kind


# --- CSV, round trips and odd content ---------------------------------------------

TEMPLATE_TAGS = re.compile(r"</?(!DOCTYPE|html|head|meta|title|style|body|main|h1|h2|p|div|table|tr|th|td|section|span|code|strong)\b[^<>]*>")
"""Every tag the feedback page's template writes: any other '<' came from what a student typed."""
_CELL = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(header=st.lists(_CELL.map(str.strip).filter(lambda name: name and name[0] != "\ufeff"),
                      min_size=1, max_size=4, unique=True),
       cells=st.lists(st.lists(_CELL, min_size=4, max_size=4), max_size=5))
def test_a_table_written_is_read_back_the_same(header, cells):
    rows = [row[:len(header)] for row in cells if any(c.strip() for c in row[:len(header)])]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        path.write_bytes(table_bytes(header, rows))
        assert read_table(path, "table") == (header, [(n, row) for n, row in enumerate(rows, 2)])


FORMULA_START = "=+-@\t\r"
"""What makes a spreadsheet read a cell as a formula (CSV injection): no cell
gradbook writes may start with one, whatever a student typed."""
TYPED = st.one_of(st.text(max_size=40), st.builds(str.__add__, st.sampled_from(FORMULA_START), st.text(max_size=20)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(TYPED, min_size=5, max_size=5))
def test_any_text_in_the_cells_is_graded_and_only_ever_escaped(key, tmp_path, typed):
    header = ["id", *(column for column, _, _ in sheet_columns(key)["s01"])]
    path = tmp_path / "odd.csv"
    path.write_bytes(table_bytes(header, [["s01", *typed]]))
    try:
        answers = read_answers(path, key)
    except UsageError as exc:  # a cell that ends a row early or a NUL is the file's fault, said in one line
        assert "\n" not in exc.message
        return
    (student,) = grade_class(key, answers, {"sign": Fraction(1, 2)})
    assert [g.verdict for g in student.answers] and all(
        g.verdict in ("correct", "partial", "incorrect", "invalid") for g in student.answers)
    page = feedback_pages([student])["s01.html"].decode()
    assert all(str(escape(text)) in page for text in typed if text.strip())  # a blank cell shows as "none"
    assert "<" not in TEMPLATE_TAGS.sub("", page)
    for written in (grades_csv([student]), summary_csv(summary([student]))):
        cells = [cell for row in csv.reader(io.StringIO(written.decode("utf-8"), newline="")) for cell in row]
        assert not [cell for cell in cells if cell.startswith(tuple(FORMULA_START))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from('id,q1q2.x"\r\n s01 0.1\ufeff\x00é'), max_size=60))
def test_any_answers_file_is_read_or_refused_in_one_line(key, tmp_path, text):
    path = tmp_path / "odd.csv"
    path.write_text(text, encoding="utf-8")
    try:
        answers = read_answers(path, key)
    except UsageError as exc:
        assert "\n" not in exc.message and str(path) in exc.message
        return
    assert all(sid in {s.id for s in key.students} for sid, _ in answers)


def test_a_roster_of_more_rows_than_a_class_takes_is_refused(tmp_path, capsys):
    roster = roster_csv(tmp_path / "students.csv", [(f"s{n}", None) for n in range(MAX_ROWS + 1)])
    code, _, err = run(capsys, "practice", "--roster", roster, "--out", tmp_path / "out", "--format", "json")
    assert code == 2 and f"row {MAX_ROWS + 2}: more than {MAX_ROWS} rows" in err


# --- the README's instructor section --------------------------------------------

def test_the_readmes_instructor_section_runs_as_written(tmp_path):
    import subprocess

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- instructor -->\n```sh\n", 1)[1].split("\n```", 1)[0]
    done = subprocess.run(["bash", "-e", "-c", block], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "class" / "grades.csv", newline="", encoding="utf-8") as file:
        grades = {row["id"]: row for row in csv.DictReader(file)}
    assert [(grades[s]["score"], grades[s]["total"]) for s in ("ada", "alan", "grace")] == [
        ("4", "4"), ("2.5", "4"), ("1", "4")]
    assert [grades["alan"][q] for q in ("q1", "q2")] == ["partial", "incorrect"]
    assert [grades["grace"][q] for q in ("q2", "q3.factor", "q3.bound")] == ["incorrect", "invalid", "invalid"]
    assert {"moodle.xml", "canvas-qti.zip", "gradbook.apkg"} <= {p.name for p in (tmp_path / "class").iterdir()}
    assert "partial</strong> (credit 0.5): right to 2 significant figures" in (
        tmp_path / "class" / "feedback" / "alan.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "class" / "worksheets").iterdir()) == [
        f"{s}.{fmt}" for s in ("ada", "alan", "grace") for fmt in ("html", "pdf")]
    assert {p.name for p in (tmp_path / "class" / "feedback").iterdir()} == {"ada.html", "alan.html", "grace.html"}
    assert {p.name for p in (tmp_path / "class" / "summary").iterdir()} == {"summary.csv", "summary.html"}
    summary = (tmp_path / "class" / "summary" / "summary.csv").read_text(encoding="utf-8")
    assert "right to 2 significant figures; 3 were asked" in summary
