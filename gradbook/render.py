"""A chapter's template rendered to Markdown, with every number formatted in
the house style (gradbook/formatting.py) and every figure, table, problem and
listing numbered. A Derivation prints through the `derivation` helper.
"""

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import re

import jinja2

from derive import Derivation, printing
from gradbook import build_cache, explorer, import_graph, labels, pools
from gradbook.book import Book, Part, load_book
from gradbook.build_cache import NO_CACHE, BuildCache
from gradbook.claims import SOURCE_FILES, book_audit, claims_folder
from gradbook.chapter_code import chapter_errors, load_module, module_name, where_in
from gradbook.errors import UsageError
from gradbook.exercises import PLACEHOLDER
from gradbook.glossary import TERMS, load_terms
from gradbook.notebooks import notebook_file
from gradbook.figures import draw_svg, figure_file
from gradbook.formatting import boxed, environment, markdown_text
from gradbook.practice.catalog import FAMILIES_FILE, catalog
from gradbook.practice.generate import practice_set
from gradbook.practice.model import Problem, ProblemSet
from gradbook.practice.sheets import shown_value

MODEL_ANSWER = "model-answer"
"""The class of the web-only div that holds a hand-written exercise's answer after it."""


@dataclass
class Rendered:
    """One part, rendered: its Markdown (references still unresolved), its
    title, its figures drawn as SVG (by file name), the listings it shows, and
    the labels it defines. Plain data, so a worker process can return it."""

    part: Part
    title: str
    markdown: str
    figures: dict = field(default_factory=dict)
    listings: list = field(default_factory=list)
    """(name, caption) of each listing it shows, in order."""
    labels: list = field(default_factory=list)
    explorer: bool = False
    """Whether it shows the gradient explorer, whose page loads its scripts."""
    answers: list = field(default_factory=list)
    """Its exercises' answers, (name, Markdown), which the answer key prints."""
    practice: list = field(default_factory=list)
    """The problems it shows with a practice widget (pools.Widget), whose page loads the widget's scripts."""


