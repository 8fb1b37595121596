"""The build cache: an edit re-renders only its chapter; a build that takes
what it can from an earlier build's cache publishes the bytes a build without
it does; an entry that cannot be trusted is a miss that is rebuilt, never
published and never run; and an up-to-date output is known as such without a
build."""

import hashlib
import json
import os
import pickle
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from gradbook import build_stamp, cache_entry
from gradbook.book import ROOT, load_book
from gradbook.build import BUILD_CACHE, build, part_key, shared_content
from gradbook.build import experiment_results as results_by_part
from gradbook.build_cache import BuildCache
from gradbook.practice.model import ProblemSet
from gradbook.render import Rendered, render_part
from tests.gradbook.cache_values import same

CHAPTERS = {"01-one": "# One\n\nThe first chapter.\n", "02-two": "# Two\n\nThe second chapter.\n"}
VALUES = '''import sympy as sp

from derive import Derivation, Quantity
from derive.derivation import step
from derive.symbols import fraction, kept, sigma, z

u = sp.Symbol("u", positive=True)


def values() -> dict:
    half = sp.Rational(1, 2)
    halves = sp.Add(sp.Mul(half, u, evaluate=False), sp.Mul(half, 1 - u, evaluate=False), evaluate=False)
    steps = (step(halves, half, "add the halves"),
             step(fraction(2, sp.Add(128, 784, evaluate=False)), fraction(1, 456), "reduce the fraction"))
    return {"d": Derivation("halves", "Halves", steps, Quantity.exact(half)),
            "held": sp.Mul(kept(sp.Rational(1, 10)), kept(sp.Rational(1, 4)), evaluate=False),
            "slope": sp.Derivative(sigma(z), z), "q": Quantity.exact(fraction(2, 784))}
'''
COMPUTED = {
    "values.py": VALUES,
    "figures.py": "def curve(fig):\n    fig.subplots().plot([0, 1, 2], [0, 1, 4])\n",
    "listings/hello.py": 'print("hello from a listing")\n',
    "chapter.md.j2": ("# One\n\nThe first chapter.\n\n{{ derivation(d) }}\n\n"
                      "Held as written: ${{ held }}$, a slope ${{ slope }}$ and a quantity ${{ q }}$.\n\n"
                      '{{ figure("curve", "A curve.") }}\n\n{{ listing("hello", "A listing.") }}\n'),
}
"""Chapter 1 of the computed book: values with unevaluated sympy, a figure, a listing."""


def write_book(root: Path, computed: bool) -> Path:
    (root / "chapters").mkdir(parents=True)
    (root / "book.toml").write_text('title = "T"\nchapters = ["01-one", "02-two"]\n', encoding="utf-8")
    for slug, text in CHAPTERS.items():
        (root / "chapters" / slug).mkdir()
        (root / "chapters" / slug / "chapter.md.j2").write_text(text, encoding="utf-8")
    for name, text in (COMPUTED.items() if computed else ()):
        path = root / "chapters" / "01-one" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def book(tmp_path) -> Path:
    return write_book(tmp_path / "book", computed=False)


@pytest.fixture(scope="module")
def computed_build(tmp_path_factory) -> tuple[Path, Path]:
    """(the computed book, its output built once with the cache), shared:
    a test copies the output before it changes anything."""
    root = write_book(tmp_path_factory.mktemp("computed") / "book", computed=True)
    out = root.parent / "out"
    build(out, "all", root)
    return root, out


def files(out: Path) -> dict:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and "cache" not in p.parts}


def entries(out: Path) -> list[Path]:
    """Every entry of the build cache, by namespace and key."""
    return sorted(p for folder in (out / BUILD_CACHE).iterdir() if folder.is_dir() for p in folder.iterdir())


def test_editing_a_chapter_renders_that_chapter_only(book, tmp_path):
    out = tmp_path / "out"
    assert build(out, "html", book).rendered == ("01-one", "02-two")
    assert build(out, "html", book).rendered == ()
    (book / "chapters" / "02-two" / "chapter.md.j2").write_text("# Two\n\nAn edited sentence.\n", encoding="utf-8")
    assert build(out, "html", book).rendered == ("02-two",)
    assert "An edited sentence." in (out / "html" / "02-two.html").read_text(encoding="utf-8")


