"""The formula sheet: the guide's key results, each built from derive."""

import sympy as sp

from derive import CATALOG, derive
from derive.symbols import logistic, sigma, z

n, c, tau, f, eps, n_in = sp.symbols("n c tau f epsilon n_in", positive=True)
w, y, a0 = sp.symbols("w y a_0", real=True)
F = sp.Function("F")
x = sp.Symbol("x", real=True)


def slope(fn, at=z):
    """fn'(at), printed with a prime."""
    t = sp.Symbol("t", real=True)
    return sp.Subs(sp.Derivative(fn(t), t), t, at) if at != z else sp.Derivative(fn(z), z)


def values() -> dict:
    second = derive("sigmoid-second-derivative-max")
    identity = derive("tanh-sigmoid-identity")
    xavier = derive("xavier-variance")
    pre = w * a0
    return {"groups": [
        ("The sigmoid", "ch:01-sigmoid-slope", [
            ("definition", sp.Eq(sigma(z), logistic(z))),
            ("its slope", sp.Eq(slope(sigma), derive("sigmoid-derivative").result)),
            ("the largest slope", sp.Eq(slope(sigma, 0), derive("sigmoid-max").result.exact_value)),
            ("the second derivative", sp.Eq(sp.Derivative(sigma(z), (z, 2)), second.details["second derivative"])),
            ("where the slope falls to c", sp.Eq(sp.Symbol("z_c"), sp.log((1 - 2 * c + sp.sqrt(1 - 4 * c)) / (2 * c)))),
        ]),
        ("Tanh", "ch:02-tanh", [
            ("its slope", sp.Eq(slope(sp.tanh), derive("tanh-derivative").result)),
            ("a stretched sigmoid", sp.Eq(sp.tanh(z), 2 * sigma(2 * z) - 1)),
            ("so its slope is", sp.Eq(slope(sp.tanh), identity.result)),
        ]),
        ("Depth", "ch:03-depth", [
            ("one sigmoid unit with squared error",
             sp.Eq(sp.Derivative((sigma(pre) - y) ** 2, w),
                   sp.Mul(2, sigma(pre) - y, slope(sigma, pre), a0, evaluate=False))),
            ("the gradient factor through n sigmoid layers, at most", (sp.Abs(w) / 4) ** n),
            ("the least n with f to the n below epsilon", sp.floor(sp.log(eps) / sp.log(f)) + 1),
        ]),
        ("Activations", "ch:05-relu-family", [
            ("ReLU's slope", sp.Eq(sp.Derivative(sp.Function("ReLU")(z), z), CATALOG["relu"].derivative)),
            ("softplus's slope", sp.Eq(sp.Derivative(sp.Function("softplus")(z), z), sigma(z))),
        ]),
        ("Fixes", "ch:06-fixes", [
            ("Xavier (Glorot) variance", xavier.details["formula"]),
            ("He variance", 2 / n_in),
            ("a residual block's slope", sp.Eq(sp.Derivative(x + F(x), x), 1 + sp.Derivative(F(x), x))),
            ("a gradient g clipped at tau", sp.Symbol("g") * sp.Min(1, tau / sp.Symbol(r"\lVert g \rVert"))),
        ]),
    ]}
