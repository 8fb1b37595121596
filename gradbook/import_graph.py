"""The project source files a module depends on, found by reading its import
statements with `ast`, without importing anything, and a digest of them.

Importing `a.b.c` runs `a/__init__.py` and `a/b/__init__.py` first, so each
parent package counts too, with everything it imports. Every import statement
in a file counts, wherever it stands: one inside a function runs when the
function is called. Only modules under the given project packages (`roots`,
top-level name -> folder) are followed; other libraries are keyed by version
elsewhere. The count errs on the side of more files, never fewer: for
`from a import n`, a file `a/n.py` counts whether `n` names it or not.
"""

import ast
import hashlib
from pathlib import Path


def source_files(modules, roots: dict[str, Path]) -> dict[str, Path]:
    """Every project file that importing `modules` runs, themselves included,
    by name relative to the folder above its package ("gradbook/experiments/network/model.py")."""
    found, seen = {}, set()
    waiting = [name for module in modules for name in with_parents(module)]
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        file = module_file(name, roots)
        if file is not None:
            top = name.partition(".")[0]
            found[Path(top, file.relative_to(roots[top])).as_posix()] = file
            waiting += [each for imported in imported_modules(file, name) for each in with_parents(imported)]
    return found


def digest(files: dict[str, Path]) -> str:
    """A SHA-256 of `files` (as from `source_files`), by name and content, in name order."""
    hashed = hashlib.sha256()
    for name in sorted(files):
        for part in (name.encode(), files[name].read_bytes()):
            hashed.update(len(part).to_bytes(8, "big") + part)
    return hashed.hexdigest()


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


def imported_modules(file: Path, name: str) -> set[str]:
    """The absolute names that the imports in `file`, module `name`, may load.
    `from m import n` gives m and m.n, as n may be a submodule."""
    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(file.read_bytes(), filename=str(file))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node.module, node.level, package)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def absolute(module: str | None, level: int, package: str) -> str:
    """The module `from <level dots><module> import ...` names, written in `package`."""
    if level == 0:
        return module
    base = package.rsplit(".", level - 1)[0]
    return f"{base}.{module}" if module else base
