"""The page shell in a real browser: search from file://, the colour toggle,
the chapter list that folds away on a phone, and what the reader can read:
primes, percentages kept with their numbers, formulas at a legible size."""

import json
import re
from collections import Counter

import pytest

from gradbook.book import load_book
from tests.gradbook.browser.conftest import WIDTHS, url
from tests.gradbook.browser.test_pages import PAGES, SERIOUS, served  # noqa: F401 (a fixture)

BOOK = load_book()
CHAPTERS = [part for part in BOOK.parts if part.number is not None]
SMALLEST_MATH_PX = 14
"""The smallest computed font size a formula or a prime may have: a little
under the body's 16-17 px, well over a script's 12 px."""
SMALLEST_SVG_PX = 10.5
"""The smallest size the explorer's chart text may be drawn at, once its
drawing is scaled to the column: a phone's smallest legible print."""


def search_index(site) -> list[dict]:
    script = (site / "search-index.js").read_text(encoding="utf-8")
    return json.loads(script[script.index("["):script.rindex("]") + 1])


def distinctive_word(site, page: str) -> str:
    """The word used most often on `page` that no other page uses: a term a
    reader would search for to find that chapter, read from the built text
    (a lower-case word of prose, not letters of a formula such as "ninVar")."""
    words = {}
    for entry in search_index(site):
        words.setdefault(entry["page"], Counter()).update(re.findall(r"\b[a-z]{6,}\b", entry["text"]))
    elsewhere = set().union(*(counted for other, counted in words.items() if other != page))
    return min((word for word in words[page] if word not in elsewhere), key=lambda word: (-words[page][word], word))


def results(page) -> list[str]:
    return page.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[part.slug for part in CHAPTERS])
def test_searching_a_chapters_own_word_finds_and_opens_it(tab, site, chapter):
    word = distinctive_word(site, chapter.page)
    page = tab.open(url(site, "index.html"))
    page.fill("#search-box", word)
    found = [href for href in results(page) if href.split("#")[0] == chapter.page]
    assert found, f"searching {word!r} did not list {chapter.page}: {results(page)}"
    page.locator(f'#search-results a[href="{found[0]}"]').click()
    page.wait_for_load_state("load")
    assert page.url.rsplit("/", 1)[-1].split("#")[0] == chapter.page
    assert tab.problems == []


def test_search_works_under_gradbook_serve_too(tab, served):
    page = tab.open(served + "index.html")
    page.fill("#search-box", "saturation")
    assert results(page)
    page.press("#search-box", "Enter")
    page.wait_for_load_state("load")
    assert page.url.split("#")[0] != served + "index.html"
    assert tab.problems == []


def test_what_the_reader_types_is_shown_as_text_never_run(tab, site):
    page = tab.open(url(site, "index.html"))
    page.fill("#search-box", "<b>sigmoid</b>")
    assert results(page), "the query found nothing, so nothing was shown to check"
    assert page.locator("#search-results b").count() == 0
    assert tab.problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_results_pass_the_accessibility_scan(browser, site, scheme):
    from axe_playwright_python.sync_playwright import Axe
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url(site, "03-depth.html"))
    page.fill("#search-box", "sigmoid")
    assert len(results(page)) > 3
    violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    context.close()
    assert violations == []


BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def darkness(colour: str) -> float:
    """0 for white, 1 for black, from a computed rgb() colour."""
    red, green, blue = (int(x) for x in re.findall(r"\d+", colour)[:3])
    return 1 - (red + green + blue) / (3 * 255)


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_toggle_overrides_the_system_and_is_remembered(browser, site, system):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=system)
    page = context.new_page()
    page.goto(url(site, "02-tanh.html"))
    before = darkness(page.evaluate(BACKGROUND))
    assert (before > 0.5) == (system == "dark")
    page.click(".theme-toggle")
    assert (darkness(page.evaluate(BACKGROUND)) > 0.5) == (system == "light")
    page.goto(url(site, "05-relu-family.html"))
    after = darkness(page.evaluate(BACKGROUND))
    pressed = page.get_attribute(".theme-toggle", "aria-pressed")
    context.close()
    assert (after > 0.5) == (system == "light")
    assert pressed == ("true" if system == "light" else "false")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", ["index.html", "03-depth.html"])
