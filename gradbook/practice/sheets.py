"""A problem set as a worksheet and an answer key, in every output format
that makes them (gradbook/formats/: the HTML and the PDF), through the
guide's own pipeline."""

from decimal import Decimal

from derive import printing
from derive.numbers import format_decimal, round_sig
from gradbook import formats
from gradbook.practice.catalog import families
from gradbook.practice.grade import key_tree, sympy_expression
from gradbook.practice.model import Answer, ProblemSet
from gradbook.formatting import boxed, markdown_text


def _heading(number: int, problem, level: int) -> str:
    found = families()
    family = found[problem.family].title if problem.family in found else problem.family
    return f"{'#' * level} Problem {number}\n\n*{markdown_text(family)}, difficulty {problem.difficulty}* · `{problem.id}`\n"


def shown_value(answer: Answer) -> str:
    """The answer as the key prints it, as mathematics: a number in the house
    style, an expression typeset (read by the grader's own safe parser)."""
    if answer.value is None:
        return f"${printing.latex(sympy_expression(key_tree(answer), answer.grading.fixed()))}$"
    if answer.exact is not None and answer.exact.lstrip("-").isdigit():
        return f"${answer.exact}$"
    return f"${format_decimal(round_sig(Decimal(answer.value)), 'latex')}$"


def worksheet_markdown(problems: ProblemSet, title: str = "Practice problems", column=None) -> str:
    """The worksheet; `title` (Markdown) heads it. With `column` (a student's
    sheet in a class: classcheck.column), each blank also names the answers
    file's column its answer goes in."""
    where = " In the class's answers file, each answer goes in the column named beside it." if column else ""
    parts = [f"# {title}\n\nSeed {problems.seed}, {len(problems.problems)} problems. "
             f"Write each answer as a number or an expression; the key is a separate sheet.{where}\n"]
    for number, p in enumerate(problems.problems, 1):
        blanks = "\n\n".join(f"{_blank_label(number, p, a, column)}: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"
                               for a in p.answers)
        hint = f"\n\n*Hint:* {markdown_text(p.hint)}" if p.hint else ""
        parts.append(_heading(number, p, 2) + boxed("problem", p.statement + hint) + "\n" + blanks + "\n")
    return "\n".join(parts)


def _blank_label(number: int, problem, answer: Answer, column) -> str:
    name = markdown_text(answer.name)
    return f"{name} (column `{column(number, problem, answer)}`)" if column else name


def key_markdown(problems: ProblemSet, title: str = "Answer key", level: int = 1) -> str:
    """The key, headed by `title` (Markdown) at heading `level`, its problems one level below."""
    parts = [f"{'#' * level} {title}\n\nSeed {problems.seed}, {len(problems.problems)} problems.\n"]
    for number, p in enumerate(problems.problems, 1):
        answers = "\n".join(f"- **{markdown_text(a.name)}** = {shown_value(a)} (accepted {a.grading.describe()})"
                            for a in p.answers)
        parts.append(_heading(number, p, level + 1) + boxed("problem", p.statement) + "\n" + answers + "\n"
                     + boxed("solution", f"*Solution.* {p.solution}"))
    return "\n".join(parts)


def sheets(problems: ProblemSet, chosen: set[str]) -> dict[str, bytes]:
    """The files `gradbook practice` writes, by name: problems.json, and the
    worksheet and key in each chosen format that makes them."""
    files = {"problems.json": problems.to_json().encode("utf-8")}
    for name, title, markdown in (("worksheet", "Practice problems", worksheet_markdown(problems)),
                                  ("key", "Answer key", key_markdown(problems))):
        for fmt in formats.SHEETS:
            if fmt in chosen:
                files[f"{name}.{fmt}"] = formats.REGISTRY[fmt].sheet(markdown, title)
    return files
