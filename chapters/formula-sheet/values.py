"""The formula sheet: the guide's key results, each built from derive."""

import sympy as sp

from derive import CATALOG, derive
from derive.symbols import logistic, sigma, z

n, c, s, tau = sp.symbols("n c s tau", positive=True)
w, y, a0 = sp.symbols("w y a_0", real=True)
f, eps = sp.symbols("f epsilon", positive=True)
n_in, n_out = sp.symbols("n_in n_out", positive=True)
F = sp.Function("F")
x = sp.Symbol("x", real=True)


def slope(fn, at=z):
    t = sp.Symbol("t", real=True)
    return sp.Subs(sp.Derivative(fn(t), t), t, at) if at != z else sp.Derivative(fn(z), z)


def values() -> dict:
    second = derive("sigmoid-second-derivative-max")
    identity = derive("tanh-sigmoid-identity")
    xavier, he = derive("xavier-variance"), derive("he-variance")
    pre = w * a0
    return {"groups": [
        ("The sigmoid", "ch:01-sigmoid-slope", [
            sp.Eq(sigma(z), logistic(z)),
            sp.Eq(slope(sigma), derive("sigmoid-derivative").result),
            sp.Eq(slope(sigma, 0), derive("sigmoid-max").result.exact_value),
            sp.Eq(sp.Derivative(sigma(z), (z, 2)), second.steps[0].rhs),
            sp.Eq(sp.Symbol("z_c"), sp.log((1 - 2 * c + sp.sqrt(1 - 4 * c)) / (2 * c))),
        ]),
        ("Tanh", "ch:02-tanh", [
            sp.Eq(slope(sp.tanh), derive("tanh-derivative").result),
            sp.Eq(sp.tanh(z), 2 * sigma(2 * z) - 1),
            sp.Eq(slope(sp.tanh), identity.result),
        ]),
        ("Depth", "ch:03-depth", [
            sp.Eq(sp.Derivative((sigma(pre) - y) ** 2, w), 2 * (sigma(pre) - y) * slope(sigma, pre) * a0),
            sp.Symbol(r"\lvert \partial a_n / \partial a_0 \rvert") <= (sp.Abs(w) / 4) ** n,
            sp.Eq(sp.Symbol("n_min"), sp.floor(sp.log(eps) / sp.log(f)) + 1),
        ]),
        ("Activations", "ch:05-relu-family", [
            sp.Eq(sp.Derivative(sp.Function("ReLU")(z), z), CATALOG["relu"].derivative),
            sp.Eq(sp.Derivative(sp.Function("softplus")(z), z), sigma(z)),
        ]),
        ("Fixes", "ch:06-fixes", [
            sp.Eq(sp.Symbol(r"\operatorname{Var}_{\mathrm{Xavier}}(w)"), xavier.steps[3].rhs),
            sp.Eq(sp.Symbol(r"\operatorname{Var}_{\mathrm{He}}(w)"), 2 / n_in),
            sp.Eq(sp.Derivative(x + F(x), x), 1 + sp.Derivative(F(x), x)),
            sp.Eq(sp.Symbol(r"g_{\mathrm{clipped}}"), sp.Symbol("g") * sp.Min(1, tau / sp.Symbol(r"\lVert g \rVert"))),
        ]),
    ], "he": he}
