"""A practice set: problems from the chosen families, reproducible by seed,
never the same problem twice."""

import os
from pathlib import Path

from gradbook import __version__
from gradbook.book import ROOT
from gradbook.errors import UsageError
from gradbook.practice.catalog import families
from gradbook.practice.model import ProblemSet
from gradbook.workers import worker_pool

PER_WORKER = 32
"""How many problems a worker is sent at a time (it looks up the catalog once
for them); below twice this many, a set is made in this process. For 1,000
problems on two cores, 8 to 64 measured alike, within the machine's noise."""
ATTEMPTS = 60
"""How many fresh draws a slot gets before the family is declared exhausted."""
LEVELS = (1, 2, 3)


def practice_set(names: list[str] | None = None, count: int | None = None, seed: int = 0,
                 difficulty: int | None = None, root: Path = ROOT) -> ProblemSet:
    """`count` problems (one per family by default), the families taken in turn.

    Without a difficulty, the first round of families is at level 1, the next
    at level 2, and so on. The families are those of the book in `root`."""
    drawn, options = draws(names, count, seed, difficulty, root)
    return ProblemSet(__version__, seed, tuple(solved(drawn)), options)


def draws(names: list[str] | None, count: int | None, seed: int, difficulty: int | None,
          root: Path = ROOT) -> tuple[list[tuple], dict]:
    """What practice_set solves: each problem's (root, family, parameters, id,
    level), and the set's options."""
    found = families(root)
    names = list(names or found)
    unknown = [n for n in names if n not in found]
    if unknown:
        raise UsageError(f"unknown family {unknown[0]!r} (gradbook families lists them)")
    if difficulty is not None and difficulty not in LEVELS:
        raise UsageError(f"difficulty must be one of {', '.join(map(str, LEVELS))}, got {difficulty}")
    count = len(names) if count is None else count
    if not 1 <= count <= 10_000:
        raise UsageError(f"count must be 1 to 10000, got {count}")
    seen, drawn = set(), []
    for slot in range(count):
        family = found[names[slot % len(names)]]
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
        drawn.append((root, family.name, params, f"{family.name}-{seed}-{slot}", level))
    return drawn, {"families": names, "count": count, "difficulty": difficulty}


def solved(drawn: list[tuple]) -> list:
    """Each drawn problem solved and written out; a large set on every core.
    The parameters were all drawn first, so the result does not depend on how
    the work is split."""
    workers = min(os.cpu_count() or 1, len(drawn) // PER_WORKER)
    if workers <= 1:
        return _problems(drawn)
    chunks = [drawn[start:start + PER_WORKER] for start in range(0, len(drawn), PER_WORKER)]
    with worker_pool(workers) as pool:
        return [problem for chunk in pool.map(_problems, chunks) for problem in chunk]


def _problems(drawn: list[tuple]) -> list:
    """The drawn problems solved, the catalog looked up once for them all."""
    found = families(drawn[0][0])
    return [found[name].problem(params, id, level) for _, name, params, id, level in drawn]
