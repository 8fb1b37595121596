"""`gradbook serve`: build, serve the HTML on 127.0.0.1, and rebuild on change.

One process stays warm, so a rebuild after an edit skips the imports and,
through the build cache, everything the edit did not touch. The watcher
polls the modification times of chapters/, derive/ and book.toml; a change
rebuilds the HTML at once and the PDF after it, in the background. A change
to derive/ restarts the command instead, since its code is imported once. Pages are
served with a small script that asks /__gradbook/state for the build's
number and reloads when it changes (a script file of the server's, since
the pages' Content-Security-Policy, also sent as a header, runs no inline script). A build error does not stop the server:
the last good pages stay up with the error shown on top (and in the
terminal), and the next good build replaces them.

The server answers GET and HEAD for the files inside the site's folder and
nothing else: a path that resolves outside it (by `..`, an encoded form, or
a symlink) is 404, and so is a page that is not UTF-8. A request whose Host
is not 127.0.0.1, localhost or [::1] at the server's port, or that has no
Host, is 403, so a page elsewhere cannot read the site through DNS rebinding.
"""

import html
import json
import mimetypes
import os
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from stat import S_ISREG
from urllib.parse import unquote

from gradbook import formats
from gradbook.build import build
from gradbook.errors import GradbookError
from gradbook.formats.html import CONTENT_SECURITY_POLICY

SITE = tuple(f for f in formats.REGISTRY.values() if not f.document)
"""Built first, on every change: the site the server shows."""
DOCUMENTS = tuple(f for f in formats.REGISTRY.values() if f.document)
"""Built after it, in the background, one at a time, each logging "rebuilt the NAME"."""
POLL_SECONDS = 0.3
STATE_PATH = "/__gradbook/state"
RELOAD_PATH = "/__gradbook/reload.js"
RELOAD_SCRIPT = f'<script src="{RELOAD_PATH}"></script>'
RELOADER = ("""(function () {
  let seen = null;
  async function poll() {
    try {
      const state = await (await fetch("%s", {cache: "no-store"})).json();
      if (seen !== null && state.build !== seen) { location.reload(); return; }
      seen = state.build;
    } catch (e) {}
    setTimeout(poll, 500);
  }
  poll();
})();
""" % STATE_PATH).encode()


@dataclass
class State:
    build: int = 0
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    pdf_lock: threading.Lock = field(default_factory=threading.Lock)


