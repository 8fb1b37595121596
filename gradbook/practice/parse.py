"""Reading what a learner typed, safely.

Nothing here hands the text to `eval`, `sympify` or `parse_expr`. A small
tokenizer accepts only numbers, the operators + - * / ^ ** %, parentheses and
the names a grading rule allows; a recursive-descent parser builds a tuple
tree from them, which gradbook/practice/evaluate.py evaluates at a bounded
cost. Reading has its own limits, so hostile text is refused, with a message
that points at the problem, before any work: the text's length, its nesting,
the height of its tree, and the size of every literal.

    parse("a*sigma(a*z)", {"a", "z"})   -> ("*", ("name", "a"), ("call", "sigma", ...))
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 200
MAX_DEPTH = 24
"""Parentheses, function calls and signs nested more deeply than this are refused."""
MAX_HEIGHT = 120
"""The tree may be this tall at most (a chain such as 1+1+…+1 is as tall as it is long)."""
MAX_MAGNITUDE = 10_000
"""No value, literal or intermediate, may lie beyond 10^±MAX_MAGNITUDE (zero aside).
Every answer in this guide is far inside it (the smallest float64 is 4.9 × 10⁻³²⁴)."""

FUNCTIONS = ("exp", "tanh", "sigma", "log", "sqrt")
CONSTANTS = ("e", "pi")
_SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                 "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"}
_TIMES = {"×", "·", "⋅", "∙", "*"}
_MINUS = str.maketrans({m: "-" for m in "−–‐‑﹣－"})
"""Every dash a keyboard or a word processor makes for a minus is a minus, in exponents too."""
_NUMBER = re.compile(r"([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
"""A name as the tokenizer reads one: a variable, a constant or a function."""
_TIMES_TEN = re.compile(r"[ \t]*[xX][ \t]*(?=10)")


NAMED = ((0x0021, 0x007E), (0x00A1, 0x00FF), (0x0391, 0x03C9), (0x0430, 0x044F), (0x2010, 0x205E), (0x2070, 0x209C),
         (0x2150, 0x215F), (0x2190, 0x2199), (0x2200, 0x22FF), (0xFF01, 0xFF5E))
"""The blocks whose characters a message calls by their Unicode names: ASCII and
Latin-1, Greek and small Cyrillic letters (lookalikes of x, e, o, a), punctuation
and dashes, superscripts and subscripts, fractions, arrows, mathematical
operators and the full-width forms; and every unprintable character. Any other
character is called by its code point, because the page's grader, which must say
the same, carries the names of these alone (gradbook/practice/page_script.py)."""


class AnswerError(ValueError):
    """The answer cannot be read or is out of bounds; the message says where and why."""


def shown(text: str) -> str:
    """`text` safe to print in feedback: controls, lone surrogates and other
    unprintable characters appear as \\uXXXX."""
    return "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else f"\\u{ord(c):04x}"
                   for c in text)


def character_name(ch: str) -> str:
    """How a message names a character it cannot read: its Unicode name in
    lower case where NAMED says so, else its code point ("u+1f600")."""
    code = ord(ch)
    if ch.isprintable() and not 0xD800 <= code <= 0xDFFF and not any(low <= code <= high for low, high in NAMED):
        return f"u+{code:04x}"
    return unicodedata.name(ch, "unnamed character").lower()


@dataclass(frozen=True)
class Token:
    kind: str   # "num", "name", or the operator itself: + - * / ^ % ( )
    text: str
    at: int


def tokens(text: str, max_length: int = MAX_LENGTH) -> list[Token]:
    """The tokens of `text`, or an AnswerError naming the first thing not allowed."""
    if len(text) > max_length:
        raise AnswerError(f"the answer is {len(text)} characters long; at most {max_length} are read")
    text = text.translate(_MINUS)
    found, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in _SUPERSCRIPTS:
            j = i
            while j < len(text) and text[j] in _SUPERSCRIPTS:
                j += 1
            digits = "".join(_SUPERSCRIPTS[c] for c in text[i:j])
            if not re.fullmatch(r"[+-]?[0-9]+", digits):
                raise AnswerError(f"the superscript at position {i + 1} is not a whole number")
            found += [Token("^", "^", i), Token("(", "(", i), *_signed(digits, i), Token(")", ")", i)]
            i = j
        elif ch.isascii() and (ch.isdigit() or ch == "."):
            match = _NUMBER.match(text, i)
            if not match:
                raise AnswerError(f"a lone '.' at position {i + 1}")
            _check_literal(match)
            found.append(Token("num", match[0], i))
            i = match.end()
            i = _times_ten(text, i, found)
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            match = NAME.match(text, i)
            found.append(Token("name", match[0], i))
            i = match.end()
        elif text.startswith("**", i):
            found.append(Token("^", "**", i))
            i += 2
        elif ch in _TIMES:
            found.append(Token("*", ch, i))
            i += 1
        elif ch in "+-/^%()":
            found.append(Token(ch, ch, i))
            i += 1
        elif ch == "σ":
            found.append(Token("name", "sigma", i))
            i += 1
        else:
            raise AnswerError(f"'{shown(ch)}' ({character_name(ch)}) at position {i + 1} is not part of an answer")
    return found


def _check_literal(match: re.Match) -> None:
    """A literal's size is known from its text: refuse one beyond the limit
    before mpmath reads it."""
    mantissa = match[1].lstrip("0")
    whole = len(mantissa.split(".")[0]) if not mantissa.startswith(".") else -len(mantissa) + len(
        mantissa[1:].lstrip("0"))
    exponent = int(match[2][1:]) if match[2] else 0
    if abs(exponent) > MAX_MAGNITUDE or abs(exponent + whole) > MAX_MAGNITUDE:
        raise AnswerError(f"the number at position {match.start() + 1} is too large or too small "
                          f"(numbers stay within 10^±{MAX_MAGNITUDE})")


def _signed(digits: str, at: int) -> list[Token]:
    sign, number = (digits[0], digits[1:]) if digits[0] in "+-" else ("", digits)
    return ([Token(sign, sign, at)] if sign else []) + [Token("num", number, at)]


def _times_ten(text: str, i: int, found: list) -> int:
    """After a number, 'x 10' means times ten (2.5x10^-1): an x there is never a name."""
    match = _TIMES_TEN.match(text, i)
    if match:
        found.append(Token("*", "x", i))
        return match.end()
    return i


class _Parser:
    """Recursive descent over the tokens, building a tuple tree:
    ("num", text) ("name", n) ("call", f, arg) ("neg", a) ("pct", a) and
    ("+" | "-" | "*" | "/" | "^", left, right)."""

    def __init__(self, found: list[Token], names: frozenset):
        self.found, self.i, self.names, self.depth = found, 0, names, 0
        self.heights = {}

    def peek(self) -> Token | None:
        return self.found[self.i] if self.i < len(self.found) else None

    def take(self, kind: str) -> Token:
        token = self.peek()
        if token is None or token.kind != kind:
            where = f"'{token.text}' at position {token.at + 1}" if token else "the end"
            raise AnswerError(f"expected '{kind}' but found {where}")
        self.i += 1
        return token

    def node(self, *parts) -> tuple:
        """A tree node, refused if it makes the tree taller than MAX_HEIGHT."""
        height = 1 + max((self.heights.get(id(p), 0) for p in parts if isinstance(p, tuple)), default=0)
        if height > MAX_HEIGHT:
            raise AnswerError(f"the expression is too long a chain (more than {MAX_HEIGHT} operations deep)")
        tree = tuple(parts)
        self.heights[id(tree)] = height  # every tuple is made here, so no stale id is ever read
        return tree

    def parse(self):
        if not self.found:
            raise AnswerError("the answer is empty")
        tree = self.sum()
        if self.peek() is not None:
            token = self.peek()
            raise AnswerError(f"unexpected '{token.text}' at position {token.at + 1}")
        return tree

    def nested(self, parse):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise AnswerError(f"the answer is nested more than {MAX_DEPTH} deep")
        try:
            return parse()
        finally:
            self.depth -= 1

    def sum(self):
        tree = self.product()
        while (token := self.peek()) is not None and token.kind in "+-":
            self.i += 1
            tree = self.node(token.kind, tree, self.product())
        return tree

    def product(self):
        tree = self.unary()
        while (token := self.peek()) is not None and (token.kind in "*/" or token.kind in ("name", "(")):
            if token.kind in "*/":
                self.i += 1
                tree = self.node(token.kind, tree, self.unary())
            else:  # implicit product: 2z, a sigma(z), 2(1 - s)
                tree = self.node("*", tree, self.power())
        return tree

    def unary(self):
        token = self.peek()
        if token is not None and token.kind in "+-":
            self.i += 1
            inner = self.nested(self.unary)
            return self.node("neg", inner) if token.kind == "-" else inner
        return self.power()

    def power(self):
        base = self.percent()
        if (token := self.peek()) is not None and token.kind == "^":
            self.i += 1
            return self.node("^", base, self.nested(self.unary))
        return base

    def percent(self):
        tree = self.primary()
        if (token := self.peek()) is not None and token.kind == "%":
            self.i += 1
            return self.node("pct", tree)
        return tree

    def primary(self):
        token = self.peek()
        if token is None:
            raise AnswerError("the answer ends too early")
        if token.kind == "num":
            self.i += 1
            return self.node("num", token.text)
        if token.kind == "(":
            self.i += 1
            tree = self.nested(self.sum)
            self.take(")")
            return tree
        if token.kind == "name":
            self.i += 1
            name = token.text
            if name in FUNCTIONS:
                self.take("(")
                arg = self.nested(self.sum)
                self.take(")")
                return self.node("call", name, arg)
            if name in CONSTANTS or name in self.names:
                return self.node("name", name)
            if not self.names:
                raise AnswerError(f"'{name}' at position {token.at + 1}: this answer is a number "
                                  "(digits, operators, e, pi and functions such as exp)")
            allowed = ", ".join(sorted(set(self.names) | set(CONSTANTS) | set(FUNCTIONS)))
            raise AnswerError(f"'{name}' at position {token.at + 1} is not a name this answer may use "
                              f"(allowed: {allowed})")
        raise AnswerError(f"unexpected '{token.text}' at position {token.at + 1}")


def parse(text: str, names=(), max_length: int = MAX_LENGTH) -> tuple:
    """The tree of `text`, allowing the variables in `names`."""
    return _Parser(tokens(text, max_length), frozenset(names)).parse()

