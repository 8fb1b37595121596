"""The build cache: every stage's output stored under a content hash of
exactly what it depends on, so an unchanged input costs a lookup.

An entry is its payload preceded by the payload's SHA-256. Reading checks
the hash, so a damaged entry (a truncated write, a flipped byte) is a miss:
the stage runs again and the entry is rewritten, and nothing damaged is ever
published. Entries are written to a temporary name and renamed.

Keys are made by `key(...)` from strings and bytes. What the code of a stage
depends on is `code_fingerprint()`: the source of derive and gradbook, the
page templates, and the versions of the libraries that shape the output.
"""

import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

LIBRARIES = ("sympy", "mpmath", "numpy", "matplotlib", "jinja2", "pypandoc-binary", "typst", "scipy",
             "scikit-learn", "ml_dtypes")


def key(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode()
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """Every file under `folder`, by relative name and content."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return key(*(item for p in files for item in (str(p.relative_to(folder)), p.read_bytes())))


def package_folder(name: str) -> Path:
    """Where a package lives, found without importing it (derive pulls in sympy)."""
    return Path(importlib.util.find_spec(name).submodule_search_locations[0])


@cache
def code_fingerprint() -> str:
    packages = (package_folder("derive"), package_folder("gradbook"))
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return key(*(folder_fingerprint(p) for p in packages), *versions)


class BuildCache:
    """Entries under `folder`/NAMESPACE/KEY; `enabled=False` is --no-cache."""

    def __init__(self, folder: Path, enabled: bool = True):
        self.folder, self.enabled = folder, enabled

    def get(self, namespace: str, entry_key: str):
        if not self.enabled:
            return None
        try:
            raw = (self.folder / namespace / entry_key).read_bytes()
        except OSError:
            return None
        digest, payload = raw[:32], raw[32:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        try:
            return pickle.loads(payload)
        except Exception:
            return None

    def put(self, namespace: str, entry_key: str, value) -> None:
        if not self.enabled:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        target = self.folder / namespace
        target.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".entry-", dir=target)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, target / entry_key)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def memo(self, namespace: str, entry_key: str, compute):
        """The cached value, or `compute()` stored for next time."""
        found = self.get(namespace, entry_key)
        if found is None:
            found = compute()
            self.put(namespace, entry_key, found)
        return found


NO_CACHE = BuildCache(Path(), enabled=False)
"""A cache that holds nothing, for calls that have none."""
