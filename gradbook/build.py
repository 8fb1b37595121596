"""`gradbook build`: gather and check everything first, then write.

Stages, in order: load the book; fetch the experiment results the chapters
use (from the cache in OUT/cache/experiments, running what is missing);
render every part (numbers from derive,
labels handed out, figures drawn), one process per core since parts are
independent; run the listings; resolve the references; convert with pandoc;
lay out the site and compile the PDF; and only then publish, replacing the
previous output in one step.
"""

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from gradbook import labels, listings, pandoc
from gradbook.book import ROOT, Book, load_book
from gradbook.errors import UsageError
from gradbook.html import site
from gradbook.output import check_writable, publish
from gradbook.pdf import compile_pdf, typst_source
from gradbook.experiments import runner as experiment_runner
from gradbook.experiments.catalog import EXPERIMENTS
from gradbook.render import Rendered, experiments_needed, render_part

FORMATS = {"html": ("html",), "pdf": ("pdf",), "all": ("html", "pdf")}
PDF_NAME = "gradbook.pdf"
EXPERIMENT_CACHE = Path("cache", "experiments")


@dataclass(frozen=True)
class Report:
    """What a build wrote, for the command to tell the user."""

    written: tuple[Path, ...]
    titles: tuple[str, ...]
    labels: tuple[labels.Label, ...]
    figures: int


def build(out: Path, fmt: str = "all", root: Path = ROOT) -> Report:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    check_writable(out)
    book = load_book(root)
    rendered = render_all(book, experiment_results(book, out))
    table = label_table(rendered)
    figures = {path: svg for r in rendered for path, svg in r.figures.items()}
    markdown = with_listing_output(rendered)
    outputs = {}
    with ThreadPoolExecutor() as pool:
        if "html" in FORMATS[fmt]:
            outputs["html"] = html_files(book, rendered, markdown, table, figures, pool)
        if "pdf" in FORMATS[fmt]:
            outputs[PDF_NAME] = pdf_bytes(book, rendered, markdown, table, figures, pool)
    publish(out, outputs)
    return Report(tuple(out / name for name in outputs), tuple(r.title for r in rendered),
                  tuple(table.values()), len(figures))


def experiment_results(book: Book, out: Path) -> dict[str, dict]:
    """For each part that uses experiments, their results by name."""
    needed = {part.slug: experiments_needed(part) for part in book.parts}
    for slug, names in needed.items():
        unknown = [name for name in names if name not in EXPERIMENTS]
        if unknown:
            raise UsageError(f"chapters/{slug}/values.py: no experiment {unknown[0]!r} "
                             f"(gradbook experiments --list lists them)")
    wanted = sorted({name for names in needed.values() for name in names})
    if not wanted:
        return {}
    found = experiment_runner.results(out / EXPERIMENT_CACHE, wanted, progress=True).results
    return {slug: {name: found[name] for name in names} for slug, names in needed.items() if names}


def render_all(book: Book, results: dict[str, dict]) -> list[Rendered]:
    """Every part rendered, in the book's order, on as many cores as there are."""
    workers = min(os.cpu_count() or 1, len(book.parts))
    parts_results = [results.get(part.slug) for part in book.parts]
    if workers == 1:
        return list(map(render_part, book.parts, parts_results))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(render_part, book.parts, parts_results))


def label_table(rendered: list[Rendered]) -> dict[str, labels.Label]:
    table = {}
    for r in rendered:
        for label in r.labels:
            if label.key in table:
                raise UsageError(f"chapters/{r.part.slug}: {label.key!r} is already defined in "
                                 f"{table[label.key].page}")
            table[label.key] = label
    return table


def with_listing_output(rendered: list[Rendered]) -> dict[str, str]:
    """Each part's Markdown with its listings' real output put in."""
    result = {}
    for r in rendered:
        text = r.markdown
        for name in r.listings:
            output = listings.run_listing(r.part.folder / "listings" / f"{name}.py")
            text = text.replace(f"⟦output:{name}⟧", listings.output_block(output))
        result[r.part.slug] = text
    return result


def html_files(book: Book, rendered, markdown, table, figures, pool) -> dict[str, bytes]:
    def fragment(r: Rendered) -> str:
        where = f"chapters/{r.part.slug}"
        return pandoc.to_html(labels.resolve(markdown[r.part.slug], table, r.part.page, where),
                              r.part.number, where)

    fragments = dict(zip((r.part.slug for r in rendered), pool.map(fragment, rendered)))
    files = site(book, {r.part.slug: r.title for r in rendered}, fragments)
    return {**files, **figures}


def pdf_bytes(book: Book, rendered, markdown, table, figures, pool) -> bytes:
    def body(r: Rendered) -> str:
        where = f"chapters/{r.part.slug}"
        return pandoc.to_typst(labels.resolve(markdown[r.part.slug], table, None, where), where)

    return compile_pdf(typst_source(book, list(pool.map(body, rendered))), figures)
