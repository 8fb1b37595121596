"""`gradbook serve`: build, serve the HTML on 127.0.0.1, and rebuild on change.

One process stays warm, so a rebuild after an edit skips the imports and,
through the build cache, everything the edit did not touch. The watcher
polls the modification times of chapters/, derive/ and book.toml; a change
rebuilds the HTML at once and the PDF after it, in the background. A change
to derive/ restarts the command instead, since its code is imported once. Pages are
served with a small script that asks /__gradbook/state for the build's
number and reloads when it changes. A build error does not stop the server:
the last good pages stay up with the error shown on top (and in the
terminal), and the next good build replaces them.
"""

import html
import json
import os
import sys
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from gradbook.build import build
from gradbook.errors import GradbookError

POLL_SECONDS = 0.3
STATE_PATH = "/__gradbook/state"
RELOAD_SCRIPT = """<script>
(function () {
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
</script>""" % STATE_PATH


@dataclass
class State:
    build: int = 0
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    pdf_lock: threading.Lock = field(default_factory=threading.Lock)


def watched_times(root: Path) -> dict[str, float]:
    paths = [root / "book.toml", *(p for folder in ("chapters", "derive") for p in (root / folder).rglob("*"))]
    return {str(p): p.stat().st_mtime for p in paths if p.is_file() and "__pycache__" not in p.parts}


def _rebuild(out: Path, root: Path, state: State, log) -> None:
    """Build the HTML now and record the outcome in `state`; then the PDF in
    the background (one PDF build at a time; the HTML never waits for it)."""
    try:
        build(out, "html", root)
        error = ""
    except GradbookError as exc:
        error = exc.message
    with state.lock:
        state.error, state.build = error, state.build + 1
    log(f"error: {error}" if error else "rebuilt the HTML")
    if not error:
        threading.Thread(target=_pdf, args=(out, root, state, log), daemon=True).start()


def _pdf(out: Path, root: Path, state: State, log) -> None:
    with state.pdf_lock:
        try:
            build(out, "pdf", root)
            log("rebuilt the PDF")
        except GradbookError as exc:
            log(f"error: {exc.message}")


def _handler(folder: Path, state: State):
    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path == STATE_PATH:
                with state.lock:
                    body = json.dumps({"build": state.build, "error": state.error}).encode()
                return self._send(body, "application/json")
            page = self.path.split("?")[0].lstrip("/") or "index.html"
            target = folder / page
            if target.suffix == ".html" and target.is_file():
                return self._send(_decorated(target.read_text(encoding="utf-8"), state), "text/html; charset=utf-8")
            return super().do_GET()

        def _send(self, body: bytes, kind: str):
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return partial(Handler, directory=str(folder))


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
    _rebuild(out, root, state, log)
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(out / "html", state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    if ready:
        ready(server.server_address[1])
    seen = watched_times(root)
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

