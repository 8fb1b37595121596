"""The scalar chain of source 003's "anchor network", computed in mpmath.

n sigmoid units in a row, one weight w on every link, input x, zero biases:

    z_1 = w x,   a_k = σ(z_k),   z_{k+1} = w a_k   (k = 1 … n)

The guide's convention for the backward pass, stated once in chapter 4:
δ_k = ∂L/∂z_k, the gradient of the loss with respect to unit k's
pre-activation. The cost sets the top unit's δ_n; the guide takes δ_n = 1,
so every δ is relative to whatever the cost sends down. Then, for k < n,

    delta[k]           = δ_k     = δ_{k+1} · w σ'(z_k)   (unit k's own slope, and the
                                                         weight on the link above it)
    weight_gradient[k] = ∂L/∂w_k = δ_k · a_{k-1}         (a_0 = x), the gradient of the
                                                         weight feeding unit k, taking
                                                         the weights as separate

and δ_k = ∂z_n/∂z_k, a product of n - k factors w σ'(z_j).

The practice problems also ask for plain derivatives of the top unit's output,
which need no convention: delta_a[k] = ∂a_n/∂a_k and grad_w[k] = ∂a_n/∂w_k.
"""

import math
from dataclasses import dataclass

import mpmath

from derive.precision import workdps
from derive.quantity import Quantity


@dataclass(frozen=True)
class ChainTrace:
    """Forward and backward values of the chain, index 0 being unit 1."""

    w: mpmath.mpf
    x: mpmath.mpf
    z: tuple
    a: tuple
    slope: tuple
    delta: tuple
    weight_gradient: tuple
    delta_a: tuple
    grad_w: tuple

    @property
    def layers(self) -> int:
        return len(self.z)


def trace_chain(w, x, layers: int) -> ChainTrace:
    """The anchor network's forward and backward pass at the house precision."""
    if layers < 1:
        raise ValueError("the chain needs at least one unit")
    with workdps():
        w, x = mpmath.mpf(w), mpmath.mpf(x)
        z, a, slope = [], [], []
        signal = x
        for _ in range(layers):
            z.append(w * signal)
            e = mpmath.exp(-abs(z[-1]))  # σ and σ' from e^{-|z|}: no 1 - σ to cancel
            signal = 1 / (1 + e) if z[-1] >= 0 else e / (1 + e)
            a.append(signal)
            slope.append(e / (1 + e) ** 2)
        inputs = [x] + a[:-1]
        delta = [mpmath.mpf(1)] * layers
        for k in range(layers - 2, -1, -1):
            delta[k] = delta[k + 1] * w * slope[k]
        weight_gradient = [d * i for d, i in zip(delta, inputs)]
        delta_a = [mpmath.mpf(1)] * layers
        for k in range(layers - 2, -1, -1):
            delta_a[k] = delta_a[k + 1] * w * slope[k + 1]
        grad_w = [d * s * i for d, s, i in zip(delta_a, slope, inputs)]
    return ChainTrace(w, x, tuple(z), tuple(a), tuple(slope), tuple(delta), tuple(weight_gradient),
                      tuple(delta_a), tuple(grad_w))


def slopes_float64(w: float, x: float, layers: int) -> list[float]:
    """σ'(z_k) for each unit of the chain in plain float64, a separate path for
    cross-checks. The slope is taken as e^{-|z|}/(1 + e^{-|z|})², which neither
    overflows nor loses digits to 1 - σ(z) when a unit saturates."""
    signal, slopes = x, []
    for _ in range(layers):
        t = w * signal
        e = math.exp(-abs(t))
        slopes.append(e / (1.0 + e) ** 2)
        signal = 1.0 / (1.0 + e) if t >= 0 else e / (1.0 + e)
    return slopes


def deltas_float64(w: float, x: float, layers: int) -> list[float]:
    """δ_k = ∂L/∂z_k for each unit in float64, with δ_n = 1 at the top: the
    guide's convention, on a separate path for cross-checks."""
    slopes = slopes_float64(w, x, layers)
    delta = [1.0] * layers
    for k in range(layers - 2, -1, -1):
        delta[k] = delta[k + 1] * w * slopes[k]
    return delta


def signal_float64(w: float, x: float, layers: int) -> float:
    """∂a_n/∂a_1 in float64: w σ'(z_k) for every unit above the first."""
    return math.prod(w * s for s in slopes_float64(w, x, layers)[1:])


def chain_gradient_float64(w: float, x: float, layers: int) -> float:
    """∂a_n/∂w_1 in float64: x σ'(z_1) times the signal from above."""
    return x * slopes_float64(w, x, layers)[0] * signal_float64(w, x, layers)


def fixed_point_factor(w) -> Quantity:
    """The factor w σ'(z*) that each layer contributes deep in the chain, where
    the pre-activation has settled at the fixed point z* = w σ(z*) (for the
    anchor network, w = 1/10, z* ≈ 0.0513 and the factor ≈ 0.02498)."""
    with workdps():
        w = mpmath.mpf(w)
        z_star = mpmath.findroot(lambda t: t - w / (1 + mpmath.exp(-t)), w / 2)
        e = mpmath.exp(-z_star)
        exact_mp = w * e / (1 + e) ** 2
    t = float(w) / 2
    for _ in range(200):
        t = float(w) / (1.0 + math.exp(-t))
    e = math.exp(-t)
    return Quantity.numeric(exact_mp, float64=float(w) * e / (1.0 + e) ** 2)


@dataclass(frozen=True)
class Unit:
    """One unit of the chain as a reader sees it: each value at the house
    precision, with the same value computed in float64 as its cross-check."""

    k: int
    z: Quantity
    a: Quantity
    slope: Quantity
    factor: Quantity | None
    """w σ'(z_k), which carries δ down from unit k + 1; the top unit, whose δ the cost sets, has none."""
    delta: Quantity
    weight_gradient: Quantity


def checked_units(w, x, layers: int) -> tuple[Unit, ...]:
    """Each unit of the chain, its values cross-checked against float64 loops."""
    t = trace_chain(w, x, layers)
    wf, xf = float(w), float(x)
    slopes, deltas = slopes_float64(wf, xf, layers), deltas_float64(wf, xf, layers)
    inputs = [xf] + [float(v) for v in t.a[:-1]]
    with workdps():
        factors = [t.w * s for s in t.slope]
    return tuple(Unit(k + 1, Quantity.numeric(t.z[k], float64=float(t.z[k])),
                      Quantity.numeric(t.a[k], float64=float(t.a[k])),
                      Quantity.numeric(t.slope[k], float64=slopes[k]),
                      Quantity.numeric(factors[k], float64=wf * slopes[k]) if k < layers - 1 else None,
                      Quantity.numeric(t.delta[k], float64=deltas[k]),
                      Quantity.numeric(t.weight_gradient[k], float64=deltas[k] * inputs[k]))
                 for k in range(layers))


def first_weight_gradient(w, x, layers: int) -> Quantity:
    """∂a_n/∂w_1, the top unit's output against the first weight, cross-checked against float64."""
    return Quantity.numeric(trace_chain(w, x, layers).grad_w[0],
                            float64=chain_gradient_float64(float(w), float(x), layers))
