"""What a build says while it works: the stage (and the chapter being
rendered) on one terminal line that it rewrites, nothing in CI, under
--quiet or when stderr is not a terminal; with --verbose, each stage's time."""

import os
import sys
import time
from contextlib import contextmanager


class Progress:
    def __init__(self, quiet: bool = False, verbose: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.live = not quiet and self.stream.isatty() and not os.environ.get("CI")
        self.verbose = verbose

    def show(self, text: str) -> None:
        if self.live:
            self.stream.write(f"\r\033[K{text}")
            self.stream.flush()

    @contextmanager
    def stage(self, name: str):
        self.show(f"{name} …")
        start = time.perf_counter()
        yield
        if self.verbose:
            self.show("")
            self.stream.write(f"{name}: {time.perf_counter() - start:.2f} s\n")

    def done(self) -> None:
        self.show("")


QUIET = Progress(quiet=True)
