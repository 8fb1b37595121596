"""Experiment results on disk, one JSON file per experiment, under a key made
from everything that decides them: the runs' descriptions, the source of the
code that carries them out (found by following its imports), the data, and
numpy's version. A file whose key differs, that cannot be read, or whose runs
no longer match the checksum stored with them, is a miss and the experiment
runs again.
Files are written to a temporary name and renamed, so none is half-written.
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from gradbook import import_graph
from gradbook.build_cache import package_folder
from gradbook.experiments import data

FORMAT = 1
ENTRIES = ("gradbook.experiments.runs", "gradbook.experiments.data")
"""The modules that carry out a run: the code key is what they import, transitively."""
ROOTS = {name: package_folder(name) for name in ("derive", "gradbook")}


def code_files() -> dict[str, Path]:
    return import_graph.source_files(ENTRIES, ROOTS)


def code_digest() -> str:
    return import_graph.digest(code_files())


def key(runs: list[dict], code: str, data_print: str) -> str:
    text = json.dumps({"format": FORMAT, "runs": runs, "code": code, "data": data_print,
                       "numpy": np.__version__}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def keys(experiments) -> dict[str, str]:
    """Each experiment's key; the code and data are read once for all."""
    code, data_print = code_digest(), data.fingerprint()
    return {e.name: key(e.runs(), code, data_print) for e in experiments}


def load(folder: Path, name: str, wanted: str) -> dict | None:
    """The stored result of `name` if its key is `wanted`, else None."""
    try:
        stored = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        if (stored["key"] == wanted and stored["experiment"] == name
                and stored["checksum"] == checksum(stored["runs"])):
            return stored
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def checksum(runs: list) -> str:
    return hashlib.sha256(json.dumps(runs, sort_keys=True).encode()).hexdigest()


def store(folder: Path, result: dict) -> dict:
    """Write `result` ({"experiment", "key", "runs"}) with its checksum, and
    return what was written."""
    result = result | {"checksum": checksum(result["runs"])}
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{result['experiment']}-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(result, file)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a cache is for anyone who builds
        os.replace(temporary, folder / f"{result['experiment']}.json")
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return result