EDITS = {
    # the case: a sentence added to a chapter whose values are unevaluated sympy
    "sentence-every-namespace": ("01-one", "\nOne more sentence.\n", None),
    # the chapter with values re-rendered from them alone, the parts cache gone
    "sentence-values-only": ("02-two", "\nOne more sentence.\n", {"values"}),
    # an edit that changes no output, so the Markdown, HTML, Typst and PDF all come from the cache
    "template-comment": ("01-one", "{#- an edit no reader sees #}\n", None),
}


@pytest.mark.slow
@pytest.mark.parametrize("slug, addition, kept", EDITS.values(), ids=EDITS.keys())
def test_a_build_from_an_earlier_cache_publishes_what_a_build_without_it_does(tmp_path, slug, addition, kept):
    root = write_book(tmp_path / "book", computed=True)
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build(warm, "all", root)
    template = root / "chapters" / slug / "chapter.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + addition, encoding="utf-8")
    for folder in (warm / BUILD_CACHE).iterdir():
        if folder.is_dir() and kept is not None and folder.name not in kept:
            shutil.rmtree(folder)
    assert build(warm, "all", root).rendered == ((slug,) if kept is None else ("01-one", "02-two"))
    build(cold, "all", root, use_cache=False)
    assert files(warm) == files(cold)


def old_style_pickle(path: Path) -> None:
    """A checksummed pickle, the entry format before this one, that would
    create `canary` next to the output folder if it were ever unpickled."""
    canary = path.parents[4] / "canary"
    payload = pickle.dumps(type("Canary", (), {"__reduce__": lambda self: (Path.touch, (canary,))})())
    path.write_bytes(hashlib.sha256(payload).digest() + payload)


def foreign_class(path: Path) -> None:
    """An entry well made for its key whose value names os.system, which a
    decoder that imported what an entry names would call."""
    canary = path.parents[4] / "canary"
    header = json.dumps({"format": cache_entry.FORMAT, "namespace": path.parent.name, "key": path.name,
                         "value": {"node": ["posix.system", [f"touch {canary}"]]}, "blobs": []}).encode()
    body = len(header).to_bytes(8, "big") + header
    path.write_bytes(hashlib.sha256(body).digest() + body)


def flipped_byte(path: Path) -> None:
    """One byte near the end changed, as a disk or an editor might."""
    raw = bytearray(path.read_bytes())
    raw[-9] ^= 32
    path.write_bytes(bytes(raw))


def symlink_to(target: Path):
    def damage(path: Path) -> None:
        path.unlink()
        path.symlink_to(target)
    return damage


def directory(path: Path) -> None:
    path.unlink()
    (path / "inside").mkdir(parents=True)


def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def swapped(paths: list[Path]) -> None:
    """Each entry given the bytes of the next: the two HTML entries (the two
    chapters') are swapped with each other."""
    contents = [p.read_bytes() for p in paths]
    for path, content in zip(paths, contents[1:] + contents[:1]):
        path.write_bytes(content)


def each(damage):
    def damage_all(paths: list[Path]) -> None:
        for path in paths:
            damage(path)
    return damage_all


def copied_elsewhere(paths: list[Path]) -> None:
    """Each entry a symlink to a copy of itself outside the cache."""
    for path in paths:
        copy = path.parents[4] / "elsewhere" / path.parent.name / path.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        symlink_to(copy)(path)


DAMAGE = {
    "flipped-byte": each(flipped_byte),
    "truncated": each(lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])),
    "empty": each(lambda p: p.write_bytes(b"")),
    "swapped": swapped,
    "old-style-pickle": each(old_style_pickle),
    "foreign-class": each(foreign_class),
    "wrong-type": each(lambda p: p.write_bytes(cache_entry.entry_bytes(p.parent.name, p.name, 7))),
    "directory": each(directory),
    "symlink-to-dev-zero": each(symlink_to(Path("/dev/zero"))),
    "symlink-elsewhere": copied_elsewhere,
    "fifo": each(fifo),
    "oversized": each(lambda p: os.truncate(p, cache_entry.MAX_ENTRY_BYTES + 1)),
}


class StillRunning(BaseException):
    """Raised in a build that hangs; not an OSError or even an Exception, so
    no `except` on the way out of a blocked open or read can swallow it."""


