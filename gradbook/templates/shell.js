/* The page shell's controls: the colour toggle, the chapter list that folds
   away on a phone, and the search box. Results are built as DOM nodes with
   textContent: nothing the reader types is ever parsed as HTML. */
(function () {
  const root = document.documentElement;

  // Colours: the toggle overrides the system's setting and remembers the choice.
  const toggle = document.querySelector(".theme-toggle");
  const darkNow = () => root.dataset.theme ? root.dataset.theme === "dark"
                                           : matchMedia("(prefers-color-scheme: dark)").matches;
  const showTheme = () => toggle.setAttribute("aria-pressed", String(darkNow()));
  toggle.addEventListener("click", () => {
    root.dataset.theme = darkNow() ? "light" : "dark";
    try { localStorage.setItem("gradbook-theme", root.dataset.theme); } catch (blocked) {
      // Without storage the choice lasts for this page only.
    }
    showTheme();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", showTheme);
  showTheme();

  // The chapter list: on a phone it folds behind a button (the stylesheet hides it there).
  const nav = document.querySelector(".sidebar");
  const chapters = document.querySelector(".toc-toggle");
  chapters.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    chapters.setAttribute("aria-expanded", String(open));
  });

  // A formula, paragraph or table wider than the screen scrolls in its own box:
  // it takes keyboard focus, so a reader without a mouse can scroll it too.
  function focusScrollers() {
    for (const region of document.querySelectorAll("main table, main math, main p")) {
      if (region.scrollWidth > region.clientWidth + 1 && getComputedStyle(region).overflowX !== "visible") {
        region.tabIndex = 0;
      }
    }
  }
  focusScrollers();
  addEventListener("resize", focusScrollers);

  // Search: the index (search-index.js) is the guide's text, one entry per section.
  const box = document.getElementById("search-box");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const LIMIT = 12;
  let engine = null;

  function index() {
    if (!engine) {
      engine = new MiniSearch({
        fields: ["section", "chapter", "text"],
        storeFields: ["page", "anchor", "chapter", "section", "text"],
        // Words part at spaces, punctuation and symbols: "σ(z)=1/2" holds no word glued to "=".
        tokenize: text => text.split(/[\s\p{P}\p{S}]+/u),
      });
      engine.addAll(window.GRADBOOK_SEARCH);
    }
    return engine;
  }

  // A few words of the section around the first place a term occurs.
  function excerpt(text, terms) {
    const lower = text.toLowerCase();
    const at = Math.max(0, Math.min(...terms.map(t => lower.indexOf(t)).filter(i => i >= 0).concat([0])));
    const start = Math.max(0, at - 60);
    return (start ? "… " : "") + text.slice(start, start + 180).trim() + (start + 180 < text.length ? " …" : "");
  }

  function show(query) {
    list.replaceChildren();
    if (!query.trim()) { status.textContent = ""; return; }
    const found = index().search(query, { prefix: true, fuzzy: 0.15, combineWith: "AND", boost: { section: 2 } });
    status.textContent = found.length ? `${found.length} section${found.length === 1 ? "" : "s"} found` + (found.length > LIMIT ? `, the first ${LIMIT} shown` : "")
                                      : "Nothing found";
    for (const hit of found.slice(0, LIMIT)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = hit.page + (hit.anchor ? "#" + hit.anchor : "");
      link.textContent = hit.section ? `${hit.chapter} · ${hit.section}` : hit.chapter;
      const words = document.createElement("span");
      words.className = "excerpt";
      words.textContent = excerpt(hit.text, hit.terms);
      item.append(link, words);
      list.append(item);
    }
  }

  box.addEventListener("input", () => show(box.value));
  box.form.addEventListener("submit", event => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
})();
