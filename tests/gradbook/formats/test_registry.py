"""The registry of output formats is the one place that knows them: the
command line's choices, what a build publishes, what `gradbook practice`
makes, and the parts each format includes all come from it."""

import re
from pathlib import Path

import pytest

from gradbook import formats
from gradbook.book import Part
from gradbook.cli import _parser
from gradbook.errors import UsageError

GRADBOOK = Path(__file__).resolve().parents[3] / "gradbook"


def test_every_format_is_a_choice_and_all_builds_every_one():
    assert formats.CHOICES == (*formats.REGISTRY, formats.ALL)
    assert formats.chosen(formats.ALL) == tuple(formats.REGISTRY.values())
    assert formats.published(formats.ALL) == tuple(f.output for f in formats.REGISTRY.values())
    assert {"html", "pdf", "epub"} <= set(formats.REGISTRY)


@pytest.mark.parametrize("name", list(formats.REGISTRY), ids=list(formats.REGISTRY))
def test_the_command_line_takes_each_format(name):
    assert _parser().parse_args(["build", "--format", name]).format == name


def test_an_unknown_format_is_one_line():
    with pytest.raises(UsageError, match="unknown format 'docx'"):
        formats.chosen("docx")


@pytest.mark.parametrize("name", list(formats.REGISTRY), ids=list(formats.REGISTRY))
def test_a_document_leaves_out_the_web_only_pages_and_a_site_keeps_them(name):
    fmt = formats.REGISTRY[name]
    page = Part("explorer", Path("x"), None)
    chapter = Part("01-one", Path("y"), 1)
    assert fmt.includes(chapter)
    assert fmt.includes(page) == (not fmt.document)
    assert fmt.page(chapter) == (None if fmt.document else "01-one.html")


def test_practice_makes_worksheets_in_every_format_that_declares_them():
    assert formats.SHEETS == tuple(n for n, f in formats.REGISTRY.items() if f.sheets)
    assert formats.PRACTICE_CHOICES == ("json", *formats.SHEETS)


NAMES = re.compile(r"""["'](?:html|pdf|epub|gradbook\.pdf|gradbook\.epub)["']""")


@pytest.mark.parametrize("path", sorted(p for p in GRADBOOK.rglob("*.py") if "formats" not in p.parts),
                         ids=lambda p: str(p.relative_to(GRADBOOK)))
def test_no_module_outside_the_registry_names_a_format(path):
    """The build, the command line, the stamp, the cache and the server take
    format names from the registry; a quoted name elsewhere would be a second copy."""
    assert NAMES.findall(path.read_text(encoding="utf-8")) == []
