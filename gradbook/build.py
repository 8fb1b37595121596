"""`gradbook build`: gather and check everything first, then write.

Stages, in order: load the book; fetch the experiment results the chapters
use (from the cache in OUT/cache/experiments, running what is missing);
render every part (numbers from derive, labels handed out, figures drawn),
one process per core since parts are independent; run the listings and
gather the exercise answers; then each chosen format (gradbook/formats/)
assembles its output from what was gathered (resolving the references,
converting with pandoc); and only then publish, replacing the previous output
in one step, while holding OUT's lock (build_lock.py).
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from gradbook import build_cache, build_lock, build_stamp, claims, exercises, formats, glossary, labels, listings
from gradbook.book import ROOT, Book, Part, load_book
from gradbook.build_cache import BuildCache
from gradbook.clean import BUILD_CACHE, EXPERIMENT_CACHE, note_build
from gradbook.errors import UsageError
from gradbook.formats import Gathered
from gradbook.notebooks import Listing
from gradbook.output import check_writable, publish
from gradbook.practice import catalog
from gradbook.experiments import runner as experiment_runner
from gradbook.experiments.catalog import EXPERIMENTS
from gradbook.progress import QUIET, Progress
from gradbook.render import Rendered, code_files, experiments_needed, render_part
from gradbook.workers import worker_pool

BIBLIOGRAPHY = Path("chapters", "references", "references.json")
"""The bibliography (CSL-JSON) every part's citations are resolved against,
under the project folder. It lives in the References appendix's folder, so
that part's key and the build stamp cover it; every conversion's key holds it."""


@dataclass(frozen=True)
class Report:
    """What a build wrote, for the command to tell the user."""

    written: tuple[Path, ...]
    titles: tuple[str, ...]
    labels: tuple[labels.Label, ...]
    figures: int
    rendered: tuple[str, ...] = ()
    """The parts rendered afresh; the others came from the build cache."""


def build(out: Path, fmt: str = "all", root: Path = ROOT, use_cache: bool = True,
          progress: Progress = QUIET) -> Report:
    chosen = formats.chosen(fmt)
    started = time.time()
    check_writable(out)
    store = BuildCache(out / BUILD_CACHE, enabled=use_cache)
    book = load_book(root)
    with progress.stage("experiment results"):
        results = experiment_results(book, out, progress)
    inputs = build_stamp.inputs_key(root, out, fmt)
    with progress.stage("render parts"):
        rendered, fresh = render_all(book, results, store, progress)
    figures = {path: svg for r in rendered for path, svg in r.figures.items()}
    with progress.stage("listings"):
        markdown, table, runs = completed(rendered, store)
    with ThreadPoolExecutor() as pool, ThreadPoolExecutor(len(chosen)) as each_format:
        gathered = Gathered(book, rendered, markdown, table, figures, bibliography_of(root), glossary_of(book),
                            store, pool, runs)
        with progress.stage(" + ".join(output.name.upper() for output in chosen)):
            assembling = {output.output: each_format.submit(output.assemble, gathered) for output in chosen}
            outputs = {name: future.result() for name, future in assembling.items()}
    with progress.stage("publish"), build_lock.held(out):
        publish(out, outputs)
        if use_cache:
            build_stamp.write(out, fmt, inputs)
            note_build(out, fmt, started)
    progress.done()
    return Report(tuple(out / name for name in outputs), tuple(r.title for r in rendered),
                  tuple(table.values()), len(figures), fresh)


def experiment_results(book: Book, out: Path, progress: Progress = QUIET) -> dict[str, dict]:
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
    found = experiment_runner.results(out / EXPERIMENT_CACHE, wanted, progress=progress.live).results
    return {slug: {name: found[name] for name in names} for slug, names in needed.items() if names}


RENDERING = "gradbook.render"
"""The module that renders a part: it and what it imports run for every part."""


def shared_content(book: Book) -> str:
    """A digest of what any part may print from outside its folder: every
    chapter's problem families, the sources' claims and the practice seed."""
    folder = claims.claims_folder(book)
    return build_cache.key(catalog.digest(book), build_cache.folder_fingerprint(folder) if folder else "",
                           book.practice_seed)


def part_key(part, book: Book, results: dict | None, shared: str) -> str:
    """What a part's rendering depends on: its folder (where it is, since the
    rendered part records it, and what it holds), the code it can run (the
    rendering machinery and what its own Python, and the families and claims
    it prints, import: not the whole tree), the content it may print from
    other folders (`shared_content`), its place in the book, and the keys of
    the experiment results it reads."""
    experiments = sorted(r["key"] for r in (results or {}).values())
    code = build_cache.files_fingerprint(code_files(part, book), RENDERING)
    return build_cache.key(code, shared, part.slug, part.number, part.letter,
                           part.folder, build_cache.folder_fingerprint(part.folder), *experiments)


def render_all(book: Book, results: dict[str, dict], store: BuildCache,
               progress: Progress = QUIET) -> tuple[list[Rendered], tuple[str, ...]]:
    """Every part rendered, in the book's order: from the cache where it holds
    the part, the rest on as many cores as there are, the longest first (by
    how long each took last time), so that no core is left with a long part
    at the end. Also the slugs rendered."""
    shared = shared_content(book)
    keys = {part.slug: part_key(part, book, results.get(part.slug), shared) for part in book.parts}
    done = {part.slug: store.get("parts", keys[part.slug], Rendered) for part in book.parts}
    missing = [part for part in book.parts if done[part.slug] is None]
    if not missing:
        return [done[part.slug] for part in book.parts], ()
    took = store.get("durations", DURATIONS, dict) or {}
    order = sorted(missing, key=lambda part: -took.get(part.slug, 0.0))
    workers = min(os.cpu_count() or 1, len(missing))
    if workers == 1:
        for part in order:
            progress.show(f"rendering {part.slug} …")
            done[part.slug], took[part.slug] = timed_render(part, results.get(part.slug), store)
    else:
        with worker_pool(workers) as pool:
            futures = {pool.submit(timed_render, part, results.get(part.slug), store): part for part in order}
            for future in as_completed(futures):
                part = futures[future]
                done[part.slug], took[part.slug] = future.result()
                progress.show(f"rendered {part.slug}")
    for part in missing:
        store.put("parts", keys[part.slug], done[part.slug])
    store.put("durations", DURATIONS, took)
    return [done[part.slug] for part in book.parts], tuple(part.slug for part in missing)


DURATIONS = build_cache.key("how long each part took to render")
"""The key of the one entry that orders the next build's rendering; it never changes an output."""


