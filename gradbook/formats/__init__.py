"""The output formats, one module each (base.py says what a format is). The
build, the command line, the build stamp and `gradbook clean` know formats
only through this registry; `gradbook practice` makes worksheets in every
format that declares `sheet`.

A new output: a module here with `assemble(gathered, fmt)` (and `sheet`, if
it makes worksheets), and one entry below saying its name, what it
publishes, whether it is one document, and its module.
"""

from gradbook.errors import UsageError
from gradbook.formats.base import Format, Gathered

REGISTRY: dict[str, Format] = {f.name: f for f in (
    Format("html", "html", document=False, module="gradbook.formats.html", sheets=True),
    Format("pdf", "gradbook.pdf", document=True, module="gradbook.formats.pdf", sheets=True),
    Format("epub", "gradbook.epub", document=True, module="gradbook.formats.epub"),
)}
ALL = "all"
"""--format all: every format in the registry."""
CHOICES = (*REGISTRY, ALL)
SHEETS = tuple(name for name, f in REGISTRY.items() if f.sheets)
"""The formats that make worksheets and keys."""
PRACTICE_CHOICES = ("json", *SHEETS)
"""What `gradbook practice --format` takes: problems.json, and the formats that make worksheets."""


def chosen(name: str) -> tuple[Format, ...]:
    """The formats --format NAME builds."""
    if name == ALL:
        return tuple(REGISTRY.values())
    if name not in REGISTRY:
        raise UsageError(f"unknown format {name!r} (choose from {', '.join(CHOICES)})")
    return (REGISTRY[name],)


def published(name: str) -> tuple[str, ...]:
    """What --format NAME publishes under OUT."""
    return tuple(f.output for f in chosen(name))


__all__ = ["ALL", "CHOICES", "PRACTICE_CHOICES", "REGISTRY", "SHEETS", "Format", "Gathered", "chosen", "published"]
