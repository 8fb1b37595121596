"""One build at a time publishes into an output folder.

A build holds OUT/.gradbook.lock (an fcntl.flock lock) while it replaces the
published files and writes the stamp; another build into the same OUT waits
there, saying so on stderr if the wait lasts more than a moment. The kernel
releases the lock when its holder dies, so a killed build never blocks the
next one, and the next holder removes what a killed one left half-written
(its staging folder, its temporary stamp).

Only that last step is locked, not the whole build. `gradbook serve` builds
the HTML and the PDF in two threads of one process, and promises that the
HTML never waits for the PDF. flock locks belong to open file descriptions,
and each build opens the lock file itself, so the two threads exclude each
other just as two processes do: locking the whole build would hold an HTML
rebuild up for a whole PDF compile, while locking the publish step holds it
up for a few milliseconds at most. Two builds at once therefore both do
their work (the caches they share are written by rename, so that is safe)
and publish one after the other.
"""

import fcntl
import shutil
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from gradbook import build_stamp, output
from gradbook.errors import UsageError

LOCK = ".gradbook.lock"
MOMENT = 0.5
"""Seconds a build waits for the lock before it says that it is waiting."""
POLL = 0.05


@contextmanager
def held(out: Path):
    """Hold the publishing lock of `out` for the duration of the block."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        file = open(out / LOCK, "a")
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from None
    with file:
        if not _taken_within(file, MOMENT):
            print(f"waiting for another build to finish publishing into {out} …", file=sys.stderr, flush=True)
            fcntl.flock(file, fcntl.LOCK_EX)
        try:
            _remove_leftovers(out)
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)  # explicitly: a worker forked meanwhile shares the descriptor


def _remove_leftovers(out: Path) -> None:
    """Remove what builds killed while holding the lock left behind."""
    for folder in out.glob(f"{output.STAGING}*"):
        shutil.rmtree(folder, ignore_errors=True)
    for file in (out / build_stamp.STAMP).parent.glob(f"{build_stamp.TEMPORARY_PREFIX}*"):
        with suppress(OSError):
            file.unlink()


def _taken_within(file, seconds: float) -> bool:
    """Whether the lock could be taken, trying for up to `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL)
