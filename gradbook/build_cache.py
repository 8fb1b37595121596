"""The build cache: every stage's output stored under a content hash of
exactly what it depends on, so an unchanged input costs a lookup.

An entry is data tied to its key, never code (gradbook/cache_entry.py):
one that is damaged, forged, copied from another key, or not a plain file is
a miss, so the stage runs again and the entry is replaced, and nothing such
an entry holds is ever published or run.

Keys are made by `key(...)` from strings and bytes. What the code of a stage
depends on is `code_fingerprint()`: the source of derive and gradbook, the
page templates, and the versions of the libraries that shape the output.
"""

import hashlib
import importlib.metadata
import importlib.util
import os
from contextlib import suppress
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

    def get(self, namespace: str, entry_key: str, kind: type):
        """The `kind` of value stored under this namespace and key, or None for
        a miss: no entry, one that cannot be read, or one holding another type."""
        if not self.enabled:
            return None
        from gradbook import cache_entry  # imported here: it pulls in sympy, and build_stamp imports this module
        path = self.folder / namespace / entry_key
        found = cache_entry.read(path, namespace, entry_key)
        if not isinstance(found, kind):
            return None
        with suppress(OSError):  # a hit is a use: `gradbook clean` keeps what the last build used
            os.utime(path, follow_symlinks=False)
        return found

    def put(self, namespace: str, entry_key: str, value) -> None:
        if not self.enabled:
            return
        from gradbook import cache_entry
        cache_entry.write(self.folder / namespace / entry_key, namespace, entry_key, value)

    def memo(self, namespace: str, entry_key: str, kind: type, compute):
        """The cached `kind` of value, or `compute()` stored for next time."""
        found = self.get(namespace, entry_key, kind)
        if found is None:
            found = compute()
            self.put(namespace, entry_key, found)
        return found


NO_CACHE = BuildCache(Path(), enabled=False)
"""A cache that holds nothing, for calls that have none."""
