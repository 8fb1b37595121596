"""The `gradbook` command. It parses, delegates, and is the only place that exits."""

import argparse
import sys

from gradbook import __version__, formats
from gradbook.errors import GradbookError, UsageError
from gradbook.practice import exports


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is a one-line UsageError instead of an exit."""

    def error(self, message):
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gradbook", description="A computed study guide on vanishing gradients.")
    parser.add_argument("--version", action="version", version=f"gradbook {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    derive = commands.add_parser("derive", help="show a verified derivation")
    derive.add_argument("name", nargs="?", help="the derivation (see --list)")
    derive.add_argument("--list", action="store_true", help="list the derivations")
    derive.add_argument("--format", choices=("text", "latex", "json"), default="text")
    derive.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter, e.g. --param c=0.1 (repeatable)")

    build = commands.add_parser("build", help=f"build the guide ({', '.join(formats.REGISTRY)})")
    build.add_argument("--out", default="build", metavar="DIR", help="the output folder (default: build)")
    build.add_argument("--format", choices=formats.CHOICES, default=formats.ALL,
                       help="what to build (default: all)")
    build.add_argument("--no-cache", action="store_true",
                       help="ignore the build cache in OUT/cache/build (and do not fill it)")
    build.add_argument("--quiet", action="store_true", help="no progress line")
    build.add_argument("--verbose", action="store_true", help="print each stage's time")

    serve = commands.add_parser("serve", help="build, serve the HTML on 127.0.0.1, and rebuild on change")
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0 picks a free one)")
    serve.add_argument("--out", default="build", metavar="DIR", help="the output folder (default: build)")

    experiments = commands.add_parser("experiments", help="run the experiments on real data (cached)")
    experiments.add_argument("--only", action="append", metavar="NAME", help="one experiment (repeatable)")
    experiments.add_argument("--force", action="store_true", help="run again even if cached")
    experiments.add_argument("--list", action="store_true", help="list the experiments")
    experiments.add_argument("--out", default="build", metavar="DIR",
                             help="the output folder whose cache/experiments holds results (default: build)")
    experiments.add_argument("--quiet", action="store_true", help="no progress bar")

    clean = commands.add_parser("clean", help="remove cache entries that no current build reads")
    clean.add_argument("--out", default="build", metavar="DIR", help="the output folder (default: build)")
    clean.add_argument("--all", action="store_true", help="remove both caches whole")

    audit = commands.add_parser("audit", help="check every checkable claim in the sources")
    audit.add_argument("--json", action="store_true", help="print the audit as JSON")

    commands.add_parser("families", help="list the problem families")

    practice = commands.add_parser("practice", help="write a reproducible worksheet and answer key")
    practice.add_argument("--family", action="append", metavar="NAME", help="a family (repeatable, or a comma-separated list; default all)")
    practice.add_argument("--count", type=int, help="how many problems (default: one per family)")
    practice.add_argument("--seed", type=int, default=0, help="the seed (default 0)")
    practice.add_argument("--roster", metavar="CSV",
                          help="a class: a sheet per student of this CSV (columns id, optionally name)")
    practice.add_argument("--difficulty", type=int, choices=(1, 2, 3), help="1, 2 or 3 (default: mixed)")
    practice.add_argument("--out", default="build/practice", metavar="DIR", help="default: build/practice")
    practice.add_argument("--format", default=",".join(formats.PRACTICE_CHOICES),
                          help=f"any of {','.join((*formats.PRACTICE_CHOICES, *exports.REGISTRY))}: the key, "
                               "worksheets, Moodle XML, QTI 1.2 for Canvas, an Anki deck "
                               f"(default: {','.join(formats.PRACTICE_CHOICES)})")

    check = commands.add_parser("check", help="grade an answers file against a key")
    check.add_argument("key", help="problems.json from gradbook practice")
    check.add_argument("answers", help='{"<problem id>": {"<answer name>": "<typed>"}}, or for a class\'s key '
                                       "a CSV: id, q1, q2, … (q3.NAME where a problem asks for several)")
    check.add_argument("--json", action="store_true", help="print the results as JSON")
    check.add_argument("--csv", metavar="FILE", help="a class: write the grades (id, score, total, each verdict)")
    check.add_argument("--feedback", metavar="DIR", help="a class: write each student's feedback, DIR/ID.html")
    check.add_argument("--summary", metavar="DIR", help="a class: write DIR/summary.csv and DIR/summary.html")
    check.add_argument("--partial", metavar="KIND=CREDIT,…",
                       help="a class: partial credit for near misses, e.g. figures=0.5,sign=0.25 (default none)")
    return parser


def _command(name: str):
    """The module that runs a command, imported only when it is used."""
    import importlib

    return importlib.import_module(f"gradbook.commands.{name}")


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        output = _command(args.command).run(args)
    except GradbookError as exc:
        if exc.output:
            sys.stdout.write(exc.output if exc.output.endswith("\n") else exc.output + "\n")
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def entry_point() -> None:
    sys.exit(main())
