"""The preview server, on loopback: it serves the built pages, rebuilds when a
chapter changes, shows a chapter's error in the page without stopping, and
recovers when the chapter is fixed. It serves the site and nothing else: no
file outside the site's folder, by any spelling of its path, and nothing to a
Host other than its own. Every wait is a bounded number of polls; every
request goes to 127.0.0.1."""

import json
import os
import socket
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from gradbook.cli import main
from gradbook.formats.html import CONTENT_SECURITY_POLICY
from gradbook.serve import DOCUMENTS, RELOAD_PATH, STATE_PATH, serve

POLLS, PAUSE = 600, 0.05
"""A rebuild of the one-chapter book takes about a second; the bound is 30 s,
as the suite's other process may be building the whole guide meanwhile. A
passing test waits only as long as the rebuild takes."""
CANARY = "canary: this file lies outside the site"


@contextmanager
def running(tmp_path, log=lambda _: None, on_ready=lambda chapter: None):
    """`serve` on a tiny one-chapter book under tmp_path, on a free port;
    `on_ready(chapter)` runs in the server's thread as it reports its port."""
    root = tmp_path / "book"
    (root / "chapters" / "01-one").mkdir(parents=True)
    (root / "book.toml").write_text('title = "T"\nchapters = ["01-one"]\n', encoding="utf-8")
    chapter = root / "chapters" / "01-one" / "chapter.md.j2"
    chapter.write_text("# One\n\nThe first version.\n", encoding="utf-8")
    (root / "derive").mkdir()
    stop, ready, restarts = threading.Event(), {}, []

    def report(port):
        on_ready(chapter)
        ready["port"] = port

    thread = threading.Thread(target=serve, args=(tmp_path / "out", 0, root, stop),
                              kwargs={"ready": report, "log": log,
                                      "on_code_change": restarts.append},
                              daemon=True)
    thread.start()
    for _ in range(POLLS * 2):
        if "port" in ready or not thread.is_alive():
            break
        time.sleep(PAUSE)
    try:
        assert "port" in ready, "serve did not start listening"
        yield f"http://127.0.0.1:{ready['port']}", chapter, root, restarts, thread
    finally:
        stop.set()
        thread.join(timeout=10)


