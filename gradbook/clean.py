"""`gradbook clean`: remove what the caches in OUT/cache hold that no current
build would read.

A build cache entry is current if the last build of each format read or
wrote it: every build notes when it began (OUT/cache/build/used-<format>),
and every entry it reads or writes has its time set to then or later (a read
touches the entry), so an entry older than the oldest of those notes was
used by none of them. Experiment results are current if their file's key is
the key the experiment has now. Temporary files that a killed build left
are removed too. `--all` removes both caches whole.

Cleaning holds OUT's lock (build_lock.py), so it never removes what a build
is publishing, and it never follows a symlink out of the cache.
"""

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from gradbook import build_lock, formats

BUILD_CACHE = Path("cache", "build")
"""Where each cache lives under OUT (build.py and the commands take them from here)."""
EXPERIMENT_CACHE = Path("cache", "experiments")
USED = "used-{fmt}"
CLOCK_SLACK = 1.0
"""Seconds taken off a build's start when it is noted: file times come from the
kernel's coarse clock, which can lag time.time() by some milliseconds."""


@dataclass(frozen=True)
class Cleaned:
    files: int
    bytes: int


def note_build(out: Path, built: str, started: float) -> None:
    """Note that a build of `built` (a format, or all of them) began at
    `started`: every entry it used is at least that new."""
    folder = out / BUILD_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (f.name for f in formats.chosen(built)):
        note = folder / USED.format(fmt=fmt)
        temporary = folder / f".{note.name}-{time.monotonic_ns()}"
        temporary.write_text(repr(started - CLOCK_SLACK), encoding="utf-8")
        temporary.replace(note)


def clean(out: Path, everything: bool = False, current_experiments: dict[str, str] | None = None) -> Cleaned:
    """Remove stale entries (or, with `everything`, both caches) under `out`.
    `current_experiments` maps each experiment to its current key."""
    if not (out / "cache").is_dir():
        return Cleaned(0, 0)
    with build_lock.held(out):
        if everything:
            return _removed([out / BUILD_CACHE, out / EXPERIMENT_CACHE])
        stale = _stale_entries(out / BUILD_CACHE) + _stale_results(out / EXPERIMENT_CACHE, current_experiments or {})
        return _removed(stale)


def _stale_entries(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    notes = [folder / USED.format(fmt=fmt) for fmt in formats.REGISTRY]
    times = [_noted(note) for note in notes if note.is_file()]
    cutoff = min(times) if times and None not in times else None
    stale = []
    for namespace in (p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()):
        for entry in namespace.iterdir():
            leftover = entry.name.startswith(".")
            if leftover or entry.is_symlink() or not entry.is_file() or (
                    cutoff is not None and entry.stat().st_mtime < cutoff):
                stale.append(entry)
    stale += [p for p in folder.iterdir() if p.name.startswith(".") and p.is_file()]
    return stale


def _noted(note: Path) -> float | None:
    try:
        return float(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _stale_results(folder: Path, current: dict[str, str]) -> list[Path]:
    if not folder.is_dir():
        return []
    stale = []
    for path in folder.iterdir():
        name = path.name.removesuffix(".json")
        if path.name.startswith(".") or not path.is_file() or path.is_symlink() or name not in current:
            stale.append(path)
            continue
        try:
            key = json.loads(path.read_text(encoding="utf-8")).get("key")
        except (OSError, ValueError, AttributeError):
            key = None
        if key != current[name]:
            stale.append(path)
    return stale


def _removed(paths: list[Path]) -> Cleaned:
    files = size = 0
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for inner in path.rglob("*"):
                if inner.is_file() and not inner.is_symlink():
                    files, size = files + 1, size + inner.stat().st_size
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists() or path.is_symlink():
            files, size = files + 1, size + (path.lstat().st_size if not path.is_symlink() else 0)
            path.unlink(missing_ok=True)
    return Cleaned(files, size)
