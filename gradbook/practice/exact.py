"""Exact numbers for grading: what the grader decides on, step by step the
same in Python and in the page's script (templates/grader.js), so that the
two give the same verdict and the same words for every numeric answer.

A rational answer is graded as exactly the number it is. A value that had
to be computed approximately (it uses exp, pi, a fractional power, …) is
read as its value rounded to SNAP_FIGURES significant figures: the Python
grader computes it at 50 digits and the page at more, and rounding both to
40 figures makes them the same number (they could differ only if the value
lay within 10^-48 of a rounding tie).

    decimal_exponent(Fraction(1, 3))   -> -1
    rounded(Fraction(4515, 100000), 3) -> Fraction(113, 2500)   (0.0452)
    show(Fraction(10**20))             -> "1e+20"
"""

import math
from fractions import Fraction
from functools import lru_cache

SNAP_FIGURES = 40
"""An approximately computed value is read to this many significant figures."""


@lru_cache(maxsize=512)
def ten(k: int) -> int:
    """10^k, kept: near the limits the same large powers are asked for again and again."""
    return 10**k


def digits(n: int) -> int:
    """How many decimal digits the integer |n| > 0 has, without writing it out
    (Python refuses str() of an integer beyond 4,300 digits)."""
    n = abs(n)
    count = int((n.bit_length() - 1) * 0.30102999566398120) + 1
    if n >= ten(count):
        count += 1
    elif n < ten(count - 1):
        count -= 1
    return count


def ratio_exponent(n: int, d: int) -> int:
    """floor(log10 |n/d|), exactly, for n != 0 and d > 0."""
    n = abs(n)
    e = digits(n) - digits(d)
    below = n < d * ten(e) if e >= 0 else n * ten(-e) < d
    return e - 1 if below else e


def decimal_exponent(q: Fraction) -> int:
    """floor(log10 |q|) for q != 0, exactly."""
    return ratio_exponent(q.numerator, q.denominator)


def log10_big(n: int) -> float:
    """log10 of an integer n > 0 as a float, from its first 17 digits."""
    count = digits(n)
    if count <= 17:
        return math.log10(n)
    return (count - 17) + math.log10(n // ten(count - 17))


def _scaled(q: Fraction, figures: int) -> tuple[int, int, int]:
    """(num, den, power): |q| = num/den * 10^power with `figures` digits before the point of num/den."""
    n, d = abs(q.numerator), q.denominator
    power = ratio_exponent(n, d) - figures + 1
    return (n, d * ten(power), power) if power >= 0 else (n * ten(-power), d, power)


def _times_ten(whole: int, power: int, negative: bool) -> Fraction:
    whole = -whole if negative else whole
    return Fraction(whole * ten(power)) if power >= 0 else Fraction(whole, ten(-power))


def rounded(q: Fraction, figures: int) -> Fraction:
    """q rounded to `figures` significant figures, half away from zero."""
    if q == 0:
        return Fraction(0)
    num, den, power = _scaled(q, figures)
    return _times_ten((2 * num + den) // (2 * den), power, q < 0)


def significand(q: Fraction, figures: int = SNAP_FIGURES) -> tuple[int, int]:
    """(A, p) with A * 10^p = |q| rounded to `figures` significant figures, ties to even."""
    num, den, power = _scaled(q, figures)
    whole, rest = divmod(num, den)
    if 2 * rest > den or (2 * rest == den and whole % 2):
        whole += 1
    return whole, power


def snapped(q: Fraction) -> Fraction:
    """q rounded to SNAP_FIGURES significant figures, ties to even: how an
    approximately computed value is read."""
    if q == 0:
        return Fraction(0)
    whole, power = significand(q)
    return _times_ten(whole, power, q < 0)


def show(q: Fraction) -> str:
    """A number in a message: a whole number below 10^15 as its digits;
    otherwise six significant figures, written plainly from 10^-4 to 10^15
    and as 1.5e+20 or 2.5e-7 beyond."""
    if q.denominator == 1 and abs(q) < 10**15:
        return str(q.numerator)
    value = rounded(q, 6)
    exponent = decimal_exponent(value)
    sign = "-" if value < 0 else ""
    if -4 <= exponent < 15:
        return sign + _plain(abs(value), max(0, 5 - exponent))
    mantissa = _plain(abs(value) / _times_ten(1, exponent, False), 5)
    return f"{sign}{mantissa}e{'+' if exponent > 0 else '-'}{abs(exponent)}"


def _plain(q: Fraction, places: int) -> str:
    """q >= 0 with `places` decimal places, trailing zeros (and a bare point) dropped."""
    whole = q.numerator * 10**places // q.denominator
    text = str(whole).rjust(places + 1, "0")
    text = f"{text[:-places]}.{text[-places:]}" if places else text
    return text.rstrip("0").rstrip(".") if places else text


def percent_text(q: Fraction) -> str:
    """A percentage in feedback, to two significant figures (half away from
    zero), every figure written: "2.0", "15", "0.52", "120"; beyond 10^-3 to
    10^6, as "1.2 × 10^7"."""
    value = rounded(q, 2)
    if value == 0:
        return "0"
    exponent = decimal_exponent(value)
    if -3 <= exponent < 6:
        places = max(0, 1 - exponent)
        whole = value.numerator * 10**places // value.denominator
        text = str(whole).rjust(places + 1, "0")
        return f"{text[:-places]}.{text[-places:]}" if places else text
    mantissa = value / _times_ten(1, exponent, False)
    tenths = mantissa.numerator * 10 // mantissa.denominator
    return f"{tenths // 10}.{tenths % 10} × 10^{exponent}"
