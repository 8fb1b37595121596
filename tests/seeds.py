"""The five source texts, in ../shared/seeds/ beside the repository: a clone
without them skips the checks that read them, saying so, except in CI
(the CI environment variable set), where they are required."""

import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def seeds_folder(folder: Path = SEEDS) -> Path:
    """`folder`, which must hold the sources; skips the test (fails it in CI) when it does not."""
    if not sorted(folder.glob("*.txt")):
        message = f"the source texts are not at {folder}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: they are required in CI")
        pytest.skip(message)
    return folder
