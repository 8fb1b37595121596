/* The practice grader in the page: a port of gradbook/practice/parse.py,
   evaluate.py, grade.py and rules.py, with their settings read from
   grader-constants.js, which the build prints from those modules. The
   learner's text is only ever tokenized and parsed into a tree here; nothing
   hands it to eval, Function or the page's markup.

   window.gradbookGrader.grade(answer, typed) -> {verdict, feedback}, where
   answer is one answer of problems.json ({name, exact, value, grading}); it
   never throws (a fault is "invalid", as in grade.py). */
(function () {
  "use strict";

  const C = window.gradbookGraderConstants;
  const P = C.parse;

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

  /* The verdict on `typed` for one answer of problems.json. For now the
     answer is only read: numbers and expressions are graded from the next
     version on. */
  function grade(answer, typed) {
    if (typeof typed !== "string") return { verdict: "invalid", feedback: `the answer must be text, got ${typeof typed}` };
    if (typed.trim() === "") return { verdict: "invalid", feedback: "no answer was given" };
    try {
      const names = answer.grading.mode === "symbolic"
        ? [...answer.grading.variables, ...Object.keys(answer.grading.constants || {})] : [];
      parse(typed, names);
      return { verdict: "invalid", feedback: "this page cannot grade answers yet" };
    } catch (error) {
      if (error instanceof AnswerError) return { verdict: "invalid", feedback: error.message };
      return { verdict: "invalid", feedback: `this answer could not be graded (${error.name}); write it more simply` };
    }
  }

  window.gradbookGrader = { grade, parse };
})();
