"""The matrix view of depth: a layer's backward Jacobian, the spectral-norm
bound on a product of them, and a recurrent net's powers of one matrix.

A layer a' = φ(W a) sends a gradient g on its output back to its input as
Wᵀ diag(φ′(z)) g. Its size is bounded by the spectral norm (the largest
singular value): ‖Wᵀ diag(φ′)‖₂ ≤ ‖W‖₂ max φ′. For a 2×2 matrix the norm has
a closed form, the square root of the larger eigenvalue of WᵀW, which is
checked here against mpmath's singular value decomposition at 50 digits.
"""

import math

import mpmath
import sympy as sp

from derive import printing
from derive.derivation import Derivation, step
from derive.errors import ParameterError
from derive.precision import workdps
from derive.quantity import Quantity, compact_power
from derive.registry import Param, choice, derivation, integer, rational, require
from derive.derivations.depth import DEPTH, MAX_LAYERS, _ACTIVATIONS, _slope_at

MAX_ENTRY = 100
MAX_STEPS = 200
A, B, C, D = sp.symbols("w_11 w_12 w_21 w_22", real=True)


NORM = sp.Symbol("norm_W", positive=True)
"""‖W‖₂, printed as a norm (derive/printing.py's SYMBOLS)."""
MU = sp.Symbol("mu", real=True)
Q, DET = sp.Symbol("q", positive=True), sp.Symbol("Delta", real=True)
P, R, S = sp.symbols("p r s", real=True)
LAMBDA = sp.Symbol("lambda", real=True)
T = sp.Symbol("t", integer=True, positive=True)
_ENTRIES = tuple(Param(name, rational, default, f"the entry {name} of W, at most {MAX_ENTRY} in size")
                 for name, default in (("w11", "2"), ("w12", "1"), ("w21", "1"), ("w22", "3")))


def spectral_norm_formula(a, b, c, d):
    """‖W‖₂ for W = [[a, b], [c, d]]: the square root of the larger eigenvalue
    of WᵀW, whose trace is the sum of squares q and whose determinant is Δ²."""
    q = a**2 + b**2 + c**2 + d**2
    delta = a * d - b * c
    return sp.sqrt((q + sp.sqrt(q**2 - 4 * delta**2)) / 2)


def spectral_norm(matrix: sp.Matrix) -> Quantity:
    """‖W‖₂ exactly, cross-checked against the largest singular value mpmath's
    SVD finds and against float64's half-sum of two hypotenuses.

    The exact value is `spectral_norm_formula` denested: its square
    (q + √(q² − 4Δ²))/2 is also the square of (√(q + 2|Δ|) + √(q − 2|Δ|))/2,
    the form sympy's sqrtdenest arrives at after a search that costs far more
    than writing it down. The spectral-bound derivation checks the two forms
    equal for its matrix; the two square roots are the two hypotenuses."""
    a, b, c, d = matrix
    squares, det = a**2 + b**2 + c**2 + d**2, abs(a * d - b * c)
    exact = sp.expand((sp.sqrt(squares + 2 * det) + sp.sqrt(squares - 2 * det)) / 2)
    with workdps():
        rows = [[mpmath.mpf(v.p) / v.q for v in matrix.row(i)] for i in range(2)]
        largest = max(mpmath.svd_r(mpmath.matrix(rows), compute_uv=False))
    a, b, c, d = (float(v) for v in matrix)
    return Quantity.exact(exact, mp=largest, float64=(math.hypot(a + d, c - b) + math.hypot(a - d, b + c)) / 2)


def layer_factor(activation: str, matrix: sp.Matrix) -> tuple[Quantity, Quantity]:
    """‖W‖₂, and ‖W‖₂ max φ′: the most one layer with weights W and this
    activation can multiply the gradient's size by."""
    norm = spectral_norm(matrix)
    return norm, Quantity.exact(norm.exact_value * _ACTIVATIONS[activation][1])


def _matrix(w11, w12, w21, w22, name: str) -> sp.Matrix:
    entries = (w11, w12, w21, w22)
    require(all(abs(v) <= MAX_ENTRY for v in entries), f"{name}: every entry must be at most {MAX_ENTRY} in size")
    require(any(v != 0 for v in entries), f"{name}: W must not be all zeros (nothing would flow at all)")
    return sp.Matrix(2, 2, entries)


