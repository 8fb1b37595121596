"""The bytes the practice widgets add to the HTML guide, read from a built guide.

Figures, for the practice appendix and each chapter with exercises: the
page's size, and what the widgets add to it (their markup, the hand-written
exercises' answers behind "Show answer", and the tags that load the scripts),
so the page without them (which still has the Content-Security-Policy meta
tag every page carries, about 220 bytes); the scripts such a page loads once (the grader and
practice.js); and the pools, which a page loads only when a learner first
asks one of its problems for a hint, a solution or a new problem: each
pool's size, and the pools a page can ask for. Each figure also gzipped, as
a server would send it. Reads OUT/html (build first: python3 -m gradbook
build --format html). Prints the figures and writes
bench/results/practice_page.json. Nothing is asserted.

    python3 bench/practice_page.py [--out build]
"""

import argparse
import gzip
import json
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "practice_page.json"
WIDGET = re.compile(r'<div class="practice web-only"[^>]*>\s*</div>\n?')
POOL = re.compile(r'data-pool="([^"]+)"')
SHOWN_ANSWER = re.compile(r'<details class="model-answer">.*?</details>\n?', re.DOTALL)


def sizes(data: bytes) -> dict:
    return {"bytes": len(data), "gzipped": len(gzip.compress(data, mtime=0))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build")
    args = parser.parse_args()
    site = args.out / "html"
    if not (site / "practice.html").is_file():
        sys.exit(f"error: no {site / 'practice.html'}; build the guide first")
    sys.path.insert(0, str(ROOT))
    from gradbook import pools
    from gradbook.practice import page_script

    scripts = page_script.SCRIPTS + (pools.SCRIPT,)
    loading = re.compile("|".join(rf'<script src="{re.escape(name)}" defer></script>\n?' for name in scripts))
    loaded = {name: sizes((site / name).read_bytes()) for name in scripts}
    pool_sizes = {path.name: sizes(path.read_bytes()) for path in sorted((site / pools.FOLDER).glob("*.js"))}
    pages = {}
    for path in sorted(site.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        if not WIDGET.search(text) and not SHOWN_ANSWER.search(text):
            continue
        before = loading.sub("", SHOWN_ANSWER.sub("", WIDGET.sub("", text)))
        asked = sorted(set(POOL.findall(text)))
        pages[path.name] = {
            "widgets": len(WIDGET.findall(text)), "shown_answers": len(SHOWN_ANSWER.findall(text)),
            "page_after": sizes(text.encode()), "page_before": sizes(before.encode()),
            "widget_markup": sizes("".join(WIDGET.findall(text)).encode()),
            "shown_answers_markup": sizes("".join(SHOWN_ANSWER.findall(text)).encode()),
            "pools_it_can_load": {key: sum(pool_sizes[Path(name).name][key] for name in asked)
                                  for key in ("bytes", "gzipped")}, "pools": len(asked)}
    every_pool = [figure["bytes"] for figure in pool_sizes.values()]
    summary = {"pools": len(pool_sizes), "total": {key: sum(figure[key] for figure in pool_sizes.values())
                                                   for key in ("bytes", "gzipped")},
               "smallest": min(every_pool), "median": statistics.median(every_pool), "largest": max(every_pool),
               "variants_each": pools.POOL_SIZE}
    scripts_total = sum(figure["bytes"] for figure in loaded.values())
    scripts_gzipped = sum(figure["gzipped"] for figure in loaded.values())
    print(f"scripts a page with a widget loads once: {scripts_total:,} bytes ({scripts_gzipped:,} gzipped): "
          + ", ".join(f"{name} {figure['bytes']:,}" for name, figure in loaded.items()))
    for name, figure in pages.items():
        after, before = figure["page_after"], figure["page_before"]
        print(f"{name:24s} {figure['widgets']:2d} widgets, {figure['shown_answers']} shown answers: "
              f"{before['bytes']:,} -> {after['bytes']:,} bytes (+{after['bytes'] - before['bytes']:,}; gzipped "
              f"{before['gzipped']:,} -> {after['gzipped']:,}); its {figure['pools']} pools "
              f"{figure['pools_it_can_load']['bytes']:,} bytes if all are opened")
    print(f"pools: {summary['pools']} of {pools.POOL_SIZE} variants, {summary['total']['bytes']:,} bytes in all "
          f"({summary['total']['gzipped']:,} gzipped one by one); each {summary['smallest']:,} to {summary['largest']:,} "
          f"(median {summary['median']:,.0f})")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"scripts": loaded, "pages": pages, "pools": summary, "each_pool": pool_sizes},
                                  indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