def test_on_a_phone_the_chapter_list_folds_behind_a_button(phone, site, name):
    phone.goto(url(site, name))
    folded = phone.evaluate("document.querySelector('.sidebar').getBoundingClientRect().height")
    assert folded < 200, f"the page shell takes {folded:.0f} px above the text"
    assert not phone.is_visible("#toc a")
    phone.click(".toc-toggle")
    assert phone.is_visible("#toc a")
    assert phone.get_attribute(".toc-toggle", "aria-expanded") == "true"


TABLE_PAGES = ["01-sigmoid-slope.html", "03-depth.html", "08-numbers.html"]


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_on_a_phone_a_table_caption_spans_the_column(phone, site, name):
    phone.goto(url(site, name))
    widths = phone.eval_on_selector_all("main table > caption", """captions => captions.map(c =>
        [c.getBoundingClientRect().width, document.querySelector('main').clientWidth])""")
    assert widths, f"{name} has no table captions to check"
    narrow = [caption for caption, column in widths if caption < 0.8 * column]
    assert narrow == []


SIZES = """() => [...document.querySelectorAll('math')].flatMap(m => {
    const primes = [...m.querySelectorAll('msup > mo')].filter(o => /^[′″‴]$/.test(o.textContent.trim()));
    return [m, ...primes].map(e => [e.tagName + ' ' + e.textContent.slice(0, 30), parseFloat(getComputedStyle(e).fontSize)]);
})"""


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_formula_or_prime_is_set_too_small(screens, site, name, screen):
    """Every formula, and every prime in one (σ′, which MathML sets at a
    script's size and so nearly hides), is at least SMALLEST_MATH_PX."""
    page = screens[screen]
    page.goto(url(site, name))
    small = [(what, size) for what, size in page.evaluate(SIZES) if size < SMALLEST_MATH_PX]
    assert small == []


SVG_SIZES = """() => [...document.querySelectorAll('svg text')].map(t => {
    const svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
    const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
    return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale];
})"""


@pytest.mark.parametrize("screen", WIDTHS)
def test_the_explorers_chart_text_is_legible(screens, site, screen):
    page = screens[screen]
    page.goto(url(site, "explorer.html"))
    page.wait_for_load_state("load")
    sizes = page.evaluate(SVG_SIZES)
    assert len(sizes) > 10, "the explorer drew no charts to measure"
    assert [(text, round(size, 1)) for text, size in sizes if size < SMALLEST_SVG_PX] == []


PERCENT_LINES = """() => {
    const parted = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const percent = node.data.indexOf('%');
        if (percent < 0) continue;
        const sign = document.createRange();
        sign.setStart(node, percent);
        sign.setEnd(node, percent + 1);
        const number = document.createRange();
        const before = node.previousSibling;
        if (percent === 0 && before && before.localName === 'math') number.selectNode(before);
        else if (percent > 0 && /\\d\\s?$/.test(node.data.slice(0, percent))) {
            number.setStart(node, node.data.slice(0, percent).search(/\\d\\s?$/));
            number.setEnd(node, percent);
        } else continue;
        const a = number.getBoundingClientRect(), b = sign.getBoundingClientRect();
        if (b.top >= a.bottom - 2) parted.push(node.data.slice(Math.max(0, percent - 20), percent + 1));
    }
    return parted;
}"""


@pytest.mark.parametrize("name", [part.page for part in CHAPTERS] + ["audit.html"])
def test_on_a_phone_no_number_parts_from_its_percent_sign(phone, site, name):
    phone.goto(url(site, name))
    assert phone.evaluate(PERCENT_LINES) == []


def test_a_page_printed_from_dark_mode_prints_dark_ink_on_white(browser, site):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(url(site, "02-tanh.html"))
    page.emulate_media(media="print")
    ink = page.evaluate("getComputedStyle(document.querySelector('main p')).color")
    context.close()
    assert darkness(ink) > 0.7
