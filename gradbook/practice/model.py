"""Problems as plain data: what `problems.json` holds, read back exactly.

    {"gradbook": "<version>", "seed": 7, "options": {...}, "problems": [
      {"id": "depth-product-7-0", "family": "depth-product", "difficulty": 1,
       "params": {"factor": 0.2, "layers": 5}, "statement": "...", "solution": "...",
       "hint": "...", "answers": [{"name": "gradient", "exact": "1/3125",
       "value": "3.2000…e-4", "grading": {"mode": "rel", "tol": 0.01}}]}],
     "students": [{"id": "ada", "name": "Ada Lovelace", "seed": 183745112047263,
                   "problems": ["ada-q1", "ada-q2"]}]}

"students" is there only in a class's set (gradbook/practice/roster.py):
each student's id, name (or null), own seed, and the ids of the problems of
their sheet in order; every problem of the set is on exactly one sheet.
"""

import json
import re
from dataclasses import dataclass, field

from gradbook.errors import UsageError
from gradbook.practice.parse import MAX_MAGNITUDE, AnswerError, parse
from gradbook.practice.rules import NumericRule, Rule

_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?(e[+-]?([0-9]{1,6}))?")
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
"""A student id is also a file name (worksheets/ID.html), so it is kept to these characters."""
MAX_NAME = 200
KEY_LENGTH = 2_000
"""A key's expression is read by the learner's parser, with this length limit."""


@dataclass(frozen=True)
class Answer:
    """One answer a problem asks for: its exact form (a number as text sympy
    reads back, an expression as text the safe parser reads back, or None),
    its value to 30 figures (None for an expression), and the rule that grades it."""

    name: str
    exact: str | None
    value: str | None
    grading: Rule

    def to_dict(self) -> dict:
        return {"name": self.name, "exact": self.exact, "value": self.value, "grading": self.grading.to_json()}

    @classmethod
    def from_dict(cls, data: dict) -> "Answer":
        """The answer in `data`, checked against the format's rules; a ValueError saying what is wrong."""
        _require(isinstance(data, dict), "an answer must be an object")
        name, exact, value = (data.get(k) for k in ("name", "exact", "value"))
        _require(isinstance(name, str) and name.strip(), f"an answer's name must be text, got {name!r}")
        try:
            rule = Rule.from_json(data.get("grading"))
            _require(exact is None or isinstance(exact, str), "exact must be text or null")
            if isinstance(rule, NumericRule):
                _check_value(value)
            else:
                _check_expression(exact, value, rule.names)
        except ValueError as exc:
            raise ValueError(f"answer {name!r}: {exc}") from None
        return cls(name, exact, value, rule)


def _require(condition, message: str) -> None:
    if not condition:
        raise ValueError(message)


def _check_value(value) -> None:
    match = _DECIMAL.fullmatch(value) if isinstance(value, str) else None
    _require(match, f"value {value!r} is not a decimal number")
    _require(not match[3] or int(match[3]) <= MAX_MAGNITUDE, f"value {value!r} is beyond 10^±{MAX_MAGNITUDE}")


def _check_expression(exact, value, names: frozenset[str]) -> None:
    _require(value is None, "a symbolic answer has no value")
    _require(isinstance(exact, str), "a symbolic answer needs its expression")
    try:
        parse(exact, names, max_length=KEY_LENGTH)
    except AnswerError as exc:
        raise ValueError(f"its expression cannot be read: {exc}") from None


@dataclass(frozen=True)
class Problem:
    id: str
    family: str
    difficulty: int
    params: dict
    statement: str
    solution: str
    answers: tuple[Answer, ...]
    hint: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "family": self.family, "difficulty": self.difficulty, "params": self.params,
                "statement": self.statement, "solution": self.solution, "hint": self.hint,
                "answers": [a.to_dict() for a in self.answers]}

    @classmethod
    def from_dict(cls, data: dict) -> "Problem":
        """The problem in `data`, checked; a ValueError naming the problem and what is wrong."""
        _require(isinstance(data, dict), "a problem must be an object")
        pid = data.get("id")
        _require(isinstance(pid, str) and pid.strip(), f"a problem's id must be text, got {pid!r}")
        try:
            return cls._checked(pid, data)
        except ValueError as exc:
            raise ValueError(f"problem {pid!r}: {exc}") from None

    @classmethod
    def _checked(cls, pid: str, data: dict) -> "Problem":
        for name in ("family", "statement", "solution"):
            _require(isinstance(data.get(name), str), f"{name} must be text")
        _require(data.get("hint") is None or isinstance(data["hint"], str), "hint must be text or null")
        difficulty = data.get("difficulty")
        _require(isinstance(difficulty, int) and not isinstance(difficulty, bool),
                 f"difficulty must be a whole number, got {difficulty!r}")
        _require(isinstance(data.get("params"), dict), "params must be an object")
        answers = data.get("answers")
        _require(isinstance(answers, list) and answers, "it must ask for at least one answer")
        parsed = tuple(Answer.from_dict(a) for a in answers)
        names = [a.name for a in parsed]
        _require(len(set(names)) == len(names), "two of its answers have the same name")
        return cls(pid, data["family"], difficulty, dict(data["params"]), data["statement"], data["solution"],
                   parsed, data.get("hint"))


