"""The HTML site: one page per part inside a shared shell, an index with the
contents, the stylesheet, the figures, the explorer's scripts on the
page that shows it, and the practice widgets' scripts and pools (gradbook/pools.py)
on the pages that show one. Each part is converted by pandoc on its own (MathML,
sections numbered N.1, N.2, …); references between parts link across pages.
Worksheets and keys are standalone pages with the stylesheet inlined.

derive and the explorer are imported where they are used, not here: the
registry of formats is read by the command line, which must start quickly."""

import html
import json
import re
import unicodedata
from dataclasses import dataclass

from gradbook import build_cache, pandoc
from gradbook.book import Book
from gradbook.errors import UsageError
from gradbook.formats.base import Format, Gathered
from gradbook.notebooks import notebook, notebook_file
from gradbook.shells import asset, shell

_SECTION = re.compile(r'<h2[^>]*\bid="([^"]+)"[^>]*>(?:<span class="header-section-number">([^<]*)</span> ?)?(.*?)</h2>')


_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|li|h[1-6]|td|th|div|figcaption|caption|dt|dd|tr|br|pre|section)\b[^>]*>")
_TEX = re.compile(r"<annotation\b.*?</annotation>", re.DOTALL)
_MATH_TOKEN_END = re.compile(r"</m[ino]>")
_INVISIBLE = re.compile("[\u2061-\u2064]")  # MathML's function application and invisible times
_HEADING = re.compile(r'<h2[^>]*\bid="([^"]+)"')
_TITLE = re.compile(r"<h[12]\b.*?</h[12]>", re.DOTALL)
SHELL_SCRIPTS = ("search-index.js", "minisearch.js", "shell.js")
"""What every page loads: the search index, the search library, and the
script that runs the search box, the contents control and the colour toggle.
theme.js is loaded apart, in the head, to set the colours before the first paint."""
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
                           "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'")
"""What every page may load and run: the site's own files, no inline script
and no eval. Inline style attributes stay allowed, since pandoc writes table
cells' alignment as one. A meta tag in each page, and a header under `gradbook serve`."""
_PRE = re.compile(r"<pre(?=[ >])")


def focusable_code(fragment: str) -> str:
    """Code blocks scroll sideways when a line is long, so they take keyboard
    focus: a reader without a mouse can scroll them too."""
    return _PRE.sub('<pre tabindex="0"', fragment)


_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")


def answers_disclosed(fragment: str) -> str:
    """Each hand-written exercise's model answer, which follows it in a
    web-only div (render.py's model_answer), as a disclosure the reader opens,
    "Show answer": a details element, so it needs no script."""
    from gradbook.render import MODEL_ANSWER

    opening = f'<div class="{MODEL_ANSWER} web-only">'
    shown, start = [], 0
    while (at := fragment.find(opening, start)) >= 0:
        depth = 0
        for tag in _DIV_TAG.finditer(fragment, at):
            depth += -1 if tag[1] else 1
            if depth == 0:
                break
        shown += [fragment[start:at], f'<details class="{MODEL_ANSWER}"><summary>Show answer</summary>',
                  fragment[at + len(opening):tag.start()], "</details>"]
        start = tag.end()
    return "".join(shown) + fragment[start:]


_MATH_THEN_PERCENT = re.compile(r"(<math\b(?:(?!</math>).)*</math>)%", re.DOTALL)
_NUMBER_SPACE_PERCENT = re.compile(r"(?<=\d) (?=%)")


def percent_kept(fragment: str) -> str:
    """A number never parts from its percent sign at the end of a line: a
    formula followed by "%" is held in one unbreakable span, and "1 %" in the
    text gets a no-break space."""
    held = _MATH_THEN_PERCENT.sub(r'<span class="unit">\1%</span>', fragment)
    return _NUMBER_SPACE_PERCENT.sub("\u00a0", held)


@dataclass(frozen=True)
class Entry:
    """A line of the contents: a page, its number and title, its sections."""

    page: str
    number: int | None
    title: str
    sections: tuple

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Section:
    anchor: str
    number: str
    title: str


def plain(fragment: str) -> str:
    """A fragment's words as a reader sees them: no tags, no TeX annotations
    (MathML's own symbols stay, a space between each), entities decoded,
    spaces collapsed."""
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", _MATH_TOKEN_END.sub(" ", _TEX.sub("", fragment))))
    return " ".join(_INVISIBLE.sub("", html.unescape(text)).split())


def search_index(toc: list[Entry], fragments: list[str]) -> str:
    """The guide's text, section by section, as a script that assigns a global.

    A script, not a JSON file: a page opened from file:// may not fetch() a
    file beside it, but it may load a script. For the same reason the search
    runs on MiniSearch (a small, maintained, dependency-free library, vendored
    as minisearch.js) and not on Pagefind, which loads its index with fetch and
    WebAssembly, both blocked from file://. lunr would also load from file://,
    but its last release is from 2020."""
    documents = []
    for entry, fragment in zip(toc, fragments):
        starts = [(m.start(), m.group(1)) for m in _HEADING.finditer(fragment)]
        titles = {section.anchor: f"{section.number} {section.title}".strip() for section in entry.sections}
        bounds = [(0, "")] + starts + [(len(fragment), None)]
        for (start, anchor), (end, _) in zip(bounds, bounds[1:]):
            text = plain(_TITLE.sub("", fragment[start:end]))  # the title is a field of its own
            if text:
                documents.append({"id": len(documents), "page": entry.page, "anchor": anchor, "chapter": entry.label,
                                  "section": titles.get(anchor, ""), "text": text})
    return f"window.GRADBOOK_SEARCH = {json.dumps(documents, ensure_ascii=False, indent=0)};\n"


