"""One real build of the guide, shared by the tests that read its output."""

import pytest

from gradbook.build import build


@pytest.fixture(scope="session")
def guide(tmp_path_factory):
    """(the output folder, the build's report)."""
    out = tmp_path_factory.mktemp("guide")
    return out, build(out, "all")


@pytest.fixture(scope="session")
def built(guide):
    return guide[0]
