"""`gradbook clean [--out DIR] [--all]`: prune the caches under OUT/cache."""

from pathlib import Path

from gradbook.errors import UsageError


def run(args) -> str:
    from gradbook.clean import clean

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is not a folder")
    current = None
    if not args.all:
        from gradbook.experiments import cache
        from gradbook.experiments.catalog import EXPERIMENTS

        current = cache.keys(EXPERIMENTS.values())
    cleaned = clean(out, args.all, current)
    what = "everything in the caches" if args.all else "what no current build reads"
    return f"removed {cleaned.files} files ({cleaned.bytes / 2**20:.1f} MB) from {out / 'cache'}: {what}"