def contents(book: Book, titles: dict[str, str], fragments: dict[str, str]) -> list[Entry]:
    return [Entry(part.page, part.number, titles[part.slug],
                  tuple(Section(a, n, _TAG.sub("", t)) for a, n, t in _SECTION.findall(fragments[part.slug])))
            for part in book.parts]


def answer_section(book: Book, toc: list[Entry]) -> tuple[Entry, Section] | None:
    """The chapter and section book.toml's `answer` names, which the index links to."""
    if not book.answer:
        return None
    slug, _, anchor = book.answer.partition("#")
    for entry, part in zip(toc, book.parts):
        if part.slug == slug:
            for section in entry.sections:
                if section.anchor == anchor:
                    return entry, section
    raise UsageError(f"book.toml: answer = {book.answer!r}, but no chapter {slug!r} has a section #{anchor}")


def downloads() -> list[tuple[str, str]]:
    """(name, link) of each document a format publishes beside the site, which
    the index offers: ../gradbook.pdf from a file, /gradbook.pdf under `gradbook serve`."""
    from gradbook.formats import REGISTRY  # the registry lists this module: read it once both are loaded

    return [(fmt.name.upper(), f"../{fmt.output}") for fmt in REGISTRY.values() if fmt.document]


def site(book: Book, titles: dict[str, str], fragments: dict[str, str],
         scripts: dict[str, tuple[str, ...]]) -> dict[str, bytes]:
    """Every page of the site and its stylesheet, by path relative to html/.
    `scripts` names the scripts a part's page loads, by slug."""
    from derive.numbers import SIG_FIGS
    from derive.precision import DPS

    toc = contents(book, titles, fragments)
    page = shell("page.html.j2")
    html_only = [entry for entry, part in zip(toc, book.parts) if part.web_only]
    front = [entry for entry, part in zip(toc, book.parts) if part.front]
    index_body = shell("index.html.j2").render(book=book, toc=toc, digits=DPS, figures=SIG_FIGS, html_only=html_only,
                                               front=front, answer=answer_section(book, toc), downloads=downloads())
    files = {"index.html": page.render(policy=CONTENT_SECURITY_POLICY, book=book, toc=toc, page="index.html",
                                       page_title="Contents", body=index_body, previous=None, next=toc[0],
                                       scripts=SHELL_SCRIPTS)}
    for i, entry in enumerate(toc):
        files[entry.page] = page.render(
            policy=CONTENT_SECURITY_POLICY, book=book, toc=toc, page=entry.page, page_title=entry.title,
            body=percent_kept(focusable_code(answers_disclosed(fragments[book.parts[i].slug]))),
            previous=toc[i - 1] if i else Entry("index.html", None, "Contents", ()),
            next=toc[i + 1] if i + 1 < len(toc) else None,
            scripts=SHELL_SCRIPTS + scripts.get(book.parts[i].slug, ()))
    files["style.css"] = asset("style.css")
    files["search-index.js"] = search_index(toc, [fragments[part.slug] for part in book.parts])
    for script in ("theme.js", "minisearch.js", "shell.js"):
        files[script] = asset(script)
    return {path: text.encode("utf-8") for path, text in files.items()}


def assemble(gathered: Gathered, fmt: Format) -> dict[str, bytes]:
    """The site's files by path under html/."""
    from gradbook import explorer, pools
    from gradbook.practice import page_script

    cited, references = gathered.bibliography_bytes(), gathered.references_page()

    def fragment(r) -> str:
        text = gathered.resolved(r, r.part.page)
        terms = gathered.terms_for(r.part, document=False)
        key = build_cache.key(build_cache.modules_fingerprint(__name__), r.part.number, text, cited, terms, references)
        return gathered.store.memo("html", key, str, lambda: pandoc.to_html(
            text, r.part.number, f"chapters/{r.part.slug}", gathered.bibliography, terms, references))

    rendered = gathered.rendered
    fragments = dict(zip((r.part.slug for r in rendered), gathered.pool.map(fragment, rendered)))
    practice = page_script.SCRIPTS + (pools.SCRIPT,)  # the grader first: the widget's script uses it
    scripts = {r.part.slug: (explorer.SCRIPTS if r.explorer else ()) + (practice if r.practice else ())
               for r in rendered}
    files = site(gathered.book, {r.part.slug: r.title for r in rendered}, fragments, scripts)
    if any(r.explorer for r in rendered):
        script_key = build_cache.key(build_cache.modules_fingerprint("gradbook.explorer"))
        files.update(gathered.store.memo("explorer", script_key, dict,
                                         explorer.assets))
    widgets = [widget for r in rendered for widget in r.practice]
    if widgets:
        grader_key = build_cache.key(build_cache.modules_fingerprint("gradbook.practice.page_script"),
                                     unicodedata.unidata_version)  # its character tables are Python's Unicode
        files.update(gathered.store.memo("grader", grader_key, dict, page_script.assets))
        files.update(pools.files(gathered.book.parts[0].root, gathered.book, widgets, gathered.store,
                                 gathered.pool.map))
    titles = {r.part.slug: r.title for r in rendered}
    notebooks = {notebook_file(slug): notebook(titles[slug], gathered.book.title, found)
                 for slug, found in gathered.listings.items()}
    return {**files, **gathered.figures, **notebooks}


def sheet(markdown: str, title: str) -> bytes:
    """A worksheet or key as one page, its stylesheet inlined."""
    body = pandoc.to_html(markdown, None, title)
    return shell("sheet.html.j2").render(title=title, style=asset("style.css"), body=body).encode("utf-8")

