"""The build cache and stamp: an edit re-renders only its chapter, a damaged
entry is rebuilt rather than published, and an up-to-date output is known
as such without a build."""

from pathlib import Path

import pytest

from gradbook import build_stamp
from gradbook.build import BUILD_CACHE, build
from gradbook.build_cache import BuildCache

CHAPTERS = {"01-one": "# One\n\nThe first chapter.\n", "02-two": "# Two\n\nThe second chapter.\n"}


@pytest.fixture
def book(tmp_path) -> Path:
    root = tmp_path / "book"
    (root / "chapters").mkdir(parents=True)
    (root / "book.toml").write_text('title = "T"\nchapters = ["01-one", "02-two"]\n', encoding="utf-8")
    for slug, text in CHAPTERS.items():
        (root / "chapters" / slug).mkdir()
        (root / "chapters" / slug / "chapter.md.j2").write_text(text, encoding="utf-8")
    return root


def files(out: Path) -> dict:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and "cache" not in p.parts}


def test_editing_a_chapter_renders_that_chapter_only(book, tmp_path):
    out = tmp_path / "out"
    assert build(out, "html", book).rendered == ("01-one", "02-two")
    assert build(out, "html", book).rendered == ()
    (book / "chapters" / "02-two" / "chapter.md.j2").write_text("# Two\n\nAn edited sentence.\n", encoding="utf-8")
    assert build(out, "html", book).rendered == ("02-two",)
    assert "An edited sentence." in (out / "html" / "02-two.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["edited-text", "truncated", "empty"])
def test_a_damaged_entry_is_rebuilt_not_published(book, tmp_path, damage):
    out = tmp_path / "out"
    build(out, "html", book)
    before = files(out)
    entries = sorted((out / BUILD_CACHE / "parts").iterdir())
    for entry in entries:
        raw = entry.read_bytes()
        edited = raw.replace(b"chapter.", b"chapteR.")  # still a valid pickle, with other text
        assert damage != "edited-text" or edited != raw
        entry.write_bytes({"edited-text": edited, "truncated": raw[: len(raw) // 2], "empty": b""}[damage])
    assert set(build(out, "html", book).rendered) == {"01-one", "02-two"}
    assert files(out) == before


def test_no_cache_neither_reads_nor_writes_it(book, tmp_path):
    out = tmp_path / "out"
    assert build(out, "html", book, use_cache=False).rendered == ("01-one", "02-two")
    assert not (out / BUILD_CACHE).exists()


def test_the_stamp_knows_an_untouched_output_and_notices_any_change(book, tmp_path):
    out = tmp_path / "out"
    build(out, "html", book)
    assert build_stamp.up_to_date(book, out, "html")
    assert not build_stamp.up_to_date(book, out, "all")
    page = out / "html" / "01-one.html"
    page.write_text(page.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert not build_stamp.up_to_date(book, out, "html")
    build(out, "html", book)
    (book / "chapters" / "01-one" / "chapter.md.j2").write_text("# One\n\nChanged.\n", encoding="utf-8")
    assert not build_stamp.up_to_date(book, out, "html")


def test_a_cache_entry_reads_back_what_was_stored(tmp_path):
    store = BuildCache(tmp_path)
    store.put("x", "k", {"a": b"\\x00bytes", "b": [1.5, None]})
    assert store.get("x", "k") == {"a": b"\\x00bytes", "b": [1.5, None]}
    assert store.get("x", "missing") is None
    assert BuildCache(tmp_path, enabled=False).get("x", "k") is None


def test_progress_is_silent_off_a_terminal_and_times_stages_when_verbose(book, tmp_path):
    import io

    from gradbook.progress import Progress

    stream = io.StringIO()
    build(tmp_path / "out", "html", book, progress=Progress(verbose=True, stream=stream))
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert [line.split(":")[0] for line in lines] == ["experiment results", "render parts", "listings", "HTML",
                                                      "publish"]
