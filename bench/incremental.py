"""Time the author's loop, in one run on this machine, on a copy of the repository.

Figures (each a fresh `gradbook build` command; experiment results cached):
  1. cold: an empty build cache;
  2. no change: the same command again;
  3. one sentence edited in chapter 3, HTML and PDF;
  4. another sentence edited there, HTML only;
  5. a change to derive's code (a comment): in derive/numbers.py, which every
     part depends on, then in derive/audit/terms.py, which only the parts that
     quote the sources or compute with the anchor chain import;
  6. the same edits inside one warm process, as `gradbook serve` makes them
     (the imports paid once);
  7. the floor: pandoc and typst alone on the final Markdown of chapter 3
     (HTML and Typst for that chapter, and the whole book's PDF compiled),
     and on the whole guide.
Prints each figure and its ratio to the floor; writes bench/results/incremental.json.
Nothing here is asserted.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "incremental.json"
AIMS = {"no_change": 0.5, "edit_html_and_pdf": 1.5, "edit_html": 0.5, "cold": 10.0,
        "warm_edit_html_and_pdf": 1.5, "warm_edit_html": 0.5}
CHAPTER = "chapters/03-depth/chapter.md.j2"


def copy_repository(target: Path) -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    experiments = ROOT / "build" / "cache" / "experiments"
    if experiments.is_dir():
        shutil.copytree(experiments, target / "build" / "cache" / "experiments")


def build_seconds(copy: Path, *args) -> float:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gradbook", "build", *args], cwd=copy, env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def edit(copy: Path, old: str, new: str) -> None:
    path = copy / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def warm_seconds(copy: Path) -> dict:
    """Edits rebuilt in this process after one warm-up build, as the preview
    server does it."""
    sys.path.insert(0, str(copy))
    os.chdir(copy)
    from gradbook.build import build

    out = copy / "build"
    build(out, "all", copy)
    found = {}
    edit(copy, "A ", "The ")
    start = time.perf_counter()
    build(out, "html", copy)
    found["warm_edit_html"] = time.perf_counter() - start
    build(out, "pdf", copy)
    found["warm_edit_html_and_pdf"] = time.perf_counter() - start
    return found


def floor_seconds(copy: Path) -> dict:
    """pandoc and typst alone, on the final Markdown the last build produced."""
    sys.path.insert(0, str(copy))
    os.chdir(copy)
    from gradbook import build as b, labels, pandoc
    from gradbook.book import load_book
    from gradbook.build_cache import BuildCache
    from gradbook.formats.pdf import compile_pdf, typst_source

    out = copy / "build"
    store = BuildCache(out / b.BUILD_CACHE)
    book = load_book(copy)
    rendered, _ = b.render_all(book, b.experiment_results(book, out), store)
    figures = {path: svg for r in rendered for path, svg in r.figures.items()}
    markdown, table, runs = b.completed(rendered, store)
    html_in = {r.part.slug: labels.resolve(markdown[r.part.slug], table, r.part.page, "x") for r in rendered}
    printed = [r for r in rendered if not r.part.web_only]
    typst_in = {r.part.slug: labels.resolve(markdown[r.part.slug], table, None, "x") for r in printed}
    numbers = {r.part.slug: r.part.number for r in rendered}
    cited = b.bibliography_of(copy)

    start = time.perf_counter()
    html_one = pandoc.to_html(html_in["03-depth"], numbers["03-depth"], "x", cited)
    typst_one = pandoc.to_typst(typst_in["03-depth"], "x", cited)
    chapter_pandoc = time.perf_counter() - start
    with ThreadPoolExecutor() as pool:
        bodies = list(pool.map(lambda slug: pandoc.to_typst(typst_in[slug], "x", cited), typst_in))
    start = time.perf_counter()
    compile_pdf(typst_source(book, [r.part for r in printed], bodies), figures)
    typst_book = time.perf_counter() - start
    start = time.perf_counter()
    with ThreadPoolExecutor() as pool:
        list(pool.map(lambda slug: pandoc.to_html(html_in[slug], numbers[slug], "x", cited), html_in))
        list(pool.map(lambda slug: pandoc.to_typst(typst_in[slug], "x", cited), typst_in))
    whole_pandoc = time.perf_counter() - start
    assert html_one and typst_one
    return {"chapter_html": chapter_pandoc / 2, "chapter_html_and_pdf": chapter_pandoc + typst_book,
            "whole_guide": whole_pandoc + typst_book}


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work)
        copy_repository(copy)
        figures = {"cold": build_seconds(copy), "no_change": build_seconds(copy)}
        edit(copy, "The ", "The very ")
        figures["edit_html_and_pdf"] = build_seconds(copy)
        edit(copy, "The very ", "A ")
        figures["edit_html"] = build_seconds(copy, "--format", "html")
        numbers = copy / "derive" / "numbers.py"
        numbers.write_text(numbers.read_text(encoding="utf-8") + "\n# a changed comment\n", encoding="utf-8")
        figures["derive_change"] = build_seconds(copy)
        terms = copy / "derive" / "audit" / "terms.py"
        terms.write_text(terms.read_text(encoding="utf-8") + "\n# a changed comment\n", encoding="utf-8")
        figures["derive_change_some_parts"] = build_seconds(copy)
        figures |= warm_seconds(copy)
        floor = floor_seconds(copy)
    ratios = {"edit_html_and_pdf": figures["edit_html_and_pdf"] / floor["chapter_html_and_pdf"],
              "edit_html": figures["edit_html"] / floor["chapter_html"],
              "warm_edit_html_and_pdf": figures["warm_edit_html_and_pdf"] / floor["chapter_html_and_pdf"],
              "warm_edit_html": figures["warm_edit_html"] / floor["chapter_html"],
              "cold": figures["cold"] / floor["whole_guide"]}
    for name, seconds in figures.items():
        aim = f"   (aim {AIMS[name]:.1f} s)" if name in AIMS else ""
        ratio = f"   {ratios[name]:.1f}x the floor" if name in ratios else ""
        print(f"{name:20s}{seconds:7.2f} s{aim}{ratio}")
    for name, seconds in floor.items():
        print(f"floor {name:14s}{seconds:7.2f} s")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"seconds": figures, "floor_seconds": floor, "ratio_to_floor": ratios,
                                   "aims_seconds": AIMS}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
