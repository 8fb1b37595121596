"""The gradient explorer's generated parts: the script of formulas, printed as
JavaScript from derive's sympy expressions, and the widget's markup.

The formulas script holds each activation and its slope (in their stable
forms, so the browser keeps the digits derive keeps), each activation's
normalized factor, the float16 and float32 limits, the house number style and
the settings' ranges. The hand-written logic that uses them is
templates/explorer.js; the numbers it shows are checked against
derive.gradient_path by the browser tests.
"""

import json
import re
from urllib.parse import urlencode

import sympy as sp

from derive.activations import activation, stable_form
from derive.errors import DeriveError
from derive.formats import FORMATS
from derive.gradient_path import (ACTIVATIONS, LAYERS, MAX_DEPTH, MAX_POINT, MAX_WEIGHT, Setting,
                                  normalized_factor)
from derive.numbers import SCI_BELOW, SCI_FROM, SIG_FIGS
from derive.registry import rational
from gradbook.formatting import markdown_text
from gradbook.shells import asset, shell

PAGE = "explorer.html"
SCRIPTS = ("explorer-formulas.js", "explorer.js")
SHOWN_FORMATS = ("float16", "float32")
DEFAULT = {"activation": "sigmoid", "depth": "10", "w": "1", "at": "0", "start": "z", "layer": "plain"}
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
"""What the page's number fields accept: the same pattern as explorer.js's NUMBER."""
_JS_FUNCTIONS = {"erfc": "erfc", "expm1": "Math.expm1", "log1p": "Math.log1p"}


def javascript(expr: sp.Expr) -> str:
    """`expr` (a function of z) as one line of JavaScript."""
    return " ".join(sp.jscode(stable_form(expr), user_functions=_JS_FUNCTIONS).split())


def formulas_script() -> str:
    """explorer-formulas.js: a function of erfc (which JavaScript's Math lacks and
    explorer.js supplies) returning everything the explorer computes with."""
    lines = [f"    {json.dumps(name)}: {{\n"
             f"      value: (z) => {javascript(activation(name).expr)},\n"
             f"      slope: (z) => {javascript(activation(name).derivative)},\n"
             f"      normalized: {float(normalized_factor(name).mp)!r},\n    }},"
             for name in ACTIVATIONS]
    data = {
        "formats": {name: {"normal": float(FORMATS[name].smallest_normal),
                           "subnormal": float(FORMATS[name].smallest_subnormal)} for name in SHOWN_FORMATS},
        "style": {"figures": SIG_FIGS, "sciBelow": float(SCI_BELOW), "sciFrom": float(SCI_FROM)},
        "limits": {"depth": MAX_DEPTH, "weight": MAX_WEIGHT, "point": MAX_POINT},
        "layers": list(LAYERS),
    }
    return ("// Made by gradbook/explorer.py from derive when the guide is built; not edited by hand.\n"
            "\"use strict\";\n"
            "window.gradbookFormulas = function (erfc) {\n"
            "  return {\n  activations: {\n" + "\n".join(lines) + "\n  },\n"
            + "\n".join(f"  {key}: {json.dumps(value)}," for key, value in data.items()) + "\n  };\n};\n")


def widget() -> str:
    """The explorer's markup, as a raw HTML block for pandoc."""
    html = shell("explorer.html.j2").render(
        activations=[(name, activation(name).title) for name in ACTIVATIONS],
        default=DEFAULT, depth=MAX_DEPTH, weight=MAX_WEIGHT, point=MAX_POINT, formats=SHOWN_FORMATS)
    return f"```{{=html}}\n{html.strip()}\n```\n"


def link(text: str, activation: str, depth: int, w, at, start: str = "z", layer: str = "plain") -> str:
    """An inline link to the explorer set up as described, for a page in the
    HTML guide only. A setting the explorer cannot show is refused here, at
    build time."""
    if start not in ("z", "x"):
        raise ValueError(f"start must be 'z' or 'x', got {start!r}")
    for name, value in (("w", w), ("at", at)):
        if not _DECIMAL.fullmatch(str(value)):
            raise ValueError(f"explorer link: {name} must be a decimal such as 0.5 (the page reads no fractions), "
                             f"got {value!r}")
    try:
        Setting(activation, int(depth), rational(w), rational(at), traced=start == "x", layer=layer)
    except DeriveError as exc:
        raise ValueError(f"explorer link: {exc}") from None
    query = urlencode({"activation": activation, "depth": depth, "w": w, "at": at, "start": start, "layer": layer})
    return f"[{markdown_text(text)}]({PAGE}#{query}){{.explore}}"


def note(text: str, link_text: str, **setting) -> str:
    """A paragraph pointing to the explorer, set up as `setting` says, in a div
    of class "web-only": the formats that are one document (the PDF, the
    EPUB) have no explorer to point to and leave it out."""
    return f"\n::: {{.explore-note .web-only}}\n{markdown_text(text)} {link(link_text, **setting)}\n:::\n"



def assets() -> dict[str, bytes]:
    """The scripts a page with the widget loads."""
    return {SCRIPTS[0]: formulas_script().encode("utf-8"), SCRIPTS[1]: asset(SCRIPTS[1]).encode("utf-8")}
