"""Experiment results on disk, one JSON file per experiment, under a key made
from everything that decides them: the runs' descriptions, the source of the
code that carries them out, the data, and numpy's version. A file whose key
differs, that cannot be read, or whose runs no longer match the checksum
stored with them, is a miss and the experiment runs again.
Files are written to a temporary name and renamed, so none is half-written.
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

import numpy as np

import derive
from gradbook.experiments import data

FORMAT = 1
_DERIVE = Path(derive.__file__).parent
_HERE = Path(__file__).parent
CODE = (*sorted((_DERIVE / "network").glob("*.py")), _DERIVE / "activations.py", _DERIVE / "symbols.py",
        _DERIVE / "derivations" / "initialization.py", _HERE / "runs.py", _HERE / "data.py")


def code_digest() -> str:
    digest = hashlib.sha256()
    for path in CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


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
