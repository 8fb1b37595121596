"""gradbook families / practice / check, end to end."""

import json
import shlex
from pathlib import Path

import pytest

from gradbook.cli import main
from gradbook.practice.catalog import families
from gradbook.practice.generate import practice_set
from gradbook.practice.model import ProblemSet

FAMILIES = families()

FEW = ["depth-product", "xavier-variance", "layers-to-vanish"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_families_lists_every_family_with_its_parameters(capsys):
    code, out, _ = run(capsys, "families")
    assert code == 0
    for name, family in FAMILIES.items():
        line = next(line for line in out.splitlines() if line.startswith(name + " "))
        assert all(param in line for param in family.params)


def test_the_same_seed_gives_the_same_bytes_and_no_repeats():
    first = practice_set(FEW, 12, 5, None).to_json()
    assert practice_set(FEW, 12, 5, None).to_json() == first
    assert practice_set(FEW, 12, 6, None).to_json() != first
    problems = ProblemSet.from_json(first).problems
    keys = {(p.family, json.dumps(p.params, sort_keys=True)) for p in problems}
    assert len(keys) == len(problems) == 12
    assert ProblemSet.from_json(first).to_json() == first


def test_practice_writes_the_set_the_worksheet_and_the_key(tmp_path, capsys):
    out = tmp_path / "sheet"
    code, _, err = run(capsys, "practice", "--family", "he-variance", "--family", "depth-product",
                       "--count", "4", "--seed", "3", "--out", str(out), "--format", "json,html")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["key.html", "problems.json", "worksheet.html"]
    problems = json.loads((out / "problems.json").read_text())["problems"]
    key, sheet = (out / "key.html").read_text(), (out / "worksheet.html").read_text()
    assert [p["family"] for p in problems] == ["he-variance", "depth-product"] * 2
    assert all(p["id"] in sheet and p["id"] in key for p in problems)
    assert "Solution" in key and "Solution" not in sheet and "<math" in sheet


def test_families_may_be_a_comma_separated_list_like_formats(tmp_path, capsys):
    code, _, err = run(capsys, "practice", "--family", "he-variance, depth-product", "--family", "depth-bound",
                       "--seed", "3", "--out", str(tmp_path), "--format", "json")
    assert code == 0, err
    problems = json.loads((tmp_path / "problems.json").read_text())["problems"]
    assert [p["family"] for p in problems] == ["he-variance", "depth-product", "depth-bound"]


def test_checking_a_filled_answers_file(tmp_path, capsys):
    key = tmp_path / "problems.json"
    key.write_text(practice_set(["depth-product", "depth-bound"], 2, 1, 1).to_json())
    problems = ProblemSet.from_json(key.read_text()).problems
    answers = {problems[0].id: problems[0].answers[0].value,
               problems[1].id: {"factor": "-" + problems[1].answers[0].value}}
    (tmp_path / "answers.json").write_text(json.dumps(answers))
    code, out, _ = run(capsys, "check", str(key), str(tmp_path / "answers.json"), "--json")
    report = json.loads(out)
    assert code == 0
    assert [r["verdict"] for r in report["results"]] == ["correct", "incorrect", "invalid"]
    assert report["results"][1]["feedback"] == "right magnitude, wrong sign"
    assert (report["score"], report["total"]) == (1, 3)


@pytest.mark.parametrize("key, answers, message", [
    ("not json", "{}", "is not JSON"),
    ('{"gradbook": "0", "seed": 1}', "{}", "missing problems"),
    (None, "[1, 2]", "must be an object"),
    ("BAD-VALUE", "{}", "is not a decimal number"),
    ("BAD-RULE", "{}", "grading mode 'roughly' is not one of"),
    (None, '{"nope-1-0": "1"}', "which the key does not have"),
    (None, '{"depth-product-1-0": {"wrong": "1"}}', "has no answer named 'wrong'"),
    (None, '{"depth-product-1-0": 5}', "must be text or an object"),
], ids=["key-not-json", "key-missing-field", "answers-not-object", "key-bad-value", "key-bad-rule", "unknown-id", "unknown-answer", "wrong-type"])
def test_malformed_files_exit_2_with_one_line(tmp_path, capsys, key, answers, message):
    good = practice_set(["depth-product"], 1, 1, 1).to_json()
    broken = {"BAD-VALUE": good.replace('"value": "', '"value": "x'),
              "BAD-RULE": good.replace('"mode": "rel"', '"mode": "roughly"')}
    (tmp_path / "key.json").write_text(broken.get(key, key) if key else good)
    (tmp_path / "answers.json").write_text(answers)
    code, _, err = run(capsys, "check", str(tmp_path / "key.json"), str(tmp_path / "answers.json"))
    assert code == 2 and message in err and err.count("\n") == 1


@pytest.mark.parametrize("argv, message", [
    (["practice", "--family", "nope"], "unknown family 'nope'"),
    (["practice", "--family", "depth-product, nope"], "unknown family 'nope'"),
    (["practice", "--family", " , "], "--family names no family"),
    (["practice", "--format", "docx"], "--format takes"),
    (["practice", "--count", "0"], "count must be 1 to 10000"),
    (["check", "/nonexistent/key.json", "/nonexistent/a.json"], "cannot read the key"),
], ids=["unknown-family", "unknown-family-in-a-list", "empty-family-list", "unknown-format", "zero-count", "missing-key"])
def test_bad_practice_and_check_arguments_exit_2(tmp_path, capsys, argv, message):
    code, _, err = run(capsys, *argv, *(["--out", str(tmp_path / "o")] if argv[0] == "practice" else []))
    assert code == 2 and message in err and err.count("\n") == 1


def test_the_readme_example_still_gives_the_verdicts_it_describes(tmp_path, capsys):
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    answers = readme.split("cat > sheet/answers.json <<'JSON'\n", 1)[1].split("\nJSON", 1)[0]
    command = next(line for line in readme.splitlines() if line.startswith("gradbook practice --family"))
    argv = shlex.split(command)[1:]
    assert argv[-2:] == ["--out", "sheet"], command
    assert run(capsys, *argv[:-1], str(tmp_path), "--format", "json")[0] == 0
    key = tmp_path / "problems.json"
    (tmp_path / "answers.json").write_text(answers)
    code, out, _ = run(capsys, "check", str(key), str(tmp_path / "answers.json"), "--json")
    verdicts = [(r["verdict"], r["feedback"]) for r in json.loads(out)["results"]]
    assert code == 0
    assert [v for v, _ in verdicts] == ["correct", "incorrect", "incorrect", "invalid"]
    assert "2 significant figures" in verdicts[1][1] and "wrong sign" in verdicts[2][1]


def test_the_pdf_worksheet_and_key_hold_the_problems(tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "pdf"
    code, _, err = run(capsys, "practice", "--family", "xavier-variance", "--count", "2", "--seed", "4",
                       "--out", str(out), "--format", "pdf")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["key.pdf", "problems.json", "worksheet.pdf"]
    sheet, key = ("\n".join(page.extract_text() for page in PdfReader(out / name).pages)
                  for name in ("worksheet.pdf", "key.pdf"))
    problems = json.loads((out / "problems.json").read_text())["problems"]
    for problem in problems:
        assert problem["id"] in sheet and problem["id"] in key
    assert "Solution" in key and "Solution" not in sheet


def _first_answer(data):
    return data["problems"][0]["answers"][0]


def _symbolic_answer(data):
    _first_answer(data).update({"exact": "a*sigma(a*z)", "value": None,
                                "grading": {"mode": "symbolic", "variables": ["z"], "constants": {"a": "3"}}})
    return _first_answer(data)


KEY_EDITS = {
    "tol-infinity": (lambda d: _first_answer(d)["grading"].update(tol=float("inf")), "cannot be read"),
    "tol-nan": (lambda d: _first_answer(d)["grading"].update(tol=float("nan")), "cannot be read"),
    "tol-negative": (lambda d: _first_answer(d)["grading"].update(tol=-1), "above 0 and below 1"),
    "tol-text": (lambda d: _first_answer(d)["grading"].update(tol="0.1"), "above 0 and below 1"),
    "abs-tol-negative": (lambda d: _first_answer(d)["grading"].update(mode="abs", tol=-0.5), "from 0 up"),
    "figures-zero": (lambda d: _first_answer(d).update(grading={"mode": "sigfig", "figures": 0}), "figures must"),
    "figures-fraction": (lambda d: _first_answer(d).update(grading={"mode": "sigfig", "figures": 1.5}), "figures must"),
    "figures-true": (lambda d: _first_answer(d).update(grading={"mode": "sigfig", "figures": True}), "figures must"),
    "rule-extra-setting": (lambda d: _first_answer(d)["grading"].update(bonus=1), "no setting 'bonus'"),
    "duplicate-ids": (lambda d: d["problems"].append(dict(d["problems"][0])), "occurs twice"),
    "no-answers": (lambda d: d["problems"][0].update(answers=[]), "at least one answer"),
    "answers-not-list": (lambda d: d["problems"][0].update(answers={"a": 1}), "at least one answer"),
    "duplicate-answer-names": (lambda d: d["problems"][0]["answers"].append(_first_answer(d)), "same name"),
    "no-problems": (lambda d: d.update(problems=[]), "at least one problem"),
    "problem-not-object": (lambda d: d["problems"].append(7), "a problem must be an object"),
    "seed-text": (lambda d: d.update(seed="7"), "seed must be a whole number"),
    "difficulty-text": (lambda d: d["problems"][0].update(difficulty="hard"), "difficulty must"),
    "value-huge": (lambda d: _first_answer(d).update(value="1e999999999"), "is not a decimal number"),
    "value-number": (lambda d: _first_answer(d).update(value=0.25), "is not a decimal number"),
    "variables-numbers": (lambda d: _symbolic_answer(d)["grading"].update(variables=[1, 2]), "variables must"),
    "variables-a-function": (lambda d: _symbolic_answer(d)["grading"].update(variables=["exp"]), "function or"),
    "constants-list": (lambda d: _symbolic_answer(d)["grading"].update(constants=["3"]), "constants must"),
    "constant-huge": (lambda d: _symbolic_answer(d)["grading"].update(constants={"a": "1e999999999"}),
                      "decimal or a fraction"),
    "expression-long-chain": (lambda d: _symbolic_answer(d).update(exact="+".join(["z"] * 900)), "too long a chain"),
    "expression-too-long": (lambda d: _symbolic_answer(d).update(exact="z+" * 1500 + "z"), "characters long"),
    "expression-unreadable": (lambda d: _symbolic_answer(d).update(exact="__import__('os')"), "cannot be read"),
    "expression-nowhere-defined": (lambda d: _symbolic_answer(d).update(exact="log(-1-z^2)"), "undefined"),
    "expression-beyond-range": (lambda d: _symbolic_answer(d).update(exact="exp(exp(z^2+20))"), "undefined or out"),
}


WHOLE_FILE = {"tol-infinity", "tol-nan", "duplicate-ids", "no-problems", "problem-not-object", "seed-text"}
"""Edits that are faults of the file, not of one problem: the error cannot name one."""


@pytest.mark.parametrize("case", KEY_EDITS)
def test_a_malformed_key_is_one_line_naming_the_problem_and_exit_2(tmp_path, capsys, case):
    edit, message = KEY_EDITS[case]
    data = json.loads(practice_set(["depth-product"], 1, 1, 1).to_json())
    edit(data)
    (tmp_path / "key.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "answers.json").write_text("{}", encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "key.json"), str(tmp_path / "answers.json"))
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1
    assert ("problem 'depth-product-1-0'" in err) == (case not in WHOLE_FILE)


ANSWER_FILES = {
    "lone-surrogate": (b'{"depth-product-1-0": "\\ud800"}', "not valid Unicode"),
    "not-utf8": (b'{"depth-product-1-0": "\xff"}', "not UTF-8"),
    "huge-integer": (b'{"depth-product-1-0": ' + b"1" * 5000 + b"}", "cannot be read"),
    "deep-nesting": (b"[" * 100_000, "nested too deeply"),
    "nan": (b'{"depth-product-1-0": NaN}', "cannot be read"),
}


@pytest.mark.parametrize("content, message", ANSWER_FILES.values(), ids=ANSWER_FILES)
def test_an_unreadable_answers_file_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    (tmp_path / "key.json").write_text(practice_set(["depth-product"], 1, 1, 1).to_json(), encoding="utf-8")
    (tmp_path / "answers.json").write_bytes(content)
    code, out, err = run(capsys, "check", str(tmp_path / "key.json"), str(tmp_path / "answers.json"))
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1


def test_an_endless_answers_file_is_refused_unread(tmp_path, capsys):
    (tmp_path / "key.json").write_text(practice_set(["depth-product"], 1, 1, 1).to_json(), encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "key.json"), "/dev/urandom")
    assert code == 2 and "larger than" in err and err.count("\n") == 1


def test_one_hostile_answer_does_not_stop_the_others_being_graded(tmp_path, capsys):
    key = practice_set(["depth-product"], 3, 1, 1)
    (tmp_path / "key.json").write_text(key.to_json(), encoding="utf-8")
    ids = [p.id for p in key.problems]
    answers = {ids[0]: "sigma(-(10^1000)^1000)", ids[1]: "(10^1000)^1000", ids[2]: key.problems[2].answers[0].value}
    (tmp_path / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "key.json"), str(tmp_path / "answers.json"), "--json")
    assert code == 0
    assert [r["verdict"] for r in json.loads(out)["results"]] == ["invalid", "invalid", "correct"]
