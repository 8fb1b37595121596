"""Time practice: generating problems with verified answers, and grading.

Figures, in one run on this machine:
  1. generating COUNT problems (all families in turn, mixed difficulty) and
     writing them as JSON, as `gradbook practice` does (on every core;
     imports counted separately); then the same problems solved again in
     this one process, timed by family (CPU milliseconds per problem), which
     says where the time goes;
  2. grading COUNT answers of every kind (right, wrong, symbolic, unreadable),
     in this process, and then every answer of the set as one `gradbook check`
     command, start-up included (the aim is under 1 s);
  3. the slowest single grading call over the hostile corpus and 10,000
     fuzzed expressions (tests/gradbook/practice/hostile.py), each graded in
     every mode, and the one that took longest. The aim is under 1 s.
Prints them and writes bench/results/practice.json. Nothing here is asserted.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

COUNT = 1000
AIM_SECONDS = 2.0
RESULTS = Path(__file__).resolve().parent / "results" / "practice.json"
FUZZED = 10_000


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    start = time.perf_counter()
    from gradbook.practice.catalog import families
    from gradbook.practice.generate import practice_set
    from gradbook.practice.grade import grade
    from tests.gradbook.practice.hostile import corpus, expressions
    imported = time.perf_counter()
    problems = practice_set(count=COUNT, seed=2026)
    text = problems.to_json()
    generated = time.perf_counter()
    one_process, per_family = family_costs(problems.problems, families())

    typed = []
    for i, problem in enumerate(problems.problems):
        for answer in problem.answers:
            if answer.value is None:
                typed.append((answer, "a*sigma(a*z)*(1-sigma(a*z))" if i % 2 else "sigma(z)"))
            else:
                typed.append((answer, answer.value if i % 3 else "-" + answer.value[:6]))
    typed = (typed * (COUNT // len(typed) + 1))[:COUNT]
    t = time.perf_counter()
    verdicts = [grade(answer, text_).verdict for answer, text_ in typed]
    graded = time.perf_counter() - t
    command = check_command_seconds(text, problems.problems)

    slowest, slowest_text = 0.0, ""
    modes = {a.grading.mode: a for p in problems.problems for a in p.answers}
    hostile = corpus() + expressions(FUZZED)
    t = time.perf_counter()
    for text_ in hostile:
        for answer in modes.values():
            started = time.perf_counter()
            grade(answer, text_)
            took = time.perf_counter() - started
            if took > slowest:
                slowest, slowest_text = took, text_
    hostile_seconds = time.perf_counter() - t

    figures = {"import_seconds": imported - start, "generate_seconds": generated - imported,
               "json_bytes": len(text), "one_process_cpu_seconds": one_process,
               "family_cpu_ms": per_family, "grade_seconds": graded, "graded": len(verdicts),
               "hostile_graded": len(hostile) * len(modes), "hostile_seconds": hostile_seconds,
               "slowest_hostile_ms": 1000 * slowest, "slowest_hostile": slowest_text, "aim_seconds": AIM_SECONDS,
               "check_command_seconds": command}
    print(f"generate {COUNT} problems to JSON:   {figures['generate_seconds']:6.2f} s  (aim {AIM_SECONDS:.0f} s; "
          f"imports {figures['import_seconds']:.2f} s)")
    slowest_families = ", ".join(f"{name} {ms:.1f}" for name, ms in list(per_family.items())[:4])
    print(f"  in one process: {figures['one_process_cpu_seconds']:.2f} s CPU; ms per problem, slowest: {slowest_families}")
    print(f"grade {len(verdicts)} answers:              {graded:6.2f} s  (aim {AIM_SECONDS:.0f} s)")
    print(f"gradbook check, every answer of the {COUNT} problems, one command: {command:6.2f} s  "
          f"(aim 1 s, start-up included)")
    print(f"grade {figures['hostile_graded']} hostile answers ({len(hostile)} in {len(modes)} modes): "
          f"{hostile_seconds:6.2f} s")
    print(f"slowest hostile answer:          {figures['slowest_hostile_ms']:6.1f} ms  (aim 1000 ms): {slowest_text[:60]!r}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def check_command_seconds(key_text: str, problems) -> float:
    """`gradbook check` run as a command (start-up included) on the key and an
    answers file that answers every problem: the key's value, or sigma(z)."""
    with tempfile.TemporaryDirectory() as work:
        key, answers = Path(work, "problems.json"), Path(work, "answers.json")
        key.write_text(key_text, encoding="utf-8")
        typed = {problem.id: {a.name: a.value or "sigma(z)" for a in problem.answers} for problem in problems}
        answers.write_text(json.dumps(typed), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        start = time.perf_counter()
        ran = subprocess.run([sys.executable, "-m", "gradbook", "check", str(key), str(answers)], env=env,
                             capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
    if ran.returncode not in (0, 1):
        raise SystemExit(f"gradbook check failed: {ran.stderr.strip()}")
    return took


def family_costs(problems, found) -> tuple[float, dict[str, float]]:
    """The CPU seconds `problems` take to solve again in this process, and
    each family's CPU milliseconds per problem, the slowest family first."""
    spent, counts = defaultdict(float), defaultdict(int)
    for problem in problems:
        started = time.process_time()
        found[problem.family].problem(problem.params, problem.id, problem.difficulty)
        spent[problem.family] += time.process_time() - started
        counts[problem.family] += 1
    costs = {name: 1000 * spent[name] / counts[name] for name in spent}
    return sum(spent.values()), dict(sorted(costs.items(), key=lambda item: item[1], reverse=True))


if __name__ == "__main__":
    main()
