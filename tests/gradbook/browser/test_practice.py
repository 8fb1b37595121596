"""The practice widgets in a real browser, from file:// as a reader opens the
guide: on the practice appendix and on a chapter's exercises, the key's value
is correct, a value just past the tolerance is incorrect with the grader's
feedback, text that is not a number is invalid with its pointer, "New
problem" shows another statement whose own key is correct, the state
survives a reload and Reset clears it; keyboard only, on a phone's width, in
light and dark colours with axe, and against crafted storage and markup. The
verdicts and feedback are held to gradbook.practice.grade's for the same
answer and text. Every page keeps to its Content-Security-Policy, from
file:// and over HTTP with the header `gradbook serve` sends."""

import json
import threading
from decimal import Decimal, localcontext
from fractions import Fraction
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gradbook.book import load_book
from gradbook.formats.html import CONTENT_SECURITY_POLICY
from gradbook.practice.grade import grade
from gradbook.practice.model import Answer
from gradbook.practice.rules import IntervalRule
from tests.gradbook.browser.conftest import WIDTHS, url

PAGES = {"the practice appendix": "practice.html", "a chapter's exercises": "01-sigmoid-slope.html"}
STORE = "gradbook-practice"
"""The localStorage key practice.js keeps the learner's state under."""
HOSTILE = '<img src=x onerror="window.pwned = 1">'
WATCH = """() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation',
        e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""
"""Recorded before any of the page's scripts run: every breach of the page's policy."""


@pytest.fixture
def reader(browser):
    """open(page, width=1280, scheme="light") -> a page, loaded from the built
    guide, with a record of the errors on it; the context is closed after."""
    contexts = []

    def open_page(address: str, width: int = WIDTHS["laptop"], scheme: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
        page.add_init_script(f"({WATCH})()")
        page.goto(address)
        page.wait_for_load_state("load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def widgets_with_an_interval(page) -> list[int]:
    """The indexes of the page's widgets whose first answer has a tolerance interval."""
    answers = page.eval_on_selector_all("div.practice", "els => els.map(e => JSON.parse(e.dataset.answers))")
    return [i for i, found in enumerate(answers)
            if isinstance(Answer.from_dict(found[0]["answer"]).grading, IntervalRule)]


def first_answer(widget) -> Answer:
    """The first answer of the variant the widget shows (the printed one, or its pool's)."""
    data = widget.evaluate("""w => {
        const printed = JSON.parse(w.dataset.answers);
        const stored = JSON.parse(localStorage.getItem('gradbook-practice') || 'null');
        const name = location.pathname.split('/').pop() + '#' + w.previousElementSibling.id;
        const state = stored && stored.widgets[name];
        if (!state || state.variant === w.dataset.variant) return printed[0].answer;
        return window.gradbookPools[w.dataset.poolKey].find(v => v.id === state.variant).answers[0].answer;
    }""")
    return Answer.from_dict(data)


def decimal_text(value: Fraction) -> str:
    with localcontext() as context:
        context.prec = 40
        return str(Decimal(value.numerator) / Decimal(value.denominator))


def just_outside(answer: Answer) -> str:
    """A number a thousandth of the tolerance above the highest value accepted."""
    truth = Fraction(answer.value)
    high = answer.grading.interval(truth)[1]
    return decimal_text(high + (high - truth) / 1000)


def check(widget, typed: str) -> tuple[str, str]:
    """(the verdict's class, its text) after typing `typed` in the first field and pressing Enter."""
    field = widget.locator("input").first
    field.fill(typed)
    field.press("Enter")
    verdict = widget.locator(".verdict").first
    return verdict.get_attribute("class"), verdict.text_content()


def shown(verdict: tuple[str, str], expected) -> bool:
    """Whether the page shows the Python grader's verdict and, unless correct, its feedback word for word."""
    kind, text = verdict
    return f"verdict-{expected.verdict}" in kind.split() and (expected.verdict == "correct" or expected.feedback in text)


def statement_of(page) -> str:
    """The statement of the other problem the page shows, without the line that introduces it."""
    return page.eval_on_selector(".practice-variant", """v => Array.from(v.children)
        .filter(e => !e.classList.contains('variant-label')).map(e => e.textContent).join(' ')""")


