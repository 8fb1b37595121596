"""A killed build leaves no process and nothing half-written behind, and
builds into one output folder take turns to publish.

The builds are of a small book written here, run by a driver script, since
`gradbook build` always builds the book in the project's own folder
(gradbook.book.ROOT). The driver can pause at a stage, touching a marker
file first, so that a kill lands in that stage and not by chance. Every wait
is bounded; nothing is timed.
"""

import functools
import io
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import gradbook.build
import gradbook.formats.pdf
from gradbook import build_lock, build_stamp, output
from gradbook.build import build

WAIT = 120
"""Seconds to wait at most for a build to get somewhere, on a busy machine."""
EXIT_WAIT = 30
"""Seconds to wait at most for a killed build's processes to be gone."""

VALUES = "def values():\n    return {'n': 1}\n"
PAUSING_VALUES = """import os, pathlib, time

def values():
    if os.environ.get("PAUSE_AT") == "render":
        pathlib.Path(os.environ["PAUSE_MARKER"]).touch()
        time.sleep(600)
    return {"n": 2}
"""
CHAPTERS = {"01-one": VALUES, "02-two": PAUSING_VALUES, "03-three": VALUES}

DRIVER = '''"""Build the book at argv[3] into argv[1] in format argv[2], pausing at
the stage named by $PAUSE_AT once it gets there (after touching $PAUSE_MARKER)."""

import os
import sys
import time
from pathlib import Path

import gradbook.build
import gradbook.formats.pdf
from gradbook import build_stamp, output, pandoc


def pause():
    Path(os.environ["PAUSE_MARKER"]).touch()
    time.sleep(600)


def pausing(function):
    def paused(*args, **kwargs):
        pause()
        return function(*args, **kwargs)
    return paused


class OsPausingAtReplace:
    """os, except that its os.replace number `at` pauses first."""

    def __init__(self, at: int):
        self.at, self.replaced = at, 0

    def __getattr__(self, name):
        return getattr(os, name)

    def replace(self, source, target):
        self.replaced += 1
        if self.replaced == self.at:
            pause()
        os.replace(source, target)


stage = os.environ.get("PAUSE_AT")
if stage == "pandoc":
    pandoc.convert = pausing(pandoc.convert)
elif stage == "typst":
    gradbook.formats.pdf.compile_pdf = pausing(gradbook.formats.pdf.compile_pdf)
elif stage == "publish":
    output.os = OsPausingAtReplace(2)  # the old guide moved aside, the new one not in yet
elif stage == "stamp":
    build_stamp.os = OsPausingAtReplace(1)  # the stamp written to its temporary file
out, fmt, root = sys.argv[1:]
gradbook.build.build(Path(out), fmt, Path(root))
'''


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("book")
    (root / "book.toml").write_text(f'title = "T"\nchapters = {list(CHAPTERS)}\n', encoding="utf-8")
    for slug, values in CHAPTERS.items():
        folder = root / "chapters" / slug
        folder.mkdir(parents=True)
        (folder / "chapter.md.j2").write_text(f"# {slug}\n\nThe number is {{{{ n }}}}.\n", encoding="utf-8")
        (folder / "values.py").write_text(values, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("driver") / "driver.py"
    path.write_text(DRIVER, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean(book, tmp_path_factory):
    """The files a --no-cache build of the book publishes, by format."""
    @functools.cache
    def published_by(fmt: str) -> dict:
        out = tmp_path_factory.mktemp(f"clean-{fmt}")
        build(out, fmt, book, use_cache=False)
        return published(out)
    return published_by


def published(out: Path) -> dict[str, bytes]:
    """Every file under `out` but the cache, by its path there."""
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and p.relative_to(out).parts[0] != "cache"}


def leftovers(out: Path) -> list[str]:
    """What a killed build may leave half-written: staging folders and temporary stamps."""
    stamps = (out / build_stamp.STAMP).parent
    return sorted([p.name for p in out.glob(f"{output.STAGING}*")]
                  + [p.name for p in stamps.glob(f"{build_stamp.TEMPORARY_PREFIX}*")])


class BuildInAProcess:
    """The driver in a process of its own, marked by a tag in its environment
    that every process it starts inherits."""

    def __init__(self, driver: Path, book: Path, out: Path, fmt: str, log: Path, pause: str = "",
                 marker: Path | None = None):
        self.tag, self.log = f"GRADBOOK_TEST_BUILD={uuid.uuid4().hex}", log
        name, value = self.tag.split("=")
        env = {**os.environ, name: value, "PAUSE_AT": pause, "PAUSE_MARKER": str(marker or "")}
        with open(log, "w") as stderr:
            self.process = subprocess.Popen([sys.executable, str(driver), str(out), fmt, str(book)],
                                            env=env, stdout=subprocess.DEVNULL, stderr=stderr)

    def said(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def running(self) -> bool:
        return self.process.poll() is None

    def finish(self) -> None:
        assert self.process.wait(WAIT) == 0, self.said()

    def outcome(self) -> str:
        return f"exit {self.process.returncode}: {self.said()}"

    def processes(self) -> list[int]:
        """The live processes of this build: its own and any it started."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and self.tag.encode() in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:  # gone meanwhile (a zombie's environment reads as empty)
                pass
        return found


class BuildInAThread:
    """A build of the HTML in a thread of this process, with what it says on
    stderr kept apart."""

    def __init__(self, book: Path, out: Path, monkeypatch):
        self.stderr = io.StringIO()
        monkeypatch.setattr(sys, "stderr", self.stderr)
        self.threads = ThreadPoolExecutor(1)
        self.future = self.threads.submit(build, out, "html", book)

    def said(self) -> str:
        return self.stderr.getvalue()

    def running(self) -> bool:
        return not self.future.done()

    def finish(self) -> None:
        self.future.result(WAIT)
        self.threads.shutdown()

    def outcome(self) -> str:
        return repr(self.future.exception())


def wait_for(condition, what: str, seconds: float = WAIT) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


KILLED_DURING = {"render": "html", "pandoc": "html", "typst": "pdf", "publish": "html", "stamp": "html"}
"""Where the kill lands, and the format the build makes."""
HALF_WRITTEN = {"publish", "stamp"}
"""The stages whose kill leaves something half-written."""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="finds the build's processes in /proc")
@pytest.mark.parametrize("stage", list(KILLED_DURING), ids=[f"killed-during-{s}" for s in KILLED_DURING])
def test_a_killed_build_leaves_no_process_and_the_next_build_is_clean(book, driver, clean, tmp_path, stage):
    if stage == "render" and (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the parts are rendered without worker processes")
    fmt, out, marker = KILLED_DURING[stage], tmp_path / "out", tmp_path / "paused"
    build(out, fmt, book, use_cache=False)  # a guide for the killed one to replace; the cache stays empty
    killed = BuildInAProcess(driver, book, out, fmt, tmp_path / "stderr", pause=stage, marker=marker)
    try:
        wait_for(lambda: marker.exists() or not killed.running(), f"the build to reach {stage}")
        assert killed.running(), killed.said()
        if stage == "render":
            assert len(killed.processes()) >= 3, "the build and at least two workers"
        killed.process.send_signal(signal.SIGKILL)
        killed.process.wait(WAIT)
        wait_for(lambda: not killed.processes(), "the killed build's processes to exit", EXIT_WAIT)
    finally:
        for pid in killed.processes():
            os.kill(pid, signal.SIGKILL)
    assert bool(leftovers(out)) == (stage in HALF_WRITTEN)
    build(out, fmt, book)
    assert published(out) == clean(fmt)
    assert leftovers(out) == []


@pytest.mark.slow
@pytest.mark.parametrize("formats, together", [(("html", "html"), ("html",)), (("all", "all"), ("all",)),
                                               (("html", "pdf"), ("html", "pdf"))],
                         ids=["html-and-html", "all-and-all", "html-and-pdf"])
def test_two_builds_into_one_folder_at_once_both_finish_and_publish_a_clean_guide(
        book, driver, clean, tmp_path, formats, together):
    out = tmp_path / "out"
    builds = [BuildInAProcess(driver, book, out, fmt, tmp_path / f"stderr-{i}") for i, fmt in enumerate(formats)]
    for each in builds:
        each.finish()
    assert published(out) == {name: data for fmt in together for name, data in clean(fmt).items()}


def _write_stamps(book: Path, out: Path, start, times: int) -> None:
    start.wait(WAIT)
    for _ in range(times):
        build_stamp.write(out, "html", build_stamp.inputs_key(book, out, "html"))


@pytest.mark.parametrize("writers", [2, 4], ids=["2-processes", "4-processes"])
def test_stamp_writes_from_several_processes_at_once_all_succeed(book, tmp_path, writers):
    out = tmp_path / "out"
    build(out, "html", book)
    context = multiprocessing.get_context("fork")
    start = context.Barrier(writers)
    processes = [context.Process(target=_write_stamps, args=(book, out, start, 100)) for _ in range(writers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(WAIT)
        if process.exitcode is None:
            process.kill()
    assert [process.exitcode for process in processes] == [0] * writers
    assert build_stamp.up_to_date(book, out, "html")
    assert leftovers(out) == []


@pytest.mark.slow
@pytest.mark.parametrize("waiting", ["process", "thread"], ids=["a-build-in-another-process",
                                                               "a-build-in-another-thread"])
def test_a_build_waits_while_another_publishes_then_publishes_its_own(
        book, driver, clean, tmp_path, monkeypatch, waiting):
    out = tmp_path / "out"
    with build_lock.held(out):  # as a build does while it publishes
        second = (BuildInAProcess(driver, book, out, "html", tmp_path / "stderr") if waiting == "process"
                  else BuildInAThread(book, out, monkeypatch))
        wait_for(lambda: second.said() or not second.running(), "the second build to say something")
        assert second.running(), second.outcome()
        assert second.said() == f"waiting for another build to finish publishing into {out} …\n"
        assert published(out) == {build_lock.LOCK: b""}
    second.finish()
    assert published(out) == clean("html")


def test_a_pdf_compile_in_one_thread_does_not_hold_up_an_html_build_in_another(book, clean, tmp_path, monkeypatch):
    """As in `gradbook serve`, whose HTML never waits for its PDF."""
    out, compiling, compiled = tmp_path / "out", threading.Event(), threading.Event()
    compile_pdf = gradbook.formats.pdf.compile_pdf

    def held_compile(*args):
        compiling.set()
        compiled.wait(WAIT)
        return compile_pdf(*args)

    monkeypatch.setattr(gradbook.formats.pdf, "compile_pdf", held_compile)
    with ThreadPoolExecutor(2) as threads:
        pdf = threads.submit(build, out, "pdf", book)
        try:
            wait_for(lambda: compiling.is_set() or pdf.done(), "the PDF build to reach its compile")
            assert compiling.is_set(), pdf.exception()
            threads.submit(build, out, "html", book).result(WAIT)
            assert not pdf.done()
        finally:
            compiled.set()
        pdf.result(WAIT)
    assert published(out) == {**clean("html"), **clean("pdf")}