class Helpers:
    """What a template may call, bound to the chapter being rendered."""

    def __init__(self, part: Part, figure_names: set[str], listing_folder: Path, store: BuildCache = NO_CACHE):
        self.numbering = labels.Numbering(part.prefix, part.page)
        self.part, self.figure_names, self.listing_folder, self.store = part, figure_names, listing_folder, store
        self.figures, self.listings = [], []
        self.shows_explorer = False
        self.exercises, self.answers = [], []
        self.widgets = []

    def figure(self, name: str, caption: str) -> str:
        if name not in self.figure_names:
            raise ValueError(f"figure {name!r} is not drawn by this chapter's figures.py")
        label = self.numbering.next("fig", name)
        self.figures.append(name)
        return (f"![**{label.text}.** {caption}]({figure_file(self.part.slug, name)})"
                f"{{#{label.anchor}}}\n")

    def table(self, name: str, caption: str) -> str:
        """The caption of the table that follows (pandoc keeps the two together)."""
        label = self.numbering.next("tab", name)
        return f": **{label.text}.** {caption} {{#{label.anchor}}}\n"

    def problem(self, name: str, title: str, caller, practice: Problem | None = None) -> str:
        """A numbered problem; with `practice` (a family's problem, as
        practice_set gives it), the site adds a widget to answer it in the page."""
        label = self.numbering.next("prob", name)
        stated = boxed("problem", f"**{label.text}** ({title}). {caller().strip()}", label.anchor)
        return stated + self._widget(practice) if practice is not None else stated

    def solution(self, caller) -> str:
        body = caller().strip()
        separator = "\n\n" if body.startswith(("-", "|", "$$")) else " "
        return boxed("solution", f"*Solution.*{separator}{body}")

    def worked(self, family: str, name: str, params: dict, source: str = "", caller=None) -> str:
        """A numbered worked problem made by a problem family, the same code path
        as a worksheet's. A call block's body is added to the solution."""
        made = self._family(family)
        problem = made.problem(dict(params), name, 1)
        label = self.numbering.next("prob", name)
        cited = f" ({source})" if source else ""
        extra = f"\n\n{caller().strip()}" if caller else ""
        return (boxed("problem", f"**{label.text}** ({made.title}). {problem.statement}{cited}",
                      label.anchor)
                + boxed("solution", f"*Solution.* {problem.solution}{extra}"))

    def exercise(self, name: str, caller) -> str:
        """A numbered end-of-chapter exercise (Exercise 3.1); the `model_answer`
        block that follows it holds its answer, which the answer key prints."""
        return self._exercise(name, caller().strip())

    def model_answer(self, caller) -> str:
        """The answer to the exercise just stated: printed in the answer key,
        and here in the site only, behind "Show answer" (formats/html.py)."""
        if len(self.answers) != len(self.exercises) - 1:
            raise ValueError("model_answer must follow an exercise that has no answer yet")
        answer = caller().strip()
        self.answers.append((self.exercises[-1].name, answer))
        return f"\n::: {{.{MODEL_ANSWER} .web-only}}\n{answer}\n:::\n"

    def exercise_from(self, family: str, name: str, seed: int, difficulty: int = 1) -> str:
        """An exercise that is an instance of a problem family, drawn as
        `gradbook practice --family FAMILY --seed SEED --difficulty D` draws it; the answer
        key prints its answers, their tolerance and its worked solution."""
        made = self._family(family)
        problem = made.generate(seed, difficulty=difficulty)
        stated = self._exercise(name, problem.statement, made.title)
        answers = "; ".join(f"{a.name} = {shown_value(a)} (accepted {a.grading.describe()})" for a in problem.answers)
        self.answers.append((name, f"{answers}.\n\n{problem.solution}"))
        return stated + self._widget(problem)

    def _widget(self, problem: Problem) -> str:
        """The practice widget of `problem` (HTML only), recorded so the site makes its pool."""
        self.widgets.append(pools.Widget(problem.family, problem.difficulty, dict(problem.params)))
        return pools.widget(problem)

    def _family(self, name: str):
        found = catalog(self.part.root).families
        if name not in found:
            raise ValueError(f"no problem family {name!r} (gradbook families lists them)")
        return found[name]

    def _exercise(self, name: str, statement: str, title: str = "") -> str:
        if len(self.answers) != len(self.exercises):
            raise ValueError(f"exercise {self.exercises[-1].name!r} has no model_answer")
        label = self.numbering.next("ex", name)
        self.exercises.append(label)
        heading = f"**{label.text}** ({title})." if title else f"**{label.text}.**"
        return boxed("problem", f"{heading} {statement} *{labels.placeholder('ans:' + name)}.*", label.anchor)

    def glossary(self) -> str:
        """The glossary's entries, from this part's terms.toml, as a definition list,
        each entry the target of its term's links."""
        entries = []
        for term in load_terms(self.part.folder / TERMS):
            see = f" See {labels.placeholder(term.see)}." if term.see else ""
            definition = term.definition.replace("\n", "\n    ")  # continues the definition's paragraph
            entries.append(f"[{term.name}]{{#{term.anchor}}}\n:   {definition}{see}\n")
        return "\n".join(entries)

    def exercise_answers(self) -> str:
        """Where the answer key prints every chapter's exercise answers."""
        return PLACEHOLDER

    def explorer(self) -> str:
        """The gradient explorer (HTML only: the PDF leaves it out)."""
        if self.part.number is not None or self.part.letter is not None:
            raise ValueError("the explorer is interactive: put it on a page (book.toml's pages), not in "
                             "a chapter or appendix, which the PDF prints")
        self.shows_explorer = True
        return explorer.widget()

    def explorer_link(self, text: str, **setting) -> str:
        """A link that opens the explorer set up as `setting` says, for HTML-only pages."""
        return explorer.link(text, **setting)

    def explorer_note(self, text: str, link_text: str, **setting) -> str:
        """A paragraph of the HTML guide, left out of the PDF, ending in a link to the explorer."""
        return explorer.note(text, link_text, **setting)

    def audit_entry(self, claim_id: str) -> str:
        """The anchor of an audit entry, shown as its id: what ref("claim:ID") links to."""
        label = self.numbering.claim(claim_id)
        return f"[**{label.text}**]{{#{label.anchor}}}"

    def quote(self, claim_id: str) -> str:
        """What a source printed, exactly, as audit claim `claim_id` records it:
        how a sentence quotes a source ("source 000 writes {{ quote("000-02") }}").
        A quotation in LaTeX (source 002's) is typeset as math."""
        stated = book_audit(self.part.root).stated(claim_id)
        return f"${stated}$" if "\\" in stated or "^{" in stated else markdown_text(stated)

    def note(self, caller) -> str:
        return boxed("note", caller().strip())

    def listing(self, name: str, caption: str) -> str:
        path = self.listing_folder / f"{name}.py"
        if not path.is_file():
            raise ValueError(f"no listing {name!r}: {path.name} is missing")
        label = self.numbering.next("lst", name)
        notebook = "" if self.listings else (  # before the chapter's first listing, in the site only
            f"\n::: {{.notebook-link .web-only}}\nThis chapter's programs are also a Jupyter notebook, with the "
            f"output recorded here: [{notebook_file(self.part.slug)}]({notebook_file(self.part.slug)}).\n:::\n\n")
        self.listings.append((name, caption))
        return (f"{notebook}[**{label.text}.**]{{#{label.anchor}}} {caption}\n\n"
                f"```python\n{path.read_text(encoding='utf-8').rstrip()}\n```\n\n"
                f"Its output, from running it while this book was built:\n\n"
                f"⟦output:{name}⟧\n")

    @property
    def practice_seed(self) -> int:
        """book.toml's practice_seed: what the practice appendices print is made with it."""
        return load_book(self.part.root).practice_seed

    def practice_set(self) -> list[dict]:
        """One problem from every family, made with the book's practice seed,
        grouped by chapter in the book's order: what the practice appendices print."""
        seed = self.practice_seed
        groups = {}
        found = catalog(self.part.root)
        families = build_cache.files_fingerprint(code_files(self.part, load_book(self.part.root)),
                                                 "gradbook.practice.generate")
        made = self.store.memo("practice", build_cache.key(families, found.digest, seed),
                               ProblemSet, lambda: practice_set(seed=seed, root=self.part.root))
        for problem in made.problems:
            family = found.families[problem.family]
            groups.setdefault(family.chapter, []).append({
                "name": problem.id, "title": family.title, "statement": problem.statement,
                "solution": problem.solution, "hint": problem.hint, "practice": problem,
                "answers": [{"name": a.name, "shown": shown_value(a), "rule": a.grading.describe()} for a in problem.answers]})
        return [{"chapter": chapter, "problems": problems} for chapter, problems in sorted(groups.items())]

    def ref(self, key: str) -> str:
        return labels.placeholder(key)

    def derivation(self, d: Derivation) -> str:
        """The steps of a verified derivation: each equality under its reason
        (Markdown with math), with a small mark saying how it was checked."""
        lines = []
        for number, s in enumerate(d.steps, 1):
            how = "checked symbolically" if s.check == "symbolic" else "checked at 50 digits"
            lines.append(f"{number}. {_sentence(s.reason)}: [{how}]{{.check}}\n\n"
                         f"   $${printing.latex(s.lhs)} = {printing.latex(s.rhs)}$$\n")
        return "\n".join(lines)


