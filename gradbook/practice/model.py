"""Problems as plain data: what `problems.json` holds, read back exactly.

    {"gradbook": "<version>", "seed": 7, "options": {...}, "problems": [
      {"id": "depth-product-7-0", "family": "depth-product", "difficulty": 1,
       "params": {"factor": 0.2, "layers": 5}, "statement": "...", "solution": "...",
       "hint": "...", "answers": [{"name": "gradient", "exact": "1/3125",
       "value": "3.2000…e-4", "grading": {"mode": "rel", "tol": 0.01}}]}]}
"""

import json
import re
from dataclasses import dataclass, field

from gradbook.errors import UsageError
from gradbook.practice.parse import MAX_MAGNITUDE, AnswerError, parse
from gradbook.practice.rules import NumericRule, Rule

_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?(e[+-]?([0-9]{1,6}))?")
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
class ProblemSet:
    version: str
    seed: int
    problems: tuple[Problem, ...]
    options: dict = field(default_factory=dict)

    def to_json(self) -> str:
        """The set as JSON, the same bytes for the same set."""
        data = {"gradbook": self.version, "seed": self.seed, "options": self.options,
                "problems": [p.to_dict() for p in self.problems]}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

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
            ids = [p.id for p in parsed]
            twice = next((pid for pid in ids if ids.count(pid) > 1), None)
            _require(twice is None, f"problem id {twice!r} occurs twice")
        except ValueError as exc:
            raise UsageError(f"{where} is not a gradbook problem set: {exc}") from None
        return cls(str(data["gradbook"]), seed, parsed, dict(options))


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