@derivation("spectral-bound", "A layer's Jacobian and the spectral-norm bound on a product of them",
            Param("activation", choice(*_ACTIVATIONS), "sigmoid", "sigmoid or tanh"),
            *_ENTRIES,
            Param("layers", integer, "10", f"the number of layers, 1 to {MAX_LAYERS}"))
def spectral_bound(activation: str, w11, w12, w21, w22, layers: int) -> Derivation:
    require(1 <= layers <= MAX_LAYERS, f"spectral-bound: layers must be 1 to {MAX_LAYERS}, got {layers}")
    W = _matrix(w11, w12, w21, w22, "spectral-bound")
    f, best, best_at_zero, largest = _ACTIVATIONS[activation]
    a1, a2 = sp.symbols("a_1 a_2", real=True)
    z1 = A * a1 + B * a2
    bound = (NORM * best) ** DEPTH
    norm, layer = layer_factor(activation, W)
    factor = layer.exact_value
    formula = sp.sqrt((Q + sp.sqrt(Q**2 - 4 * DET**2)) / 2)
    one_by_one = sp.Pow(sp.Pow(A, 2, evaluate=False), sp.Rational(1, 2), evaluate=False)
    steps = (
        step(sp.Derivative(f(z1), a2), B * _slope_at(f, z1),
             r"a layer computes $a'_i = \varphi(z_i)$ with $z = W a$, so the entry $(i, j)$ of its Jacobian "
             r"$\partial a' / \partial a$ is $w_{ij} \varphi'(z_i)$, shown here for $i = 1$, $j = 2$: the Jacobian is "
             r"$\operatorname{diag}(\varphi'(z))\, W$, and the backward pass multiplies the gradient by its "
             r"transpose $W^\top \operatorname{diag}(\varphi'(z))$"),
        step(sp.Pow(NORM * sp.Abs(_slope_at(f, 0)), DEPTH), bound,
             rf"the spectral norm $\lVert M \rVert_2$, the largest singular value of $M$, is the most $M$ can "
             rf"stretch a vector, and the stretch of a product is at most the product of the stretches; "
             rf"$\operatorname{{diag}}(\varphi'(z))$ stretches by its largest entry, at most "
             rf"${best_at_zero} = {printing.latex(best)}$, {largest}; so $n$ layers with the same $W$ multiply "
             rf"the gradient's size by at most this"),
        step(sp.Subs(bound, NORM, 1 / best), 1,
             rf"at $\lVert W \rVert_2 = {printing.latex(1 / best)}$ the bound is $1$ at any depth: "
             rf"below it the product must vanish as $n$ grows"),
        step(one_by_one, sp.Abs(A),
             r"for a $1 \times 1$ matrix $(w_{11})$ the norm is $\sqrt{w_{11}^2} = \lvert w_{11} \rvert$: "
             r"the scalar chain's factor $\lvert w \rvert \varphi'$ is the $1 \times 1$ case, and the bound "
             r"above is the scalar one"),
        step((P - MU) * (S - MU) - R**2, MU**2 - (P + S) * MU + (P * S - R**2),
             r"$\lVert W \rVert_2^2$ is the larger eigenvalue $\mu$ of $W^\top W$, a root of "
             r"$\det(W^\top W - \mu I)$; $W^\top W$ is symmetric, with $p$ and $s$ on its diagonal (the squared "
             r"lengths of $W$'s columns) and $r$ off it (their dot product), so $p + s = q$, the sum of the squared "
             r"entries of $W$"),
        step((A**2 + C**2) * (B**2 + D**2) - (A * B + C * D) ** 2, (A * D - B * C) ** 2,
             r"the constant term $p s - r^2$ is $(\det W)^2$"),
        step(sp.Subs(formula, (Q, DET), (sum(v**2 for v in W), W.det())), norm.exact_value,
             rf"so $\lVert W \rVert_2 = \sqrt{{(q + \sqrt{{q^2 - 4 \Delta^2}})/2}}$ with $\Delta = \det W$; "
             rf"for the given $W$, $q = {printing.latex(sum(v**2 for v in W))}$ and "
             rf"$\Delta = {printing.latex(W.det())}$"),
        step(sp.Subs(bound, (NORM, DEPTH), (norm.exact_value, layers)), factor**layers,
             f"the bound evaluated at this $W$ and $n = {layers}$"),
    )
    return Derivation(
        "spectral-bound", f"Spectral-norm bound through {layers} {activation} layers", steps,
        layer, params={"activation": activation, "w11": w11, "w12": w12, "w21": w21, "w22": w22,
                       "layers": layers},
        details={"spectral norm": norm, "bound through the layers": Quantity.exact(factor**layers),
                 "vanishes below norm": Quantity.exact(1 / best)})


