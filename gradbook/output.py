"""Writing the finished book: everything goes to a staging folder inside the
output folder first, and replaces the previous output only once complete, so
a failed build leaves the previous guide as it was. (A build killed while
publishing leaves its staging folder behind: gradbook.build_lock removes it.)"""

import os
import shutil
import tempfile
from pathlib import Path

from gradbook.errors import UsageError

STAGING = ".gradbook-new-"
"""How the staging folders inside the output folder are named."""


def check_writable(out: Path) -> None:
    """Fail early, before any work, if `out` cannot be created or written."""
    existing = out
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"cannot write to {out}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to {out}: permission denied")
    try:  # a real file, since permissions do not tell all (root, read-only file systems)
        tempfile.TemporaryFile(dir=existing).close()
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from None


def publish(out: Path, outputs: dict[str, dict[str, bytes] | bytes]) -> None:
    """Write each output (a folder given as {path: bytes}, or one file's bytes)
    under `out`, replacing what was there only after all of it is written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=out))
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from None
    try:
        for name, content in outputs.items():
            _write(staging / name, content)
        _swap_in(out, staging, list(outputs))
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write(target: Path, content) -> None:
    if isinstance(content, bytes):
        target.write_bytes(content)
        return
    for path, data in content.items():
        file = target / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)


def _swap_in(out: Path, staging: Path, names: list[str]) -> None:
    """Move the old outputs aside, move the new ones in; put the old ones back
    if a move fails."""
    retired = staging / ".old"
    retired.mkdir()
    moved = []
    try:
        for name in names:
            if (out / name).exists():
                os.replace(out / name, retired / name)
            moved.append(name)
            os.replace(staging / name, out / name)
    except OSError:
        for name in moved:
            if (retired / name).exists():
                if (out / name).is_dir():
                    shutil.rmtree(out / name)
                os.replace(retired / name, out / name)
        raise
