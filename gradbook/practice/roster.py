"""A class: one reproducible variant of the practice set per student of a roster.

The roster is a CSV file (gradbook/practice/table.py) with a column `id` and,
optionally, `name`; other columns (the email or section an LMS export
carries) are ignored. An id is 1 to 64 letters, digits, '_', '.' or '-',
starting with a letter or digit, since it names the student's worksheet
file; ids are unique ignoring case (Ada and ada would be one file on some
disks). A name is at most 200 characters on one line.

Student `id` of a class made with seed S draws their sheet with their own seed:
the first 6 bytes of the SHA-256 digest of the UTF-8 text "S:id" (S in
decimal, as `--seed` gives it), read as a big-endian whole number (below
2^48, so every JSON reader keeps it exact). A student's sheet is therefore
`gradbook practice` with that seed and the class's other options, and it
does not change when other students join the roster. Their problems are
named "id-q1", "id-q2", … in sheet order, which is also the answers CSV's
columns q1, q2, … (gradbook/practice/classcheck.py).
"""

import hashlib
from pathlib import Path

from gradbook import __version__, formats
from gradbook.book import ROOT
from gradbook.errors import UsageError
from gradbook.formatting import markdown_text
from gradbook.practice.check import MAX_BYTES
from gradbook.practice.classcheck import column
from gradbook.practice.generate import draws, solved
from gradbook.practice.model import ProblemSet, Student, check_student
from gradbook.practice.sheets import key_markdown, worksheet_markdown
from gradbook.practice.table import read_table

MAX_PROBLEMS = 15_000
"""A class's problems in all (students times problems each) are at most this many: at
about a kilobyte each, the class's key stays within what gradbook check reads."""


def read_roster(path: Path) -> list[tuple[str, str | None]]:
    """Each student's (id, name), in the roster's order; a one-line UsageError naming the bad row."""
    header, rows = read_table(path, "roster")
    if "id" not in header:
        raise UsageError(f"{path}, row 1: the roster needs a column named 'id' (and may have 'name')")
    columns = {name: header.index(name) for name in ("id", "name") if name in header}
    students, seen = [], {}
    for number, cells in rows:
        sid = cells[columns["id"]].strip()
        name = (cells[columns["name"]].strip() or None) if "name" in columns else None
        try:
            check_student(sid, name)
        except ValueError as exc:
            raise UsageError(f"{path}, row {number}: {exc}") from None
        if sid.lower() in seen:
            raise UsageError(f"{path}, row {number}: student {sid!r} is already on row {seen[sid.lower()]} "
                             "(ids are compared ignoring case)")
        seen[sid.lower()] = number
        students.append((sid, name))
    if not students:
        raise UsageError(f"{path}: the roster has no students")
    return students


def student_seed(seed: int, sid: str) -> int:
    """The seed of student `sid`'s sheet in a class made with `seed`."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{sid}".encode("utf-8")).digest()[:6], "big")


def class_set(roster: list[tuple[str, str | None]], names: list[str] | None, count: int | None, seed: int,
              difficulty: int | None, root: Path = ROOT) -> ProblemSet:
    """One sheet per student, all solved together (on every core for a large class)."""
    drawn, students = [], []
    for sid, name in roster:
        own = student_seed(seed, sid)
        sheet, options = draws(names, count, own, difficulty, root)
        if len(roster) * len(sheet) > MAX_PROBLEMS:
            raise UsageError(f"{len(roster)} students with {len(sheet)} problems each is more than "
                             f"{MAX_PROBLEMS} problems; ask for fewer")
        ids = [f"{sid}-q{place}" for place in range(1, len(sheet) + 1)]
        drawn += [(book, family, params, pid, level) for (book, family, params, _, level), pid in zip(sheet, ids)]
        students.append(Student(sid, name, own, tuple(ids)))
    return ProblemSet(__version__, seed, tuple(solved(drawn)), options, tuple(students))


def class_sheets(problems: ProblemSet, chosen: set[str]) -> dict:
    """The files `gradbook practice --roster` writes, by name: problems.json,
    worksheets/ID.FORMAT for each student and the class's key.FORMAT, in each
    chosen format that makes sheets."""
    files = {"problems.json": problems.to_json().encode("utf-8")}
    if len(files["problems.json"]) > MAX_BYTES:
        raise UsageError(f"the class's key would be larger than the {MAX_BYTES // 2**20} MB gradbook check reads; "
                         "ask for fewer problems, or split the class")
    wanted = [fmt for fmt in formats.SHEETS if fmt in chosen]
    if wanted:
        sheets = problems.sheets()
        files["worksheets"] = {f"{student.id}.{fmt}": formats.REGISTRY[fmt].sheet(
                                   worksheet_markdown(sheets[student.id], _title(student), column),
                                   f"Practice problems: {student.id}")
                               for student in problems.students for fmt in wanted}
        key = class_key_markdown(problems)
        for fmt in wanted:
            files[f"key.{fmt}"] = formats.REGISTRY[fmt].sheet(key, "Answer key: the class")
    return files


def class_key_markdown(problems: ProblemSet) -> str:
    """The instructor's key: a section per student, each their sheet's key,
    each after the first starting a new page in print (a raw typst block the HTML drops), so
    one student's key can be printed or handed back alone."""
    intro = (f"# Answer key for the class\n\nSeed {problems.seed}, {len(problems.students)} students, "
             f"each with their own sheet.\n")
    sheets = problems.sheets()
    keys = [key_markdown(sheets[student.id], _title(student), level=2) for student in problems.students]
    return intro + "\n" + PAGE_BREAK.join(keys)


PAGE_BREAK = "```{=typst}\n#pagebreak(weak: true)\n```\n\n"


def _title(student: Student) -> str:
    """A student's heading, as Markdown: the name (if any) and the id."""
    sid = markdown_text(student.id)
    return f"{markdown_text(student.name)} ({sid})" if student.name else sid
