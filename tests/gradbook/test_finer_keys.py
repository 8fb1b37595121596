"""A part's cache key holds the code it can run, not the whole tree: a
comment added to one derive module renders again only the parts whose own
Python, or the families and claims they print, import it, directly or not."""

import shutil

import pytest

from gradbook import build_cache, import_graph
from gradbook.book import ROOT, load_book
from gradbook.build import build
from gradbook.render import code_files

EDITED = "derive/audit/terms.py"
"""What the audit's claims are computed from: chapter 5's values import it, and every part that quotes a source."""


@pytest.fixture
def code_copy(tmp_path, monkeypatch):
    """derive and gradbook copied under tmp_path, and the keys made from the copy."""
    copy = {name: tmp_path / "code" / name for name in ("derive", "gradbook")}
    for name, folder in copy.items():
        shutil.copytree(build_cache.package_folder(name), folder, ignore=shutil.ignore_patterns("__pycache__"))
    cached = (build_cache.templates, build_cache.code_fingerprint, build_cache.modules_fingerprint)
    for function in cached:
        function.cache_clear()
    monkeypatch.setattr(build_cache, "roots", lambda: copy)
    yield copy
    for function in cached:
        function.cache_clear()


def test_a_comment_in_one_derive_module_renders_only_the_parts_that_import_it(built, code_copy, tmp_path):
    """The session's cache serves the faithful copy of the code (keys are of
    names and content, not of places), then one module of the copy is edited."""
    out = tmp_path / "out"
    shutil.copytree(built / "cache", out / "cache")
    assert build(out, "html", ROOT).rendered == ()
    with (code_copy["derive"].parent / EDITED).open("a", encoding="utf-8") as module:
        module.write("# a comment\n")
    rendered = set(build(out, "html", ROOT).rendered)
    book = load_book(ROOT)
    importing = {part.slug for part in book.parts
                 if EDITED in import_graph.files_imported_by(code_files(part, book), code_copy)}
    assert rendered == importing
    assert "05-relu-family" in rendered
    assert not rendered & {"preface", "glossary", "references", "explorer"}
    assert len(rendered) < len(book.parts)


def test_the_rendering_machinery_does_not_reach_the_edited_module():
    """Else every part would render again: the test above would pass for no reason."""
    assert EDITED not in import_graph.source_files(["gradbook.render"], build_cache.roots())