@dataclass(frozen=True)
class Student:
    """One student of a class: their sheet is the problems `problems` names, in order."""

    id: str
    name: str | None
    seed: int
    problems: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "seed": self.seed, "problems": list(self.problems)}

    @classmethod
    def from_dict(cls, data) -> "Student":
        _require(isinstance(data, dict), "a student must be an object")
        sid, name, seed, problems = (data.get(k) for k in ("id", "name", "seed", "problems"))
        check_student(sid, name)
        _require(isinstance(seed, int) and not isinstance(seed, bool), f"student {sid!r}: seed must be a whole number")
        _require(isinstance(problems, list) and problems and all(isinstance(p, str) for p in problems),
                 f"student {sid!r}: problems must be a list of problem ids")
        return cls(sid, name, seed, tuple(problems))


def check_student(sid, name) -> None:
    """A ValueError if the id could not name a file or the name could not head a sheet."""
    _require(isinstance(sid, str) and STUDENT_ID.fullmatch(sid),
             f"a student id is 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit; got {sid!r}")
    _require(name is None or (isinstance(name, str) and len(name) <= MAX_NAME and name.isprintable()),
             f"student {sid!r}: a name is at most {MAX_NAME} characters, with no line breaks or control characters")


def _check_students(students: tuple[Student, ...], problems: tuple[Problem, ...]) -> None:
    """Ids unique (ignoring case: they name files), and every problem on exactly one sheet."""
    twice = _repeated([s.id.lower() for s in students])
    again = next((s.id for s in reversed(students) if s.id.lower() == twice), None)
    _require(twice is None, f"student id {again!r} occurs twice (ids are compared ignoring case)")
    on_sheets = [pid for s in students for pid in s.problems]
    known = {p.id for p in problems}
    stray = next((pid for pid in on_sheets if pid not in known), None)
    _require(stray is None, f"a student's sheet names problem {stray!r}, which the set does not have")
    twice = _repeated(on_sheets)
    _require(twice is None, f"problem {twice!r} is on two students' sheets")
    placed = set(on_sheets)
    alone = next((p.id for p in problems if p.id not in placed), None)
    _require(alone is None, f"problem {alone!r} is on no student's sheet")


def _repeated(items: list[str]) -> str | None:
    """The first item that occurs twice, if any."""
    seen = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return None


@dataclass(frozen=True)
class ProblemSet:
    version: str
    seed: int
    problems: tuple[Problem, ...]
    options: dict = field(default_factory=dict)
    students: tuple[Student, ...] = ()
    """A class's sheets, in roster order; none for a single worksheet's set."""

    def to_json(self) -> str:
        """The set as JSON, the same bytes for the same set."""
        data = {"gradbook": self.version, "seed": self.seed, "options": self.options,
                "problems": [p.to_dict() for p in self.problems]}
        if self.students:
            data["students"] = [s.to_dict() for s in self.students]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def sheets(self) -> dict[str, "ProblemSet"]:
        """Each student's sheet as a set of its own, seeded with the student's seed, by student id."""
        by_id = {p.id: p for p in self.problems}
        return {s.id: ProblemSet(self.version, s.seed, tuple(by_id[pid] for pid in s.problems), self.options)
                for s in self.students}

    @classmethod
    def from_json(cls, text: str, where: str = "the key") -> "ProblemSet":
        """The set in `text`, checked against the format's rules; a one-line
        UsageError saying what is wrong (and in which problem) if it is not one."""
        data = json_from_text(text, where)
        try:
            _require(isinstance(data, dict), "it must be an object")
            missing = [k for k in ("gradbook", "seed", "problems") if k not in data]
            _require(not missing, f"missing {', '.join(missing)}")
            seed, problems, options = data["seed"], data["problems"], data.get("options", {})
            _require(isinstance(seed, int) and not isinstance(seed, bool), f"seed must be a whole number, got {seed!r}")
            _require(isinstance(problems, list) and problems, "it must hold at least one problem")
            _require(isinstance(options, dict), "options must be an object")
            parsed = tuple(Problem.from_dict(p) for p in problems)
            twice = _repeated([p.id for p in parsed])
            _require(twice is None, f"problem id {twice!r} occurs twice")
            students = ()
            if "students" in data:
                _require(isinstance(data["students"], list) and data["students"], "students must be a list of students")
                students = tuple(Student.from_dict(s) for s in data["students"])
                _check_students(students, parsed)
        except ValueError as exc:
            raise UsageError(f"{where} is not a gradbook problem set: {exc}") from None
        return cls(str(data["gradbook"]), seed, parsed, dict(options), students)


def json_from_text(text: str, where: str):
    """The JSON in `text`, refusing what the standard library would let
    through or crash on: NaN and Infinity, integers too long to read, nesting
    too deep to read, and text that is not valid Unicode (a lone surrogate)."""
    def refuse(constant):
        raise ValueError(f"{constant} is not a number JSON allows")

    try:
        data = json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{where} is not JSON: {exc.msg} at line {exc.lineno}") from None
    except (ValueError, RecursionError) as exc:
        reason = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
        raise UsageError(f"{where} cannot be read: {reason}") from None
    if not _valid_unicode(data):
        raise UsageError(f"{where} holds text that is not valid Unicode (a lone surrogate)")
    return data


def _valid_unicode(data) -> bool:
    """Whether every string in `data` can be written as UTF-8 (JSON's \\ud800 cannot)."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            pending += [*item, *item.values()]
        elif isinstance(item, list):
            pending += item
    return True