@pytest.fixture
def server(tmp_path):
    with running(tmp_path) as started:
        yield started


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(port, the folder above the book, the server's log) for one server shared
    by the tests that only read: next to the book lie a page and a file holding
    the canary, and the site holds symlinks to them and a page that is not UTF-8."""
    tmp = tmp_path_factory.mktemp("site")
    for name in ("secret.html", "secret.txt"):
        (tmp / name).write_text(f"<body>{CANARY}</body>", encoding="utf-8")
    log = []
    with running(tmp, log.append) as (base, *_):
        html = tmp / "out" / "html"
        (html / "leak.html").symlink_to(tmp / "secret.html")
        (html / "leak.txt").symlink_to(tmp / "secret.txt")
        (html / "leakdir").symlink_to(tmp)
        (html / "latin1.html").write_bytes("<body>café</body>".encode("latin-1"))
        # The documents (PDF, EPUB) are built in the background: wait for the last one's
        # log line, so that none lands inside a test that checks the log stays quiet.
        last = f"rebuilt the {DOCUMENTS[-1].name.upper()}"
        for _ in range(POLLS * 2):
            if any(line.startswith((last, "error:")) for line in log):
                break
            time.sleep(PAUSE)
        yield int(base.rsplit(":", 1)[1]), tmp, log


def request(port: int, target: str, host: str | None = "127.0.0.1:{port}", method: str = "GET") -> tuple[int, bytes]:
    """(status, the whole reply) for one request sent as is, through a raw
    socket: urllib and http.client would normalize or refuse odd paths.
    `host` may name {port} and {other} (another port); None sends no Host."""
    header = "" if host is None else f"Host: {host.format(port=port, other=port % 65535 + 1)}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"{method} {target} HTTP/1.0\r\n{header}\r\n".encode("latin-1"))
        reply = b"".join(iter(lambda: sock.recv(65536), b""))
    assert reply, "the server closed the connection without a reply"
    return int(reply.split(b" ", 2)[1]), reply


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for_build(base: str, after: int) -> dict:
    for _ in range(POLLS):
        state = json.loads(get(base + STATE_PATH))
        if state["build"] > after:
            return state
        time.sleep(PAUSE)
    raise AssertionError("no rebuild within the bounded wait")


def test_the_server_rebuilds_survives_an_error_and_recovers(server):
    base, chapter, *_ = server
    page = get(base + "/01-one.html")
    assert "The first version." in page and RELOAD_PATH in page
    first = json.loads(get(base + STATE_PATH))["build"]

    chapter.write_text("# One\n\nThe second version.\n", encoding="utf-8")
    state = wait_for_build(base, first)
    assert state["error"] == "" and "The second version." in get(base + "/01-one.html")

    chapter.write_text("# One\n\n{{ no_such_value }}\n", encoding="utf-8")
    state = wait_for_build(base, state["build"])
    assert "no_such_value" in state["error"]
    broken = get(base + "/01-one.html")
    assert 'role="alert"' in broken and "The second version." in broken

    chapter.write_text("# One\n\nThe fixed version.\n", encoding="utf-8")
    state = wait_for_build(base, state["build"])
    assert state["error"] == "" and "The fixed version." in get(base + "/01-one.html")


def test_an_edit_saved_as_the_server_starts_listening_is_rebuilt(tmp_path):
    """An author who saves a chapter the moment the first build ends sees it
    built: the server notes the files' times before that build, not after."""
    def edit(chapter):
        chapter.write_text("# One\n\nSaved at once.\n", encoding="utf-8")

    with running(tmp_path, on_ready=edit) as (base, *_):
        state = wait_for_build(base, 1)
        assert state["error"] == "" and "Saved at once." in get(base + "/01-one.html")


def test_a_change_to_derive_restarts_instead_of_rebuilding(server):
    base, _, root, restarts, thread = server
    (root / "derive" / "new.py").write_text("x = 1\n", encoding="utf-8")
    thread.join(timeout=POLLS * PAUSE)
    assert not thread.is_alive() and len(restarts) == 1


@pytest.mark.parametrize("target", [
    "/../../secret.html",
    "/../../secret.txt",
    "/%2e%2e/%2e%2e/secret.html",
    "/..%2f..%2fsecret.html",
    "/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/%252e%252e/%252e%252e/secret.html",
    "/01-one.html/../../../secret.html",
    "/{tmp}/secret.html",
    "/%2F{tmp}/secret.txt",
    "/..\\..\\secret.html",
    "/..%5c..%5csecret.html",
    "/../../secret.html%00.css",
    "/../../secret.html?page=1",
    "/leak.html",
    "/leak.txt",
    "/leakdir/secret.html",
    "/leakdir/secret.txt",
    "/%67radbook.pdf/../../secret.html",
    "/html/gradbook.pdf",
], ids=["dots", "dots-not-html", "encoded-dots", "encoded-slash", "all-encoded", "double-encoded",
        "through-a-page", "doubled-slash-absolute", "encoded-absolute", "backslashes", "encoded-backslashes",
        "nul-byte", "query", "symlinked-page", "symlinked-file", "symlinked-folder-page", "symlinked-folder-file",
        "document-name-as-a-folder", "document-inside-the-site"])
def test_nothing_outside_the_site_is_served(site, target):
    port, tmp, _ = site
    status, reply = request(port, target.format(tmp=tmp))
    assert status == 404 and CANARY.encode() not in reply


@pytest.mark.parametrize("target, kind, text", [
    ("/", "text/html; charset=utf-8", "Contents"),
    ("/index.html", "text/html; charset=utf-8", RELOAD_PATH),
    ("/01-one.html?x=1", "text/html; charset=utf-8", "The first version."),
    ("/%30%31-one.html", "text/html; charset=utf-8", "The first version."),
    ("//01-one.html", "text/html; charset=utf-8", "The first version."),
    ("/style.css", "text/css", "body"),
    (STATE_PATH, "application/json", '"build"'),
    (RELOAD_PATH, "text/javascript", STATE_PATH),
    ("/gradbook.pdf", "application/pdf", "%PDF"),
    ("/gradbook.pdf?x=1", "application/pdf", "%PDF"),
], ids=["folder", "index", "query", "encoded", "doubled-slash", "stylesheet", "state", "reload-script", "the-pdf-beside-the-site",
        "the-pdf-with-a-query"])
def test_the_site_itself_is_served(site, target, kind, text):
    status, reply = request(site[0], target)
    head, body = reply.split(b"\r\n\r\n", 1)
    assert status == 200 and f"content-type: {kind}\r\n".encode() in head.lower() and text.encode() in body
    assert f"content-security-policy: {CONTENT_SECURITY_POLICY}".encode() in head.lower().split(b"\r\n")


@pytest.mark.parametrize("target", ["/01-one.html", STATE_PATH], ids=["page", "state"])
@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:{port}", 200),
    ("localhost:{port}", 200),
    ("LocalHost:{port}", 200),
    ("[::1]:{port}", 200),
    ("evil.example", 403),
    ("evil.example:{port}", 403),
    ("127.0.0.1:{other}", 403),
    ("127.0.0.1", 403),
    ("localhost.evil.example:{port}", 403),
    (None, 403),
], ids=["ip", "localhost", "localhost-capitals", "ipv6", "evil", "evil-with-port", "other-port", "no-port",
        "suffix", "no-host"])
def test_only_the_servers_own_host_is_answered(site, host, status, target):
    assert request(site[0], target, host)[0] == status


@pytest.mark.parametrize("method, status", [("HEAD", 200), ("POST", 501), ("PUT", 501), ("DELETE", 501)],
                         ids=["head", "post", "put", "delete"])
def test_only_get_and_head_are_answered(site, method, status):
    answer, reply = request(site[0], "/01-one.html", method=method)
    assert answer == status and b"The first version." not in reply


@pytest.mark.parametrize("target", ["/" + "a" * 8000 + ".html", "/" + "a/" * 4000, "/latin1.html"],
                         ids=["long-name", "deep-path", "not-utf-8"])
def test_a_bad_path_or_page_is_a_404_without_a_traceback(site, capfd, target):
    port, _, log = site
    before = len(log)
    assert request(port, target)[0] == 404
    assert "Traceback" not in capfd.readouterr().err and log[before:] == []


def test_a_hundred_clients_at_once_are_all_served(site):
    """Five requests from each of 100 threads, started together; each request
    has a 5 s timeout, so the test is bounded."""
    port, start = site[0], threading.Barrier(100)

    def five(_):
        start.wait(timeout=30)
        return [request(port, "/01-one.html")[0] for _ in range(5)]

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = [status for batch in pool.map(five, range(100)) for status in batch]
    assert statuses == [200] * 500


@pytest.mark.parametrize("out", [
    "a-file",
    "a-file/out",
    pytest.param("read-only/out", marks=pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")),
], ids=["file", "under-a-file", "read-only"])
def test_serve_checks_its_output_folder_before_any_build(tmp_path, monkeypatch, capsys, out):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "read-only").mkdir(mode=0o555)
    calls = []
    monkeypatch.setattr("gradbook.serve.serve", lambda *args: calls.append(args))
    assert main(["serve", "--port", "0", "--out", str(tmp_path / out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write to ") and err.count("\n") == 1 and calls == []