@pytest.mark.parametrize("name", PAGES.values(), ids=PAGES.keys())
def test_check_new_problem_reload_and_reset(reader, site, name):
    page = reader(url(site, name))
    index = widgets_with_an_interval(page)[0]
    widget = page.locator("div.practice.ready").nth(index)
    answer = first_answer(widget)
    for typed, verdict in [(answer.value, "correct"), (just_outside(answer), "incorrect"), ("about 0.03", "invalid")]:
        expected = grade(answer, typed)
        assert expected.verdict == verdict
        assert shown(check(widget, typed), expected)
    printed = widget.evaluate("w => w.previousElementSibling.textContent")

    widget.get_by_role("button", name="New problem").click()
    page.locator(".practice-variant").first.wait_for()
    drawn = statement_of(page)
    assert drawn not in printed and page.evaluate("document.activeElement.id").endswith("-answer-0")
    fresh = first_answer(widget)
    assert fresh != answer
    assert shown(check(widget, fresh.value), grade(fresh, fresh.value))

    page.reload()
    page.wait_for_load_state("load")
    widget = page.locator("div.practice.ready").nth(index)
    page.locator(".practice-variant").first.wait_for()
    assert statement_of(page) == drawn
    assert widget.locator("input").first.input_value() == fresh.value
    assert "verdict-correct" in widget.locator(".verdict").first.get_attribute("class").split()

    widget.get_by_role("button", name="Reset").click()
    assert page.locator(".practice-variant").count() == 0
    assert widget.locator("input").first.input_value() == ""
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator(".practice-variant").count() == 0
    assert page.locator("div.practice.ready").nth(index).locator("input").first.input_value() == ""
    assert page.problems == [] and page.evaluate("window.violations") == []


@pytest.mark.parametrize("name", PAGES.values(), ids=PAGES.keys())
def test_hint_and_solution_open_and_close(reader, site, name):
    page = reader(url(site, name))
    widget = page.locator("div.practice.ready").first
    for button, panel in [("Hint", ".practice-hint"), ("Show solution", ".practice-solution")]:
        widget.get_by_role("button", name=button).click()
        opened = widget.locator(panel)
        opened.wait_for()
        assert opened.text_content().strip()
        assert widget.locator(f"button[aria-controls='{opened.get_attribute('id')}']").get_attribute("aria-expanded") == "true"
    widget.get_by_role("button", name="Hide hint").click()
    assert widget.locator(".practice-hint").is_hidden()


