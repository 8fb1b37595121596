"""The preview server, on loopback: it serves the built pages, rebuilds when a
chapter changes, shows a chapter's error in the page without stopping, and
recovers when the chapter is fixed. Every wait is a bounded number of polls."""

import json
import threading
import time
import urllib.request

import pytest

from gradbook.serve import STATE_PATH, serve

POLLS, PAUSE = 200, 0.05


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "book"
    (root / "chapters" / "01-one").mkdir(parents=True)
    (root / "book.toml").write_text('title = "T"\nchapters = ["01-one"]\n', encoding="utf-8")
    chapter = root / "chapters" / "01-one" / "chapter.md.j2"
    chapter.write_text("# One\n\nThe first version.\n", encoding="utf-8")
    (root / "derive").mkdir()
    stop, ready, restarts = threading.Event(), {}, []
    thread = threading.Thread(target=serve, args=(tmp_path / "out", 0, root, stop),
                              kwargs={"ready": lambda port: ready.setdefault("port", port), "log": lambda _: None,
                                      "on_code_change": restarts.append},
                              daemon=True)
    thread.start()
    for _ in range(POLLS * 4):
        if "port" in ready:
            break
        time.sleep(PAUSE)
    yield f"http://127.0.0.1:{ready['port']}", chapter, root, restarts, thread
    stop.set()
    thread.join(timeout=10)


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
    assert "The first version." in page and STATE_PATH in page
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


def test_a_change_to_derive_restarts_instead_of_rebuilding(server):
    base, _, root, restarts, thread = server
    (root / "derive" / "new.py").write_text("x = 1\n", encoding="utf-8")
    thread.join(timeout=POLLS * PAUSE)
    assert not thread.is_alive() and len(restarts) == 1
