"""Publishing: the new output replaces the old only once it is all written."""

import errno
import os

import pytest

from gradbook import output
from gradbook.errors import UsageError


def test_publish_replaces_the_old_output_and_leaves_no_staging(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "stale.html").write_text("old")
    (tmp_path / "keep.txt").write_text("untouched")
    output.publish(tmp_path, {"html": {"index.html": b"new", "figures/a.svg": b"<svg/>"}, "book.pdf": b"%PDF"})
    assert sorted(p.name for p in (tmp_path / "html").iterdir()) == ["figures", "index.html"]
    assert (tmp_path / "book.pdf").read_bytes() == b"%PDF"
    assert (tmp_path / "keep.txt").read_text() == "untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf", "html", "keep.txt"]


def test_a_failed_swap_puts_the_old_output_back(tmp_path, monkeypatch):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "index.html").write_text("old")
    real_replace = os.replace

    def failing(src, dst):
        if os.path.basename(os.path.dirname(src)).startswith(".gradbook-new-"):  # moving the new one in
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(UsageError, match="No space left"):
        output.publish(tmp_path, {"html": {"index.html": b"new"}})
    assert (tmp_path / "html" / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["html"]


def test_out_below_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is not a folder"):
        output.check_writable(tmp_path / "file" / "out")


def test_a_folder_that_refuses_a_new_file_is_refused_whatever_its_permissions_say(tmp_path, monkeypatch):
    def refused(dir):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(output.tempfile, "TemporaryFile", refused)
    with pytest.raises(UsageError, match="Read-only file system"):
        output.check_writable(tmp_path / "out")
