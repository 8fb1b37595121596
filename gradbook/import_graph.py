"""The project source files a module depends on, found by reading its import
statements with `ast`, without importing anything, and a digest of them.

A module depends on every project module it imports, wherever the import
stands (one inside a function runs when the function is called), and on
what those import in turn. Importing `a.b.c` runs `a/__init__.py` and
`a/b/__init__.py` first, so each parent package counts too. A package whose
`__init__.py` only re-exports (a docstring, imports and `__all__`, nothing
that runs) is followed by name: `from a import Name` depends on the module
`a/__init__.py` takes Name from, not on everything it imports, and a parent
that only re-exports adds its own file and nothing more. Any other package
`__init__.py` counts with all it imports. Only modules under the given
project packages (`roots`, top-level name -> folder) are followed; other
libraries are keyed by version elsewhere. The count errs on the side of
more files, never fewer: for `from a import n`, a file `a/n.py` counts
whether `n` names it or not.
"""

import ast
import hashlib
from functools import lru_cache
from pathlib import Path

EVERYTHING = None
"""In place of a set of names: the whole module is used."""


def source_files(modules, roots: dict[str, Path]) -> dict[str, Path]:
    """Every project file that importing `modules` runs and can use, themselves
    included, by name relative to the folder above its package ("derive/quantity.py")."""
    return _follow([(name, EVERYTHING) for name in modules], roots)


def files_imported_by(paths, roots: dict[str, Path]) -> dict[str, Path]:
    """Every project file that the imports in `paths` (files outside the
    packages, such as a chapter's values.py) run and can use."""
    wanted = [need for path in paths for _, needs in _read(Path(path), "")[1] for need in needs]
    return _follow(wanted, roots)


def digest(files: dict[str, Path]) -> str:
    """A SHA-256 of `files` (as from `source_files`), by name and content, in name order."""
    hashed = hashlib.sha256()
    for name in sorted(files):
        for part in (name.encode(), files[name].read_bytes()):
            hashed.update(len(part).to_bytes(8, "big") + part)
    return hashed.hexdigest()


def _follow(wanted: list, roots: dict[str, Path]) -> dict[str, Path]:
    """The files of the modules in `wanted`, each (name, the names used from
    it or EVERYTHING), with their parents and what they need in turn."""
    found, whole, named, files = {}, set(), {}, {}
    waiting = list(wanted)
    while waiting:
        module, names = waiting.pop()
        if module in whole or module.partition(".")[0] not in roots:
            continue
        if module not in files:
            files[module] = module_file(module, roots)
            if files[module] is not None:
                file, top = files[module], module.partition(".")[0]
                found[Path(top, file.relative_to(roots[top])).as_posix()] = file
                waiting += [(parent, set()) for parent in with_parents(module)[:-1]]
        file = files[module]
        if file is None:
            continue
        reexports, bindings = _read(file, _package(module, file))
        if names is EVERYTHING or not reexports:
            whole.add(module)
            waiting += [need for _, needs in bindings for need in needs]
        else:
            new = set(names) - named.setdefault(module, set())
            named[module] |= new
            waiting += [need for bound, needs in bindings if bound is EVERYTHING or bound in new for need in needs]
    return found


def _read(file: Path, package: str) -> tuple[bool, tuple]:
    """Whether `file` only re-exports, and its bindings: read once, and again only when the file changes."""
    stat = file.stat()
    return _parsed(file, (stat.st_mtime_ns, stat.st_size), package)


@lru_cache(maxsize=None)
def _parsed(file: Path, stamp: tuple, package: str) -> tuple[bool, tuple]:
    tree = ast.parse(file.read_bytes(), filename=str(file))
    return _only_reexports(tree), _bindings(tree, package)


def _bindings(tree: ast.Module, package: str) -> tuple:
    """Each name the import statements in `tree` bind (EVERYTHING for a `*`),
    with what binding it needs, as (module, names or EVERYTHING)."""
    found = []
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                needs = [(parent, frozenset()) for parent in with_parents(alias.name)[:-1]]
                found.append((alias.asname or alias.name.partition(".")[0], (*needs, (alias.name, EVERYTHING))))
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node.module, node.level, package)
            for alias in node.names:
                if alias.name == "*":
                    found.append((EVERYTHING, ((base, EVERYTHING),)))
                else:
                    found.append((alias.asname or alias.name,
                                  ((base, frozenset({alias.name})), (f"{base}.{alias.name}", EVERYTHING))))
    return tuple(found)


def _statements(body: list):
    """Every statement in `body` and in the blocks nested in them (functions,
    classes, if, try, with, loops), where an import may stand; expressions,
    which cannot hold one, are not visited."""
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            nested = getattr(node, field, None)
            if isinstance(nested, list):
                yield from _statements(nested)


def _only_reexports(tree: ast.Module) -> bool:
    """Whether a module does nothing but import names for others to take: a
    docstring, imports and `__all__`."""
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            continue
        return False
    return True


def _package(module: str, file: Path) -> str:
    return module if file.name == "__init__.py" else module.rpartition(".")[0]


def with_parents(name: str) -> list[str]:
    """The modules that importing `name` runs: "a.b.c" gives a, a.b, a.b.c."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts) + 1)]


def module_file(name: str, roots: dict[str, Path]) -> Path | None:
    """The project file of module `name`, or None when it is not one (another
    library's, or a name imported from a module rather than a module)."""
    top = name.partition(".")[0]
    return _module_file(name, roots[top]) if top in roots else None


@lru_cache(maxsize=None)
def _module_file(name: str, root: Path) -> Path | None:
    """Where module `name` is under its package's folder `root`. Remembered:
    a module file appearing or going away changes the code, and a command
    that sees that starts again (gradbook serve does)."""
    rest = name.split(".")[1:]
    place = root.joinpath(*rest)
    if (place / "__init__.py").is_file():
        return place / "__init__.py"
    if rest and place.with_suffix(".py").is_file():
        return place.with_suffix(".py")
    return None


def absolute(module: str | None, level: int, package: str) -> str:
    """The module `from <level dots><module> import ...` names, written in `package`."""
    if level == 0:
        return module
    base = package.rsplit(".", level - 1)[0]
    return f"{base}.{module}" if module else base
