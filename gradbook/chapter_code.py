"""A chapter's own Python: values.py (what the text prints) and figures.py
(what it draws), loaded from the chapter's folder."""

import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

from derive.errors import CrossCheckError, VerificationError
from gradbook.errors import CheckFailed, UsageError


def load_module(path: Path, name: str) -> ModuleType | None:
    """The module at `path`, or None when the chapter has no such file."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    with chapter_errors(path):
        spec.loader.exec_module(module)
    return module


class chapter_errors:
    """Turns an exception raised by a chapter's code into a one-line error
    naming the file and line: a failed check exits 1, anything else is the
    author's to fix and exits 2."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or isinstance(exc, (UsageError, CheckFailed)):
            return False
        where = where_in(self.path, tb)
        if isinstance(exc, (CrossCheckError, VerificationError)):
            raise CheckFailed(f"{where}: {exc}") from None
        if isinstance(exc, Exception):
            raise UsageError(f"{where}: {type(exc).__name__}: {exc}") from None
        return False


def where_in(path: Path, tb) -> str:
    """'chapters/NN/file.py line L' for the deepest frame in `path`."""
    line = None
    for frame, lineno in traceback.walk_tb(tb):
        if Path(frame.f_code.co_filename) == path:
            line = lineno
    shown = shown_path(path)
    return f"{shown} line {line}" if line else shown


def shown_path(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("chapters"):]) if "chapters" in parts else str(path)


def module_name(slug: str, stem: str) -> str:
    """A unique, importable name for a chapter's module."""
    name = f"gradbook_chapter_{slug.replace('-', '_')}_{stem}"
    sys.modules.pop(name, None)
    return name
