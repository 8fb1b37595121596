"""The gradient explorer in a real browser, held to derive: for a table of
settings every number it shows equals derive.gradient_path's 60-digit value
in the house style; its number formatting is derive's; the chapters' links
set it up; bad input is refused in place. What its generated script holds
is held to independent values instead: each formula and normalized factor to
the textbook definition in mpmath, each format's limits to numpy's.
Its response time is measured and reported, not asserted."""

import statistics
from decimal import Decimal

import mpmath
import numpy as np
import pytest

from derive import activation, numbers
from derive.activations import mp_function
from derive.gradient_path import ACTIVATIONS, Setting, format_losses, gradient_path
from derive.precision import workdps
from derive.registry import rational
from gradbook import explorer
from gradbook.book import load_book
from gradbook.chapter_code import load_module
from tests.conftest import TIMING
from tests.gradbook.browser.conftest import RESPONSE_TIMES, url

SETTINGS = {
    "sigmoid-steepest": ("sigmoid", 50, "1", "0", "z", "plain"),
    "sigmoid-saturated": ("sigmoid", 10, "1", "5", "z", "plain"),
    "anchor-network": ("sigmoid", 4, "0.1", "1", "x", "plain"),
    "tanh-off-centre": ("tanh", 50, "1", "2", "z", "plain"),
    "tanh-traced-skip": ("tanh", 30, "1.5", "0.5", "x", "skip"),
    "tanh-beyond-float64": ("tanh", 50, "5", "10", "z", "plain"),
    "relu-dead": ("relu", 10, "1", "-0.5", "z", "plain"),
    "leaky-relu-negative-w": ("leaky-relu", 50, "-5", "-10", "z", "plain"),
    "gelu-traced": ("gelu", 30, "1.5", "1", "x", "plain"),
    "gelu-negative-slope": ("gelu", 20, "1", "-3", "z", "plain"),
    "sigmoid-normalized": ("sigmoid", 50, "-2", "0", "z", "normalized"),
    "relu-normalized": ("relu", 50, "1", "3", "x", "normalized"),
    "sigmoid-skip": ("sigmoid", 50, "1", "0", "z", "skip"),
    "sigmoid-skip-far-out": ("sigmoid", 50, "-5", "-10", "x", "skip"),
}


def house(value) -> str:
    """derive's house style, plain-text form, of a high-precision value."""
    with workdps():
        return numbers.format_decimal(numbers.round_sig(Decimal(mpmath.nstr(value, 40, strip_zeros=False))), "text")


def house_near(value, rtol: str = "1e-12") -> set[str]:
    """The house-style forms of every number within `rtol` of `value`: a value
    within float64's reach of a rounding boundary (3.81 × 0.5 is 1.905) may be
    shown either way by a page that computes in float64."""
    with workdps():
        return {house(value * (1 + k * mpmath.mpf(rtol))) for k in (-1, 0, 1)}


def explorer_url(site, name, depth, w, at, start, layer) -> str:
    return url(site, f"explorer.html#activation={name}&depth={depth}&w={w}&at={at}&start={start}&layer={layer}")


