/* The practice grader in the page: a port of gradbook/practice/parse.py,
   evaluate.py, exact.py, rules.py and grade.py, with their settings read
   from grader-constants.js, which the build prints from those modules. The
   learner's text is only ever tokenized and parsed into a tree here; nothing
   hands it to eval, Function or the page's markup.

   window.gradbookGrader.grade(answer, typed) -> {verdict, feedback}, where
   answer is one answer of problems.json ({name, exact, value, grading}); it
   never throws (a fault is "invalid", as in grade.py).

   Numbers are decided as grade.py decides them, step for step, so the
   verdict and the words are the same (tests/gradbook/browser/
   test_grader_differential.py holds the two together):
   - a rational answer is evaluated exactly, on unreduced BigInt pairs, with
     the same limits in the same order (evaluate._exact);
   - any other (exp, pi, a fractional power, …) is evaluated as mpmath does
     at 50 digits: binary floating point of 169 bits, each operation rounded
     as mpmath rounds it (see "binary floating point" below; float64 could
     not tell 0.01 from a tolerance one part in 10^17 away, nor reach
     10^±10000), and the result read to 40 significant figures;
   - the key's value (a decimal string) and the tolerance (the decimal its
     JSON number is written as) are exact rationals, and every comparison
     and every figure in the feedback is exact rational arithmetic.

   Expressions: grade.py decides with sympy, which the page cannot run. The
   page is stricter instead, never more lenient: it draws four times as many
   points per attempt from grade.sample_points' distribution (with
   crypto.getRandomValues), compares the answer with the key at each as
   grade._compare does (40 figures, 60 then 120 then 240 digits where
   cancellation blurs the difference), and, where every point agrees, works
   out answer minus key at 2,000 bits at two of them: anything above what
   rounding leaves (2^-1900 of the values) is refused. That catches every
   constant offset grade.py's exact step catches (down to 10^-400) and
   others it lets through, such as 10^-500 or 10^-300·z. */
