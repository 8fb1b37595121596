"""A problem set for a learning platform: one module per export, and this
registry. `gradbook practice --format` takes each export's name beside the
worksheet formats (gradbook/formats/).

An export is a value: its name for --format, the files it writes, and the
module whose `make(problems, pieces)` returns those files' bytes and what the
instructor should be told (answers left out, intervals widened). `pieces` is
every problem's statement, hint, solution and answers as HTML with TeX math,
converted once for all the chosen exports (pieces.py). Adding an export is a
module here and one entry below. Reading the registry (the command line
does, for --help) imports no export's module.
"""

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gradbook.practice.model import ProblemSet


@dataclass(frozen=True)
class Made:
    """What an export made: its files' bytes by name, and notes for the instructor."""

    files: dict[str, bytes]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Export:
    name: str
    """Its name for --format."""
    files: tuple[str, ...]
    """The files it writes, by name."""
    module: str
    """The module that makes them: gradbook.practice.exports.NAME."""

    def make(self, problems: "ProblemSet", pieces: dict) -> Made:
        return import_module(self.module).make(problems, pieces)


REGISTRY: dict[str, Export] = {e.name: e for e in (
    Export("moodle", ("moodle.xml",), "gradbook.practice.exports.moodle"),
    Export("qti", ("canvas-qti.zip",), "gradbook.practice.exports.qti"),
    Export("anki", ("gradbook.apkg",), "gradbook.practice.exports.anki"),
)}


def make(problems: "ProblemSet", chosen) -> Made:
    """The files of every export in `chosen` (names of the registry), and their
    notes, each prefixed with the export's name; pandoc is run once for them all."""
    exports = [export for name, export in REGISTRY.items() if name in chosen]
    if not exports:
        return Made({})
    from gradbook.practice.exports.pieces import convert

    pieces = convert(problems)
    files, notes = {}, []
    for export in exports:
        made = export.make(problems, pieces)
        files.update(made.files)
        notes += [f"{export.name}: {note}" for note in made.notes]
    return Made(files, tuple(notes))
