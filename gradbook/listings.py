"""Code listings: each is run while the book is built, and the book shows what
it really printed."""

import os
import subprocess
import sys
from pathlib import Path

from gradbook.chapter_code import shown_path
from gradbook.errors import UsageError

TIMEOUT = 60


def run_listing(path: Path) -> str:
    """The listing's standard output; a failing listing stops the build."""
    try:
        done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                              timeout=TIMEOUT, cwd=path.parent, env=_quiet_env())
    except subprocess.TimeoutExpired:
        raise UsageError(f"{shown_path(path)}: took more than {TIMEOUT} s") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise UsageError(f"{shown_path(path)} failed: {last}")
    return done.stdout


def output_block(stdout: str) -> str:
    """The output as a Markdown code block."""
    return f"```text\n{stdout.rstrip()}\n```\n"


def _quiet_env() -> dict:
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
