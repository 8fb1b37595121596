"""The output shells in gradbook/templates/: the HTML page, the Typst book and
worksheet, the stylesheet and the explorer's script. One loader for all of them.

jinja2 is imported when a shell is first rendered, not with this module: the
format modules import it, and `gradbook build` reads the registry of formats
even when the output is up to date and nothing is rendered."""

from functools import cache
from importlib import resources

FOLDER = resources.files("gradbook") / "templates"


@cache
def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(FOLDER)), autoescape=False,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def shell(name: str):
    """The jinja2 template `name`."""
    return _environment().get_template(name)


def asset(name: str) -> str:
    """A file the site carries as it is: the stylesheet, the explorer's script."""
    return (FOLDER / name).read_text(encoding="utf-8")