@contextmanager
def within(seconds: int):
    """Fail rather than hang: a build blocked opening or reading a file is
    interrupted. The signal goes to the main thread itself, since one sent to
    the process may be taken by another thread and leave the main one blocked."""
    def interrupt(signum, frame):
        raise StillRunning(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, interrupt)
    timer = threading.Timer(seconds, signal.pthread_kill, (threading.main_thread().ident, signal.SIGALRM))
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.slow
@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_an_entry_that_cannot_be_trusted_is_a_miss_rebuilt_and_never_run(computed_build, tmp_path, damage):
    root, built = computed_build
    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    damaged = entries(out)
    damage(damaged)
    with within(60):
        assert build(out, "all", root).rendered == ("01-one", "02-two")
    assert files(out) == files(built)
    assert not (tmp_path / "canary").exists()
    for path in damaged:
        assert not path.is_symlink() and path.is_file()
        assert cache_entry.read(path, path.parent.name, path.name) is not None
    assert build_stamp.up_to_date(root, out, "all")
    assert build(out, "all", root).rendered == ()


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


class FreshValues(BuildCache):
    """The session build's cache, only read, except that every part's values
    and the practice set are made afresh and kept in `made` by key."""

    FRESH = ("values", "practice")

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.made = {}

    def get(self, namespace, entry_key, kind):
        return None if namespace in self.FRESH else super().get(namespace, entry_key, kind)

    def put(self, namespace, entry_key, value):
        self.made[namespace, entry_key] = value


def test_every_value_the_real_build_cached_reads_back_as_it_was_made(built):
    book = load_book(ROOT)
    results = results_by_part(book, built)
    store = FreshValues(built / BUILD_CACHE)
    shared = shared_content(book)
    for part in book.parts:
        store.made["parts", part_key(part, book, results.get(part.slug), shared)] = render_part(
            part, results.get(part.slug), store)
    kinds = {"values": dict, "practice": ProblemSet, "parts": Rendered}
    assert sorted({namespace for namespace, _ in store.made}) == sorted(kinds)
    session = BuildCache(built / BUILD_CACHE)
    assert [key for (namespace, key), made in store.made.items()
            if not same(made, session.get(namespace, key, kinds[namespace]))] == []
    assert [p for p in entries(built) if cache_entry.read(p, p.parent.name, p.name) is None] == []


def test_the_real_guide_from_a_copied_cache_after_an_edit_is_the_same_guide(built, tmp_path):
    """The issue's reproduction: the chapters copied elsewhere, chapter 1's
    template edited, the session build's cache copied; every part renders
    again from cached values, figures and practice, and the rest of the build
    comes from the cache too, since the edit changes no output."""
    root = tmp_path / "root"
    shutil.copytree(ROOT / "chapters", root / "chapters", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "book.toml", root / "book.toml")
    template = root / "chapters" / "01-sigmoid-slope" / "chapter.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "{#- an edit no reader sees #}\n", encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(built / "cache", out / "cache")
    assert "01-sigmoid-slope" in build(out, "all", root).rendered
    assert files(out) == files(built)


def test_progress_is_silent_off_a_terminal_and_times_stages_when_verbose(book, tmp_path):
    import io

    from gradbook.progress import Progress

    stream = io.StringIO()
    build(tmp_path / "out", "html", book, progress=Progress(verbose=True, stream=stream))
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert [line.split(":")[0] for line in lines] == ["experiment results", "render parts", "listings", "HTML",
                                                      "publish"]


def test_an_edit_made_during_a_build_leaves_the_stamp_stale(book, tmp_path, monkeypatch):
    """The stamp's key is taken before the parts are read, so a chapter saved
    while the build runs is rebuilt by the next build, not called up to date."""
    import gradbook.build as build_module

    out, render_all = tmp_path / "out", build_module.render_all

    def edit_then_render(*args, **kwargs):
        (book / "chapters" / "01-one" / "chapter.md.j2").write_text("# One\n\nSaved mid-build.\n", encoding="utf-8")
        return render_all(*args, **kwargs)

    monkeypatch.setattr(build_module, "render_all", edit_then_render)
    build(out, "html", book)
    assert not build_stamp.up_to_date(book, out, "html")
