"""Time the derive catalog: how long every derivation takes to derive and verify.

Three figures, all measured in this one run on this machine:
  1. one fresh process that imports derive and derives the whole catalog
     (sympy's import included): the cost a cold build pays, best of REPEATS;
  2. `gradbook derive NAME --format json` as a separate command for each name
     (interpreter start and imports included each time);
  3. the activation catalog's slope suprema, in one fresh process.
Prints a table and writes bench/results/derive.json. Nothing here is asserted.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

REPEATS = 3
AIM_SECONDS = 3.0
RESULTS = Path(__file__).resolve().parent / "results" / "derive.json"

CATALOG_SNIPPET = """
import time
t0 = time.perf_counter()
import derive
imported = time.perf_counter()
times = {}
for name in derive.names():
    t = time.perf_counter()
    derive.derive(name)
    times[name] = time.perf_counter() - t
done = time.perf_counter()
import json
print(json.dumps({"import": imported - t0, "total": done - t0, "per_name": times}))
"""

ACTIVATIONS_SNIPPET = """
import time, json
t0 = time.perf_counter()
from derive import CATALOG
for act in CATALOG.values():
    act.slope_sup
print(json.dumps({"total": time.perf_counter() - t0}))
"""


def _python(snippet: str) -> dict:
    done = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _command_seconds(name: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gradbook", "derive", name, "--format", "json"],
                   capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    runs = [_python(CATALOG_SNIPPET) for _ in range(REPEATS)]
    best = min(runs, key=lambda r: r["total"])
    commands = {name: _command_seconds(name) for name in best["per_name"]}
    activations = _python(ACTIVATIONS_SNIPPET)

    print(f"{'derivation':<32}{'in-process':>12}{'as command':>12}")
    for name, seconds in best["per_name"].items():
        print(f"{name:<32}{seconds:>11.3f}s{commands[name]:>11.3f}s")
    print(f"\nimport derive (sympy included): {best['import']:.3f} s")
    print(f"whole catalog in one process:   {best['total']:.3f} s "
          f"(best of {REPEATS}; aim {AIM_SECONDS:.1f} s; ratio to aim {best['total'] / AIM_SECONDS:.2f})")
    print(f"every name as its own command:  {sum(commands.values()):.3f} s in all")
    print(f"activation slope suprema:       {activations['total']:.3f} s (import included)")

    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({
        "catalog_seconds": best["total"], "import_seconds": best["import"],
        "aim_seconds": AIM_SECONDS, "per_name_seconds": best["per_name"],
        "command_seconds": commands, "activation_sup_seconds": activations["total"],
        "all_catalog_runs": [r["total"] for r in runs],
    }, indent=2))
    print(f"written {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")


if __name__ == "__main__":
    main()