(function () {
  "use strict";

  const C = window.gradbookGraderConstants;
  const P = C.parse;
  const POINTS_PER_SCALE = 4;
  /* Expressions are compared at four times as many points as grade.py draws. */
  const CLOSE_BITS = 2000;
  const CLOSE_POINTS = 2;
  /* Where every point agrees, answer minus key is worked out at this many bits
     at this many points (see offset). */

  class AnswerError extends Error {}

  /* ---- characters, as Python sees them ---- */

  /* Code points, not UTF-16 units: Python's positions and lengths count them. */
  function codePointLength(text) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      count++;
    }
    return count;
  }

  /* The runs of grader-constants.js ("gap.length" in base 36) as sorted [start, end] pairs. */
  function runs(encoded) {
    let previous = -1;
    return encoded.split(",").map((part) => {
      const [gap, length] = part.split(".").map((n) => parseInt(n, 36));
      const start = previous + 1 + gap;
      previous = start + length - 1;
      return [start, previous];
    });
  }

  const UNPRINTABLE = runs(C.characters.unprintable);
  const SPACES = new Set(C.characters.spaces);
  const NAMES = C.characters.names;

  function isUnprintable(code) {
    let low = 0, high = UNPRINTABLE.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = UNPRINTABLE[middle];
      if (code < start) high = middle - 1;
      else if (code > end) low = middle + 1;
      else return true;
    }
    return false;
  }

  const hex = (code) => code.toString(16).padStart(4, "0");

  /* parse.shown: unprintable characters and lone surrogates as \uXXXX. */
  function shown(text) {
    return Array.from(text, (ch) => {
      const code = ch.codePointAt(0);
      return isUnprintable(code) || (code >= 0xd800 && code <= 0xdfff) ? "\\u" + hex(code) : ch;
    }).join("");
  }

  /* Python's unicodedata name, lower-cased, for the characters the page knows
     (grader-constants.js lists them); "unnamed character" where Python has no
     name (controls, surrogates, private use, unassigned); the code point for
     any other character. */
  function characterName(code) {
    const name = NAMES[code.toString(16)];
    if (name) return name;
    return isUnprintable(code) || (code >= 0xd800 && code <= 0xdfff) ? "unnamed character" : "u+" + hex(code);
  }

  /* ---- tokens (parse.tokens) ---- */

  const MINUS = new Set(P.minus);
  const TIMES = new Set(P.times);
  const isDigit = (ch) => ch !== undefined && ch >= "0" && ch <= "9";
  const isLetter = (ch) => ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_");
  const isNameCharacter = (ch) => isLetter(ch) || isDigit(ch);

  function tokens(text, maxLength) {
    const length = codePointLength(text);
    if (length > maxLength) {
      throw new AnswerError(`the answer is ${length} characters long; at most ${maxLength} are read`);
    }
    const chars = Array.from(text, (ch) => (MINUS.has(ch) ? "-" : ch));
    const found = [];
    const token = (kind, tokenText, at) => ({ kind, text: tokenText, at });
    let i = 0;
    while (i < chars.length) {
      const ch = chars[i];
      if (SPACES.has(ch.codePointAt(0))) {
        i += 1;
      } else if (ch in P.superscripts) {
        let j = i;
        while (j < chars.length && chars[j] in P.superscripts) j++;
        const digits = chars.slice(i, j).map((c) => P.superscripts[c]).join("");
        if (!/^[+-]?[0-9]+$/.test(digits)) {
          throw new AnswerError(`the superscript at position ${i + 1} is not a whole number`);
        }
        const [sign, number] = "+-".includes(digits[0]) ? [digits[0], digits.slice(1)] : ["", digits];
        found.push(token("^", "^", i), token("(", "(", i));
        if (sign) found.push(token(sign, sign, i));
        found.push(token("num", number, i), token(")", ")", i));
        i = j;
      } else if (isDigit(ch) || ch === ".") {
        const end = numberEnd(chars, i);
        if (end === null) throw new AnswerError(`a lone '.' at position ${i + 1}`);
        const literal = chars.slice(i, end.end).join("");
        checkLiteral(literal, end.mantissa - i, i);
        found.push(token("num", literal, i));
        i = timesTen(chars, end.end, found);
      } else if (isLetter(ch)) {
        let j = i + 1;
        while (isNameCharacter(chars[j])) j++;
        found.push(token("name", chars.slice(i, j).join(""), i));
        i = j;
      } else if (ch === "*" && chars[i + 1] === "*") {
        found.push(token("^", "**", i));
        i += 2;
      } else if (TIMES.has(ch)) {
        found.push(token("*", ch, i));
        i += 1;
      } else if ("+-/^%()".includes(ch)) {
        found.push(token(ch, ch, i));
        i += 1;
      } else if (ch === "σ") {
        found.push(token("name", "sigma", i));
        i += 1;
      } else {
        const code = ch.codePointAt(0);
        throw new AnswerError(`'${shown(ch)}' (${characterName(code)}) at position ${i + 1} is not part of an answer`);
      }
    }
    return found;
  }

  /* The end of the number starting at i, as parse._NUMBER reads one
     (digits[.digits] or .digits, then e/E[+-]digits if digits follow), and
     where its mantissa ends; null for a lone '.'. */
  function numberEnd(chars, i) {
    let j = i;
    while (isDigit(chars[j])) j++;
    if (j > i) {
      if (chars[j] === ".") j++;
      while (isDigit(chars[j])) j++;
    } else {
      j = i + 1;
      while (isDigit(chars[j])) j++;
      if (j === i + 1) return null;
    }
    const mantissa = j;
    if (chars[j] === "e" || chars[j] === "E") {
      let k = j + 1;
      if (chars[k] === "+" || chars[k] === "-") k++;
      if (isDigit(chars[k])) {
        while (isDigit(chars[k])) k++;
        j = k;
      }
    }
    return { end: j, mantissa };
  }

  /* parse._check_literal: a literal's size is known from its text. */
  function checkLiteral(literal, mantissaLength, at) {
    const mantissa = literal.slice(0, mantissaLength).replace(/^0+/, "");
    const whole = mantissa.startsWith(".")
      ? -mantissa.length + mantissa.slice(1).replace(/^0+/, "").length
      : mantissa.split(".")[0].length;
    const exponent = mantissaLength < literal.length ? BigInt(literal.slice(mantissaLength + 1)) : 0n;
    const limit = BigInt(P.maxMagnitude);
    const abs = (n) => (n < 0n ? -n : n);
    if (abs(exponent) > limit || abs(exponent + BigInt(whole)) > limit) {
      throw new AnswerError(`the number at position ${at + 1} is too large or too small ` +
                            `(numbers stay within 10^±${P.maxMagnitude})`);
    }
  }

  /* parse._times_ten: after a number, 'x 10' means times ten (2.5x10^-1). */
  function timesTen(chars, i, found) {
    let j = i;
    while (chars[j] === " " || chars[j] === "\t") j++;
    if (chars[j] !== "x" && chars[j] !== "X") return i;
    j++;
    while (chars[j] === " " || chars[j] === "\t") j++;
    if (chars[j] === "1" && chars[j + 1] === "0") {
      found.push({ kind: "*", text: "x", at: i });
      return j;
    }
    return i;
  }

  /* ---- the tree (parse._Parser) ----
     Nodes are arrays, as parse.py's tuples: ["num", text] ["name", n]
     ["call", f, arg] ["neg", a] ["pct", a] and [op, left, right]. */

  class Parser {
    constructor(found, names) {
      this.found = found;
      this.i = 0;
      this.names = names;
      this.depth = 0;
      this.heights = new WeakMap();
    }

    peek() {
      return this.i < this.found.length ? this.found[this.i] : null;
    }

    take(kind) {
      const token = this.peek();
      if (token === null || token.kind !== kind) {
        const where = token ? `'${token.text}' at position ${token.at + 1}` : "the end";
        throw new AnswerError(`expected '${kind}' but found ${where}`);
      }
      this.i += 1;
      return token;
    }

    node(...parts) {
      let height = 1;
      for (const part of parts) {
        if (Array.isArray(part)) height = Math.max(height, 1 + this.heights.get(part));
      }
      if (height > P.maxHeight) {
        throw new AnswerError(`the expression is too long a chain (more than ${P.maxHeight} operations deep)`);
      }
      this.heights.set(parts, height);
      return parts;
    }

    parse() {
      if (this.found.length === 0) throw new AnswerError("the answer is empty");
      const tree = this.sum();
      const token = this.peek();
      if (token !== null) throw new AnswerError(`unexpected '${token.text}' at position ${token.at + 1}`);
      return tree;
    }

    nested(parse) {
      this.depth += 1;
      if (this.depth > P.maxDepth) throw new AnswerError(`the answer is nested more than ${P.maxDepth} deep`);
      try {
        return parse.call(this);
      } finally {
        this.depth -= 1;
      }
    }

    sum() {
      let tree = this.product();
      let token;
      while ((token = this.peek()) !== null && (token.kind === "+" || token.kind === "-")) {
        this.i += 1;
        tree = this.node(token.kind, tree, this.product());
      }
      return tree;
    }

    product() {
      let tree = this.unary();
      let token;
      while ((token = this.peek()) !== null && ["*", "/", "name", "("].includes(token.kind)) {
        if (token.kind === "*" || token.kind === "/") {
          this.i += 1;
          tree = this.node(token.kind, tree, this.unary());
        } else {  // implicit product: 2z, a sigma(z), 2(1 - s)
          tree = this.node("*", tree, this.power());
        }
      }
      return tree;
    }

    unary() {
      const token = this.peek();
      if (token !== null && (token.kind === "+" || token.kind === "-")) {
        this.i += 1;
        const inner = this.nested(this.unary);
        return token.kind === "-" ? this.node("neg", inner) : inner;
      }
      return this.power();
    }

    power() {
      const base = this.percent();
      const token = this.peek();
      if (token !== null && token.kind === "^") {
        this.i += 1;
        return this.node("^", base, this.nested(this.unary));
      }
      return base;
    }

    percent() {
      const tree = this.primary();
      const token = this.peek();
      if (token !== null && token.kind === "%") {
        this.i += 1;
        return this.node("pct", tree);
      }
      return tree;
    }

    primary() {
      const token = this.peek();
      if (token === null) throw new AnswerError("the answer ends too early");
      if (token.kind === "num") {
        this.i += 1;
        return this.node("num", token.text);
      }
      if (token.kind === "(") {
        this.i += 1;
        const tree = this.nested(this.sum);
        this.take(")");
        return tree;
      }
      if (token.kind === "name") {
        this.i += 1;
        const name = token.text;
        if (P.functions.includes(name)) {
          this.take("(");
          const arg = this.nested(this.sum);
          this.take(")");
          return this.node("call", name, arg);
        }
        if (P.constants.includes(name) || this.names.has(name)) return this.node("name", name);
        if (this.names.size === 0) {
          throw new AnswerError(`'${name}' at position ${token.at + 1}: this answer is a number ` +
                                "(digits, operators, e, pi and functions such as exp)");
        }
        const allowed = [...new Set([...this.names, ...P.constants, ...P.functions])].sort().join(", ");
        throw new AnswerError(`'${name}' at position ${token.at + 1} is not a name this answer may use ` +
                              `(allowed: ${allowed})`);
      }
      throw new AnswerError(`unexpected '${token.text}' at position ${token.at + 1}`);
    }
  }

  function parse(text, names, maxLength) {
    return new Parser(tokens(text, maxLength === undefined ? P.maxLength : maxLength), new Set(names)).parse();
  }

  /* ---- integers and exact rationals (gradbook/practice/exact.py) ---- */

  const E = C.evaluate;
  const abs = (n) => (n < 0n ? -n : n);
  const TEN = 10n;
  const powers = new Map();
  /* 10^k, remembered: a few hundred of them at most, then forgotten all at once. */
  function tenTo(k) {
    let power = powers.get(k);
    if (power === undefined) {
      power = TEN ** BigInt(k);
      if (powers.size > 300) powers.clear();
      powers.set(k, power);
    }
    return power;
  }

  function bitLength(n) {
    n = abs(n);
    if (n === 0n) return 0;
    const text = n.toString(16);
    return 4 * (text.length - 1) + (32 - Math.clz32(parseInt(text[0], 16)));
  }

  /* exact.digits: decimal digits of |n| > 0, without writing it out. */
  function digits(n) {
    n = abs(n);
    let count = Math.floor((bitLength(n) - 1) * 0.30102999566398120) + 1;
    if (n >= tenTo(count)) count += 1;
    else if (n < tenTo(count - 1)) count -= 1;
    return count;
  }

  /* exact.ratio_exponent: floor(log10 |n/d|) for n != 0, d > 0. */
  function ratioExponent(n, d) {
    n = abs(n);
    const e = digits(n) - digits(d);
    const below = e >= 0 ? n < d * tenTo(e) : n * tenTo(-e) < d;
    return below ? e - 1 : e;
  }

  /* exact.log10_big: log10 of n > 0 as a float, from its first 17 digits. */
  function log10Big(n) {
    const count = digits(n);
    if (count <= 17) return Math.log10(Number(n));
    return (count - 17) + Math.log10(Number(n / tenTo(count - 17)));
  }

  /* A rational {n, d}, d > 0, not reduced; compared by cross-multiplying. */
  const Q = (n, d = 1n) => ({ n, d });
  const sign = (q) => (q.n > 0n ? 1 : q.n < 0n ? -1 : 0);
  const compare = (a, b) => {
    const left = a.n * b.d, right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
  };
  const negate = (q) => Q(-q.n, q.d);
  const absolute = (q) => Q(abs(q.n), q.d);
  const add = (a, b) => Q(a.n * b.d + b.n * a.d, a.d * b.d);
  const subtract = (a, b) => Q(a.n * b.d - b.n * a.d, a.d * b.d);
  const multiply = (a, b) => Q(a.n * b.n, a.d * b.d);
  const divide = (a, b) => (b.n < 0n ? Q(-a.n * b.d, -a.d * b.n) : Q(a.n * b.d, a.d * b.n));
  const scaled = (q, power) => (power >= 0 ? Q(q.n * tenTo(power), q.d) : Q(q.n, q.d * tenTo(-power)));
  const floorOf = (q) => {
    const whole = q.n / q.d;
    return q.n < 0n && whole * q.d !== q.n ? whole - 1n : whole;
  };
  const decimalExponent = (q) => ratioExponent(q.n, q.d);

  /* A decimal as text ("-3.2e-4", "0.01", "1e-05") read exactly. */
  function decimal(text) {
    const match = /^([+-]?)([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?$/.exec(text);
    const power = Number(match[4] || 0) - match[3].length;
    const value = BigInt((match[2] + match[3]) || "0") * (match[1] === "-" ? -1n : 1n);
    return scaled(Q(value), power);
  }

  /* exact._scaled: |q| over the power of ten that leaves `figures` digits before the point. */
  function scaledTo(q, figures) {
    const power = decimalExponent(q) - figures + 1;
    return { value: scaled(absolute(q), -power), power };
  }

  /* exact.rounded: q to `figures` significant figures, half away from zero. */
  function rounded(q, figures) {
    if (q.n === 0n) return Q(0n);
    const { value, power } = scaledTo(q, figures);
    const whole = floorOf(add(value, Q(1n, 2n)));
    return scaled(Q(q.n > 0n ? whole : -whole), power);
  }

  /* exact.significand: (A, p), A * 10^p = |q| to `figures` figures, ties to even. */
  function significand(q, figures) {
    const { value, power } = scaledTo(q, figures);
    let whole = floorOf(value);
    const twice = 2n * (value.n - whole * value.d);
    if (twice > value.d || (twice === value.d && whole % 2n === 1n)) whole += 1n;
    return { whole, power };
  }

  const SNAP = C.exact.snapFigures;
  /* exact.snapped: how an approximately computed value is read. */
  function snapped(q) {
    if (q.n === 0n) return Q(0n);
    const { whole, power } = significand(q, SNAP);
    return scaled(Q(q.n > 0n ? whole : -whole), power);
  }

  function plainText(q, places) {
    const whole = q.n * tenTo(places) / q.d;
    let text = whole.toString().padStart(places + 1, "0");
    if (!places) return text;
    text = `${text.slice(0, -places)}.${text.slice(-places)}`;
    return text.replace(/0+$/, "").replace(/\.$/, "");
  }

  /* exact.show: a number in a message. */
  function show(q) {
    if (q.n % q.d === 0n && abs(q.n / q.d) < tenTo(15)) return (q.n / q.d).toString();
    const value = rounded(q, 6);
    const exponent = decimalExponent(value);
    const minus = value.n < 0n ? "-" : "";
    if (exponent >= -4 && exponent < 15) return minus + plainText(absolute(value), Math.max(0, 5 - exponent));
    const mantissa = plainText(scaled(absolute(value), -exponent), 5);
    return `${minus}${mantissa}e${exponent > 0 ? "+" : "-"}${Math.abs(exponent)}`;
  }

  /* exact.percent_text: two significant figures, every figure written. */
  function percentText(q) {
    const value = rounded(q, 2);
    if (value.n === 0n) return "0";
    const exponent = decimalExponent(value);
    if (exponent >= -3 && exponent < 6) {
      const places = Math.max(0, 1 - exponent);
      const text = (value.n * tenTo(places) / value.d).toString().padStart(places + 1, "0");
      return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
    }
    const mantissa = scaled(value, -exponent);
    const tenths = mantissa.n * 10n / mantissa.d;
    return `${tenths / 10n}.${tenths % 10n} × 10^${exponent}`;
  }

  /* ---- the exact path of evaluate.number ---- */

  class Undefined extends AnswerError {}
  class NotExact extends Error {}

  class Budget {
    constructor(operations) {
      this.left = operations;
    }

    spend(kind) {
      this.left -= E.cost[kind];
      if (this.left < 0) throw new AnswerError("the answer takes too much work to evaluate; write it more simply");
    }
  }

  const LIMIT = tenTo(P.maxMagnitude);

  function tooFar(exponent) {
    throw new AnswerError(`a value of about 10^${exponent} arises (values stay within 10^±${P.maxMagnitude})`);
  }

  function outOfRange(q) {
    if (q.n === 0n || Math.abs(bitLength(q.n) - bitLength(q.d)) < E.maxBits - 2) return false;
    return abs(q.n) > LIMIT * q.d || abs(q.n) * LIMIT < q.d;
  }

  /* evaluate._checked: within 10^±MAX_MAGNITUDE, else refused; within EXACT_BITS, else NotExact. */
  function checked(q) {
    if (outOfRange(q)) tooFar(ratioExponent(q.n, q.d));
    if (bitLength(q.n) > E.exactBits || bitLength(q.d) > E.exactBits) throw new NotExact();
    return q;
  }

  /* evaluate._literal: 2.5, .5, 1e-7, 3.E2 as a pair. */
  function literal(text) {
    const [mantissa, exponent] = text.toLowerCase().split("e");
    const [whole, fraction = ""] = mantissa.split(".");
    const power = Number(exponent || 0) - fraction.length;
    const value = BigInt(whole + fraction);
    return power >= 0 ? Q(value * tenTo(power)) : Q(value, tenTo(-power));
  }

  function exactValue(tree, budget) {
    const kind = tree[0];
    budget.spend(kind);
    if (kind === "num") return checked(literal(tree[1]));
    if (kind === "name" || kind === "call") throw new NotExact();
    if (kind === "neg" || kind === "pct") {
      const q = exactValue(tree[1], budget);
      return checked(kind === "neg" ? negate(q) : Q(q.n, 100n * q.d));
    }
    const a = exactValue(tree[1], budget), b = exactValue(tree[2], budget);
    if (kind === "+") return checked(add(a, b));
    if (kind === "-") return checked(subtract(a, b));
    if (kind === "*") return checked(multiply(a, b));
    if (kind === "/") {
      if (b.n === 0n) throw new Undefined("division by zero");
      return checked(divide(a, b));
    }
    return checked(exactPower(a, b));
  }

  function sizeLimit(size) {
    if (size > P.maxMagnitude) {
      throw new AnswerError(`a power of about 10^±${Math.floor(size + 0.5)} is too large ` +
                            `(values stay within 10^±${P.maxMagnitude})`);
    }
  }

  function exactPower(base, exponent) {
    if (base.n === 0n) {
      if (exponent.n < 0n) throw new Undefined("zero to a negative power");
      return exponent.n === 0n ? Q(1n) : Q(0n);
    }
    if (abs(exponent.n) > BigInt(E.maxExponent) * exponent.d) {
      throw new AnswerError(`an exponent of ${show(exponent)} is too large (at most ${E.maxExponent})`);
    }
    if (exponent.n % exponent.d !== 0n) throw new NotExact();
    const k = exponent.n / exponent.d;
    const times = Number(abs(k));
    sizeLimit(times * Math.abs(log10Big(abs(base.n)) - log10Big(base.d)));
    if (Math.max(bitLength(base.n), bitLength(base.d)) * times > E.exactBits) throw new NotExact();
    const n = base.n ** abs(k), m = base.d ** abs(k);
    if (k >= 0n) return Q(n, m);
    return n < 0n ? Q(-m, -n) : Q(m, n);
  }

  /* ---- binary floating point, as mpmath computes ----
     A value is {s, m, e}: (-1)^s · m · 2^e with m >= 0 odd (or zero), as
     mpmath's raw mpf. Every operation rounds as mpmath's does at the same
     precision: + - × ÷ and sqrt correctly rounded (to nearest, ties to even,
     or towards or away from zero where mpmath asks for it), a literal read
     as mpmath.mpf reads it, whole powers by mpmath's own binary powering.
     exp, log and tanh are computed with 60 extra bits and rounded once, which
     is what mpmath's results are but for a value within 2^-60 of a rounding
     tie. So the page's 50-digit value of an answer is the Python grader's,
     bit for bit but for such ties, and both read it to 40 figures. */

  const ZERO = { s: 0, m: 0n, e: 0 };
  const ONE = { s: 0, m: 1n, e: 0 };
  const GUARD = 60;

  /* The value (-1)^s · m · 2^e (m >= 0 any size) rounded to prec bits:
     "n" to nearest, ties to even; "d" towards zero; "u" away from zero. */
  function normalize(s, m, e, prec, mode) {
    if (m === 0n) return ZERO;
    const excess = bitLength(m) - prec;
    if (excess > 0) {
      const shift = BigInt(excess);
      const kept = m >> shift, rest = m - (kept << shift), half = 1n << (shift - 1n);
      let up = false;
      if (mode === "n") up = rest > half || (rest === half && (kept & 1n) === 1n);
      else if (mode === "u") up = rest !== 0n;
      m = up ? kept + 1n : kept;
      e += excess;
    }
    const zeros = bitLength(m & -m) - 1;
    return { s, m: m >> BigInt(zeros), e: e + zeros };
  }

  const fromInteger = (n, prec, mode) => normalize(n < 0n ? 1 : 0, abs(n), 0, prec, mode);
  const neg = (x) => (x.m === 0n ? x : { s: 1 - x.s, m: x.m, e: x.e });
  const isZero = (x) => x.m === 0n;
  const magnitude = (x) => x.e + bitLength(x.m);
  const toRational = (x) => {
    const n = x.s ? -x.m : x.m;
    return x.e >= 0 ? Q(n << BigInt(x.e)) : Q(n, 1n << BigInt(-x.e));
  };

  /* The exact sum, rounded: mpmath's shortcut for operands far apart rounds the same way. */
  function fadd(x, y, prec, mode = "n") {
    if (isZero(x)) return normalize(y.s, y.m, y.e, prec, mode);
    if (isZero(y)) return normalize(x.s, x.m, x.e, prec, mode);
    const e = Math.min(x.e, y.e);
    const sum = (x.s ? -1n : 1n) * (x.m << BigInt(x.e - e)) + (y.s ? -1n : 1n) * (y.m << BigInt(y.e - e));
    return normalize(sum < 0n ? 1 : 0, abs(sum), e, prec, mode);
  }

  const fsub = (x, y, prec, mode) => fadd(x, neg(y), prec, mode);
  const fmul = (x, y, prec, mode = "n") => normalize(x.s ^ y.s, x.m * y.m, x.e + y.e, prec, mode);

  function fdiv(x, y, prec, mode = "n") {
    if (isZero(x)) return ZERO;
    if (y.m === 1n) return normalize(x.s ^ y.s, x.m, x.e - y.e, prec, mode);
    let extra = Math.max(5, prec - bitLength(x.m) + bitLength(y.m) + 5);
    let quotient = (x.m << BigInt(extra)) / y.m;
    if (quotient * y.m !== x.m << BigInt(extra)) {
      quotient = (quotient << 1n) + 1n;
      extra += 1;
    }
    return normalize(x.s ^ y.s, quotient, x.e - y.e - extra, prec, mode);
  }

  function isqrt(n) {
    if (n < 2n) return n;
    let x = 1n << BigInt((bitLength(n) >> 1) + 1);
    for (;;) {
      const next = (x + n / x) >> 1n;
      if (next >= x) return x;
      x = next;
    }
  }

  /* mpmath's mpf_sqrt, correctly rounded. */
  function fsqrt(x, prec, mode = "n") {
    if (isZero(x)) return x;
    let { m, e } = x;
    if (e & 1) {
      e -= 1;
      m <<= 1n;
    } else if (m === 1n) {
      return normalize(0, m, e / 2, prec, mode);
    }
    let shift = Math.max(4, 2 * prec - bitLength(m) + 4);
    shift += shift & 1;
    const scaledM = m << BigInt(shift);
    let root = isqrt(scaledM);
    if (root * root !== scaledM) {
      root = (root << 1n) + 1n;
      shift += 2;
    }
    return normalize(0, root, (e - shift) / 2, prec, mode);
  }

  /* mpmath's mpf_pow_int: exact for small results, else binary powering
     truncated at prec + 4·bits(n) + 4 bits, rounded at the end. */
  function fpowInt(x, n, prec, mode = "n") {
    if (n === 0n) return ONE;
    if (n === 1n) return normalize(x.s, x.m, x.e, prec, mode);
    if (n === 2n) return normalize(0, x.m * x.m, 2 * x.e, prec, mode);
    if (n === -1n) return fdiv(ONE, x, prec, mode);
    if (n < 0n) {
      const reciprocal = { n: "n", d: "u", u: "d" }[mode];
      return fdiv(ONE, fpowInt(x, -n, prec + 5, reciprocal), prec, mode);
    }
    const s = x.s & Number(n & 1n);
    if (x.m === 1n) return { s, m: 1n, e: x.e * Number(n) };
    if (bitLength(x.m) * Number(n) < 1000) return normalize(s, x.m ** n, x.e * Number(n), prec, mode);
    const truncates = mode === "n" || mode === "d";
    const work = prec + 4 * bitLength(n) + 4;
    const cut = (m, e) => {
      const excess = bitLength(m) - work;
      if (excess <= 0) return [m, e];
      const shift = BigInt(excess);
      return [truncates ? m >> shift : -((-m) >> shift), e + excess];
    };
    let [pm, pe] = [1n, 0], [man, exp] = [x.m, x.e];
    for (;;) {
      if (n & 1n) {
        [pm, pe] = cut(pm * man, pe + exp);
        n -= 1n;
        if (!n) break;
      }
      [man, exp] = cut(man * man, exp + exp);
      n /= 2n;
    }
    return normalize(s, pm, pe, prec, mode);
  }

  /* ---- fixed point: integers scaled by 2^bits, for the functions ---- */

  const constantCache = new Map();
  function cached(name, bits, compute) {
    const key = `${name}:${bits}`;
    if (!constantCache.has(key)) constantCache.set(key, compute());
    return constantCache.get(key);
  }

  /* atanh(1/k) · 2^bits, from its series. */
  function atanhInverse(k, bits) {
    const one = 1n << BigInt(bits), kk = BigInt(k) * BigInt(k);
    let power = one / BigInt(k), sum = power;
    for (let j = 3n; power !== 0n; j += 2n) {
      power /= kk;
      sum += power / j;
    }
    return sum;
  }

  /* atan(1/k) · 2^bits. */
  function atanInverse(k, bits) {
    const one = 1n << BigInt(bits), kk = BigInt(k) * BigInt(k);
    let power = one / BigInt(k), sum = power;
    for (let j = 3n, minus = true; power !== 0n; j += 2n, minus = !minus) {
      power /= kk;
      sum += minus ? -(power / j) : power / j;
    }
    return sum;
  }

  /* Constants are kept at multiples of 64 bits and cut to the bits asked. */
  function constant(name, series, bits) {
    const kept = 64 * Math.ceil((bits + 10) / 64);
    return cached(name, kept, series.bind(null, kept)) >> BigInt(kept - bits);
  }

  const ln2Fixed = (bits) => constant("ln2", (b) => 2n * atanhInverse(3, b), bits);
  const piFixed = (bits) => constant("pi", (b) => 16n * atanInverse(5, b) - 4n * atanInverse(239, b), bits);

  /* x · 2^bits as an integer, truncated. */
  function toFixed(x, bits) {
    const shift = x.e + bits;
    const m = shift >= 0 ? x.m << BigInt(shift) : x.m >> BigInt(-shift);
    return x.s ? -m : m;
  }

  /* exp(x) rounded to prec bits: x = k ln2 + r, exp(r/2^10) by its series, squared ten times. */
  function fexp(x, prec, mode = "n") {
    if (isZero(x)) return ONE;
    const halvings = 10;
    const whole = Math.max(0, magnitude(x));
    const bits = prec + GUARD + whole + 2 * halvings;
    const X = toFixed(x, bits), LN2 = ln2Fixed(bits);
    const k = (X >= 0n ? X + LN2 / 2n : X - LN2 / 2n) / LN2;
    const r = (X - k * LN2) >> BigInt(halvings);
    const one = 1n << BigInt(bits);
    let term = one, sum = one;
    for (let i = 1n; term !== 0n; i++) {
      term = (term * r >> BigInt(bits)) / i;
      sum += term;
    }
    for (let i = 0; i < halvings; i++) sum = (sum * sum) >> BigInt(bits);
    return normalize(0, sum, Number(k) - bits, prec, mode);
  }

  /* log(x) for x > 0: x = y · 2^t with y in [3/4, 3/2], log y = 2 atanh((y-1)/(y+1))
     from its series, worked with as many more bits as y - 1 has leading zeros. */
  function flog(x, prec, mode = "n") {
    const length = bitLength(x.m);
    let denominatorBits = length - 1, t = x.e + length - 1;
    if (2n * x.m > 3n << BigInt(length - 1)) {
      denominatorBits += 1;
      t += 1;
    }
    const D = 1n << BigInt(denominatorBits);
    const above = x.m - D, around = x.m + D;
    const lost = above === 0n ? 0 : bitLength(around) - bitLength(above);
    const bits = prec + GUARD + lost + 8;
    let series = 0n;
    if (above !== 0n) {
      const S = (abs(above) << BigInt(bits)) / around, S2 = (S * S) >> BigInt(bits);
      let power = S;
      series = S;
      for (let j = 3n; power !== 0n; j += 2n) {
        power = (power * S2) >> BigInt(bits);
        series += power / j;
      }
      series *= above < 0n ? -2n : 2n;
    }
    const total = series + BigInt(t) * ln2Fixed(bits);
    return normalize(total < 0n ? 1 : 0, abs(total), -bits, prec, mode);
  }

  /* tanh(x) = (E - 1)/(E + 1) with E = exp(2|x|), worked with as many more
     bits as the subtraction loses for a small x; below 2^-prec, x itself. */
  function ftanh(x, prec, mode = "n") {
    if (isZero(x)) return ZERO;
    if (magnitude(x) < -prec) return normalize(x.s, x.m, x.e, prec, mode);  // tanh x = x (1 - x²/3 …): x itself
    const bits = prec + GUARD + Math.max(0, -magnitude(x));
    const big = fexp({ s: 0, m: x.m, e: x.e + 1 }, bits);
    const value = fdiv(fsub(big, ONE, bits), fadd(big, ONE, bits), prec, mode);
    return x.s ? neg(value) : value;
  }

  const fpi = (prec) => cached("pi-rounded", prec, () => normalize(0, piFixed(prec + GUARD), -(prec + GUARD), prec, "n"));
  const fe = (prec) => cached("e-rounded", prec, () => fexp(ONE, prec));

  const exactly = (n) => fromInteger(n, Infinity, "n");

  /* mpmath's mpf(text): correctly rounded below 10^±400, beyond it its own
     product of a mantissa and a power of ten, rounded as mpmath rounds them. */
  function fromLiteral(text, prec) {
    const [mantissa, exponent] = text.toLowerCase().split("e");
    const [whole, fraction = ""] = mantissa.split(".");
    const power = Number(exponent || 0) - fraction.length;
    const man = BigInt(whole + fraction);
    if (Math.abs(power) > 400) {
      const ten = fpowInt({ s: 0, m: 5n, e: 1 }, BigInt(power), prec + 10, "d");
      return fmul(fromInteger(man, prec + 10, "d"), ten, prec, "n");
    }
    if (power >= 0) return fromInteger(man * tenTo(power), prec, "n");
    return fdiv(exactly(man), exactly(tenTo(-power)), prec, "n");
  }

  /* ---- the approximate path (evaluate._evaluate) ---- */

  const NEAR = Q(1n, tenTo(30));
  const log10 = (x, prec) => fdiv(flog(x, prec + 20), flog(exactly(10n), prec + 20), prec);

  /* evaluate._bounded: a value within 10^-30 of a limit is read to 40 figures first. */
  function bounded(value, prec) {
    if (isZero(value) || Math.abs(magnitude(value)) < E.maxBits - 8) return value;
    const exponent = toRational(log10({ s: 0, m: value.m, e: value.e }, prec));
    const size = absolute(exponent), limit = Q(BigInt(P.maxMagnitude));
    if (compare(size, add(limit, NEAR)) > 0) tooFar(floorOf(exponent).toString());
    if (compare(size, subtract(limit, NEAR)) > 0) {
      const q = snapped(toRational(value));
      if (outOfRange(q)) tooFar(ratioExponent(q.n, q.d));
    }
    return value;
  }

  const shownValue = (value) => show(snapped(toRational(value)));
  const atMost = (x, limit) => compare(absolute(toRational(x)), Q(BigInt(limit))) <= 0;
  const toFloat = (x) => (x.s ? -1 : 1) * Number(x.m) * Math.pow(2, x.e);

  function approximate(tree, env, budget, prec) {
    const kind = tree[0];
    budget.spend(kind);
    if (kind === "num") return fromLiteral(tree[1].startsWith(".") ? "0" + tree[1] : tree[1], prec);
    if (kind === "name") {
      if (tree[1] === "e") return fe(prec);
      if (tree[1] === "pi") return fpi(prec);
      return env[tree[1]];
    }
    if (kind === "call") return bounded(call(tree[1], approximate(tree[2], env, budget, prec), prec), prec);
    if (kind === "neg") return neg(approximate(tree[1], env, budget, prec));
    if (kind === "pct") return bounded(fdiv(approximate(tree[1], env, budget, prec), exactly(100n), prec), prec);
    const left = approximate(tree[1], env, budget, prec), right = approximate(tree[2], env, budget, prec);
    if (kind === "+") return bounded(fadd(left, right, prec), prec);
    if (kind === "-") return bounded(fsub(left, right, prec), prec);
    if (kind === "*") return bounded(fmul(left, right, prec), prec);
    if (kind === "/") {
      if (isZero(right)) throw new Undefined("division by zero");
      return bounded(fdiv(left, right, prec), prec);
    }
    return power(left, right, prec);
  }

  function call(name, arg, prec) {
    if (name === "log") {
      if (isZero(arg) || arg.s) throw new Undefined("log of a number that is not positive");
      return flog(arg, prec);
    }
    if (name === "sqrt") {
      if (arg.s) throw new Undefined("sqrt of a negative number");
      return fsqrt(arg, prec);
    }
    if (!atMost(arg, E.argumentLimit)) {
      throw new AnswerError(`${name} of ${shownValue(arg)}: its argument must be at most ${E.argumentLimit} in size`);
    }
    if (name === "exp") return fexp(arg, prec);
    if (name === "tanh") return ftanh(arg, prec);
    return fdiv(ONE, fadd(ONE, fexp(neg(arg), prec), prec), prec);
  }

  function power(base, exponent, prec) {
    if (isZero(base)) {
      if (exponent.s && !isZero(exponent)) throw new Undefined("zero to a negative power");
      return isZero(exponent) ? ONE : ZERO;
    }
    if (!atMost(exponent, E.maxExponent)) {
      throw new AnswerError(`an exponent of ${shownValue(exponent)} is too large (at most ${E.maxExponent})`);
    }
    const whole = exponent.e >= 0;
    if (base.s && !whole) throw new Undefined("a negative number to a fractional power");
    const digits = log10({ s: 0, m: base.m, e: base.e }, prec);
    sizeLimit(Math.abs(toFloat(fmul({ s: 0, m: exponent.m, e: exponent.e }, digits, prec))));
    return bounded(fpow(base, exponent, prec), prec);
  }

  /* mpmath's mpf_pow: whole powers by fpowInt, halves through sqrt, else exp(t log s). */
  function fpow(base, exponent, prec) {
    const signed = (n) => (exponent.s ? -n : n);
    if (exponent.e >= 0) return fpowInt(base, signed(exponent.m << BigInt(exponent.e)), prec);
    if (exponent.e === -1) {
      if (exponent.m === 1n) {
        return exponent.s ? fdiv(ONE, fsqrt(base, prec + 10), prec) : fsqrt(base, prec);
      }
      return fpowInt(fsqrt(base, prec + 10), signed(exponent.m), prec);
    }
    const log = flog(base, prec + 10);
    return fexp(fmul(exponent, log, Infinity), prec);
  }

  function evaluated(tree, env, budget, prec) {
    return bounded(approximate(tree, env, budget, prec), prec);
  }

  /* ---- numbers (evaluate.number, grade._numeric, rules.py) ---- */

  const hasPercent = (tree) => tree[0] === "pct" || tree.slice(1).some((part) => Array.isArray(part) && hasPercent(part));

  function numberValue(text, percent, budget) {
    const tree = parse(text, []);
    if (!percent && hasPercent(tree)) {
      throw new AnswerError("this answer is a whole number (a count), not a ratio: write it without %");
    }
    try {
      return exactValue(tree, budget);
    } catch (error) {
      if (!(error instanceof NotExact)) throw error;
    }
    return snapped(toRational(evaluated(tree, {}, budget, E.bits)));
  }

  /* A tolerance as the decimal its JSON number is written as (String gives
     the same shortest digits as Python's repr). */
  const tolerance = (rule) => decimal(String(rule.tol));
  const within = (given, low, high) => compare(low, given) <= 0 && compare(given, high) <= 0;

  const RULES = {
    rel: {
      percent: () => true,
      accepts(rule, given, truth) {
        const spread = multiply(tolerance(rule), absolute(truth));
        return within(given, subtract(truth, spread), add(truth, spread));
      },
      nearMiss: () => null,
    },
    abs: {
      percent: (rule) => rule.tol !== 0,
      accepts(rule, given, truth) {
        return within(given, subtract(truth, tolerance(rule)), add(truth, tolerance(rule)));
      },
      nearMiss: () => null,
    },
    sigfig: {
      percent: () => true,
      accepts(rule, given, truth) {
        return compare(rounded(given, rule.figures), rounded(truth, rule.figures)) === 0;
      },
      nearMiss(rule, given, truth) {
        const fewer = rule.figures - 1;
        if (fewer && compare(rounded(given, fewer), rounded(truth, fewer)) === 0) {
          return `right to ${fewer} significant figures; ${rule.figures} were asked (check the last figure)`;
        }
        return null;
      },
    },
  };

  /* rules._power_between: x · 10^i > y · 10^j, for positive integers. */
  const powerBetween = (x, i, y, j) => x * tenTo(Math.max(i - j, 0)) > y * tenTo(Math.max(j - i, 0));

  /* rules._power_of_ten_off: the s != 0 with given/truth within 10^(s ± 0.01), else 0. */
  function powerOfTenOff(given, truth) {
    if (sign(given) === 0 || sign(truth) === 0 || sign(given) !== sign(truth)) return 0;
    const a = significand(given, SNAP), b = significand(truth, SNAP);
    const a100 = a.whole ** 100n, b100 = b.whole ** 100n, apart = 100 * (a.power - b.power);
    const near = decimalExponent(given) - decimalExponent(truth);
    for (const s of [near - 1, near, near + 1]) {
      if (s && powerBetween(a100, apart, b100, 100 * s - 1) && powerBetween(b100, 100 * s + 1, a100, apart)) return s;
    }
    return 0;
  }

  /* NumericRule.why: the most useful thing to say about a wrong number. */
  function why(kind, rule, given, truth) {
    if (sign(truth) !== 0 && kind.accepts(rule, negate(given), truth)) return "right magnitude, wrong sign";
    const particular = kind.nearMiss(rule, given, truth);
    if (particular) return particular;
    const shift = powerOfTenOff(given, truth);
    if (shift === 2 && kind.percent(rule)) return "100 times too large: if you meant a percentage, write it with %";
    if (shift) return `off by a factor of 10^${shift}: check the decimal point or the exponent`;
    if (sign(truth) !== 0) {
      const off = divide(multiply(Q(100n), absolute(subtract(given, truth))), absolute(truth));
      return `not within the tolerance (off by ${percentText(off)} % of the answer)`;
    }
    return "not within the tolerance";
  }

  function numeric(answer, typed, budget) {
    const rule = answer.grading, kind = RULES[rule.mode];
    const given = numberValue(typed, kind.percent(rule), budget), truth = decimal(answer.value);
    if (kind.accepts(rule, given, truth)) return { verdict: "correct", feedback: "correct" };
    return { verdict: "incorrect", feedback: why(kind, rule, given, truth) };
  }

  /* ---- expressions (grade._symbolic), stricter than the Python grader ---- */

  const G = C.grade;
  const AGREEMENT = Q(1n, tenTo(G.agreement));

  /* A whole number from 0 to n - 1, uniformly, from the browser's cryptographic randomness. */
  function randomBelow(n) {
    const limit = Math.floor(0x100000000 / n) * n, word = new Uint32Array(1);
    do {
      crypto.getRandomValues(word);
    } while (word[0] >= limit);
    return word[0] % n;
  }

  /* grade.sample_points, POINTS_PER_SCALE times over: a 6-decimal number within ±scale per variable. */
  function samplePoints(variables) {
    const points = [];
    for (let round = 0; round < POINTS_PER_SCALE; round++) {
      for (const scale of G.scales) {
        const point = {};
        for (const name of variables) {
          const size = BigInt(G.low + randomBelow(G.high - G.low));
          point[name] = multiply(Q(randomBelow(2) ? size : -size, BigInt(G.denominator)), decimal(String(scale)));
        }
        points.push(point);
      }
    }
    return points;
  }

  const atPrecision = (point, prec) => Object.fromEntries(Object.entries(point).map(
    ([name, q]) => [name, fdiv(fromInteger(q.n, prec, "n"), exactly(q.d), prec)]));
  const settled = (now, before) => compare(absolute(subtract(now, before)), multiply(Q(1n, tenTo(6)), now)) <= 0;

  /* grade._compare: "same", "negated", "different", "skip" or "undefined" at this point. */
  function comparePoint(given, truth, point, budget) {
    let previous = null;
    for (const prec of G.levelBits) {
      const env = atPrecision(point, prec);
      let right, left;
      try {
        right = evaluated(truth, env, budget, prec);
      } catch (error) {
        if (error instanceof AnswerError) return "skip";
        throw error;
      }
      try {
        left = evaluated(given, env, budget, prec);
      } catch (error) {
        if (error instanceof Undefined) return "undefined";
        throw error;
      }
      const l = toRational(left), r = toRational(right);
      const scale = compare(absolute(l), absolute(r)) >= 0 ? absolute(l) : absolute(r);
      const apart = absolute(toRational(fsub(left, right, prec))), opposite = absolute(toRational(fadd(left, right, prec)));
      const limit = multiply(AGREEMENT, scale);
      if (compare(apart, limit) <= 0) return "same";
      if (compare(opposite, limit) <= 0) return "negated";
      if (previous && settled(apart, previous[0]) && settled(opposite, previous[1])) return "different";
      previous = [apart, opposite];
    }
    return "different";
  }

  /* Where every point agrees to 40 digits, answer minus key at CLOSE_BITS, at
     CLOSE_POINTS of them: zero but for rounding (below 2^-(CLOSE_BITS - 100)
     of the values), or the answer is refused. This catches the constant
     offsets grade.py's exact step catches (down to 10^-400), and more. */
  function offset(given, truth, points, budget) {
    const differences = [];
    for (const point of points.slice(0, CLOSE_POINTS)) {
      const env = atPrecision(point, CLOSE_BITS);
      const left = evaluated(given, env, budget, CLOSE_BITS), right = evaluated(truth, env, budget, CLOSE_BITS);
      const difference = toRational(fsub(left, right, CLOSE_BITS + 100));
      const l = absolute(toRational(left)), r = absolute(toRational(right));
      const scale = compare(l, r) >= 0 ? l : r;
      if (compare(absolute(difference), multiply(Q(1n, 1n << BigInt(CLOSE_BITS - 100)), scale)) > 0) {
        differences.push(difference);
      }
    }
    if (!differences.length) return null;
    const constant = differences.length > 1 && differences.every((d) => settled(d, differences[0]));
    return "not equivalent to the expected expression" + (constant ? " (it differs by a constant)" : "");
  }

  function symbolic(answer, typed, budget) {
    const rule = answer.grading;
    const fixed = Object.fromEntries(Object.entries(rule.constants || {}).map(([name, text]) => {
      const [top, bottom = "1"] = text.split("/");
      return [name, divide(decimal(top), decimal(bottom))];
    }));
    const names = [...rule.variables, ...Object.keys(fixed)];
    const given = parse(typed, names), truth = parse(answer.exact, names, C.keyLength);
    const points = samplePoints(rule.variables).map((point) => ({ ...fixed, ...point }));
    const outcomes = points.map((point) => comparePoint(given, truth, point, budget));
    const compared = outcomes.filter((outcome) => outcome !== "skip");
    const verdict = (text) => ({ verdict: "incorrect", feedback: text });
    if (!compared.length) {
      return { verdict: "invalid", feedback: "the key's expression is undefined at every point tried; tell your instructor" };
    }
    if (compared.includes("undefined")) return verdict("the expression is undefined at a point where the answer is defined");
    if (compared.every((outcome) => outcome === "negated")) return verdict("right expression up to its sign");
    if (!compared.every((outcome) => outcome === "same")) return verdict("not equivalent to the expected expression");
    const refused = offset(given, truth, points.filter((_, i) => outcomes[i] === "same"), budget);
    return refused ? verdict(refused) : { verdict: "correct", feedback: "correct" };
  }

  /* ---- grade.grade ---- */

  function isBlank(text) {
    for (const ch of text) {
      if (!SPACES.has(ch.codePointAt(0))) return false;
    }
    return true;
  }

  function grade(answer, typed) {
    if (typeof typed !== "string") return { verdict: "invalid", feedback: `the answer must be text, got ${typeof typed}` };
    if (isBlank(typed)) return { verdict: "invalid", feedback: "no answer was given" };
    try {
      if (answer.grading.mode === "symbolic") return symbolic(answer, typed, new Budget(E.budget * POINTS_PER_SCALE));
      return numeric(answer, typed, new Budget(E.budget));
    } catch (error) {
      if (error instanceof AnswerError) return { verdict: "invalid", feedback: error.message };
      return { verdict: "invalid", feedback: `this answer could not be graded (${error.name}); write it more simply` };
    }
  }

  window.gradbookGrader = { grade, parse };
})();
