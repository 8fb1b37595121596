"""One run of the experiments and one real build of the guide, and the
built PDF's text, shared by the tests that read them. The experiments run first, into the guide's own cache,
so the build finds them there."""

import pytest
from pypdf import PdfReader

from gradbook import formats
from gradbook.build import EXPERIMENT_CACHE, build
from gradbook.experiments.runner import results


@pytest.fixture(scope="session")
def guide_out(tmp_path_factory):
    return tmp_path_factory.mktemp("guide")


QUICK_EXPERIMENTS = ("random-products",)
"""The experiments that run in about a second; a test that needs any other is slow."""


@pytest.fixture(scope="session")
def experiments(guide_out):
    """The results of the experiments named, run into the guide's own cache
    unless they are there already: a test that needs only quick ones runs only
    those, and the guide's build finds them."""
    return lambda names: results(guide_out / EXPERIMENT_CACHE, names).results


@pytest.fixture(scope="session")
def experiment_results(experiments) -> dict:
    """Every experiment's results."""
    return experiments(None)


@pytest.fixture(scope="session")
def guide(guide_out, experiment_results):
    """(the output folder, the build's report)."""
    return guide_out, build(guide_out, "all")


@pytest.fixture(scope="session")
def built(guide):
    return guide[0]


@pytest.fixture(scope="session")
def pdf_pages(built) -> list[str]:
    """The built PDF's text, page by page, read once for the session: reading it takes seconds."""
    return [page.extract_text() for page in PdfReader(built / formats.REGISTRY["pdf"].output).pages]
