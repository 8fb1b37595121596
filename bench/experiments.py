"""Time the experiments, in one run on this machine.

Figures:
  1. cold: `gradbook experiments` as a fresh command with an empty cache
     (aim: under 2 minutes on 2 cores);
  2. warm: the same command again, everything read from the cache;
  3. what the experiments add to a guide build with a warm cache: the build's
     experiment stage (keys, lookups, loading the results) in one process
     (aim: under 1 s).
Prints them and writes bench/results/experiments.json. Nothing here is asserted.
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLD_AIM, WARM_BUILD_AIM = 120.0, 1.0
RESULTS = Path(__file__).resolve().parent / "results" / "experiments.json"
ROOT = Path(__file__).resolve().parent.parent


def command_seconds(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gradbook", "experiments", "--out", str(out), "--quiet"], cwd=ROOT,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def build_stage_seconds(out: Path) -> float:
    """The build's experiment stage, once the modules are imported."""
    from gradbook.book import load_book
    from gradbook.build import experiment_results

    book = load_book()
    start = time.perf_counter()
    experiment_results(book, out)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        cold = command_seconds(out)
        warm = command_seconds(out)
        stage = build_stage_seconds(out)
    print(f"all experiments, cold:            {cold:7.2f} s   (aim {COLD_AIM:.0f} s, ratio {cold / COLD_AIM:.2f})")
    print(f"all experiments, cached command:  {warm:7.2f} s")
    print(f"build stage with a warm cache:    {stage:7.3f} s   (aim {WARM_BUILD_AIM:.0f} s, "
          f"ratio {stage / WARM_BUILD_AIM:.3f})")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"cold_seconds": cold, "cached_command_seconds": warm,
                                   "warm_build_stage_seconds": stage, "cold_aim_seconds": COLD_AIM,
                                   "warm_build_aim_seconds": WARM_BUILD_AIM}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