def timed_render(part: Part, results: dict | None, store: BuildCache) -> tuple[Rendered, float]:
    """The part rendered, and how many seconds that took."""
    started = time.perf_counter()
    rendered = render_part(part, results, store)
    return rendered, time.perf_counter() - started


def completed(rendered: list[Rendered], store: BuildCache) -> tuple[dict, dict, dict]:
    """Each part's Markdown with its listings' output and (in the answer key)
    every chapter's exercise answers put in; every label by its key; and each
    part's listings as run, numbered as the text cites them."""
    runs = listing_runs(rendered, store)
    markdown = with_listing_output(rendered, runs)
    answers = exercises.answer_labels(rendered, markdown)
    table = label_table(rendered, answers)
    numbered = {slug: [replace(run, label=table[f"lst:{run.name}"].text) for run in found]
                for slug, found in runs.items()}
    return exercises.with_answers(rendered, markdown), table, numbered


def label_table(rendered: list[Rendered], answers: list[labels.Label] = ()) -> dict[str, labels.Label]:
    """Every label by its key: those the parts define, and the exercises' answers."""
    table = {}
    for r in rendered:
        for label in r.labels:
            if label.key in table:
                raise UsageError(f"chapters/{r.part.slug}: {label.key!r} is already defined in "
                                 f"{table[label.key].page}")
            table[label.key] = label
    table.update((label.key, label) for label in answers)
    return table


def listing_runs(rendered: list[Rendered], store: BuildCache) -> dict[str, list[Listing]]:
    """Each part's listings as the build ran them, with their real output."""
    runs = {}
    for r in rendered:
        for name, caption in r.listings:
            path = r.part.folder / "listings" / f"{name}.py"
            code = path.read_text(encoding="utf-8")
            runs_on = build_cache.files_fingerprint([path], "gradbook.listings")
            output = store.memo("listings", build_cache.key(runs_on, code.encode()), str,
                                lambda: listings.run_listing(path))
            runs.setdefault(r.part.slug, []).append(Listing(name, "", caption, code, output))
    return runs


def with_listing_output(rendered: list[Rendered], runs: dict[str, list[Listing]]) -> dict[str, str]:
    """Each part's Markdown with its listings' real output put in."""
    result = {}
    for r in rendered:
        text = r.markdown
        for run in runs.get(r.part.slug, []):
            text = text.replace(f"⟦output:{run.name}⟧", listings.output_block(run.output))
        result[r.part.slug] = text
    return result


def bibliography_of(root: Path) -> Path | None:
    """The book's bibliography, if it has one."""
    return root / BIBLIOGRAPHY if (root / BIBLIOGRAPHY).is_file() else None


def glossary_of(book: Book) -> tuple[Part | None, tuple[glossary.Term, ...]]:
    """The part that prints the glossary, and its terms, which every other part links to."""
    holder = glossary.glossary_part(book)
    return holder, glossary.load_terms(holder.folder / glossary.TERMS) if holder else ()
