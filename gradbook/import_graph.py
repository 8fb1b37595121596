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
    wanted = [need for path in paths for need in _imports(_tree(Path(path)), "")]
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
    found, whole, named = {}, set(), {}
    waiting = list(wanted)
    while waiting:
        module, names = waiting.pop()
        if module in whole:
            continue
        file = module_file(module, roots)
        if file is None:
            continue
        top = module.partition(".")[0]
        found[Path(top, file.relative_to(roots[top])).as_posix()] = file
        waiting += [(parent, set()) for parent in with_parents(module)[:-1]]
        tree = _tree(file)
        if names is EVERYTHING or not _only_reexports(tree):
            whole.add(module)
            waiting += _imports(tree, _package(module, file))
        else:
            new = set(names) - named.setdefault(module, set())
            named[module] |= new
            waiting += _imports(tree, _package(module, file), only=new)
    return found


def _imports(tree: ast.Module, package: str, only: set | None = None) -> list:
    """What the import statements in `tree` need, as (module, names or
    EVERYTHING); with `only`, just the statements that bind those names."""
    needs = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.partition(".")[0]
                if only is None or bound in only:
                    needs += [(parent, set()) for parent in with_parents(alias.name)[:-1]]
                    needs.append((alias.name, EVERYTHING))
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node.module, node.level, package)
            for alias in node.names:
                if alias.name == "*" or only is None or (alias.asname or alias.name) in only:
                    used = EVERYTHING if alias.name == "*" else {alias.name}
                    needs.append((base, used))
                    if alias.name != "*":
                        needs.append((f"{base}.{alias.name}", EVERYTHING))
    return needs


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


@lru_cache(maxsize=None)
def _parsed(file: Path, stamp: tuple) -> ast.Module:
    return ast.parse(file.read_bytes(), filename=str(file))


def _tree(file: Path) -> ast.Module:
    """The syntax tree of `file`, parsed again only when the file has changed."""
    stat = file.stat()
    return _parsed(file, (stat.st_mtime_ns, stat.st_size))


def _package(module: str, file: Path) -> str:
    return module if file.name == "__init__.py" else module.rpartition(".")[0]


def with_parents(name: str) -> list[str]:
    """The modules that importing `name` runs: "a.b.c" gives a, a.b, a.b.c."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts) + 1)]


def module_file(name: str, roots: dict[str, Path]) -> Path | None:
    """The project file of module `name`, or None when it is not one (another
    library's, or a name imported from a module rather than a module)."""
    top, *rest = name.split(".")
    if top not in roots:
        return None
    place = roots[top].joinpath(*rest)
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
