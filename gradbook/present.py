"""Derivations laid out for a terminal, for LaTeX, and as JSON.

A step's reason is Markdown: prose with $…$ math, as the book prints it. JSON
keeps it as it is, text shows it as written, and LaTeX sets the prose in
\\text{…} beside the math."""

import json
import re

from derive import Derivation, Quantity, printing
from derive.derivation import Result


def _result_text(result: Result) -> str:
    if isinstance(result, Quantity):
        exact = f"{result.exact_text()} = " if result.is_exact else ""
        kind = "" if result.is_exact else "   (numeric)"
        return f"{exact}{result.value_string()}  ≈ {result.text()}{kind}"
    return printing.text(result)


def _result_latex(result: Result) -> str:
    if isinstance(result, Quantity):
        return f"{result.exact_latex()} \\approx {result.latex()}" if result.is_exact else result.latex()
    return printing.latex(result)


_TEXT_ESCAPES = str.maketrans({
    "\\": r"\textbackslash{}", "^": r"\^{}", "_": r"\_", "&": r"\&", "%": r"\%",
    "#": r"\#", "$": r"\$", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
})


def latex_text(plain: str) -> str:
    """`plain` made safe inside \\text{...}."""
    return plain.translate(_TEXT_ESCAPES)


def reason_latex(reason: str) -> str:
    """A step's reason (Markdown: prose with $…$ math) for an align* row:
    the prose in \\text{…}, the math as it is."""
    parts = _MATH.split(reason)
    return "".join(part if i % 2 else (rf"\text{{{latex_text(part)}}}" if part else "")
                   for i, part in enumerate(parts))


_MATH = re.compile(r"\$([^$]+)\$")


def _param_text(d: Derivation) -> str:
    return ", ".join(f"{k} = {v}" for k, v in d.params.items())


def as_text(d: Derivation) -> str:
    lines = [f"{d.name}: {d.title}"]
    if d.params:
        lines.append(f"parameters: {_param_text(d)}")
    lines.append("")
    for i, s in enumerate(d.steps, 1):
        lines.append(f"{i:>3}. {printing.text(s.lhs)} = {printing.text(s.rhs)}")
        lines.append(f"     {s.reason}   [{s.check}]")
    lines.append("")
    lines.append(f"result: {_result_text(d.result)}")
    lines += [f"  {name}: {_result_text(value)}" for name, value in d.details.items()]
    return "\n".join(lines)


def as_latex(d: Derivation) -> str:
    lines = [f"% {d.name}: {d.title}" + (f" ({_param_text(d)})" if d.params else ""),
             r"\begin{align*}"]
    rows = [f"  {printing.latex(s.lhs)} &= {printing.latex(s.rhs)} && {reason_latex(s.reason)}"
            for s in d.steps]
    lines.append(" \\\\\n".join(rows))
    lines.append(r"\end{align*}")
    lines.append(f"% result: {_result_latex(d.result)}")
    lines += [f"% {name}: {_result_latex(value)}" for name, value in d.details.items()]
    return "\n".join(lines)


def as_json(d: Derivation) -> str:
    return json.dumps(d.to_dict(), indent=2, ensure_ascii=False)


FORMATS = {"text": as_text, "latex": as_latex, "json": as_json}


def catalog_listing(entries) -> str:
    """One line per derivation: name, title, and its parameters with defaults."""
    width = max(len(e.name) for e in entries)
    lines = []
    for e in entries:
        params = " ".join(f"{p.name}={p.default}" for p in e.params)
        lines.append(f"{e.name:<{width}}  {e.title}" + (f"  [{params}]" if params else ""))
    return "\n".join(lines)