def _sentence(reason: str) -> str:
    """The reason with a capital letter, unless it starts with a symbol (σ stays σ)."""
    return reason[0].upper() + reason[1:] if reason[:1].isascii() else reason



def experiments_needed(part: Part) -> tuple[str, ...]:
    """The experiments whose results a part uses: its values.py names them in
    EXPERIMENTS; then values() takes the results, and each figure function
    takes, after the figure, what values() returned (curves included), so the
    numbers and the plots come from one reading of the results."""
    values = load_module(part.folder / "values.py", module_name(part.slug, "values"))
    return tuple(getattr(values, "EXPERIMENTS", ())) if values is not None else ()


def render_part(part: Part, results: dict | None = None, store: BuildCache = NO_CACHE) -> Rendered:
    """Load the part's values, render its template, draw its figures, and check it.
    `results` holds the experiments the part needs, by name, if it needs any.
    What values() returns and each figure's SVG are cached apart from the
    template, so an edit to the prose re-renders only the prose."""
    figures = load_module(part.folder / "figures.py", module_name(part.slug, "figures"))
    extra = (results,) if results is not None else ()
    values_key = values_cache_key(part, results)
    context = store.memo("values", values_key, dict, lambda: _values(part, extra))
    drawings = {name: partial(draw, values=context) if extra else draw
                for name, draw in figure_functions(figures).items()}
    figure_names = set(drawings)
    helpers = Helpers(part, figure_names, part.folder / "listings", store)
    clash = set(context) & set(_globals(helpers))
    if clash:
        raise UsageError(f"chapters/{part.slug}/values.py: {', '.join(sorted(clash))} is the name of a "
                         "template helper; call the value something else")
    template_path = part.folder / "chapter.md.j2"
    try:
        template = environment(part.folder).get_template("chapter.md.j2")
        chapter_label = (helpers.numbering.chapter(part.slug, part.number) if part.number is not None
                         else helpers.numbering.appendix(part.slug, part.letter) if part.letter is not None
                         else None)
        markdown = template.render(**context, **_globals(helpers))
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"chapters/{part.slug}/chapter.md.j2 line {exc.lineno}: {exc.message}") from None
    except UsageError:
        raise
    except Exception as exc:
        where = where_in(template_path, exc.__traceback__)
        raise UsageError(f"{where}: {type(exc).__name__}: {exc}") from None
    title, markdown = _titled(markdown, part, chapter_label)
    if len(helpers.answers) != len(helpers.exercises):
        raise UsageError(f"chapters/{part.slug}: exercise {helpers.exercises[-1].name!r} has no model_answer")
    unshown = figure_names - set(helpers.figures)
    if unshown:
        raise UsageError(f"chapters/{part.slug}/figures.py draws {', '.join(sorted(unshown))}, "
                         "which the chapter never shows")
    svgs = {figure_file(part.slug, name): store.memo(
                "figures", _figure_key(part, name, values_key if extra else ""), bytes,
                lambda name=name: draw_svg(drawings[name], part.folder / "figures.py"))
            for name in helpers.figures}
    return Rendered(part, title, markdown, svgs, helpers.listings, helpers.numbering.labels,
                    helpers.shows_explorer, helpers.answers, helpers.widgets)


