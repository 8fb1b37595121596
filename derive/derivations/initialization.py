"""Xavier/Glorot and He initialization, from keeping variances steady."""

import sympy as sp

from derive.derivation import Derivation, step
from derive.quantity import Quantity
from derive.registry import Param, derivation, integer, require
from derive.symbols import fraction, kept

MAX_FAN = 10**7
n_in, n_out, a, s = sp.symbols("n_in n_out a s", positive=True)
y = sp.Symbol("y", real=True)

XAVIER_VARIANCE = 2 / (n_in + n_out)
HE_VARIANCE = 2 / n_in


def _fan(name: str, value: int) -> None:
    require(1 <= value <= MAX_FAN, f"{name} must be a whole number from 1 to {MAX_FAN}, got {value}")


def _times(*factors):
    """A product kept as written, so the balancing condition shows on the page."""
    return sp.Mul(*(kept(f) for f in factors), evaluate=False)


def _uniform_variance(limit):
    """Var of U(-limit, limit), as the integral that defines it."""
    return sp.Integral(y**2 / (2 * limit), (y, -limit, limit))


@derivation("xavier-variance", "Xavier/Glorot: Var(w) = 2/(fan_in + fan_out)",
            Param("fan_in", integer, "784", "inputs per unit"),
            Param("fan_out", integer, "128", "outputs per unit"))
def xavier_variance(fan_in: int, fan_out: int) -> Derivation:
    _fan("fan_in", fan_in)
    _fan("fan_out", fan_out)
    variance = XAVIER_VARIANCE
    limit = sp.sqrt(6 / (n_in + n_out))
    value = sp.Rational(2, fan_in + fan_out)
    steps = (
        step(_times(n_in, fraction(1, n_in)), 1,
             r"forward: with zero-mean weights and inputs, $\operatorname{Var}(z) = n_{in} \operatorname{Var}(w) "
             r"\operatorname{Var}(a)$, which keeps its size when $\operatorname{Var}(w) = 1/n_{in}$"),
        step(_times(n_out, fraction(1, n_out)), 1,
             r"backward: the gradient's variance keeps its size when $\operatorname{Var}(w) = 1/n_{out}$"),
        step(_times(fraction(n_in + n_out, 2), variance), 1,
             r"both hold only if $n_{in} = n_{out}$; Glorot and Bengio average the two conditions"),
        step(sp.Subs(_uniform_variance(a), a, limit), variance,
             r"a uniform $U(-a, a)$ has variance $a^2/3$, so $a = \sqrt{6/(n_{in} + n_{out})}$ gives it"),
        step(fraction(2, sp.Add(fan_in, fan_out, evaluate=False)), value,
             f"evaluated at $n_{{in}} = {fan_in}$ and $n_{{out}} = {fan_out}$"),
    )
    return Derivation("xavier-variance", f"Xavier variance for {fan_in} in, {fan_out} out", steps,
                      Quantity.exact(value), params={"fan_in": fan_in, "fan_out": fan_out},
                      details={"formula": variance,
                               "standard deviation": Quantity.exact(sp.sqrt(value)),
                               "uniform limit a": Quantity.exact(limit.subs({n_in: fan_in, n_out: fan_out})),
                               "forward-only 1/fan_in": Quantity.exact(sp.Rational(1, fan_in)),
                               "backward-only 1/fan_out": Quantity.exact(sp.Rational(1, fan_out))})


@derivation("he-variance", "He: Var(w) = 2/fan_in for ReLU layers",
            Param("fan_in", integer, "784", "inputs per unit"))
def he_variance(fan_in: int) -> Derivation:
    _fan("fan_in", fan_in)
    density = sp.exp(-y**2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))
    value = HE_VARIANCE.subs(n_in, fan_in)
    kept = sp.Rational(1, 2)
    steps = (
        step(sp.Integral(y**2 * density, (y, 0, sp.oo)), kept * s**2,
             r"$\mathrm{E}[\mathrm{ReLU}(Y)^2]$ for $Y \sim N(0, s^2)$: ReLU keeps the positive half, "
             "which holds half the variance"),
        step(_times(n_in, fraction(2, n_in), sp.Rational(1, 2)), 1,
             r"$\operatorname{Var}(z_l) = n_{in} \operatorname{Var}(w)\, \mathrm{E}[a^2] "
             r"= n_{in} \operatorname{Var}(w) \operatorname{Var}(z_{l-1})/2$ keeps its size when "
             r"$\operatorname{Var}(w) = 2/n_{in}$"),
        step(fraction(2, fan_in), value, f"evaluated at $n_{{in}} = {fan_in}$"),
    )
    return Derivation("he-variance", f"He variance for {fan_in} inputs", steps, Quantity.exact(value),
                      params={"fan_in": fan_in},
                      details={"formula": HE_VARIANCE,
                               "share of the variance ReLU keeps": Quantity.exact(kept),
                               "standard deviation": Quantity.exact(sp.sqrt(value)),
                               "uniform limit a": Quantity.exact(sp.sqrt(sp.Rational(6, fan_in)))})
