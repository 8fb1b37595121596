"""The two tiers of the suite: `python3 -m pytest` runs every test (CI runs
that); `python3 -m pytest -m "not slow"` leaves out the slow ones, for an
author's run after an edit. A test is slow if it is marked so, or if it reads
what the session makes once for all: the experiments' results, the built
guide, or the browser (tests/gradbook/conftest.py and browser/conftest.py)."""

import pytest

SESSION_WORK = {"experiment_results", "guide", "built", "browser"}
"""The fixtures behind which the session runs the experiments, builds the guide or starts chromium."""


def pytest_collection_modifyitems(items):
    for item in items:
        if SESSION_WORK & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
