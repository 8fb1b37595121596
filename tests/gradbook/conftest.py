"""One run of the experiments and one real build of the guide, and the
built PDF's text, shared by the tests that read them. The experiments run first, into the guide's own cache,
so the build finds them there.

The suite runs in parallel processes (pytest-xdist, README): these are then
shared by the processes too. The first to need the guide builds it, holding
a lock beside its folder; the others wait for the lock and read the build's
report from beside the folder, so the guide is built once per run, never
rebuilt under a process that is reading it. The lock is not the build's own
(build_lock.py), which the build takes itself while it publishes."""

import fcntl
import os
import pickle
from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader

from gradbook import formats
from gradbook.build import EXPERIMENT_CACHE, build
from gradbook.experiments.runner import results

REPORT, LOCK = "guide-report.pickle", "guide.lock"
"""Beside the guide's folder (not in it, where tests list what a build wrote):
the first process's build report, for the others, and the lock."""


@pytest.fixture(scope="session")
def guide_out(tmp_path_factory) -> Path:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = tmp_path_factory.getbasetemp().parent / "guide"  # the run's folder, above each process's own
        shared.mkdir(exist_ok=True)
        return shared
    return tmp_path_factory.mktemp("guide")


@contextmanager
def alone(guide_out: Path):
    """Hold the guide's lock for the block: one process at a time runs experiments or builds."""
    with open(guide_out.parent / LOCK, "a") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


QUICK_EXPERIMENTS = ("random-products",)
"""The experiments that run in about a second; a test that needs any other is slow."""


@pytest.fixture(scope="session")
def experiments(guide_out):
    """The results of the experiments named, run into the guide's own cache
    unless they are there already: a test that needs only quick ones runs only
    those, and the guide's build finds them."""
    def run(names):
        with alone(guide_out):
            return results(guide_out / EXPERIMENT_CACHE, names).results
    return run


@pytest.fixture(scope="session")
def experiment_results(experiments) -> dict:
    """Every experiment's results."""
    return experiments(None)


@pytest.fixture(scope="session")
def guide(guide_out, experiment_results):
    """(the output folder, the build's report)."""
    report = guide_out.parent / REPORT
    with alone(guide_out):
        if not report.exists():
            made = report.with_suffix(".part")
            made.write_bytes(pickle.dumps(build(guide_out, "all")))
            made.replace(report)
        return guide_out, pickle.loads(report.read_bytes())


@pytest.fixture(scope="session")
def built(guide):
    return guide[0]


@pytest.fixture(scope="session")
def pdf_pages(built) -> list[str]:
    """The built PDF's text, page by page, read once for the session: reading it takes seconds."""
    return [page.extract_text() for page in PdfReader(built / formats.REGISTRY["pdf"].output).pages]
