"""The two tiers of the suite: `python3 -m pytest` runs every test (CI runs
that); `python3 -m pytest -m "not slow"` leaves out the slow ones, for an
author's run after an edit. A test is slow if it is marked so, or if it reads
what the session makes once for all: the experiments' results, the built
guide, or the browser (tests/gradbook/conftest.py and browser/conftest.py).

Both tiers run in parallel processes, a file to a process (pytest-xdist,
`-n auto --maxprocesses 4 --dist loadfile` in pyproject.toml). The files are
handed out in an order that keeps the processes busy: first one file that
needs the built guide, so that one process starts the build at once, then
every file that does not need it, for the others meanwhile, then the other
files that do."""

import pytest

TIMING = "timing: "
"""The prefix of a figure a test measures and records (record_property), printed
at the end of the run and never asserted. It travels in the test's report, so
a run in parallel processes prints it too."""
MEASURED: dict[str, tuple[float, str]] = {}
"""By name, the largest figure recorded and its text."""

SESSION_WORK = {"experiment_results", "guide", "built", "browser"}
"""The fixtures behind which the session runs the experiments, builds the guide or starts chromium."""
BUILD = {"experiment_results", "guide", "built"}
"""The fixtures behind which the session runs the experiments and builds the guide (about a minute)."""


def pytest_collection_modifyitems(items):
    for item in items:
        if SESSION_WORK & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
    items[:] = build_first_then_the_rest(items)


def build_first_then_the_rest(items: list) -> list:
    """The items, file by file in their order, with the first file that needs
    the built guide moved to the front and the other such files to the end."""
    files: dict = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    needing = [path for path, its in files.items() if any(BUILD & set(item.fixturenames) for item in its)]
    order = needing[:1] + [path for path in files if path not in needing] + needing[1:]
    return [item for path in order for item in files[path]]


def pytest_runtest_logreport(report):
    for key, value in report.user_properties:
        if key.startswith(TIMING):
            figure, text = value
            name = key[len(TIMING):]
            if name not in MEASURED or figure >= MEASURED[name][0]:
                MEASURED[name] = (figure, text)


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("timings (measured, not asserted)")
        for name, (_, text) in MEASURED.items():
            terminalreporter.write_line(f"{name}: {text}")
