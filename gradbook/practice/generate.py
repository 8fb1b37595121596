"""A practice set: problems from the chosen families, reproducible by seed,
never the same problem twice."""

from gradbook import __version__
from gradbook.errors import UsageError
from gradbook.practice.families import FAMILIES
from gradbook.practice.model import ProblemSet

ATTEMPTS = 60
"""How many fresh draws a slot gets before the family is declared exhausted."""
LEVELS = (1, 2, 3)


def practice_set(names: list[str] | None = None, count: int | None = None, seed: int = 0,
                 difficulty: int | None = None) -> ProblemSet:
    """`count` problems (one per family by default), the families taken in turn.

    Without a difficulty, the first round of families is at level 1, the next
    at level 2, and so on."""
    names = list(names or FAMILIES)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        raise UsageError(f"unknown family {unknown[0]!r} (gradbook families lists them)")
    if difficulty is not None and difficulty not in LEVELS:
        raise UsageError(f"difficulty must be one of {', '.join(map(str, LEVELS))}, got {difficulty}")
    count = len(names) if count is None else count
    if not 1 <= count <= 10_000:
        raise UsageError(f"count must be 1 to 10000, got {count}")
    seen, problems = set(), []
    for slot in range(count):
        family = FAMILIES[names[slot % len(names)]]
        level = difficulty or LEVELS[(slot // len(names)) % len(LEVELS)]
        for attempt in range(ATTEMPTS):
            params = family.draw(seed, slot, attempt, level)
            key = (family.name, tuple(sorted(params.items())))
            if key not in seen:
                break
        else:
            raise UsageError(f"family {family.name!r} ran out of different problems at difficulty {level}; "
                             "ask for fewer, or another difficulty")
        seen.add(key)
        problems.append(family.problem(params, f"{family.name}-{seed}-{slot}", level))
    options = {"families": names, "count": count, "difficulty": difficulty}
    return ProblemSet(__version__, seed, tuple(problems), options)
