"""The house number style: how every number the book prints looks.

Three significant figures by default; scientific notation below 1e-3 and from
1e4, written ``1.56 \\times 10^{-5}`` in LaTeX and ``1.56 × 10⁻⁵`` in plain text.
The choice between fixed and scientific form is made on the *rounded* value,
so 9.996e-4 prints as 0.00100, not as 1.00 × 10⁻³.
"""

from decimal import ROUND_HALF_UP, Decimal, localcontext

SIG_FIGS = 3
SCI_BELOW = Decimal("1e-3")
SCI_FROM = Decimal("1e4")

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def round_sig(value: Decimal, sig: int = SIG_FIGS) -> Decimal:
    """`value` rounded half away from zero to `sig` significant figures."""
    if sig < 1:
        raise ValueError("at least one significant figure is needed")
    if value.is_zero():
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = max(sig + 5, 80)
        rounded = _quantize(value, value.adjusted() - sig + 1)
        if rounded.adjusted() > value.adjusted():  # 9.996 -> 10.00: one digit too many
            rounded = _quantize(rounded, rounded.adjusted() - sig + 1)
        return rounded


def _quantize(value: Decimal, exponent: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def format_decimal(value: Decimal, style: str = "latex", trim: bool = False) -> str:
    """Print an already rounded value in the house style.

    `trim` drops trailing zeros; callers set it when the rounded value is the
    exact value, so 1/4 prints as 0.25 while 0.2494 prints as 0.249.
    """
    if style not in ("latex", "text"):
        raise ValueError(f"unknown number style {style!r}")
    if value.is_zero():
        return "0"
    if trim:
        value = value.normalize()
    magnitude = abs(value)
    if SCI_BELOW <= magnitude < SCI_FROM:
        return _fixed(value)
    exponent = value.adjusted()
    mantissa = _fixed(value.scaleb(-exponent))
    if style == "latex":
        return f"{mantissa} \\times 10^{{{exponent}}}"
    return f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def _fixed(value: Decimal) -> str:
    """Positional notation that keeps every significant digit `value` carries."""
    return format(value, "f")


def scientific(value: Decimal, digits: int) -> str:
    """`value` with `digits` significant figures as ``d.ddd…e±x`` (for JSON)."""
    rounded = round_sig(value, digits)
    if rounded.is_zero():
        return "0." + "0" * (digits - 1) + "e+0"
    return f"{rounded:.{digits - 1}e}"
