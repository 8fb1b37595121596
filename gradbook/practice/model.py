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

_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?")
MODES = {"rel": ("tol",), "abs": ("tol",), "sigfig": ("figures",), "symbolic": ("variables",)}


@dataclass(frozen=True)
class Answer:
    """One answer a problem asks for: its exact form (a string sympy reads back,
    or None), its value to 30 figures (None for an expression), and the rule
    that grades it."""

    name: str
    exact: str | None
    value: str | None
    grading: dict

    def to_dict(self) -> dict:
        return {"name": self.name, "exact": self.exact, "value": self.value, "grading": self.grading}

    @classmethod
    def from_dict(cls, data: dict) -> "Answer":
        """The answer in `data`; a ValueError naming what is malformed."""
        name, rule, value = data["name"], dict(data["grading"]), data["value"]
        mode = rule.get("mode")
        if mode not in MODES or any(key not in rule for key in MODES[mode]):
            raise ValueError(f"answer {name!r}: grading {rule!r} is not a known rule")
        if mode == "symbolic":
            if not isinstance(data["exact"], str) or not isinstance(rule["variables"], list):
                raise ValueError(f"answer {name!r}: a symbolic answer needs its expression and variables")
        elif not (isinstance(value, str) and _DECIMAL.fullmatch(value)):
            raise ValueError(f"answer {name!r}: value {value!r} is not a decimal number")
        elif not all(isinstance(rule[k], (int, float)) and not isinstance(rule[k], bool) for k in MODES[mode]):
            raise ValueError(f"answer {name!r}: the grading rule's {MODES[mode][0]} must be a number")
        return cls(name, data["exact"], value, rule)


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
        return cls(data["id"], data["family"], int(data["difficulty"]), dict(data["params"]),
                   data["statement"], data["solution"], tuple(Answer.from_dict(a) for a in data["answers"]),
                   data.get("hint"))


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
        """The set in `text`; a UsageError saying what is wrong if it is not one."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{where} is not JSON: {exc.msg} at line {exc.lineno}") from None
        try:
            return cls(str(data["gradbook"]), int(data["seed"]),
                       tuple(Problem.from_dict(p) for p in data["problems"]), dict(data.get("options", {})))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            missing = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            raise UsageError(f"{where} is not a gradbook problem set ({missing})") from None