def _values(part: Part, extra: tuple) -> dict:
    values = load_module(part.folder / "values.py", module_name(part.slug, "values"))
    if values is None:
        return {}
    with chapter_errors(part.folder / "values.py"):
        return values.values(*extra)


def values_cache_key(part: Part, results: dict | None = None) -> str:
    """What values() returns depends on: the code values.py can run (with the
    families and the claims, where it reads them), the part, and the keys of
    the experiment results it is given."""
    experiments = sorted(r["key"] for r in (results or {}).values())
    code = build_cache.files_fingerprint(code_files(part, load_book(part.root), template=False),
                                         "gradbook.chapter_code")
    return build_cache.key(code, part.slug, part.number, part.letter, *experiments)


def _figure_key(part: Part, name: str, values_key: str) -> str:
    """A figure depends on figures.py and the code it can run, the part, and the values it is given."""
    code = build_cache.files_fingerprint([part.folder / "figures.py"], "gradbook.figures")
    return build_cache.key(code, part.slug, part.number, part.letter, name, values_key)


PRINTS_FAMILIES = re.compile(r"\b(worked|exercise_from|practice_set)\s*\(")
QUOTES_SOURCES = re.compile(r"\bquote\s*\(")


def code_files(part: Part, book: Book, template: bool = True) -> list[Path]:
    """The Python files that rendering `part` can run, besides the rendering
    machinery: its values.py and figures.py, and every chapter's families.py
    or the sources' claims where its template prints or quotes them, or its
    code reads them (they are loaded from their files, so the import graph
    alone does not see them). Its listings run in a stage of their own. With
    `template=False`, only what its values.py can run. Errs on the side of
    more files: a template that names one of those helpers counts, whatever
    it does with it."""
    names = ("values.py", "figures.py") if template else ("values.py",)
    files = [part.folder / name for name in names if (part.folder / name).is_file()]
    text = (part.folder / "chapter.md.j2").read_text(encoding="utf-8") if template else ""
    imported = import_graph.files_imported_by(files, build_cache.roots())
    if PRINTS_FAMILIES.search(text) or "gradbook/practice/catalog.py" in imported:
        files += [p.folder / FAMILIES_FILE for p in book.parts if (p.folder / FAMILIES_FILE).is_file()]
    folder = claims_folder(book)
    if folder is not None and (QUOTES_SOURCES.search(text) or "gradbook/claims.py" in imported):
        files += sorted(folder.glob(SOURCE_FILES))
    return files


def _globals(helpers: Helpers) -> dict:
    return {name: getattr(helpers, name)
            for name in ("figure", "table", "problem", "solution", "note", "listing", "ref", "derivation",
                         "practice_set", "practice_seed", "worked", "audit_entry", "quote", "explorer", "explorer_link",
                         "explorer_note", "exercise", "model_answer", "exercise_from", "exercise_answers", "glossary")}


def _titled(markdown: str, part: Part, label) -> tuple[str, str]:
    """The title from the first line, `# Title`, which gets the chapter's anchor."""
    first, _, rest = markdown.lstrip().partition("\n")
    if not first.startswith("# "):
        raise UsageError(f"chapters/{part.slug}/chapter.md.j2 must start with '# Title'")
    title = first[2:].strip()
    if label is None:  # an HTML-only page
        attrs = "{.unnumbered}"
    else:
        attrs = f"{{#{label.anchor}}}" if label.kind == "ch" else f"{{#{label.anchor} .unnumbered}}"
    return title, f"# {title} {attrs}\n{rest}"


def figure_functions(module) -> dict:
    """figures.py's figures: each public function, named with hyphens."""
    if module is None:
        return {}
    return {name.replace("_", "-"): fn for name, fn in vars(module).items()
            if callable(fn) and not name.startswith("_") and getattr(fn, "__module__", None) == module.__name__}
