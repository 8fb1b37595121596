"""Time a full build of the guide, every output format, in one run on this machine.

Figures:
  1. cold: `gradbook build` as a fresh command into an empty folder that
     holds only the experiment results (bench/experiments.py times those);
  2. nothing changed: the same command again over the finished output
     (the build stamp answers it; bench/incremental.py times the cache);
  3. the stages of one in-process build with the build cache off, to show
     where the time of a full build goes.
Prints them and writes bench/results/build.json. Nothing here is asserted.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

AIM_SECONDS = 15.0
RESULTS = Path(__file__).resolve().parent / "results" / "build.json"
ROOT = Path(__file__).resolve().parent.parent


def command_seconds(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gradbook", "build", "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def stage_seconds(out: Path) -> dict:
    """One build, stage by stage, in this process (imports counted in the first stage)."""
    times, mark = {}, time.perf_counter()

    def lap(name):
        nonlocal mark
        now = time.perf_counter()
        times[name] = now - mark
        mark = now

    from gradbook import build as b
    from gradbook import formats
    from gradbook.book import load_book
    from gradbook.build_cache import BuildCache
    from gradbook.output import publish
    lap("import")
    book = load_book()
    store = BuildCache(out, enabled=False)
    results = b.experiment_results(book, out)
    lap("experiment results (from the cache)")
    rendered, _ = b.render_all(book, results, store)
    lap("render parts (derive, templates, figures), in parallel")
    figures = {path: svg for r in rendered for path, svg in r.figures.items()}
    markdown, table, runs = b.completed(rendered, store)
    lap("run listings, gather exercise answers")
    outputs = {}
    with ThreadPoolExecutor() as pool:
        gathered = formats.Gathered(book, rendered, markdown, table, figures, b.bibliography_of(b.ROOT),
                                    b.glossary_of(book), store, pool, runs)
        for fmt in formats.REGISTRY.values():
            outputs[fmt.output] = fmt.assemble(gathered)
            lap(f"assemble the {fmt.name.upper()} (pandoc and its writer)")
    publish(out, outputs)
    lap("write")
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        out, stages_out = Path(work) / "guide", Path(work) / "stages"
        subprocess.run([sys.executable, "-m", "gradbook", "experiments", "--out", str(out), "--quiet"], cwd=ROOT,
                       check=True, capture_output=True)
        shutil.copytree(out / "cache", stages_out / "cache")
        cold = command_seconds(out)
        again = command_seconds(out)
        stages = subprocess.run([sys.executable, __file__, "--stages", str(stages_out)],
                                cwd=ROOT, check=True, capture_output=True, text=True)
    stage_times = json.loads(stages.stdout)
    print(f"cold full build (all formats): {cold:6.2f} s   (aim {AIM_SECONDS:.0f} s, ratio {cold / AIM_SECONDS:.2f})")
    print(f"again, nothing changed:         {again:6.2f} s")
    print("stages of one in-process build:")
    for name, seconds in stage_times.items():
        print(f"  {name:56s}{seconds:6.2f} s")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"cold_seconds": cold, "unchanged_seconds": again, "aim_seconds": AIM_SECONDS,
                                   "stages": stage_times}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stages"]:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(stage_seconds(Path(sys.argv[2]))))
    else:
        main()