def watched_times(root: Path) -> dict[str, tuple[int, int]]:
    """Each watched file's (mtime in ns, size): a save that keeps the mtime's
    tick but changes the size still counts. A file that vanishes while being
    listed (an editor's temporary file, renamed over the chapter) is skipped."""
    paths = [root / "book.toml", *(p for folder in ("chapters", "derive") for p in (root / folder).rglob("*"))]
    times = {}
    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if S_ISREG(stat.st_mode) and "__pycache__" not in path.parts:
            times[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return times


def _rebuild(out: Path, root: Path, state: State, log) -> None:
    """Build the site now and record the outcome in `state`; then the formats
    that are one document (the PDF, the EPUB) in the background, one such
    build at a time: the site never waits for them."""
    try:
        for fmt in SITE:
            build(out, fmt.name, root)
        error = ""
    except GradbookError as exc:
        error = exc.message
    with state.lock:
        state.error, state.build = error, state.build + 1
    log(f"error: {error}" if error else "rebuilt the HTML")
    if not error:
        threading.Thread(target=_documents, args=(out, root, state, log), daemon=True).start()


def _documents(out: Path, root: Path, state: State, log) -> None:
    with state.pdf_lock:
        for fmt in DOCUMENTS:
            try:
                build(out, fmt.name, root)
                log(f"rebuilt the {fmt.name.upper()}")
            except GradbookError as exc:
                log(f"error: {exc.message}")


def site_file(folder: Path, request_path: str) -> Path | None:
    """The file inside `folder` that a request path names, or None.

    The path is percent-decoded once, joined to the folder and resolved (which
    follows symlinks and removes `..`); what lands outside the folder, fails
    to decode, or cannot be looked up (a NUL byte, a name too long) is None.
    A folder stands for its index.html."""
    path = request_path.split("?", 1)[0].split("#", 1)[0]
    try:
        root = folder.resolve()
        target = (root / unquote(path, errors="strict").lstrip("/")).resolve()
        if target.is_dir():
            target = (target / "index.html").resolve()
        inside = target.is_relative_to(root) and target.is_file()
    except (OSError, RuntimeError, UnicodeDecodeError, ValueError):
        return None
    return target if inside else None


def allowed_hosts(port: int) -> set[str]:
    """The Host headers a browser sends for this server. Any other Host, or
    none, is refused: a page on another site that rebinds its name to
    127.0.0.1 (DNS rebinding) would send its own name."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    return {f"{name}:{port}" for name in names} | (names if port == 80 else set())


def _handler(out: Path, state: State):
    """Serves the site under OUT, and at /NAME each document a format publishes
    beside it (the PDF, the EPUB), which the site links to as ../NAME."""
    folder = out / SITE[0].output
    documents = {f"/{fmt.output}": out / fmt.output for fmt in DOCUMENTS}

    class Handler(BaseHTTPRequestHandler):
        timeout = 30
        """Seconds a connection may sit idle before it is closed."""

        def do_GET(self):
            self._respond(with_body=True)

        def do_HEAD(self):
            self._respond(with_body=False)

        def _respond(self, with_body: bool):
            if self.headers.get("Host", "").lower() not in allowed_hosts(self.server.server_address[1]):
                return self.send_error(403, "unknown Host")
            if self.path.split("?", 1)[0] == STATE_PATH:
                with state.lock:
                    body = json.dumps({"build": state.build, "error": state.error}).encode()
                return self._send(body, "application/json", with_body)
            if self.path.split("?", 1)[0] == RELOAD_PATH:
                return self._send(RELOADER, "text/javascript", with_body)
            document = documents.get(self.path.split("?", 1)[0])
            target = document if document is not None and document.is_file() else site_file(folder, self.path)
            body = _contents(target, state) if target else None
            if body is None:
                return self.send_error(404)
            kind = "text/html; charset=utf-8" if target.suffix == ".html" else _content_type(target)
            self._send(body, kind, with_body)

        def _send(self, body: bytes, kind: str, with_body: bool):
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def _contents(target: Path, state: State) -> bytes | None:
    """The bytes to send for a file of the site, a page with the reload script;
    None if it vanished (a rebuild swapped the folder) or is a page that is not
    UTF-8 (the build writes UTF-8, so it is not one of ours)."""
    try:
        data = target.read_bytes()
        return _decorated(data.decode("utf-8"), state) if target.suffix == ".html" else data
    except (OSError, UnicodeDecodeError):
        return None


def _content_type(target: Path) -> str:
    return mimetypes.guess_type(target.name)[0] or "application/octet-stream"


class _Server(ThreadingHTTPServer):
    """A threading HTTP server with a long listen queue (the default of 5 drops
    connections when many open at once) that reports a failed request in one
    line, never a traceback."""

    request_queue_size = socket.SOMAXCONN

    def __init__(self, address, handler, log):
        super().__init__(address, handler)
        self.log = log

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):  # a client that hung up is not news
            self.log(f"error: a request failed: {error!r}")


def _decorated(page: str, state: State) -> bytes:
    with state.lock:
        error = state.error
    banner = (f'<div role="alert" style="background:#fde8e8;border-bottom:2px solid #c0392b;padding:.8rem 1rem;'
              f'font-family:monospace;white-space:pre-wrap">{html.escape(error)}</div>') if error else ""
    page = page.replace("<body>", f"<body>{banner}", 1)
    return page.replace("</body>", f"{RELOAD_SCRIPT}</body>", 1).encode()


def restart(log) -> None:
    """Start this command again in this process: derive's code is imported once,
    so a change to it needs fresh imports, not just a rebuild."""
    log("derive changed: restarting")
    os.execv(sys.executable, [sys.executable, "-m", "gradbook", *sys.argv[1:]])


def serve(out: Path, port: int, root: Path, stop: threading.Event, ready=None, log=print,
          on_code_change=restart) -> None:
    """Serve until `stop` is set; `ready(port)` is told the port once listening."""
    state = State()
    seen = watched_times(root)  # before the first build: an edit saved during it, or the moment after, is not missed
    _rebuild(out, root, state, log)
    server = _Server(("127.0.0.1", port), _handler(out, state), log)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    if ready:
        ready(server.server_address[1])
    try:
        while not stop.wait(POLL_SECONDS):
            now = watched_times(root)
            if now != seen:
                changed = {p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)}
                seen = now
                if any(Path(p).is_relative_to(root / "derive") for p in changed):
                    server.shutdown()
                    server.server_close()
                    on_code_change(log)
                    return
                _rebuild(out, root, state, log)
    finally:
        server.shutdown()
        server.server_close()

