"""`gradbook check`: every answer in an answers file graded against a key."""

from dataclasses import dataclass
from pathlib import Path

from gradbook.errors import UsageError
from gradbook.practice.grade import grade, key_defined
from gradbook.practice.model import ProblemSet, json_from_text
from gradbook.practice.rules import Symbolic

MAX_BYTES = 16 * 2**20
"""A key or an answers file larger than this is refused, unread (a class of
thousands is a few megabytes; /dev/urandom never ends)."""


@dataclass(frozen=True)
class Result:
    id: str
    answer: str
    verdict: str
    feedback: str


def read_text(path: Path, what: str) -> str:
    """The file's text: at most MAX_BYTES of strict UTF-8, else a one-line UsageError."""
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise UsageError(f"the {what} {path} is larger than {MAX_BYTES // 2**20} MB; it is not read")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise UsageError(f"the {what} {path} is not UTF-8 text (line {line}, byte {exc.start + 1} "
                         "cannot be read)") from None


def load_key(path: Path) -> ProblemSet:
    """The key, checked: its format, and every expression it holds defined somewhere."""
    key = ProblemSet.from_json(read_text(path, "key"), str(path))
    for problem in key.problems:
        for answer in problem.answers:
            if isinstance(answer.grading, Symbolic) and not key_defined(answer):
                raise UsageError(f"{path}: problem {problem.id!r}, answer {answer.name!r}: the expression "
                                 "is undefined or out of range at every point tried")
    return key


def answers_by_problem(text: str, key: ProblemSet, where: str) -> dict:
    """{problem id: {answer name: typed}} from an answers file, checked against the key."""
    data = json_from_text(text, where)
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
    key = load_key(key_path)
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
