"""The build cache: every stage's output stored under a content hash of
exactly what it depends on, so an unchanged input costs a lookup.

An entry is data tied to its key, never code (gradbook/cache_entry.py):
one that is damaged, forged, copied from another key, or not a plain file is
a miss, so the stage runs again and the entry is replaced, and nothing such
an entry holds is ever published or run.

Keys are made by `key(...)` from strings and bytes. What the code of a stage
depends on is `modules_fingerprint(...)` of the modules it runs, or
`files_fingerprint(...)` of a chapter's Python files: the source files that
importing them runs (gradbook/import_graph.py), the page templates, and the
versions of the libraries that shape the output; `code_fingerprint()` is the
whole of derive and gradbook, for what may run any of it.
"""

import hashlib
import importlib.metadata
import importlib.util
import os
from contextlib import suppress
from functools import cache
from pathlib import Path

from gradbook import import_graph

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
def roots() -> dict[str, Path]:
    """The project's packages, by name: what the import graph follows."""
    return {name: package_folder(name) for name in ("derive", "gradbook")}


@cache
def libraries() -> str:
    """The versions of the libraries that shape the output."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return key(*versions)


@cache
def templates() -> str:
    return folder_fingerprint(roots()["gradbook"] / "templates")


@cache
def code_fingerprint() -> str:
    """All of derive and gradbook, the templates among them, and the libraries."""
    return key(*(folder_fingerprint(p) for p in roots().values()), libraries())


@cache
def modules_fingerprint(*modules: str) -> str:
    """What running `modules` depends on: the source files importing them
    runs, the page templates and the libraries."""
    return key(import_graph.digest(import_graph.source_files(modules, roots())), templates(), libraries())


def files_fingerprint(paths, *modules: str, templates_read=None) -> str:
    """What running the Python files `paths` (a chapter's values.py, a
    listing) and `modules` depends on: the files themselves, the source files
    their imports run, the page templates (all of them, or only the files
    `templates_read` where the caller knows which it reads) and the libraries.
    Not cached: a chapter's files change while `gradbook serve` runs."""
    present = sorted(Path(p) for p in paths if Path(p).is_file())
    imported = import_graph.files_imported_by(present, roots()) | import_graph.source_files(modules, roots())
    own = key(*(item for p in present for item in (p.name, p.read_bytes())))
    shells = templates() if templates_read is None else key(*(Path(p).read_bytes() for p in templates_read))
    return key(own, import_graph.digest(imported), shells, libraries())


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
