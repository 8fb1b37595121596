"""Every page of the built guide in a real browser: it loads without a console
error or a failed request, its MathML is laid out, its figures load and have
alt text, it keeps to a phone's width, an accessibility scan finds nothing
serious in light or dark colours, and the previous and next links walk the whole guide in order."""

import threading
from dataclasses import dataclass
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gradbook.book import load_book
from tests.gradbook.browser.conftest import WIDTHS, url

BOOK = load_book()
PAGES = ["index.html"] + [part.page for part in BOOK.parts]
SERIOUS = ("serious", "critical")


@dataclass(frozen=True)
class Visit:
    """What one load of a page showed."""

    problems: tuple
    sideways: bool
    math: int
    flat_math: tuple
    images: int
    broken_images: tuple
    missing_alt: tuple
    violations: tuple


@pytest.fixture(scope="session")
def visit(browser, site):
    """visit(page, scheme, width): what loading the page showed, loaded once
    for the session for each scheme and width, however the test asks."""
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()

    @cache
    def load(name: str, scheme: str, width: int) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        problems = []
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
        page.goto(url(site, name))
        page.wait_for_load_state("load")
        sideways = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        flat = page.eval_on_selector_all("math", """els => els.filter(e => {
            const r = e.getBoundingClientRect(); return !(r.width > 0 && r.height > 0);
        }).map(e => e.textContent.slice(0, 60))""")
        images = page.eval_on_selector_all("img", """els => els.map(i => ({
            src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0, alt: (i.getAttribute('alt') || '').trim()}))""")
        unnamed_svgs = page.eval_on_selector_all("svg[role=img]", """els => els.filter(s => {
            const id = s.getAttribute('aria-labelledby');
            return !(id && document.getElementById(id) && document.getElementById(id).textContent.trim());
        }).map(s => s.id)""")
        loaded = tuple(problems)  # axe's own requests for the stylesheet fail on file:// pages
        violations = [f"{v['id']} {[n['target'] for n in v['nodes']][:3]} ({v['impact']}): {v['help']}" for v in axe.run(page).response["violations"]
                      if v["impact"] in SERIOUS]
        math = page.eval_on_selector_all("math", "els => els.length")
        context.close()
        return Visit(loaded, sideways, math, tuple(flat), len(images),
                     tuple(i["src"] for i in images if not i["ok"]),
                     tuple(i["src"] for i in images if not i["alt"]) + tuple(unnamed_svgs), tuple(violations))

    return lambda name, scheme="light", width=WIDTHS["laptop"]: load(name, scheme, width)


@pytest.mark.parametrize("name", PAGES)
def test_the_page_loads_without_errors_or_failed_requests(visit, name):
    assert visit(name).problems == ()


@pytest.mark.parametrize("name", PAGES)
def test_every_formula_is_laid_out(visit, name):
    assert visit(name).flat_math == ()


def test_the_chapters_have_formulas_to_lay_out(visit):
    assert all(visit(part.page).math > 10 for part in BOOK.parts if part.number is not None and part.number <= 6)


@pytest.mark.parametrize("name", PAGES)
def test_every_figure_loads_and_has_alt_text(visit, name):
    assert visit(name).broken_images == ()
    assert visit(name).missing_alt == ()


def test_the_figures_were_looked_at(visit):
    """The checks above looked at real images, not at pages without any."""
    assert sum(visit(part.page).images for part in BOOK.parts) >= 10


SCREENS = {"laptop": "light", "phone": "dark"}
"""The colours each width in WIDTHS is visited in: a page's layout depends on the
width and its contrast on the colours, so two visits (each with its accessibility
scan) cover both widths and both colour schemes."""


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_the_page_never_scrolls_sideways(visit, name, screen):
    """Wide formulas and tables scroll inside their own box; the page itself keeps to the screen."""
    assert not visit(name, SCREENS[screen], WIDTHS[screen]).sideways


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_an_accessibility_scan_finds_nothing_serious(visit, name, screen):
    """In light and dark colours; on a phone, formulas and tables that scroll sideways must take keyboard focus."""
    assert visit(name, SCREENS[screen], WIDTHS[screen]).violations == ()


def test_next_and_previous_walk_the_guide_in_order(tab, site):
    page = tab.open(url(site, "index.html"))
    forward = ["index.html"]
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").click()
        page.wait_for_load_state("load")
        forward.append(page.url.rsplit("/", 1)[-1].split("#")[0])
    backward = [forward[-1]]
    while page.locator("a[rel=prev]").count():
        page.locator("a[rel=prev]").click()
        page.wait_for_load_state("load")
        backward.append(page.url.rsplit("/", 1)[-1].split("#")[0])
    assert forward == PAGES
    assert backward == PAGES[::-1]
    assert tab.problems == []


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(site):
    """The built site over HTTP on loopback, as `gradbook serve` shows it: a
    browser then also asks for things a file:// page never does (a favicon)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("name", ["index.html", "03-depth.html", "explorer.html"])
def test_a_page_served_over_http_loads_cleanly(tab, served, name):
    tab.open(served + name)
    tab.page.wait_for_timeout(300)
    assert tab.problems == []
