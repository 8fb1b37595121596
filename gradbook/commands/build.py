"""`gradbook build [--out DIR] [--format html|pdf|epub|all] [--no-cache] [--quiet] [--verbose]`."""

from pathlib import Path

from gradbook import build_stamp, formats
from gradbook.book import ROOT


def run(args) -> str:
    out = Path(args.out)
    if not args.no_cache and build_stamp.up_to_date(ROOT, out, args.format):
        return f"up to date: {', '.join(str(out / name) for name in formats.published(args.format))}"
    from gradbook.build import build  # imported only when there is work: it pulls in sympy
    from gradbook.progress import Progress

    report = build(out, args.format, use_cache=not args.no_cache,
                   progress=Progress(quiet=args.quiet, verbose=args.verbose))
    written = ", ".join(str(path) for path in report.written)
    cached = len(report.titles) - len(report.rendered)
    return (f"built {len(report.titles)} parts ({len(report.rendered)} rendered, {cached} from the cache) "
            f"and {report.figures} figures: {written}")
