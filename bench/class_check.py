"""Time a class of STUDENTS: their sheets made, and their answers graded in one command.

Figures, in one run on this machine, each a command as an instructor types
it (start-up included):
  1. `gradbook practice --roster` for a roster of STUDENTS, COUNT problems
     each (the first COUNT families, a symbolic one among them), the key only;
  2. `gradbook check KEY answers.csv` with the grades CSV, every student's
     feedback page and the summary, on an answers CSV in which each student
     answers every question: the key's value, its negation, one significant
     figure short, words, or nothing, in turn (so right, wrong, partial with
     --partial figures=0.5, and invalid).
Prints them and writes bench/results/class_check.json. Nothing here is asserted.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUDENTS = 1000
COUNT = 10
SEED = 2026
RESULTS = ROOT / "bench" / "results" / "class_check.json"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from gradbook.practice.classcheck import sheet_columns
    from gradbook.practice.model import ProblemSet
    from gradbook.practice.table import table_bytes

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "roster.csv").write_bytes(table_bytes(
            ["id", "name"], [[f"s{n:04}", f"Student {n}"] for n in range(1, STUDENTS + 1)]))
        made = command("practice", "--roster", work / "roster.csv", "--seed", SEED, "--count", COUNT,
                       "--format", "json", "--out", work / "class")
        key = ProblemSet.from_json((work / "class" / "problems.json").read_text(encoding="utf-8"))
        sheets = sheet_columns(key)
        header = ["id", *(column for column, _, _ in sheets[key.students[0].id])]
        rows = [[student.id, *(typed(answer, n + place) for place, (_, _, answer) in enumerate(sheets[student.id]))]
                for n, student in enumerate(key.students)]
        (work / "answers.csv").write_bytes(table_bytes(header, rows))
        graded = command("check", work / "class" / "problems.json", work / "answers.csv", "--partial", "figures=0.5",
                         "--csv", work / "grades.csv", "--feedback", work / "feedback", "--summary", work / "summary")
        with open(work / "grades.csv", encoding="utf-8") as file:
            verdicts = Counter(cell for line in file.read().splitlines()[1:] for cell in line.split(",")[3:])
        figures = {"students": STUDENTS, "problems_each": COUNT, "answers": sum(verdicts.values()),
                   "verdicts": dict(verdicts), "key_bytes": (work / "class" / "problems.json").stat().st_size,
                   "answers_bytes": (work / "answers.csv").stat().st_size,
                   "practice_roster_seconds": made, "check_class_seconds": graded,
                   "feedback_pages": len(list((work / "feedback").iterdir())), "cores": os.cpu_count()}
    print(f"gradbook practice --roster, {STUDENTS} students x {COUNT} problems, key only: {made:6.2f} s "
          f"({figures['key_bytes'] / 2**20:.1f} MB)")
    print(f"gradbook check, {figures['answers']} answers of {STUDENTS} students, grades + feedback + summary: "
          f"{graded:6.2f} s")
    print("  verdicts: " + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def typed(answer, turn: int) -> str:
    """What a student types, in turn: right, wrong sign, one significant figure short (right,
    where the rule is not sigfig), words, nothing."""
    from gradbook.practice.exact import rounded

    right = answer.value if answer.value is not None else answer.exact
    kind = turn % 5
    if kind == 0 or (kind == 2 and answer.grading.mode != "sigfig"):
        return right
    if kind == 1:
        return "-" + right if answer.value is not None else f"-({right})"
    if kind == 2:
        short = rounded(Fraction(right), answer.grading.figures - 1)
        return f"{short.numerator}/{short.denominator}"
    return "about " + right if kind == 3 else ""


def command(*argv) -> float:
    """The seconds `gradbook ARGV` takes as a command; it must succeed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    ran = subprocess.run([sys.executable, "-m", "gradbook", *map(str, argv)], env=env, capture_output=True,
                         text=True, check=False)
    took = time.perf_counter() - start
    if ran.returncode != 0:
        raise SystemExit(f"gradbook {argv[0]} failed: {ran.stderr.strip()}")
    return took


if __name__ == "__main__":
    main()
