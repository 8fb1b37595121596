"""`gradbook practice`: a reproducible problem set, worksheet and answer key."""

from pathlib import Path

from gradbook import formats
from gradbook.errors import UsageError
from gradbook.output import check_writable, publish
from gradbook.practice.generate import practice_set
from gradbook.practice.sheets import sheets



def run(args) -> str:
    wanted = {f.strip() for f in args.format.split(",") if f.strip()}
    unknown = sorted(wanted - set(formats.PRACTICE_CHOICES))
    if unknown or not wanted:
        raise UsageError(f"--format takes a comma-separated list of {', '.join(formats.PRACTICE_CHOICES)}, got {args.format!r}")
    out = Path(args.out)
    check_writable(out)
    problems = practice_set(args.family, args.count, args.seed, args.difficulty)
    files = sheets(problems, wanted)
    publish(out, files)
    return f"wrote {len(problems.problems)} problems (seed {problems.seed}): " + ", ".join(
        str(out / name) for name in files)
