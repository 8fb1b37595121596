/* Practice in the page: turns each practice widget's neutral markup (a div of
   class "practice", which gradbook/pools.py writes after a problem) into an
   answer field per answer and the buttons Check, Hint, Show solution, New
   problem and Reset. The grading is grader.js's, loaded before this script;
   "New problem" draws from the problem's pool, a script the build writes
   (practice/pool-FAMILY-LEVEL.js) and this one loads when first needed.

   What a learner types goes into the page only as text (textContent, an
   input's value) and is never run; the HTML put in the page is the pool's,
   which the build made. The learner's state is kept in localStorage under
   one key, read back strictly: anything of another shape or size is ignored. */
(function () {
  "use strict";

  const STORE = "gradbook-practice";
  const VERSION = 1;
  const MAX_STORED = 200000;
  /* The most characters the stored state may have; a longer entry is ignored. */
  const MAX_TYPED = 2000;
  /* The longest answer kept across a reload; a longer one is graded but not kept. */
  const MAX_WIDGETS = 500;
  const WIDGET_NAME = /^[A-Za-z0-9_.-]{1,80}\.html#[A-Za-z0-9_:.-]{1,120}$/;
  const VARIANT = /^[0-9a-f]{12}$/;
  const HEADINGS = {
    correct: "Correct",
    incorrect: "Not correct",
    invalid: "Could not read this answer",
  };
  const page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
  const loading = {};

  /* ---- the stored state ---- */

  function plainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* One widget's stored state, checked field by field, or null. */
  function checkedWidget(value) {
    if (!plainObject(value) || typeof value.variant !== "string" || !VARIANT.test(value.variant)
        || !plainObject(value.answers)) return null;
    const answers = new Map();
    for (const [name, answer] of Object.entries(value.answers)) {
      if (name.length > 100 || !plainObject(answer) || typeof answer.typed !== "string"
          || answer.typed.length > MAX_TYPED || typeof answer.checked !== "boolean") return null;
      answers.set(name, { typed: answer.typed, checked: answer.checked });
    }
    return { variant: value.variant, answers: answers };
  }

  /* Every widget's state, as a Map by "page.html#anchor"; an empty one if
     nothing is stored, or what is stored is not exactly what this script writes. */
  function readAll() {
    const found = new Map();
    let text = null;
    try { text = localStorage.getItem(STORE); } catch (blocked) { return found; }
    if (typeof text !== "string" || text.length > MAX_STORED) return found;
    let data;
    try { data = JSON.parse(text); } catch (unreadable) { return found; }
    if (!plainObject(data) || data.version !== VERSION || !plainObject(data.widgets)) return found;
    const entries = Object.entries(data.widgets);
    if (entries.length > MAX_WIDGETS) return found;
    for (const [name, value] of entries) {
      const widget = WIDGET_NAME.test(name) ? checkedWidget(value) : null;
      if (widget === null) return new Map();
      found.set(name, widget);
    }
    return found;
  }

  function writeAll(states) {
    const widgets = {};
    for (const [name, state] of states) {
      const answers = {};
      for (const [answer, kept] of state.answers) {
        if (kept.typed.length <= MAX_TYPED) answers[answer] = kept;
      }
      widgets[name] = { variant: state.variant, answers: answers };
    }
    const text = JSON.stringify({ version: VERSION, widgets: widgets });
    try {
      if (text.length <= MAX_STORED) localStorage.setItem(STORE, text);
    } catch (blocked) { /* private browsing, or storage full: the page still works */ }
  }

  function save(name, state) {
    const states = readAll();
    if (state === null) states.delete(name);
    else states.set(name, state);
    writeAll(states);
  }

  /* ---- the pools ---- */

  /* The pool the widget draws from, loaded once per page: a promise of its variants. */
  function pool(widget) {
    const key = widget.dataset.poolKey;
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve, reject) {
        const script = document.createElement("script");
        script.src = widget.dataset.pool;
        script.onload = function () {
          const pools = window.gradbookPools || {};
          if (Array.isArray(pools[key]) && pools[key].length) resolve(pools[key]);
          else reject(new Error("the pool holds no problems"));
        };
        script.onerror = function () { reject(new Error("the pool did not load")); };
        document.head.appendChild(script);
      });
      loading[key].catch(function () { delete loading[key]; });
    }
    return loading[key];
  }

  /* The build's HTML (a pool's statement, hint or solution) as nodes. A parsed
     document never runs scripts, and no learner text is ever passed here. */
  function built(html) {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    return Array.from(parsed.body.childNodes, function (node) { return document.importNode(node, true); });
  }

  function element(tag, attributes, text) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) made.setAttribute(name, value);
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /* ---- one widget ---- */

  function setUp(widget) {
    const box = widget.previousElementSibling;
    if (!box || !box.id || !box.classList.contains("problem")) return;
    const name = page + "#" + box.id;
    const printed = { id: widget.dataset.variant, answers: JSON.parse(widget.dataset.answers) };
    let variant = printed;
    let fields = [];

    const form = element("form", { class: "practice-form", novalidate: "" });
    const answers = element("div", { class: "practice-answers" });
    const buttons = element("div", { class: "practice-buttons" });
    const check = element("button", { type: "submit" }, "Check");
    const hintButton = element("button", { type: "button", "aria-expanded": "false",
                                           "aria-controls": box.id + "-hint" }, "Hint");
    const solutionButton = element("button", { type: "button", "aria-expanded": "false",
                                               "aria-controls": box.id + "-solution" }, "Show solution");
    const fresh = element("button", { type: "button" }, "New problem");
    const reset = element("button", { type: "button" }, "Reset");
    buttons.append(check, hintButton, solutionButton, fresh, reset);
    form.append(answers, buttons);
    const hint = element("div", { class: "practice-hint", id: box.id + "-hint", hidden: "" });
    const solution = element("div", { class: "practice-solution", id: box.id + "-solution", hidden: "" });
    const status = element("p", { class: "practice-status", role: "status", "aria-live": "polite" });
    const announced = element("p", { class: "practice-announced", "aria-live": "polite" });
    widget.append(element("p", { class: "practice-title" }, "Answer it here"), form, hint, solution, status, announced);
    widget.classList.add("ready");

    function answerFields(shown) {
      answers.replaceChildren();
      fields = shown.answers.map(function (item, i) {
        const id = box.id + "-answer-" + i;
        const row = element("div", { class: "practice-answer" });
        const label = element("label", { for: id }, item.answer.name);
        const input = element("input", { type: "text", id: id, autocomplete: "off", spellcheck: "false",
                                          autocapitalize: "off", "aria-describedby": id + "-accepts " + id + "-verdict" });
        const accepts = element("p", { class: "accepts", id: id + "-accepts" }, "Accepted " + item.accepts + ".");
        const verdict = element("p", { class: "verdict", id: id + "-verdict" });
        input.addEventListener("input", function () {
          showVerdict(field, null);
          keep();
        });
        row.append(label, input, accepts, verdict);
        answers.append(row);
        const field = { item: item, input: input, verdict: verdict, checked: false };
        return field;
      });
    }

    function showVerdict(field, graded) {
      field.checked = graded !== null;
      field.verdict.replaceChildren();
      field.verdict.className = "verdict";
      if (graded === null) return;
      field.verdict.classList.add("verdict-" + graded.verdict);
      const said = graded.feedback && graded.feedback.toLowerCase() !== graded.verdict;  /* not "correct" twice */
      field.verdict.append(element("strong", {}, HEADINGS[graded.verdict]), said ? ": " + graded.feedback : ".");
    }

    function grade(field) {
      const grader = window.gradbookGrader;
      if (!grader) return { verdict: "invalid", feedback: "The checker did not load, so nothing can be checked." };
      const graded = grader.grade(field.item.answer, field.input.value);
      return Object.hasOwn(HEADINGS, graded.verdict) ? graded : { verdict: "invalid", feedback: "" };
    }

    function keep() {
      const kept = new Map(fields.map(function (field) {
        return [field.item.answer.name, { typed: field.input.value, checked: field.checked }];
      }));
      save(name, { variant: variant.id, answers: kept });
    }

    /* The statement in the problem's box: the printed one, or the variant's. */
    function showStatement(variants) {
      const shown = box.querySelector(".practice-variant");
      if (shown) shown.remove();
      const own = variant.id === printed.id;
      for (const child of box.children) child.hidden = !own;
      if (own) return;
      const label = box.querySelector("strong");
      const where = variants.indexOf(variant) + 1;
      const heading = element("p", { class: "variant-label" });
      heading.append(element("strong", {}, label ? label.textContent : "Problem"),
                     ", another problem of the same kind (" + where + " of " + variants.length + "):");
      const holder = element("div", { class: "practice-variant", tabindex: "-1" });
      holder.append(heading, ...built(variant.statement));
      box.append(holder);
    }

    function closePanels() {
      for (const [button, panel, text] of [[hintButton, hint, "Hint"], [solutionButton, solution, "Show solution"]]) {
        panel.hidden = true;
        panel.replaceChildren();
        button.setAttribute("aria-expanded", "false");
        button.textContent = text;
      }
    }

    /* Shows `chosen`, one of `variants` (which may be null for the printed
       one), with the answers `kept` for it, if any, graded again. */
    function show(chosen, variants, kept) {
      variant = chosen;
      showStatement(variants);
      closePanels();
      answerFields(variant);
      for (const field of fields) {
        const stored = kept && kept.get(field.item.answer.name);
        if (!stored) continue;
        field.input.value = stored.typed;
        if (stored.checked && stored.typed.trim()) showVerdict(field, grade(field));
      }
    }

    function unavailable(error) {
      status.textContent = "The other problems of this kind could not be loaded (" + error.message + ").";
    }

    /* The pool's entry for the variant shown (the printed one is in it too). */
    function withVariant(then) {
      pool(widget).then(function (variants) {
        const found = variants.find(function (v) { return v.id === variant.id; });
        if (found) then(found, variants);
        else status.textContent = "This problem is not in its pool; try New problem.";
      }, unavailable);
    }

    function toggle(button, panel, text, openText, piece) {
      if (!panel.hidden) {
        panel.hidden = true;
        button.setAttribute("aria-expanded", "false");
        button.textContent = text;
        return;
      }
      withVariant(function (found) {
        panel.replaceChildren(...(found[piece] ? built(found[piece]) : [element("p", {}, "This problem has no hint.")]));
        panel.hidden = false;
        button.setAttribute("aria-expanded", "true");
        button.textContent = openText;
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const said = [];
      for (const field of fields) {
        if (!field.input.value.trim()) {
          showVerdict(field, null);
          continue;
        }
        const graded = grade(field);
        showVerdict(field, graded);
        said.push(field.item.answer.name + ": " + field.verdict.textContent);
      }
      status.textContent = said.length ? "" : "Type an answer first.";
      announced.textContent = said.join(" ");
      keep();
    });
    hintButton.addEventListener("click", function () { toggle(hintButton, hint, "Hint", "Hide hint", "hint"); });
    solutionButton.addEventListener("click", function () {
      toggle(solutionButton, solution, "Show solution", "Hide solution", "solution");
    });
    fresh.addEventListener("click", function () {
      pool(widget).then(function (variants) {
        const at = variants.findIndex(function (v) { return v.id === variant.id; });
        show(variants[(at + 1) % variants.length], variants);
        keep();
        status.textContent = "";
        announced.textContent = "A new problem of the same kind is shown above the answer fields.";
        fields[0].input.focus();
      }, unavailable);
    });
    reset.addEventListener("click", function () {
      show(printed, null);
      status.textContent = "";
      announced.textContent = "Cleared: the printed problem, with empty answers.";
      save(name, null);
    });

    answerFields(printed);
    const stored = readAll().get(name);
    if (!stored) return;
    if (stored.variant === printed.id) {
      show(printed, null, stored.answers);
      return;
    }
    pool(widget).then(function (variants) {
      const found = variants.find(function (v) { return v.id === stored.variant; });
      if (found) show(found, variants, stored.answers);
    }, unavailable);
  }

  document.querySelectorAll("div.practice[data-pool]").forEach(setUp);
})();
