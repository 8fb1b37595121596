"""One build-cache entry: it reads back only under the namespace and key it
was written for, in this format and within the size limit; a value the codec
cannot hold is computed but not stored; and whatever is in the way of a write
is replaced."""

import hashlib
import json
import shutil

import numpy
import pytest

from gradbook import cache_entry
from gradbook.build_cache import BuildCache


def test_a_cache_entry_reads_back_what_was_stored_under_its_key_only(tmp_path):
    store = BuildCache(tmp_path)
    store.put("x", "k", {"a": b"\x00bytes", "b": [1.5, None]})
    assert store.get("x", "k", dict) == {"a": b"\x00bytes", "b": [1.5, None]}
    assert store.get("x", "k", str) is None
    assert store.get("x", "missing", dict) is None
    shutil.copytree(tmp_path / "x", tmp_path / "y")
    (tmp_path / "x" / "k").rename(tmp_path / "x" / "other")
    assert store.get("x", "other", dict) is None and store.get("y", "k", dict) is None
    assert BuildCache(tmp_path, enabled=False).get("x", "k", dict) is None


def rewritten(raw: bytes, changes: dict) -> bytes:
    """An entry's bytes with its header changed, under a checksum that matches."""
    body = raw[32:]
    size = int.from_bytes(body[:8], "big")
    header = json.dumps(json.loads(body[8:8 + size]) | changes).encode()
    body = len(header).to_bytes(8, "big") + header + body[8 + size:]
    return hashlib.sha256(body).digest() + body


HEADERS = {
    "nothing-changed": ({}, {"a": b"abc"}),
    "another-format": ({"format": 1}, None),
    "another-namespace": ({"namespace": "y"}, None),
    "another-key": ({"key": "other"}, None),
    "an-extra-field": ({"pickle": True}, None),
    "blobs-too-long": ({"blobs": [4]}, None),
    "a-negative-blob": ({"blobs": [-1, 4]}, None),
    "a-value-the-codec-refuses": ({"value": {"dict": 1}}, None),
}


@pytest.mark.parametrize("changes, expected", HEADERS.values(), ids=HEADERS.keys())
def test_an_entry_is_read_only_as_what_it_was_written_for(tmp_path, changes, expected):
    store = BuildCache(tmp_path)
    store.put("x", "k", {"a": b"abc"})
    path = tmp_path / "x" / "k"
    path.write_bytes(rewritten(path.read_bytes(), changes))
    assert store.get("x", "k", dict) == expected


@pytest.mark.parametrize("occupant", ["file", "symlink"])
def test_a_file_or_symlink_where_a_namespace_folder_belongs_is_replaced(tmp_path, occupant):
    folder, elsewhere = tmp_path / "cache" / "x", tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder.parent.mkdir()
    if occupant == "file":
        folder.write_text("not a folder", encoding="utf-8")
    else:
        folder.symlink_to(elsewhere)
    store = BuildCache(tmp_path / "cache")
    store.put("x", "k", "value")
    assert store.get("x", "k", str) == "value"
    assert folder.is_dir() and not folder.is_symlink() and list(elsewhere.iterdir()) == []


def test_an_entry_over_the_size_limit_is_neither_read_nor_written(tmp_path, monkeypatch):
    store = BuildCache(tmp_path)
    store.put("x", "small", "s")
    monkeypatch.setattr(cache_entry, "MAX_ENTRY_BYTES", (tmp_path / "x" / "small").stat().st_size - 1)
    assert store.get("x", "small", str) is None
    store.put("x", "large", "s" * 1000)
    assert not (tmp_path / "x" / "large").exists()


UNCACHEABLE = {"a-set": {1, 2}, "an-int-too-long-for-json": 10 ** 5000, "a-float-subclass": numpy.float64(1)}


@pytest.mark.parametrize("value", UNCACHEABLE.values(), ids=UNCACHEABLE.keys())
def test_a_value_the_codec_cannot_hold_is_computed_but_not_cached(tmp_path, value):
    store = BuildCache(tmp_path)
    assert store.memo("x", "k", object, lambda: value) is value
    assert not (tmp_path / "x" / "k").exists()
