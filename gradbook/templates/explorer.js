/* The gradient explorer: reads its controls, follows the gradient down a chain
   of identical layers, and redraws. The formulas and the numbers it needs come
   from explorer-formulas.js, which the build prints from derive. What is left
   to do here: erfc (JavaScript's Math has none), products far below float64's
   range, the house number style, and drawing. The model is derive's
   gradient_path, and the browser tests hold the two to the same digits. */
(function () {
  "use strict";

  /* erfc(x): below 1.5, 1 - erf(x) with erf from its series of positive terms,
     2/√π e^(-x²) Σ 2^k x^(2k+1) / (1·3···(2k+1)), which loses at most a digit
     and a half to the subtraction; from 1.5 on, the continued fraction
     e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) by the modified
     Lentz method, under a hundred terms. Both keep about 14 digits. */
  function erfc(x) {
    if (x < 0) return 2 - erfc(-x);
    if (x < 1.5) {
      let term = x, sum = x;
      for (let k = 1; term > 1e-17 * sum; k++) {
        term *= 2 * x * x / (2 * k + 1);
        sum += term;
      }
      return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
    }
    const tiny = 1e-300;
    let f = x, c = x, d = 0;
    for (let k = 1; k < 500; k++) {
      const a = k / 2;
      d = x + a * d;
      d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
      c = x + a / c;
      if (Math.abs(c) < tiny) c = tiny;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }

  const F = window.gradbookFormulas(erfc);
  const FIGURES = F.style.figures;
  const FIXED_FROM = Math.round(Math.log10(F.style.sciBelow));
  const FIXED_BELOW = Math.round(Math.log10(F.style.sciFrom));

  /* A scaled number m · 2^e with m in [1, 2): products keep their digits far
     below float64's range, and scaling by a power of two is exact. */
  function scaled(value) {
    if (value === 0 || !Number.isFinite(value)) return { m: value, e: 0 };
    const k = Math.floor(Math.log2(Math.abs(value)));
    return { m: value * Math.pow(2, -Math.trunc(k / 2)) * Math.pow(2, Math.trunc(k / 2) - k), e: k };
  }

  function times(a, b) {
    const s = scaled(a.m * b.m);
    return { m: s.m, e: s.e + a.e + b.e };
  }

  /* Within float64's normal range, the number itself, exactly; else null. */
  function plain(a) {
    if (a.m === 0) return 0;
    return a.e > -1020 && a.e < 1020 ? a.m * Math.pow(2, a.e) : null;
  }

  function log10Abs(a) {
    return Math.log10(Math.abs(a.m)) + a.e * Math.LOG10E * Math.LN2;
  }

  function isBelow(a, limit) {
    const value = plain(a);
    return value === null ? a.e < 0 : Math.abs(value) < limit;
  }

  function isAtMost(a, limit) {
    const value = plain(a);
    return value === null ? a.e < 0 : Math.abs(value) <= limit;
  }

  const SUBSCRIPT = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉" };
  const subscript = (n) => String(n).replace(/./g, (ch) => SUBSCRIPT[ch]);
  const SUPERSCRIPT = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻" };

  /* The house style of derive/numbers.py: FIGURES significant figures, rounded
     half away from zero; positional from 10^FIXED_FROM up to 10^FIXED_BELOW,
     else "1.56 × 10⁻⁵"; the choice made on the rounded value. */
  function house(a) {
    if (typeof a === "number") a = scaled(a);
    if (a.m === 0) return "0";
    if (!Number.isFinite(a.m)) return "—";  // not reached in the settings' ranges; never "NaN"
    let digits, exponent;
    const value = plain(a);
    if (value !== null) {
      const [mantissa, power] = Math.abs(value).toExponential(FIGURES - 1).split("e");
      digits = mantissa.replace(".", "");
      exponent = Number(power);
    } else {
      const log = log10Abs(a);
      exponent = Math.floor(log);
      let mantissa = Math.pow(10, log - exponent).toFixed(FIGURES - 1);
      if (Number(mantissa) >= 10) {
        mantissa = (1).toFixed(FIGURES - 1);
        exponent += 1;
      }
      digits = mantissa.replace(".", "");
    }
    const sign = a.m < 0 ? "-" : "";
    if (exponent >= FIXED_FROM && exponent < FIXED_BELOW) return sign + positional(digits, exponent);
    const mantissa = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    return `${sign}${mantissa} × 10${String(exponent).replace(/./g, (ch) => SUPERSCRIPT[ch])}`;
  }

  function positional(digits, exponent) {
    if (exponent < 0) return "0." + "0".repeat(-exponent - 1) + digits;
    if (exponent + 1 >= digits.length) return digits + "0".repeat(exponent + 1 - digits.length);
    return digits.slice(0, exponent + 1) + "." + digits.slice(exponent + 1);
  }

  /* The model: derive/gradient_path.py, in float64 with scaled products.
     The gradient reaching layer k is δ_k = ∂L/∂z_k, the top layer's δ set to
     one; layer k's factor ∂z_(k+1)/∂z_k carries it down from layer k + 1, so
     the top layer's own factor is never used and there are depth - 1. */
  function follow(s) {
    const act = F.activations[s.activation];
    const zs = [], factors = [];
    if (s.layer === "normalized") {
      for (let k = 0; k < s.depth - 1; k++) factors.push(Math.sign(s.w) * act.normalized);
    } else {
      let a = s.at;
      for (let k = 0; k < s.depth; k++) {
        const z = s.start === "x" ? s.w * a : s.at;
        zs.push(z);
        if (s.start === "x") a = s.layer === "skip" ? a + act.value(z) : act.value(z);
        if (k < s.depth - 1) factors.push((s.layer === "skip" ? 1 : 0) + s.w * act.slope(z));
      }
    }
    const gradient = new Array(s.depth);
    gradient[s.depth - 1] = scaled(1);
    for (let k = s.depth - 2; k >= 0; k--) gradient[k] = times(gradient[k + 1], scaled(factors[k]));
    return { zs, factors, gradient };
  }

  function losses(gradient, format) {
    const limits = F.formats[format];
    return {
      subnormal: gradient.filter((g) => isBelow(g, limits.normal)).length,
      zero: gradient.filter((g) => isAtMost(g, limits.subnormal / 2)).length,
    };
  }

  /* Settings: read from the controls, checked, and mirrored in the address's
     hash so that a link can open the explorer set up. */
  const $ = (id) => document.getElementById(id);
  const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const SLIDERS = {
    depth: { max: F.limits.depth, min: 1, whole: true },
    w: { max: F.limits.weight, min: -F.limits.weight },
    at: { max: F.limits.point, min: -F.limits.point },
  };

  function checked(name, text) {
    const range = SLIDERS[name];
    const trimmed = String(text).trim();
    if (!NUMBER.test(trimmed)) return { error: "Type a number, such as 0.5 or -2." };
    const value = Number(trimmed);
    if (range.whole && !Number.isInteger(value)) return { error: "Type a whole number of layers." };
    if (value < range.min || value > range.max) return { error: `Choose from ${range.min} to ${range.max}.` };
    return { value };
  }

  function choice(name) {
    return document.querySelector(`input[name="${name}"]:checked`).value;
  }

  function settings() {
    const s = { activation: $("c-activation").value, layer: choice("layer"), start: choice("start") };
    for (const name of Object.keys(SLIDERS)) {
      const read = checked(name, $(`c-${name}`).value);
      if (read.error) return null;
      s[name] = read.value;
    }
    return s;
  }

  function apply(params) {
    if (Object.hasOwn(F.activations, params.get("activation") || "")) $("c-activation").value = params.get("activation");
    for (const [name, allowed] of [["layer", F.layers], ["start", ["z", "x"]]]) {
      if (allowed.includes(params.get(name))) {
        document.querySelector(`input[name="${name}"][value="${params.get(name)}"]`).checked = true;
      }
    }
    for (const name of Object.keys(SLIDERS)) {
      if (params.has(name) && !checked(name, params.get(name)).error) {
        $(`c-${name}`).value = params.get(name).trim();
        $(`c-${name}-range`).value = params.get(name).trim();
      }
    }
  }

  /* The hash follows the controls a moment after they stop moving: browsers
     throttle pages that rewrite their history on every input. */
  let rememberLater = null;

  function remember() {
    clearTimeout(rememberLater);
    rememberLater = setTimeout(rememberNow, 250);
  }

  function rememberNow() {
    const params = new URLSearchParams();
    params.set("activation", $("c-activation").value);
    for (const name of Object.keys(SLIDERS)) params.set(name, $(`c-${name}`).value.trim());
    params.set("start", choice("start"));
    params.set("layer", choice("layer"));
    try {
      history.replaceState(null, "", "#" + params.toString());
    } catch (error) {
      /* some browsers refuse history changes on file:// pages; the hash is a convenience */
    }
  }

  /* Drawing: plain SVG. */
  const SVG = "http://www.w3.org/2000/svg";

  function el(parent, name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function clear(svg) {  // everything but the <title>, which names the chart
    for (const node of [...svg.childNodes]) if (node.nodeName !== "title") svg.removeChild(node);
  }

  function reach(zs) {
    const far = zs.filter(Number.isFinite).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    for (let r = 6; ; r *= 10) {
      for (const m of [1, 2, 5]) if (far <= m * r) return m * r;
    }
  }

  function drawCurves(s, path) {
    const svg = $("x-curves");
    clear(svg);
    const act = F.activations[s.activation];
    const r = s.layer === "normalized" ? 6 : reach(path.zs);
    const panels = [["φ(z)", act.value], ["φ′(z)", act.slope]];
    const narrow = isNarrow(svg);  // on a phone the panels stack, so their text stays legible
    svg.setAttribute("viewBox", narrow ? "0 0 330 460" : "0 0 640 230");
    panels.forEach(([label, fn], i) => {
      const x0 = narrow ? 64 : 64 + i * 320, width = 240, y0 = narrow ? 20 + i * 230 : 20, height = 170;
      const xs = Array.from({ length: 241 }, (_, j) => -r + (2 * r * j) / 240);
      const ys = xs.map(fn);
      let lo = Math.min(0, ...ys), hi = Math.max(...ys);
      if (hi - lo < 1e-12) hi = lo + 1;
      const pad = 0.08 * (hi - lo);
      lo -= pad; hi += pad;
      const px = (v) => x0 + ((v + r) / (2 * r)) * width;
      const py = (v) => y0 + height - ((v - lo) / (hi - lo)) * height;
      const g = el(svg, "g", { class: "panel" });
      el(g, "rect", { x: x0, y: y0, width, height, class: "frame" });
      if (s.layer === "normalized") {
        el(g, "rect", { x: px(-1), y: y0, width: px(1) - px(-1), height, class: "spread" });
        el(g, "text", { x: px(0), y: y0 + 14, class: "note", "text-anchor": "middle" }, "Z within one spread");
      }
      el(g, "line", { x1: x0, x2: x0 + width, y1: py(0), y2: py(0), class: "axis" });
      el(g, "line", { x1: px(0), x2: px(0), y1: y0, y2: y0 + height, class: "axis" });
      el(g, "polyline", { points: xs.map((v, j) => `${px(v).toFixed(1)},${py(ys[j]).toFixed(1)}`).join(" "), class: "curve" });
      path.zs.slice().reverse().forEach((z, j) => {
        const first = j === path.zs.length - 1;
        el(g, "circle", { cx: px(z), cy: py(fn(z)), r: first ? 5 : 3.5, class: first ? "point first" : "point" });
      });
      el(g, "text", { x: x0 + width / 2, y: y0 + height + 30, class: "label", "text-anchor": "middle" }, label);
      el(g, "text", { x: x0, y: y0 + height + 15, class: "tick", "text-anchor": "start" }, String(-r));
      el(g, "text", { x: x0 + width, y: y0 + height + 15, class: "tick", "text-anchor": "end" }, String(r));
      const peak = Math.max(...ys);
      el(g, "line", { x1: x0, x2: x0 + width, y1: py(peak), y2: py(peak), class: "grid" });
      el(g, "text", { x: x0 - 4, y: py(peak) + 4, class: "tick", "text-anchor": "end" }, house(peak));
      el(g, "text", { x: x0 - 4, y: py(0) + 4, class: "tick", "text-anchor": "end" }, "0");
    });
  }

  function drawBars(s, path) {
    const svg = $("x-bars");
    clear(svg);
    const logs = path.gradient.map((g) => (g.m === 0 || !Number.isFinite(g.m) ? null : log10Abs(g)));
    const known = logs.filter((v) => v !== null);
    const top = Math.max(0, Math.ceil(Math.max(...known, 0)));
    const bottom = Math.min(-50, Math.floor(Math.min(...known, 0) / 10) * 10);
    const narrow = isNarrow(svg);
    svg.setAttribute("viewBox", narrow ? "0 0 370 300" : "0 0 640 300");
    const x0 = narrow ? 48 : 60, width = narrow ? 210 : 440, y0 = 15, height = 240;
    const py = (v) => y0 + ((top - v) / (top - bottom)) * height;
    el(svg, "rect", { x: x0, y: y0, width, height, class: "frame" });
    const step = niceStep((top - bottom) / 6);
    for (let t = Math.ceil(bottom / step) * step; t <= top; t += step) {
      el(svg, "line", { x1: x0 - 4, x2: x0 + width, y1: py(t), y2: py(t), class: "grid" });
      el(svg, "text", { x: x0 - 6, y: py(t) + 4, class: "tick", "text-anchor": "end" }, t === 0 ? "1" : `10${String(t).replace(/./g, (ch) => SUPERSCRIPT[ch])}`);
    }
    const slot = width / s.depth;
    path.gradient.forEach((g, k) => {
      const x = x0 + k * slot + slot * 0.15;
      if (logs[k] === null) {
        el(svg, "text", { x: x + slot * 0.35, y: y0 + height - 3, class: "tick", "text-anchor": "middle" }, "0");
        return;
      }
      const kind = isBelow(g, F.formats.float32.normal) ? "lost32" : isBelow(g, F.formats.float16.normal) ? "lost16" : "kept";
      const y = Math.max(y0, py(logs[k]));
      const bar = el(svg, "rect", { x, y, width: Math.max(1, slot * 0.7), height: y0 + height - y, class: `bar ${kind}` });
      el(bar, "title", {}, `Layer ${k + 1}: ${house(g)}`);
    });
    const marks = [];
    for (const name of Object.keys(F.formats)) {
      for (const [which, dash] of [["normal", ""], ["subnormal", "dashed"]]) {
        const v = Math.log10(F.formats[name][which]);
        el(svg, "line", { x1: x0, x2: x0 + width, y1: py(v), y2: py(v), class: `limit ${name} ${dash}` });
        marks.push({ y: py(v), text: `${name} ${which}` });
      }
    }
    marks.sort((a, b) => a.y - b.y);
    let last = -Infinity;
    for (const mark of marks) {
      const y = Math.max(mark.y + 4, last + 12);
      el(svg, "text", { x: x0 + width + 6, y, class: "tick" }, mark.text);
      last = y;
    }
    el(svg, "text", { x: x0, y: y0 + height + 18, class: "tick", "text-anchor": "start" }, "layer 1");
    el(svg, "text", { x: x0 + width, y: y0 + height + 18, class: "tick", "text-anchor": "end" }, `layer ${s.depth}`);
  }

  function isNarrow(svg) {
    return svg.parentNode.getBoundingClientRect().width < 480;
  }

  function niceStep(raw) {
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
    return 10 * power;
  }

  function fill(s, path) {
    const pointwise = s.layer !== "normalized";
    const zName = s.start === "x" ? "z₁" : "z";
    document.querySelectorAll(".pointwise").forEach((node) => { node.hidden = !pointwise; });
    $("t-value").textContent = `φ(${zName})`;
    $("t-slope").textContent = `φ′(${zName})`;
    if (pointwise) {
      const act = F.activations[s.activation];
      $("out-value").textContent = house(act.value(path.zs[0]));
      $("out-slope").textContent = house(act.slope(path.zs[0]));
    }
    document.querySelectorAll(".factors").forEach((node) => { node.hidden = s.depth < 2; });
    if (s.depth >= 2) {
      $("out-factor-first").textContent = house(path.factors[0]);
      $("out-factor-last").textContent = house(path.factors[s.depth - 2]);
    }
    document.querySelectorAll(".depth-below").forEach((node) => { node.textContent = String(s.depth - 1); });
    $("out-gradient-first").textContent = house(path.gradient[0]);
    for (const name of Object.keys(F.formats)) {
      const lost = losses(path.gradient, name);
      $(`out-${name}-subnormal`).textContent = String(lost.subnormal);
      $(`out-${name}-zero`).textContent = String(lost.zero);
    }
    $("x-summary").textContent = s.depth === 1
      ? "With one layer, δ₁ is the top layer's δ, which the cost sets: here one."
      : `Layer 1 receives δ₁ = ${house(path.gradient[0])}, with the top layer's δ${subscript(s.depth)} set to one.`;
    const rows = path.gradient.map((g, k) => {
      const row = document.createElement("tr");
      const head = document.createElement("th");
      head.scope = "row";
      head.textContent = String(k + 1);
      row.append(head);
      for (const text of [pointwise ? house(path.zs[k]) : "—", k < s.depth - 1 ? house(path.factors[k]) : "—", house(g)]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    });
    $("x-layers").tBodies[0].replaceChildren(...rows);
  }

  const state = { lastMs: null, house, follow, settings, formulas: F.activations };
  window.gradbookExplorer = state;

  function update() {
    const start = performance.now();
    for (const name of Object.keys(SLIDERS)) {
      const read = checked(name, $(`c-${name}`).value);
      $(`e-${name}`).textContent = read.error || "";
      $(`c-${name}`).setAttribute("aria-invalid", read.error ? "true" : "false");
    }
    const s = settings();
    if (s === null) return;
    $("l-at").textContent = s.start === "x" ? "Input x" : "Pre-activation z";
    document.querySelectorAll("#c-at, #c-at-range").forEach((node) => {
      node.disabled = s.layer === "normalized";
    });
    const path = follow(s);
    fill(s, path);
    drawCurves(s, path);
    drawBars(s, path);
    remember();
    state.lastMs = performance.now() - start;
  }
  state.update = update;

  function init() {
    apply(new URLSearchParams(location.hash.slice(1)));
    for (const name of Object.keys(SLIDERS)) {
      $(`c-${name}-range`).addEventListener("input", () => {
        $(`c-${name}`).value = $(`c-${name}-range`).value;
        update();
      });
      $(`c-${name}`).addEventListener("input", () => {
        if (!checked(name, $(`c-${name}`).value).error) $(`c-${name}-range`).value = $(`c-${name}`).value;
        update();
      });
    }
    $("x-controls").addEventListener("change", update);
    $("x-controls").addEventListener("submit", (event) => event.preventDefault());
    window.addEventListener("resize", update);
    window.addEventListener("hashchange", () => {
      apply(new URLSearchParams(location.hash.slice(1)));
      update();
    });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
