"""The stamp of the last published build: a key made from every input (the
code, the library versions, book.toml, every part's folder, the experiment
results, the format) and a hash of every file it published.

`gradbook build` checks it before anything else: when the key is unchanged
and every published file still has its hash, the output is up to date and
nothing heavy is even imported. Anything else, a missing or edited output
included, means a real build.
"""

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from gradbook import build_cache, formats

STAMP = Path("cache", "build", "stamp.json")
TEMPORARY_PREFIX = ".stamp-"
"""How a stamp being written is named, beside the stamp."""


def inputs_key(root: Path, out: Path, fmt: str) -> str:
    """Every input of a build, fingerprinted without importing derive or the
    chapters: a part's files stand for everything it computes from them."""
    chapters = root / "chapters"
    folders = sorted(p for p in chapters.iterdir() if p.is_dir()) if chapters.is_dir() else []
    book = root / "book.toml"
    experiments = out / "cache" / "experiments"
    return build_cache.key(
        build_cache.code_fingerprint(), sys.version, fmt, book.read_bytes() if book.is_file() else b"",
        *(item for folder in folders for item in (folder.name, build_cache.folder_fingerprint(folder))),
        build_cache.folder_fingerprint(experiments) if experiments.is_dir() else "")


def _published(out: Path, names) -> dict[str, str]:
    hashes = {}
    for name in names:
        target = out / name
        files = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
        for path in files:
            hashes[str(path.relative_to(out))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def up_to_date(root: Path, out: Path, fmt: str) -> bool:
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
        return (stamp["key"] == inputs_key(root, out, fmt) and stamp["files"]
                and stamp["files"] == _published(out, formats.published(fmt)))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def write(out: Path, fmt: str, key: str) -> None:
    """Write the stamp of what `out` holds now, built from inputs whose key
    was taken before the build read them (an edit made during the build then
    leaves the stamp stale, as it should). Writers may run at once: each
    writes a temporary file of its own and renames it over the stamp."""
    stamp = out / STAMP
    stamp.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"key": key, "files": _published(out, formats.published(fmt))})
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=stamp.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, stamp)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
