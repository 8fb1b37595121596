"""Time the page's grader (templates/grader.js) on hostile answers in Debian's chromium.

Figures, in one run: each hostile input below and every line of the kept
corpus (tests/gradbook/practice/hostile_answers.txt), plus the grammar
fuzzer's expressions, graded in the page against a numeric answer (rel
0.01), a count (abs 0) and an expression, REPEATS times; the worst time of
each, measured in the page around window.gradbookGrader.grade. No guide
build is needed: the harness page loads only the grader's scripts. Prints the
figures and writes bench/results/page_grader.json. Nothing is asserted.

    python3 bench/page_grader.py
"""

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "page_grader.json"
AIM_MS = 50
REPEATS = 5
FUZZED = 2_000
ANSWERS = {
    "rel 0.01": {"name": "x", "exact": "1/4", "value": "2.5000000000000000000000000000e-1",
                 "grading": {"mode": "rel", "tol": 0.01}},
    "abs 0 (a count)": {"name": "layers", "exact": "6", "value": "6", "grading": {"mode": "abs", "tol": 0}},
    "symbolic": {"name": "derivative", "exact": "-4*exp(4*z)/(exp(4*z) + 1)**2", "value": None,
                 "grading": {"mode": "symbolic", "variables": ["z"], "constants": {"a": "-4"}}},
}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests.gradbook.browser.conftest import CHROMIUM, FLAGS
    from tests.gradbook.browser.grader_page import grade_in_page, harness
    from tests.gradbook.browser.test_grader_differential import HOSTILE_INPUTS
    from tests.gradbook.practice.hostile import corpus, expressions

    named = {**HOSTILE_INPUTS, **{f"corpus: {text[:60]}": text for text in corpus()}}
    fuzzed = expressions(FUZZED, seed=20)
    figures = {}
    with sync_playwright() as driver, tempfile.TemporaryDirectory() as folder:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page()
        page.goto(harness(Path(folder)).as_uri())
        for mode, answer in ANSWERS.items():
            worst = {name: max(grade_in_page(page, [(answer, text)] * REPEATS), key=lambda row: row[2])
                     for name, text in named.items()}
            fuzz = grade_in_page(page, [(answer, text) for text in fuzzed])
            slowest = max(range(len(fuzzed)), key=lambda i: fuzz[i][2])
            figures[mode] = {
                "inputs": {name: {"worst_ms": round(ms, 2), "verdict": verdict, "feedback": feedback[:120]}
                           for name, (verdict, feedback, ms) in worst.items()},
                "fuzzed": {"count": len(fuzzed), "worst_ms": round(fuzz[slowest][2], 2),
                           "slowest": fuzzed[slowest][:120]},
            }
            print(f"{mode}:")
            for name, (verdict, feedback, ms) in sorted(worst.items(), key=lambda item: -item[1][2])[:8]:
                print(f"  {ms:7.2f} ms  {name[:60]!r} -> {verdict}: {feedback[:70]}")
            print(f"  worst of {len(fuzzed)} fuzzed expressions: {fuzz[slowest][2]:.2f} ms ({fuzzed[slowest][:60]!r})")
        browser.close()
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"aim_ms": AIM_MS, "repeats": REPEATS, "answers": figures}, indent=2) + "\n",
                       encoding="utf-8")
    print(f"aim: every input under {AIM_MS} ms; figures in {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
