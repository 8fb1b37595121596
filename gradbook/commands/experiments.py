"""`gradbook experiments [--only NAME ...] [--force] [--list] [--out DIR] [--quiet]`."""

from pathlib import Path

from gradbook.build import EXPERIMENT_CACHE
from gradbook.experiments.catalog import EXPERIMENTS
from gradbook.experiments.runner import results
from gradbook.output import check_writable


def run(args) -> str:
    if args.list:
        width = max(map(len, EXPERIMENTS))
        return "\n".join(f"{name:<{width}}  {len(e.runs()):>3} runs  {e.title} ({e.about})"
                         for name, e in EXPERIMENTS.items())
    folder = Path(args.out) / EXPERIMENT_CACHE
    check_writable(folder)  # before training, which takes a while
    outcome = results(folder, args.only, force=args.force, progress=not args.quiet)
    lines = [f"{name:<18} {'ran' if name in outcome.ran else 'cached':<6}  {len(result['runs'])} runs"
             for name, result in outcome.results.items()]
    return "\n".join(lines + [f"{outcome.seconds:.1f} s; results in {folder}"])
