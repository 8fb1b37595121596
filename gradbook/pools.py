"""The pools the HTML guide's practice widgets draw "New problem" from: for
each family and difficulty a widget shows, problems made by the family at
build time, their statements, hints and worked solutions converted by pandoc
(MathML, like the rest of the site), written as a script the page loads
only when a learner first asks for one.

A script, not a JSON file: a page opened from file:// may not fetch() a
file beside it, but it may load a script (the search index is one too).

The problems a part prints are a pool's first variants, so the widget of a
printed problem starts on it; the rest are drawn with the book's practice
seed, never the same parameters twice. A variant is named by a digest of its
parameters, which the part that prints it knows without knowing the pools,
and which stays the same when another part's problems are added to the pool.
The widget's markup is neutral Markdown, a fenced div of classes `practice
web-only`: the formats that are one document leave it out (web-only.lua),
and templates/practice.js turns it into the answer fields and buttons.

    widget(problem, "the sigmoid's slope at a point")
      -> '::: {.practice .web-only data-pool="practice/pool-sigmoid-derivative-2.js" …}'
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from gradbook import build_cache, pandoc
from gradbook.book import Book
from gradbook.build_cache import BuildCache
from gradbook.errors import UsageError
from gradbook.practice.catalog import FAMILIES_FILE, catalog
from gradbook.practice.model import Problem
from gradbook.shells import asset

SCRIPT = "practice.js"
"""The widget's own script, which a page with a widget loads after the grader's."""
FOLDER = "practice"
"""Where the pools are written, under html/."""
POOL_SIZE = 30
"""The variants a pool aims at; a family with less room gives what it has."""
AT_LEAST = 20
"""The fewest variants a pool may have: fewer is an error that names the family."""
DRAWS = 20 * POOL_SIZE
"""How many draws a pool may take to find its variants before it gives up."""


@dataclass(frozen=True)
class Widget:
    """A problem a part shows with a practice widget: its family, difficulty
    and parameters, which put it at the head of its pool."""

    family: str
    level: int
    params: dict


def variant_id(params: dict) -> str:
    """The name of the variant with these parameters: a digest of them."""
    return hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:12]


def pool_key(family: str, level: int) -> str:
    """How the page names a pool: what its script assigns and the widget asks for."""
    return f"{family}/{level}"


def pool_file(family: str, level: int) -> str:
    return f"{FOLDER}/pool-{family}-{level}.js"


def answers_data(problem: Problem) -> list[dict]:
    """Each answer as problems.json holds it, with what its rule accepts, in words."""
    return [{"answer": a.to_dict(), "accepts": a.grading.describe()} for a in problem.answers]


def widget(problem: Problem) -> str:
    """The neutral Markdown that becomes `problem`'s practice widget in the site:
    where its pool is, which variant is printed, and its answers (so that
    checking the printed problem needs no pool)."""
    answers = json.dumps(answers_data(problem), ensure_ascii=False, separators=(",", ":"))
    attributes = {"pool": pool_file(problem.family, problem.difficulty),
                  "pool-key": pool_key(problem.family, problem.difficulty),
                  "variant": variant_id(problem.params), "answers": answers}
    shown = " ".join(f'data-{name}="{_attribute(value)}"' for name, value in attributes.items())
    return f"\n::: {{.practice .web-only {shown}}}\n:::\n"


def _attribute(value: str) -> str:
    """A value inside a Markdown attribute's double quotes, which pandoc reads
    back with backslash escapes and character references (so "&amp;" stays itself)."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")


def variants(root: Path, book: Book, family: str, level: int, printed: list[dict]) -> list[Problem]:
    """The pool's problems: the printed ones first, then draws with the book's
    practice seed, up to POOL_SIZE different parameters."""
    made = catalog(root).families[family]
    chosen = {variant_id(params): params for params in printed}
    for slot in range(DRAWS):
        if len(chosen) >= POOL_SIZE:
            break
        params = made.draw(f"pool-{book.practice_seed}", slot, 0, level)
        chosen.setdefault(variant_id(params), params)
    if len(chosen) < AT_LEAST:
        raise UsageError(f"family {family!r} at difficulty {level} has {len(chosen)} different problems in "
                         f"{DRAWS} draws; a practice widget's pool needs at least {AT_LEAST}")
    return [made.problem(params, name, level) for name, params in chosen.items()]


def pool_script(family: str, level: int, problems: list[Problem]) -> bytes:
    """The pool as a script that adds it to window.gradbookPools: each
    variant's name, statement, hint and solution as HTML, and its answers."""
    pieces = [text for p in problems for text in (p.statement, p.hint or "", p.solution)]
    html = pandoc.html_pieces(pieces, f"the pool of {family} at difficulty {level}")
    found = [{"id": p.id, "statement": statement, "hint": hint or None, "solution": solution,
              "answers": answers_data(p)}
             for p, statement, hint, solution in zip(problems, html[0::3], html[1::3], html[2::3])]
    data = json.dumps(found, ensure_ascii=False, indent=0)
    return ("// Made by gradbook/pools.py when the guide is built; not edited by hand.\n"
            "\"use strict\";\n"
            f"(window.gradbookPools = window.gradbookPools || {{}})[{json.dumps(pool_key(family, level))}] = "
            f"{data};\n").encode("utf-8")


def cache_key(root: Path, book: Book, family: str, level: int, printed: list[dict]) -> str:
    """A pool depends on the code of its family's chapter (its families.py and
    what that imports), this module's, the templates pandoc reads for it (not
    the page's stylesheet or scripts, which an author edits often and a pool
    never reads), the problems printed and the seed."""
    chapter = catalog(root).families[family].chapter
    folder = next(part.folder for part in book.parts if part.slug == chapter)
    code = build_cache.files_fingerprint([folder / FAMILIES_FILE], __name__, templates_read=pandoc.ALWAYS_READ)
    return build_cache.key(code, family, level, json.dumps(printed, sort_keys=True), book.practice_seed,
                           POOL_SIZE, AT_LEAST)


def files(root: Path, book: Book, widgets: list[Widget], store: BuildCache, run=map) -> dict[str, bytes]:
    """The pool of every family and difficulty a widget shows, by path under
    html/, each from the build cache where it holds it; and the widget's script.
    The missing pools' problems are solved here, one after another (mpmath's
    precision is one setting for the whole process, so solving is no work for
    threads), then `run` maps the conversions to HTML over them: a thread
    pool's map runs their pandoc processes side by side."""
    printed = {}
    for w in widgets:
        shown = printed.setdefault((w.family, w.level), [])
        if w.params not in shown:
            shown.append(w.params)
    keys = {wanted: cache_key(root, book, *wanted, params) for wanted, params in printed.items()}
    found = {wanted: store.get("pools", key, bytes) for wanted, key in keys.items()}
    missing = [wanted for wanted, script in found.items() if script is None]
    solved = {wanted: variants(root, book, *wanted, printed[wanted]) for wanted in missing}
    for wanted, script in zip(missing, run(lambda wanted: pool_script(*wanted, solved[wanted]), missing)):
        store.put("pools", keys[wanted], script)
        found[wanted] = script
    made = {pool_file(*wanted): script for wanted, script in found.items()}
    return {**made, SCRIPT: asset(SCRIPT).encode("utf-8")} if made else {}
