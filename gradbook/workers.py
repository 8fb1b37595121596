"""Pools of worker processes that die with the process that made them.

A killed build must leave no worker behind, even when killed by SIGKILL,
which gives it no chance to clean up. So on Linux each worker asks the kernel,
as it starts, to SIGKILL it when its parent dies (prctl PR_SET_PDEATHSIG),
then checks that the parent is still there, since it may have died between
the fork and the prctl. Elsewhere only that check is made.

The kernel's "parent" is the thread that forked the worker, not the process.
Python 3.11's ProcessPoolExecutor, with the fork start method used here on
Linux, forks every worker in the thread that submits the first task; no
other thread forks one unless max_tasks_per_child is set, and it is not. A
pool is used in a `with` block by the thread that made it, which leaves the
block only once the workers have exited, so that thread outlives them; this
holds for a build in a thread of `gradbook serve` too.
"""

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None
"""libc's prctl, looked up here: in a freshly forked worker the lookup could
wait forever on a lock that another thread of the parent held at the fork."""


def exit_with_parent(parent: int) -> None:
    """A pool's initializer: this worker is killed when its parent dies, and
    exits at once if the parent (process `parent`) is already gone."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


@contextmanager
def worker_pool(workers: int):
    """A ProcessPoolExecutor of `workers` processes that die with this one.
    Leaving the block by an error cancels the tasks that have not started,
    so an error is reported without waiting for the rest of the work."""
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=exit_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()
