"""`gradbook check`: every answer in an answers file graded against a key."""

import json
from dataclasses import dataclass
from pathlib import Path

from gradbook.errors import UsageError
from gradbook.practice.grade import grade
from gradbook.practice.model import ProblemSet


@dataclass(frozen=True)
class Result:
    id: str
    answer: str
    verdict: str
    feedback: str


def read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the {what} {path}: {getattr(exc, 'strerror', None) or exc}") from None


def answers_by_problem(text: str, key: ProblemSet, where: str) -> dict:
    """{problem id: {answer name: typed}} from an answers file, checked against the key."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{where} is not JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{where} must be an object mapping problem ids to answers")
    problems = {p.id: p for p in key.problems}
    given = {}
    for pid, typed in data.items():
        if pid not in problems:
            raise UsageError(f"{where} answers problem {pid!r}, which the key does not have")
        names = [a.name for a in problems[pid].answers]
        if isinstance(typed, str):
            typed = {names[0]: typed} if len(names) == 1 else {"": typed}
        if not isinstance(typed, dict):
            raise UsageError(f"{where}: the answer to {pid!r} must be text or an object of answers")
        stray = [name for name in typed if name not in names and name != ""]
        if stray:
            raise UsageError(f"{where}: problem {pid!r} has no answer named {stray[0]!r} "
                             f"(it asks for: {', '.join(names)})")
        given[pid] = typed
    return given


def check(key_path: Path, answers_path: Path) -> tuple[list[Result], int, int]:
    """Every answer the key asks for, graded; unanswered ones are 'invalid'."""
    key = ProblemSet.from_json(read_text(key_path, "key"), str(key_path))
    given = answers_by_problem(read_text(answers_path, "answers file"), key, str(answers_path))
    results = []
    for problem in key.problems:
        typed = given.get(problem.id, {})
        for answer in problem.answers:
            if "" in typed:
                names = ", ".join(a.name for a in problem.answers)
                results.append(Result(problem.id, answer.name, "invalid",
                                      f"this problem asks for several answers ({names}); name each one"))
                continue
            verdict = grade(answer, typed.get(answer.name, ""))
            results.append(Result(problem.id, answer.name, verdict.verdict, verdict.feedback))
    score = sum(r.verdict == "correct" for r in results)
    return results, score, len(results)
