"""One build-cache entry on disk: a value stored as data, tied to the
namespace and key it was stored under.

An entry's bytes are the SHA-256 of the rest; the header's length (8 bytes);
the header, JSON naming the format, the namespace, the key, the value's tree
and the sizes of its byte blobs (gradbook/cache_codec.py); then the blobs, so
a PDF or an SVG is stored as it is. Reading an entry is a miss, never an
error, whenever any of that does not hold: a file that is not a regular one
(a directory, a symlink, a FIFO), one too large or cut short, a wrong
checksum, another format, another key, or a tree the codec refuses. Writing
replaces whatever is in the way, through a temporary file renamed over it.
"""

import hashlib
import json
import os
import shutil
import stat
import tempfile
from itertools import accumulate
from pathlib import Path

from gradbook import cache_codec
from gradbook.cache_codec import CodecError

FORMAT = 2
"""The entry format: 1 was a checksummed pickle, 2 is data tied to its key."""
MAX_ENTRY_BYTES = 256 << 20
HEADER_FIELDS = {"format", "namespace", "key", "value", "blobs"}


def read(path: Path, namespace: str, entry_key: str):
    """The value of the entry at `path` if it is one stored under this
    namespace and key, else None."""
    raw = regular_file_bytes(path)
    if raw is None:
        return None
    try:
        return entry_value(raw, namespace, entry_key)
    except CodecError:
        return None


def write(path: Path, namespace: str, entry_key: str, value) -> None:
    """Store `value` at `path`; a value the codec cannot hold exactly is not stored."""
    try:
        raw = entry_bytes(namespace, entry_key, value)
    except CodecError:
        return
    folder = path.parent
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".entry-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(raw)
        _replace(Path(temporary), path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def entry_bytes(namespace: str, entry_key: str, value) -> bytes:
    """The bytes of an entry holding `value` under this namespace and key;
    CodecError for a value the codec cannot hold or JSON cannot write."""
    tree, blobs = cache_codec.encode(value)
    header = {"format": FORMAT, "namespace": namespace, "key": entry_key, "value": tree,
              "blobs": [len(blob) for blob in blobs]}
    try:
        text = json.dumps(header, ensure_ascii=False, allow_nan=False).encode()
    except ValueError as exc:  # an int too long to write in decimal
        raise CodecError(str(exc)) from None
    body = b"".join([len(text).to_bytes(8, "big"), text, *blobs])
    if 32 + len(body) > MAX_ENTRY_BYTES:
        raise CodecError("too large to cache")
    return hashlib.sha256(body).digest() + body


def entry_value(raw: bytes, namespace: str, entry_key: str):
    """The value an entry's bytes hold, if they are an entry of this format
    stored under this namespace and key; else CodecError."""
    digest, body = raw[:32], raw[32:]
    if hashlib.sha256(body).digest() != digest:
        raise CodecError("checksum mismatch")
    size = int.from_bytes(body[:8], "big")
    try:
        header = json.loads(body[8:8 + size])
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"header: {exc}") from None
    if type(header) is not dict or header.keys() != HEADER_FIELDS:
        raise CodecError("not an entry header")
    if (header["format"], header["namespace"], header["key"]) != (FORMAT, namespace, entry_key):
        raise CodecError("an entry of another format, namespace or key")
    return cache_codec.decode(header["value"], _blobs(body[8 + size:], header["blobs"]))


def _blobs(data: bytes, sizes) -> list[bytes]:
    if type(sizes) is not list or any(type(n) is not int or n < 0 for n in sizes) or sum(sizes) != len(data):
        raise CodecError("blob sizes that do not add up")
    return [data[end - n:end] for n, end in zip(sizes, accumulate(sizes))]


def regular_file_bytes(path: Path) -> bytes | None:
    """The bytes of the regular file of at most MAX_ENTRY_BYTES at `path`,
    read without following a symlink or waiting on a FIFO; else None."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
        os.close(handle)
        return None
    try:
        with open(handle, "rb") as file:
            raw = file.read(status.st_size + 1)
    except OSError:
        return None
    return raw if len(raw) == status.st_size else None


def _replace(source: Path, target: Path) -> None:
    """os.replace, first removing a directory in the way."""
    try:
        os.replace(source, target)
    except IsADirectoryError:
        shutil.rmtree(target)
        os.replace(source, target)
