"""`gradbook practice`: a reproducible problem set, worksheet and answer key;
with --roster, a class's: a sheet per student and one key."""

from pathlib import Path

from gradbook import formats
from gradbook.errors import UsageError
from gradbook.output import check_writable, publish
from gradbook.practice import exports
from gradbook.practice.generate import practice_set
from gradbook.practice.roster import class_set, class_sheets, read_roster
from gradbook.practice.sheets import sheets

CHOICES = (*formats.PRACTICE_CHOICES, *exports.REGISTRY)
"""What --format takes: problems.json, the worksheet formats and the exports for a learning platform."""


def run(args) -> str:
    wanted = {f.strip() for f in args.format.split(",") if f.strip()}
    unknown = sorted(wanted - set(CHOICES))
    if unknown or not wanted:
        raise UsageError(f"--format takes a comma-separated list of {', '.join(CHOICES)}, got {args.format!r}")
    chosen = _families(args.family)
    out = Path(args.out)
    check_writable(out)
    if args.roster:
        problems = class_set(read_roster(Path(args.roster)), chosen, args.count, args.seed, args.difficulty)
        files = class_sheets(problems, wanted)
    else:
        problems = practice_set(chosen, args.count, args.seed, args.difficulty)
        files = sheets(problems, wanted)
    exported = exports.make(problems, wanted)
    files.update(exported.files)
    publish(out, files)
    made = f"{len(problems.students)} students' sheets, " if problems.students else ""
    return f"wrote {made}{len(problems.problems)} problems (seed {problems.seed}): " + ", ".join(
        str(out / name) for name in files) + "".join(f"\n{note}" for note in exported.notes)


def _families(given: list[str] | None) -> list[str] | None:
    """--family as repeated or as a comma-separated list, like --format; None for all."""
    if given is None:
        return None
    names = [name.strip() for names in given for name in names.split(",") if name.strip()]
    if not names:
        raise UsageError("--family names no family (gradbook families lists them)")
    return names
