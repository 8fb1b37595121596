"""One real build of the guide, shared by the tests that read its output."""

import pytest

from gradbook.build import build


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("guide")
    build(out, "all")
    return out