@derivation("recurrent-powers", "A recurrent net's gradient through t steps: the powers of W",
            Param("w11", rational, "9/10", f"the entry w11 of W, at most {MAX_ENTRY} in size"),
            Param("w12", rational, "1", f"the entry w12 of W, at most {MAX_ENTRY} in size"),
            Param("w21", rational, "0", f"the entry w21 of W, at most {MAX_ENTRY} in size"),
            Param("w22", rational, "1/2", f"the entry w22 of W, at most {MAX_ENTRY} in size"),
            Param("steps", integer, "50", f"the number of time steps t, 1 to {MAX_STEPS}"))
def recurrent_powers(w11, w12, w21, w22, steps: int) -> Derivation:
    require(1 <= steps <= MAX_STEPS, f"recurrent-powers: steps must be 1 to {MAX_STEPS}, got {steps}")
    W = _matrix(w11, w12, w21, w22, "recurrent-powers")
    trace, det = W.trace(), W.det()
    require(trace**2 - 4 * det > 0, "recurrent-powers: W must have two distinct real eigenvalues")
    root = sp.sqrt(trace**2 - 4 * det)
    big, small = sorted(((trace + root) / 2, (trace - root) / 2), key=lambda v: (abs(v), v), reverse=True)
    if not (big.is_Rational and small.is_Rational):
        raise ParameterError("recurrent-powers: W's eigenvalues must be rational, so that W^t prints exactly")
    # W^t = big^t P + small^t (I - P), P the projection onto big's eigenvector along small's.
    projection = (W - small * sp.eye(2)) / (big - small)
    entry = big**T * projection[0, 1] + small**T * (sp.eye(2) - projection)[0, 1]
    power = W**steps
    checks = (
        step(LAMBDA**2 - trace * LAMBDA + det, (LAMBDA - big) * (LAMBDA - small),
             r"a recurrent net applies the same $W$ at every step, so the gradient through $t$ steps of a linear "
             r"recurrence $h_t = W h_{t-1}$ is $\partial h_t / \partial h_0 = W^t$; $W$'s eigenvalues are the roots "
             r"of $\lambda^2 - (\operatorname{tr} W) \lambda + \det W$, and the spectral radius "
             rf"$\rho(W) = {printing.latex(abs(big))}$ is the larger in size"),
        step(sp.Subs(entry, T, steps), power[0, 1],
             rf"with two distinct eigenvalues, $W^t = \lambda_1^t P + \lambda_2^t (I - P)$ for a fixed matrix $P$, "
             rf"so every entry of $W^t$ is a fixed combination of $\left({printing.latex(big)}\right)^t$ and "
             rf"$\left({printing.latex(small)}\right)^t$, shown for the top-right entry at $t = {steps}$; the "
             rf"first term outlasts the second, so $W^t$ grows or shrinks like $\rho(W)^t$"),
    )
    norm = spectral_norm(power)
    return Derivation(
        "recurrent-powers", f"The powers of W through {steps} steps", checks, norm,
        params={"w11": w11, "w12": w12, "w21": w21, "w22": w22, "steps": steps},
        details={"spectral radius": Quantity.exact(abs(big)),
                 "radius to the t": Quantity.exact(compact_power(abs(big), steps)),
                 "spectral norm of W": spectral_norm(W)})
