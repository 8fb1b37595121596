"""`gradbook build [--out DIR] [--format html|pdf|all] [--no-cache]`."""

from pathlib import Path

from gradbook.build import build


def run(args) -> str:
    report = build(Path(args.out), args.format, use_cache=not args.no_cache)
    written = ", ".join(str(path) for path in report.written)
    return (f"built {len(report.titles)} parts ({len(report.rendered)} rendered, the rest from the cache) "
            f"and {report.figures} figures: {written}")
