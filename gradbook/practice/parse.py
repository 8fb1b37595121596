"""Reading what a learner typed, safely.

Nothing here hands the text to `eval`, `sympify` or `parse_expr`. A small
tokenizer accepts only numbers, the operators + - * / ^ ** %, parentheses and
the names a grading rule allows; a recursive-descent parser builds a tuple
tree from them; and the tree is evaluated by code that knows each node kind.
Limits on length, nesting and exponents keep hostile input cheap: it is
refused, with a message that points at the problem, long before any work.

    number("2.5 × 10^-1")          -> mpf('0.25')
    evaluate(parse("a*sigma(a*z)", {"a", "z"}), {"a": 3, "z": 0.5})
"""

import re
import unicodedata
from dataclasses import dataclass

import mpmath

MAX_LENGTH = 200
MAX_DEPTH = 24
MAX_EXPONENT = 1000
"""A power whose exponent is a number larger than this is refused, so 9^9^9^9
costs nothing. Every answer in this guide needs far less."""
DIGITS = 50

FUNCTIONS = ("exp", "tanh", "sigma", "log", "sqrt")
CONSTANTS = ("e", "pi")
_SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                 "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"}
_TIMES = {"×", "·", "⋅", "∙", "*"}
_MINUS = {"-", "−", "–", "‐"}
_NUMBER = re.compile(r"([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TIMES_TEN = re.compile(r"[ \t]*[xX][ \t]*(?=10)")


class AnswerError(ValueError):
    """The answer cannot be read; the message says where and why."""


@dataclass(frozen=True)
class Token:
    kind: str   # "num", "name", or the operator itself: + - * / ^ % ( )
    text: str
    at: int


def tokens(text: str, max_length: int = MAX_LENGTH) -> list[Token]:
    """The tokens of `text`, or an AnswerError naming the first thing not allowed."""
    if len(text) > max_length:
        raise AnswerError(f"the answer is {len(text)} characters long; at most {max_length} are read")
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
            if match[2] and abs(int(match[2][1:])) > MAX_EXPONENT:
                raise AnswerError(f"the exponent at position {match.start(2) + 1} is too large "
                                  f"(at most {MAX_EXPONENT})")
            found.append(Token("num", match[0], i))
            i = match.end()
            i = _times_ten(text, i, found)
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            match = _NAME.match(text, i)
            found.append(Token("name", match[0], i))
            i = match.end()
        elif text.startswith("**", i):
            found.append(Token("^", "**", i))
            i += 2
        elif ch in _TIMES:
            found.append(Token("*", ch, i))
            i += 1
        elif ch in _MINUS:
            found.append(Token("-", ch, i))
            i += 1
        elif ch in "+/^%()":
            found.append(Token(ch, ch, i))
            i += 1
        elif ch == "σ":
            found.append(Token("name", "sigma", i))
            i += 1
        else:
            name = unicodedata.name(ch, "unnamed character")
            raise AnswerError(f"'{ch}' ({name.lower()}) at position {i + 1} is not part of an answer")
    return found


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

    def peek(self) -> Token | None:
        return self.found[self.i] if self.i < len(self.found) else None

    def take(self, kind: str) -> Token:
        token = self.peek()
        if token is None or token.kind != kind:
            where = f"'{token.text}' at position {token.at + 1}" if token else "the end"
            raise AnswerError(f"expected '{kind}' but found {where}")
        self.i += 1
        return token

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
            tree = (token.kind, tree, self.product())
        return tree

    def product(self):
        tree = self.unary()
        while (token := self.peek()) is not None and (token.kind in "*/" or token.kind in ("name", "(")):
            if token.kind in "*/":
                self.i += 1
                tree = (token.kind, tree, self.unary())
            else:  # implicit product: 2z, a sigma(z), 2(1 - s)
                tree = ("*", tree, self.power())
        return tree

    def unary(self):
        token = self.peek()
        if token is not None and token.kind in "+-":
            self.i += 1
            inner = self.nested(self.unary)
            return ("neg", inner) if token.kind == "-" else inner
        return self.power()

    def power(self):
        base = self.percent()
        if (token := self.peek()) is not None and token.kind == "^":
            self.i += 1
            return ("^", base, self.nested(self.unary))
        return base

    def percent(self):
        tree = self.primary()
        if (token := self.peek()) is not None and token.kind == "%":
            self.i += 1
            return ("pct", tree)
        return tree

    def primary(self):
        token = self.peek()
        if token is None:
            raise AnswerError("the answer ends too early")
        if token.kind == "num":
            self.i += 1
            return ("num", token.text)
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
                return ("call", name, arg)
            if name in CONSTANTS or name in self.names:
                return ("name", name)
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


def number(text: str) -> mpmath.mpf:
    """The value of a numeric answer, at 50 digits."""
    with mpmath.workdps(DIGITS):
        return evaluate(parse(text), {})


def evaluate(tree, env: dict):
    """The value of a tree with its variables set from `env`, at the working
    precision. Out-of-domain operations and oversized exponents raise AnswerError."""
    kind = tree[0]
    if kind == "num":  # mpmath cannot read ".0" (it can ".25"), so the leading zero is put back
        return mpmath.mpf("0" + tree[1] if tree[1].startswith(".") else tree[1])
    if kind == "name":
        return {"e": mpmath.e, "pi": mpmath.pi}.get(tree[1], env.get(tree[1]))
    if kind == "call":
        arg = evaluate(tree[2], env)
        if (tree[1] == "log" and arg <= 0) or (tree[1] == "sqrt" and arg < 0):
            raise AnswerError(f"{tree[1]} of a number outside its domain")
        if tree[1] == "exp":
            _check_exponent(arg)
        return {"exp": mpmath.exp, "tanh": mpmath.tanh, "log": mpmath.log, "sqrt": mpmath.sqrt,
                "sigma": lambda v: 1 / (1 + mpmath.exp(-v))}[tree[1]](arg)
    if kind == "neg":
        return -evaluate(tree[1], env)
    if kind == "pct":
        return evaluate(tree[1], env) / 100
    left, right = evaluate(tree[1], env), evaluate(tree[2], env)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    if kind == "/":
        if right == 0:
            raise AnswerError("division by zero")
        return left / right
    _check_exponent(right)
    if left == 0 and right < 0:
        raise AnswerError("zero to a negative power")
    if left < 0 and right != int(right):
        raise AnswerError("a negative number to a fractional power")
    return left ** right


def _check_exponent(value) -> None:
    if abs(value) > MAX_EXPONENT:
        raise AnswerError(f"an exponent of {mpmath.nstr(value, 6)} is too large (at most {MAX_EXPONENT})")
