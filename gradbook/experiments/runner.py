"""Experiment results, from the cache where it holds them and by running the
rest: every run still needed, of every experiment asked for, shares one pool
of worker processes, one per core, with a progress bar when asked for and on a terminal.

Each worker uses one BLAS thread, so a run's numbers do not depend on how
the work was shared out: the same seed gives the same digits every time.
"""

import os
import time
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path

from threadpoolctl import threadpool_limits
from tqdm import tqdm

from gradbook.errors import UsageError
from gradbook.experiments import cache, data
from gradbook.experiments.catalog import EXPERIMENTS
from gradbook.experiments.runs import run
from gradbook.workers import worker_pool


@dataclass(frozen=True)
class Outcome:
    results: dict      # name -> {"experiment", "key", "checksum", "runs": [{"spec", "history"}]}
    ran: tuple         # the names that had to run
    seconds: float


def chosen(names) -> list:
    unknown = [n for n in names or () if n not in EXPERIMENTS]
    if unknown:
        raise UsageError(f"unknown experiment {unknown[0]!r} (known: {', '.join(EXPERIMENTS)})")
    return [EXPERIMENTS[n] for n in names] if names else list(EXPERIMENTS.values())


def results(folder: Path, names=None, *, force: bool = False, progress: bool = False) -> Outcome:
    started = time.perf_counter()
    experiments = chosen(names)
    keys = cache.keys(experiments)
    found = {e.name: None if force else cache.load(folder, e.name, keys[e.name]) for e in experiments}
    missing = [e for e in experiments if found[e.name] is None]
    if missing:
        def finished(e, runs):
            try:
                found[e.name] = cache.store(folder, {"experiment": e.name, "key": keys[e.name], "runs": runs})
            except OSError as exc:
                raise UsageError(f"cannot write to {folder}: {exc.strerror or exc}") from None

        _carry_out(missing, progress, finished)
    return Outcome(found, tuple(e.name for e in missing), time.perf_counter() - started)


def _carry_out(experiments, progress: bool, finished) -> None:
    """Every run of `experiments`; `finished(experiment, runs)` gets each
    experiment's runs, in its order, as {"spec", "history"}, as soon as the last
    one is done, so an interrupted session keeps what it completed."""
    tasks = [(i, j, spec) for i, e in enumerate(experiments) for j, spec in enumerate(e.runs())]
    done = [[None] * len(e.runs()) for e in experiments]
    data.digits()  # load once here, so that forked workers inherit it
    workers = min(os.cpu_count() or 1, len(tasks))
    label = ", ".join(e.name for e in experiments)
    with worker_pool(workers) as pool, \
            tqdm(total=len(tasks), desc=label, unit="run", disable=None if progress else True, leave=False) as bar:
        futures = {pool.submit(_run_alone, spec): (i, j, spec) for i, j, spec in tasks}
        for future in as_completed(futures):
            i, j, spec = futures[future]
            done[i][j] = {"spec": spec, "history": future.result()}
            bar.update()
            if all(done[i]):
                finished(experiments[i], done[i])


def _run_alone(spec: dict) -> dict:
    with threadpool_limits(limits=1):
        return run(spec)
