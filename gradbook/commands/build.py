"""`gradbook build [--out DIR] [--format html|pdf|all]`."""

from pathlib import Path

from gradbook.build import build


def run(args) -> str:
    report = build(Path(args.out), args.format)
    written = ", ".join(str(path) for path in report.written)
    return f"built {len(report.titles)} parts and {report.figures} figures: {written}"