@pytest.mark.parametrize("setting", SETTINGS.values(), ids=SETTINGS.keys())
def test_every_number_shown_is_derives(tab, site, setting):
    name, depth, w, at, start, layer = setting
    page = tab.open(explorer_url(site, *setting))
    path = gradient_path(Setting(name, depth, rational(w), rational(at), traced=start == "x", layer=layer))
    shown = {key: page.text_content(f"#out-{key}") for key in
             ("factor-first", "factor-last", "gradient-first", "float16-subnormal", "float16-zero",
              "float32-subnormal", "float32-zero")}
    expected = {"factor-first": house(path.factor[0]), "factor-last": house(path.factor[-1]),
                "gradient-first": house(path.gradient[0]),
                **{f"{fmt}-{kind}": str(count) for fmt in ("float16", "float32")
                   for kind, count in format_losses(path, fmt).items()}}
    assert shown == expected
    rows = page.eval_on_selector_all("#x-layers tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    z_shown = [house(v) for v in path.z] if path.z else ["—"] * depth
    factors_shown = [house(f) for f in path.factor] + ["—"]  # the top layer's δ is set by the cost
    assert rows == [[str(k + 1), z, f, house(g)]
                    for k, (z, f, g) in enumerate(zip(z_shown, factors_shown, path.gradient))]
    if layer != "normalized":
        value, slope = mp_function(activation(name).expr), mp_function(activation(name).derivative)
        with workdps():
            assert page.text_content("#out-value") == house(value(path.z[0]))
            assert page.text_content("#out-slope") == house(slope(path.z[0]))
    assert tab.problems == []


def test_the_settings_cover_every_activation_and_layer_kind():
    assert {s[0] for s in SETTINGS.values()} == set(ACTIVATIONS)
    assert {s[5] for s in SETTINGS.values()} == {"plain", "normalized", "skip"}


def random_settings(count: int, seed: int) -> list[tuple]:
    """Settings drawn across the explorer's whole range, as the page's fields hold them."""
    rng = np.random.default_rng(seed)
    return [(str(rng.choice(ACTIVATIONS)), int(rng.integers(1, 51)), f"{rng.uniform(-5, 5):.2f}",
             f"{rng.uniform(-10, 10):.2f}", str(rng.choice(["z", "x"])), str(rng.choice(["plain", "normalized", "skip"])))
            for _ in range(count)]


def test_random_settings_across_the_range_match_derive(tab, site):
    """Every layer's factor and gradient, for settings drawn at random over the
    whole range, computed by the page's own model in one call."""
    settings = random_settings(60, seed=2026)
    page = tab.open(url(site, "explorer.html"))
    shown = page.evaluate("""settings => settings.map(([activation, depth, w, at, start, layer]) => {
        const x = window.gradbookExplorer;
        const path = x.follow({ activation, depth, w: Number(w), at: Number(at), start, layer });
        return [path.factors.map(x.house), path.gradient.map(x.house)]; })""", settings)
    for setting, (factors, gradients) in zip(settings, shown):
        name, depth, w, at, start, layer = setting
        path = gradient_path(Setting(name, depth, rational(w), rational(at), traced=start == "x", layer=layer))
        expected = [house_near(v) for v in path.factor + path.gradient]
        assert [text for text, near in zip(factors + gradients, expected) if text not in near] == [], setting


def special_values() -> list[float]:
    """Ties, the edges of the positional range, float64's extremes, and a spread of random values."""
    rng = np.random.default_rng(8)
    spread = (rng.choice([-1, 1], 300) * 10.0 ** rng.uniform(-320, 305, 300)).tolist()
    return [0.0, 0.03125, -0.03125, 0.00125, 9.995e-4, 9.9951e-4, 9999.5, 1e4, 1e-3, 123.45, 1234.5, 0.5,
            5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1.0, 2.675, 0.0105] + spread


def test_numbers_are_printed_in_derives_house_style(tab, site):
    page = tab.open(url(site, "explorer.html"))
    values = special_values()
    shown = page.evaluate("values => values.map(v => window.gradbookExplorer.house(v))", values)
    expected = [numbers.format_decimal(numbers.round_sig(Decimal(v)), "text") for v in values]
    assert [(v, s) for v, s, e in zip(values, shown, expected) if s != e] == []


TEXTBOOK = {
    "sigmoid": (lambda z: 1 / (1 + mpmath.exp(-z)), lambda z: mpmath.exp(-z) / (1 + mpmath.exp(-z)) ** 2),
    "tanh": (mpmath.tanh, lambda z: mpmath.sech(z) ** 2),
    "relu": (lambda z: max(z, 0), lambda z: 1 if z > 0 else 0),
    "leaky-relu": (lambda z: z if z > 0 else z / 100, lambda z: 1 if z > 0 else mpmath.mpf(1) / 100),
    "gelu": (lambda z: z * mpmath.ncdf(z), lambda z: mpmath.ncdf(z) + z * mpmath.npdf(z)),
}
"""Each activation and its derivative as a textbook defines them, written here
rather than taken from derive: σ(z) = 1/(1 + e^-z), tanh with sech², ReLU,
leaky ReLU with slope 1/100 below zero, GELU as z Φ(z); at a kink the left
piece's slope, as the guide takes it."""


@pytest.fixture(scope="module")
def script_page(browser, tmp_path_factory):
    """The explorer's scripts as the build writes them (explorer.assets()), in a
    page of the widget's markup: what the generated script holds, read by
    Chromium, without building the guide."""
    folder = tmp_path_factory.mktemp("explorer")
    for name, data in explorer.assets().items():
        (folder / name).write_bytes(data)
    markup = explorer.widget().removeprefix("```{=html}\n").removesuffix("\n```\n")
    scripts = "".join(f'<script src="{name}"></script>' for name in explorer.SCRIPTS)
    (folder / "explorer.html").write_text(f"<!doctype html>\n<html><body>{markup}{scripts}</body></html>\n",
                                          encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto((folder / "explorer.html").as_uri())
    page.wait_for_load_state("load")
    assert problems == []
    yield page
    context.close()


def test_the_textbook_table_covers_every_activation_the_explorer_offers():
    assert set(TEXTBOOK) == set(ACTIVATIONS)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_the_scripts_formulas_are_the_textbook_functions(script_page, name):
    """Each activation and its slope as the page computes them (the generated
    script, with explorer.js's erfc for GELU), at points across the range and
    far out in both tails, to 12 digits of the textbook's 50."""
    points = [-300.0, -40.0, -7.3, -2.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.5, 7.3, 40.0, 300.0]
    got = script_page.evaluate("""([name, points]) => {
        const a = window.gradbookExplorer.formulas[name];
        return points.map(z => [a.value(z), a.slope(z)]); }""", [name, points])
    value, slope = TEXTBOOK[name]
    with mpmath.workdps(50):
        wrong = [(z, computed, exact) for z, (v, s) in zip(points, got)
                 for computed, exact in ((v, value(mpmath.mpf(z))), (s, slope(mpmath.mpf(z))))
                 if abs(computed - exact) > mpmath.mpf("1e-12") * max(abs(exact), mpmath.mpf("1e-300"))]
    assert wrong == []


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_the_scripts_normalized_factor_is_the_textbook_ratio(script_page, name):
    """What a normalized layer passes on, E[f'(Z)] / sd f(Z) for Z ~ N(0, 1),
    by mpmath's quadrature of the textbook functions: equal to float64's last digits."""
    shown = script_page.evaluate("name => window.gradbookFormulas(null).activations[name].normalized", name)
    value, slope = TEXTBOOK[name]
    with mpmath.workdps(30):
        def mean(g):
            return mpmath.quad(lambda v: g(v) * mpmath.npdf(v), [-mpmath.inf, 0, mpmath.inf])
        expected = mean(slope) / mpmath.sqrt(mean(lambda v: value(v) ** 2) - mean(value) ** 2)
    assert shown == pytest.approx(float(expected), rel=1e-14, abs=0)


@pytest.mark.parametrize("name", explorer.SHOWN_FORMATS)
def test_the_script_carries_each_formats_ieee_limits(script_page, name):
    """The smallest normal and subnormal numbers, as numpy knows the format
    (float16: 2^-14 and 2^-24; float32: 2^-126 and 2^-149)."""
    shown = script_page.evaluate("name => window.gradbookFormulas(null).formats[name]", name)
    limits = np.finfo(np.dtype(name))
    assert shown == {"normal": float(limits.smallest_normal), "subnormal": float(limits.smallest_subnormal)}


@pytest.mark.parametrize("slug", ["01-sigmoid-slope", "02-tanh", "03-depth", "04-anchor-network"])
def test_each_early_chapter_opens_the_explorer_set_up(tab, site, slug):
    page = tab.open(url(site, f"{slug}.html"))
    link = page.locator(".explore-note a.explore")
    assert link.count() == 1
    wanted = dict(part.split("=") for part in link.get_attribute("href").split("#")[1].split("&"))
    link.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith("/explorer.html")
    assert page.input_value("#c-activation") == wanted["activation"]
    assert [page.input_value(f"#c-{key}") for key in ("depth", "w", "at")] == [wanted[k] for k in ("depth", "w", "at")]
    assert page.locator(f"input[name=start][value={wanted['start']}]").is_checked()
    assert tab.problems == []


def test_chapter_4s_link_shows_the_delta_chapter_4_gives_for_layer_1(tab, site):
    """One convention: the explorer's gradient reaching layer 1 is chapter 4's δ_1 = ∂L/∂z_1,
    both computed by derive here, and both the chapter and the explorer name it δ₁."""
    chapter = next(part for part in load_book().parts if part.slug == "04-anchor-network")
    delta_1 = load_module(chapter.folder / "values.py", "anchor_values").values()["rows"][0]["delta"]
    page = tab.open(url(site, "04-anchor-network.html"))
    assert "δk=∂L/∂zk" in "".join(page.text_content("main").split())
    page.click(".explore-note a.explore")
    page.wait_for_load_state("load")
    assert "δ₁ = ∂L/∂z₁" in page.text_content("#explorer .readout")
    assert page.text_content("#out-gradient-first") == house(delta_1.mp)
    assert tab.problems == []


def test_bad_input_is_refused_in_place(tab, site):
    page = tab.open(url(site, "explorer.html"))
    before = page.text_content("#out-gradient-first")
    page.fill("#c-w", "2*3")
    assert page.text_content("#e-w") != ""
    assert page.get_attribute("#c-w", "aria-invalid") == "true"
    assert page.text_content("#out-gradient-first") == before
    page.fill("#c-w", "9")
    assert "from" in page.text_content("#e-w")
    page.fill("#c-w", "0.5")
    assert page.text_content("#e-w") == ""
    assert page.text_content("#out-gradient-first") != before
    assert tab.problems == []


@pytest.mark.parametrize("hash_", [
    "activation=constructor&layer=__proto__&start=toString",
    "depth=2.5&w=1e999&at=NaN",
    "activation=<img src=x onerror=alert(1)>&depth=-3",
], ids=["prototype-names", "numbers-out-of-range", "markup"])
def test_a_crafted_link_falls_back_to_the_defaults(tab, site, hash_):
    """The hash is the only text the page reads without a person typing it;
    whatever it holds, the page shows its default setting and raises nothing."""
    default = tab.open(url(site, "explorer.html")).text_content("#out-gradient-first")
    page = tab.open(url(site, f"explorer.html#{hash_}"))
    assert page.text_content("#out-gradient-first") == default
    assert page.input_value("#c-activation") == "sigmoid"
    assert tab.problems == []


def test_response_time_at_depth_fifty(tab, site, record_property):
    """Measured and printed at the end of the run; the checks are only that
    every input took effect."""
    page = tab.open(url(site, "explorer.html#activation=gelu&depth=50&w=1.5&at=1&start=x&layer=skip"))
    first = page.text_content("#out-gradient-first")
    timings = page.evaluate(RESPONSE_TIMES)
    handled, painted = timings["handled"], timings["painted"]
    record_property(TIMING + "input to updated page (handler, style and layout)", (max(handled), (
        f"median {statistics.median(handled):.1f} ms, max {max(handled):.1f} ms over 40 inputs")))
    record_property(TIMING + "input to the next frame", (max(painted), (
        f"median {statistics.median(painted):.1f} ms, max {max(painted):.1f} ms")))
    assert timings["last"] == "1.9"
    assert page.text_content("#out-gradient-first") != first
    assert tab.problems == []
