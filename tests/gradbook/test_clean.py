"""`gradbook clean`: entries that no current build reads are removed, the
ones it reads are kept (the next build takes everything from the cache),
and --all empties both caches."""

import json
import os
from pathlib import Path

import pytest

from gradbook.build import BUILD_CACHE, EXPERIMENT_CACHE, build
from gradbook.clean import clean
from gradbook.cli import main


@pytest.fixture
def book(tmp_path) -> Path:
    root = tmp_path / "book"
    (root / "chapters" / "01-one").mkdir(parents=True)
    (root / "chapters" / "02-two").mkdir(parents=True)
    (root / "book.toml").write_text('title = "T"\nchapters = ["01-one", "02-two"]\n', encoding="utf-8")
    for slug in ("01-one", "02-two"):
        (root / "chapters" / slug / "chapter.md.j2").write_text(f"# {slug}\n\nFirst words.\n", encoding="utf-8")
    return root


def entries(out: Path) -> set[str]:
    folder = out / BUILD_CACHE
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.parent != folder}


def published(out: Path) -> dict:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and "cache" not in p.parts and not p.name.startswith(".")}


def test_clean_removes_what_an_edit_made_stale_and_keeps_what_the_build_reads(book, tmp_path):
    out = tmp_path / "out"
    build(out, "html", book)
    first = entries(out)
    for entry in (out / BUILD_CACHE).rglob("*"):  # as if the first build was a while ago
        os.utime(entry, (1e9, 1e9))
    (book / "chapters" / "02-two" / "chapter.md.j2").write_text("# Two\n\nEdited.\n", encoding="utf-8")
    build(out, "html", book)
    second = entries(out)
    assert second > first, "the edit made new entries beside the old ones"
    cleaned = clean(out)
    after = entries(out)
    assert cleaned.files == len(second - after) >= 2  # chapter 2's old part and its old page fragment
    assert first & after and (second - first) <= after
    before = published(out)
    assert build(out, "html", book).rendered == ()
    assert published(out) == before and entries(out) == after


def test_clean_removes_leftovers_and_symlinks_without_following_them(book, tmp_path):
    out = tmp_path / "out"
    build(out, "html", book)
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    namespace = next(p for p in (out / BUILD_CACHE).iterdir() if p.is_dir())
    (namespace / ".entry-left-by-a-kill").write_bytes(b"half")
    os.symlink(outside, namespace / ("f" * 64))
    clean(out)
    assert not (namespace / ".entry-left-by-a-kill").exists() and not (namespace / ("f" * 64)).is_symlink()
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_clean_keeps_current_experiment_results_only(tmp_path):
    folder = tmp_path / "out" / EXPERIMENT_CACHE
    folder.mkdir(parents=True)
    for name, key in (("current", "k1"), ("stale", "old"), ("retired", "k3")):
        (folder / f"{name}.json").write_text(json.dumps({"experiment": name, "key": key}), encoding="utf-8")
    (folder / ".current-123").write_text("half", encoding="utf-8")
    clean(tmp_path / "out", current_experiments={"current": "k1", "stale": "k2"})
    assert sorted(p.name for p in folder.iterdir()) == ["current.json"]


def test_clean_all_empties_both_caches(book, tmp_path, capsys):
    out = tmp_path / "out"
    build(out, "html", book)
    (out / EXPERIMENT_CACHE).mkdir(parents=True)
    (out / EXPERIMENT_CACHE / "x.json").write_text("{}", encoding="utf-8")
    assert main(["clean", "--out", str(out), "--all"]) == 0
    assert "removed" in capsys.readouterr().out
    assert not (out / BUILD_CACHE).exists() and not (out / EXPERIMENT_CACHE).exists()
    assert (out / "html" / "index.html").is_file()


def test_clean_on_a_file_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["clean", "--out", str(tmp_path / "file")]) == 2
    err = capsys.readouterr().err
    assert "is not a folder" in err and err.count("\n") == 1
