"""How a named derivation is declared, and the parameters each one takes.

A derivation module registers a function with `@derivation(name, title,
*params)`; derive/named.py looks them up by name. Parameter text is parsed by
pattern, never evaluated: this is the one place where a user's input reaches
derive.
"""

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Callable

import sympy as sp

from derive.errors import ParameterError

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
MAX_NUMBER_LENGTH = 40
_FRACTION = re.compile(r"[+-]?\d+/\d+")


def rational(text) -> sp.Rational:
    """A decimal (0.1, 1e-3) or a fraction (1/10) as an exact sympy Rational.

    A float is read as the decimal it prints as, so 0.1 means 1/10.
    """
    if isinstance(text, (int, Fraction, sp.Rational)):
        return sp.Rational(text)
    if isinstance(text, float):
        text = repr(text)
    raw = str(text).strip()
    if len(raw) > MAX_NUMBER_LENGTH:
        raise ParameterError(f"{raw[:20]!r}… is too long for a number ({MAX_NUMBER_LENGTH} characters at most)")
    if not (_NUMBER.fullmatch(raw) or _FRACTION.fullmatch(raw)):
        raise ParameterError(f"{raw!r} is not a number (write 0.1, 1e-3 or 1/10)")
    try:
        return sp.Rational(Fraction(raw))
    except ZeroDivisionError:
        raise ParameterError(f"{raw!r} divides by zero") from None


def integer(text) -> int:
    """A whole number written in decimal digits."""
    raw = str(text).strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", raw):
        raise ParameterError(f"{raw!r} is not a whole number")
    return int(raw)


def choice(*options: str) -> Callable[[str], str]:
    """A parser that accepts only one of `options`."""
    def parse(text) -> str:
        raw = str(text).strip()
        if raw not in options:
            raise ParameterError(f"{raw!r} is not one of {', '.join(options)}")
        return raw
    return parse


@dataclass(frozen=True)
class Param:
    name: str
    parse: Callable[[str], object]
    default: str
    help: str


@dataclass(frozen=True)
class Entry:
    name: str
    title: str
    params: tuple[Param, ...]
    build: Callable


REGISTRY: dict[str, Entry] = {}


def derivation(name: str, title: str, *params: Param):
    """Register the decorated function as the derivation `name`."""
    def register(build):
        if name in REGISTRY:
            raise ValueError(f"derivation {name!r} registered twice")
        REGISTRY[name] = Entry(name, title, params, lru_cache(maxsize=64)(build))
        return build
    return register


def require(condition: bool, message: str) -> None:
    """Raise ParameterError(message) unless `condition` holds."""
    if not condition:
        raise ParameterError(message)
