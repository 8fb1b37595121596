"""The output shells in gradbook/templates/: the HTML page, the Typst book and
worksheet, the stylesheet and the explorer's script. One loader for all of them."""

from functools import cache
from importlib import resources

import jinja2

FOLDER = resources.files("gradbook") / "templates"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(FOLDER)), autoescape=False,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def shell(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def asset(name: str) -> str:
    """A file the site carries as it is: the stylesheet, the explorer's script."""
    return (FOLDER / name).read_text(encoding="utf-8")
