"""Time the gradient explorer in Debian's chromium, and optionally take the
screenshots a reviewer looks at.

Figures, in one run: for each setting below at depth 50, 40 slider inputs;
for each, the time from the input event to the page updated (the handler,
then style and layout forced), and to the next animation frame. Reads the
built guide in OUT/html (build it first: python3 -m gradbook build).
Prints the figures and writes bench/results/explorer.json. Nothing is asserted.

    python3 bench/explorer.py [--out build] [--shots DIR]
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "explorer.json"
AIM_MS = 50
SETTINGS = {
    "sigmoid held": "activation=sigmoid&depth=50&w=1&at=0&start=z&layer=plain",
    "gelu traced, skips": "activation=gelu&depth=50&w=1.5&at=1&start=x&layer=skip",
    "tanh traced": "activation=tanh&depth=50&w=2&at=0.5&start=x&layer=plain",
    "relu normalized": "activation=relu&depth=50&w=1&at=0&start=z&layer=normalized",
}
SHOTS = {
    "index": ("index.html", (1280, 900), False),
    "chapter-3": ("03-depth.html", (1280, 900), True),
    "explorer-sigmoid-steepest": ("explorer.html#" + SETTINGS["sigmoid held"], (1280, 900), True),
    "explorer-gelu-skips": ("explorer.html#" + SETTINGS["gelu traced, skips"], (1280, 900), True),
    "explorer-tanh-beyond-float64": ("explorer.html#activation=tanh&depth=50&w=5&at=10&start=z&layer=plain",
                                     (1280, 900), True),
    "phone-explorer": ("explorer.html#" + SETTINGS["tanh traced"], (390, 844), True),
    "phone-chapter-4": ("04-anchor-network.html", (390, 844), False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build")
    parser.add_argument("--shots", type=Path, help="save screenshots here")
    args = parser.parse_args()
    site = (args.out / "html").resolve()
    if not (site / "explorer.html").is_file():
        sys.exit(f"error: no {site / 'explorer.html'}; build the guide first")
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests.gradbook.browser.conftest import CHROMIUM, FLAGS, RESPONSE_TIMES

    figures = {}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, query in SETTINGS.items():
            page.goto(f"{(site / 'explorer.html').as_uri()}#{query}")
            measured = page.evaluate(RESPONSE_TIMES)
            figures[name] = {key: {"median_ms": statistics.median(measured[key]), "max_ms": max(measured[key])}
                             for key in ("handled", "painted")}
            print(f"{name:20s} input to updated page: median {figures[name]['handled']['median_ms']:5.1f} ms, "
                  f"max {figures[name]['handled']['max_ms']:5.1f} ms; to next frame: median "
                  f"{figures[name]['painted']['median_ms']:5.1f} ms (aim {AIM_MS} ms)")
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
            for name, (target, (width, height), full) in SHOTS.items():
                page.set_viewport_size({"width": width, "height": height})
                path, _, query = target.partition("#")
                page.goto((site / path).as_uri() + (f"#{query}" if query else ""))
                page.wait_for_timeout(400)
                page.screenshot(path=str(args.shots / f"{name}.png"), full_page=full)
            print(f"screenshots in {args.shots}")
        browser.close()
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"aim_ms": AIM_MS, "depth": 50, "inputs": 40, "settings": figures}, indent=2) + "\n",
                       encoding="utf-8")


if __name__ == "__main__":
    main()
