"""derive is pure mathematics: it never imports gradbook and does no I/O."""

import ast
from pathlib import Path

import pytest

DERIVE = Path(__file__).resolve().parents[2] / "derive"
SOURCES = sorted(DERIVE.rglob("*.py"))
FORBIDDEN_CALLS = {"open", "print", "input", "eval", "exec"}
FORBIDDEN_MODULES = {"gradbook", "os", "subprocess", "pathlib", "shutil", "sys", "io"}


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(DERIVE)) for p in SOURCES])
def test_module_is_pure(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            roots = {(node.module or "").split(".")[0]}
        else:
            roots = set()
        assert not roots & FORBIDDEN_MODULES, f"{path.name}:{node.lineno} imports {roots & FORBIDDEN_MODULES}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {node.func.id}"


def test_the_scan_sees_the_package():
    assert len(SOURCES) >= 10