@pytest.mark.parametrize("name", PAGES.values(), ids=PAGES.keys())
def test_keyboard_only_tab_to_the_field_and_enter_checks(reader, site, name):
    page = reader(url(site, name))
    widget = page.locator("div.practice.ready").first
    target = widget.locator("input").first.get_attribute("id")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == target:
            break
    else:
        pytest.fail("the answer field is never reached with Tab")
    answer = first_answer(widget)
    page.keyboard.type(answer.value)
    page.keyboard.press("Enter")
    assert shown((widget.locator(".verdict").first.get_attribute("class"), widget.locator(".verdict").first.text_content()),
                 grade(answer, answer.value))
    label = page.locator(f"label[for='{target}']").text_content()
    described = widget.locator("input").first.get_attribute("aria-describedby").split()
    assert label == answer.name and all(page.locator(f"#{id}").count() == 1 for id in described)
    assert widget.locator("[aria-live=polite]").count() >= 1


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)], ids=["light", "phone-dark"])
# Contrast depends on the colours and layout on the width, so these two cover both of each at half the scans.
@pytest.mark.parametrize("name", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_nothing_serious_with_verdicts_and_panels_shown_and_a_phone_can_use_it(reader, site, name, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    page = reader(url(site, name), width, scheme)
    widget = page.locator("div.practice.ready").first
    answer = first_answer(widget)
    check(widget, answer.value)
    for button, panel in [("Hint", ".practice-hint"), ("Show solution", ".practice-solution")]:
        widget.get_by_role("button", name=button).click()
        widget.locator(panel).wait_for()
    widget.get_by_role("button", name="New problem").click()
    page.locator(".practice-variant").first.wait_for()
    check(widget, "about 0.03")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                  for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == []
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    boxes = widget.evaluate("""w => Array.from(w.querySelectorAll('input, button'), e => {
        const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width, height: r.height};
    })""")
    assert all(b["left"] >= 0 and b["right"] <= width and b["width"] >= 24 and b["height"] >= 24 for b in boxes)


def entry(name: str, variant: str, typed, **changes) -> str:
    """A stored state for the widget `name` ("page.html#anchor") showing `variant`, with `typed` in its
    field "slope" as checked, and `changes` made to the entry's top level."""
    return json.dumps({"version": 1, "widgets": {name: {"variant": variant, "answers": {
        FIELD: {"typed": typed, "checked": True}}}}, **changes})


FIELD = "the first answer"
"""Where a crafted entry puts its text: replaced by the widget's first answer's name."""
CRAFTED = {
    "well-formed (restored)": (lambda name, variant: entry(name, variant, "0.5"), "0.5"),
    "not JSON": (lambda name, variant: entry(name, variant, "0.5")[:-1], ""),
    "another version": (lambda name, variant: entry(name, variant, "0.5", version=2), ""),
    "a script as the variant": (lambda name, variant: entry(name, "<script>window.pwned = 1</script>", "0.5"), ""),
    "a key that is not a page": (lambda name, variant: entry("__proto__", variant, "0.5"), ""),
    "an answer far too long": (lambda name, variant: entry(name, variant, "9" * 100_000), ""),
    "a number where text belongs": (lambda name, variant: entry(name, variant, 7), ""),
    "another entry beside it is crafted": (lambda name, variant: entry(name, variant, "0.5").replace(
        '"widgets": {', '"widgets": {"x.html#y": {"variant": 1}, '), ""),
}


@pytest.mark.parametrize("name", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("crafted, restored", CRAFTED.values(), ids=CRAFTED.keys())
def test_a_crafted_stored_entry_is_ignored(reader, site, name, crafted, restored):
    page = reader(url(site, name))
    widget = page.locator("div.practice.ready").first
    anchor, variant = widget.evaluate("w => [w.previousElementSibling.id, w.dataset.variant]")
    text = crafted(f"{name}#{anchor}", variant).replace(json.dumps(FIELD), json.dumps(first_answer(widget).name))
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, text])
    page.reload()
    page.wait_for_load_state("load")
    widget = page.locator("div.practice.ready").first
    assert widget.locator("input").first.input_value() == restored and page.locator(".practice-variant").count() == 0
    assert page.evaluate("window.pwned") is None and page.problems == []


@pytest.mark.parametrize("name", PAGES.values(), ids=PAGES.keys())
def test_markup_typed_or_stored_as_an_answer_is_shown_as_text(reader, site, name):
    page = reader(url(site, name))
    widget = page.locator("div.practice.ready").first
    kind, text = check(widget, HOSTILE)
    assert "verdict-invalid" in kind.split() and grade(first_answer(widget), HOSTILE).feedback in text
    page.reload()
    page.wait_for_load_state("load")
    widget = page.locator("div.practice.ready").first
    assert widget.locator("input").first.input_value() == HOSTILE
    assert "verdict-invalid" in widget.locator(".verdict").first.get_attribute("class").split()
    assert page.locator("img[src=x]").count() == 0 and page.evaluate("window.pwned") is None


class _PolicyHandler(SimpleHTTPRequestHandler):
    """The built site as `gradbook serve` sends it: with the policy as a header too."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_PolicyHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


ALL_PAGES = ["index.html"] + [part.page for part in load_book().parts]
USE = """async () => {
    const search = document.getElementById('search-box');
    search.value = 'gradient'; search.dispatchEvent(new Event('input', {bubbles: true}));
    document.querySelector('.theme-toggle').click();
    const range = document.getElementById('c-w-range');
    if (range) { range.value = '0.5'; range.dispatchEvent(new Event('input', {bubbles: true})); }
    const fresh = Array.from(document.querySelectorAll('.practice button')).find(b => b.textContent === 'New problem');
    if (fresh) fresh.click();
    await new Promise(resolve => setTimeout(resolve, 400));
    document.querySelectorAll('details').forEach(d => d.open = true);
    return {
        results: document.querySelectorAll('#search-results li').length,
        theme: document.documentElement.dataset.theme,
        math: Array.from(document.querySelectorAll('math')).filter(m => m.checkVisibility())
                   .every(m => m.getBoundingClientRect().height > 0),
        drawn: !range || document.querySelectorAll('.explorer svg .curve').length > 0,
        variant: !fresh || document.querySelectorAll('.practice-variant').length > 0,
    };
}"""
"""Everything the pages script: the search, the colour toggle, the explorer, a new practice problem."""


@pytest.mark.parametrize("scheme", ["file", "http"])
@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_page_works_within_its_content_security_policy(reader, site, served, name, scheme):
    page = reader(url(site, name) if scheme == "file" else served + name)
    used = page.evaluate(USE)
    assert used == {"results": used["results"], "theme": "dark", "math": True, "drawn": True, "variant": True}
    assert used["results"] > 0
    assert page.evaluate("window.violations") == [] and page.problems == []


def test_the_policy_is_enforced_and_its_breaches_are_seen(reader, site):
    """An inline script is refused and reported: the test above would see a breach."""
    page = reader(url(site, "practice.html"))
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.pwned = 1'; document.body.append(s); }""")
    page.wait_for_timeout(100)
    assert page.evaluate("window.pwned") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.violations"))


def test_a_huge_paste_is_refused_and_not_kept(reader, site):
    """A megabyte in the field: the grader refuses it, and the stored state keeps no such answer."""
    page = reader(url(site, "practice.html"))
    widget = page.locator("div.practice.ready").first
    pasted = "1" * 1_000_000
    kind, text = check(widget, pasted)
    assert "verdict-invalid" in kind.split() and grade(first_answer(widget), pasted).feedback in text
    assert len(page.evaluate(f"localStorage.getItem('{STORE}')")) < 10_000
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator("div.practice.ready").first.locator("input").first.input_value() == ""
    assert page.problems == []
