"""What chapter 5 prints: the ReLU family's derivatives, a comparison table
computed from derive's activation catalog, dying ReLU, and the anchor network
with ReLU units."""

from decimal import Decimal

import sympy as sp

from derive import CATALOG, Quantity, activation, printing, step
from derive.audit.terms import anchor_delta
from derive.numbers import format_decimal, round_sig
from derive.symbols import sigma, z

FAMILY = ("relu", "leaky-relu", "elu", "softplus", "gelu", "silu")
COMPARED = ("sigmoid", "tanh") + FAMILY
PROBES = (-2, 2)
"""Where the table samples each slope: one input on either side of zero."""
W, X, HIDDEN = sp.Rational(1, 10), sp.Integer(1), 4
DEAD_WEIGHTS, DEAD_BIAS = (sp.Rational(1, 2), sp.Rational(3, 10)), sp.Integer(-1)
"""A unit on two inputs in [0, 1] whose bias keeps it below zero everywhere."""


def where(extremum) -> str:
    """Where a supremum is attained, as LaTeX, in the house style."""
    attained = extremum.attained
    if isinstance(attained, sp.FiniteSet) and len(attained) == 1:
        (point,) = attained
        if isinstance(point, sp.Float):
            return r"z \approx " + format_decimal(round_sig(Decimal(str(point))))
        return "z = " + printing.latex(point)
    if attained.is_empty:
        return r"\text{approached as } z \to " + printing.latex(extremum.approached[0])
    return r"z \in " + printing.latex(attained)


def values() -> dict:
    rows = []
    for name in COMPARED:
        a = activation(name)
        sup = a.slope_sup
        rows.append({"name": a.title.split(" (")[0], "sup": sup.value, "where": where(sup),
                     "probes": [a.slope(p) for p in PROBES], "centred": "yes" if a.zero_centred else "no"})
    by_name = dict(zip(COMPARED, rows))
    relu = CATALOG["relu"]
    gelu = CATALOG["gelu"]
    softplus_slope = step(sp.Derivative(CATALOG["softplus"].expr, z), sigma(z), "the derivative of log(1 + e^z)")
    # The anchor network with ReLU hidden units, in chapter 4's convention (δ_k = ∂L/∂z_k, the top
    # unit's δ taken as one): every z is positive, so each slope is 1 and δ_1 = w³.
    relu_delta = W ** (HIDDEN - 1)
    top = W ** HIDDEN * X
    sigmoid_out = CATALOG["sigmoid"].derivative.subs(z, W * top)
    return {
        "rows": rows, "by": by_name, "probes": PROBES,
        "slopes": [{"title": CATALOG[n].title, "f": CATALOG[n].expr, "slope": CATALOG[n].derivative} for n in FAMILY],
        "relu_slope_zero": relu.slope(0),
        "relu_definition": sp.Eq(sp.Function("ReLU")(z), sp.Max(0, z)),
        "softplus_slope": softplus_slope,
        "silu_sup": CATALOG["silu"].slope_sup.value,
        "gelu": {"sup": gelu.slope_sup.value, "min_probe": gelu.slope(-2)},
        "anchor": {"w": Quantity.exact(W), "x": Quantity.exact(X), "hidden": HIDDEN,
                   "relu": Quantity.exact(relu_delta), "sigmoid_delta": Quantity.exact(anchor_delta(1, HIDDEN)),
                   "gain": Quantity.exact(relu_delta / anchor_delta(1, HIDDEN)),
                   "top": Quantity.exact(top), "out_slope": Quantity.exact(sigmoid_out),
                   "output_delta": Quantity.exact(W ** HIDDEN)},
        "dead_params": {"w1": float(DEAD_WEIGHTS[0]), "w2": float(DEAD_WEIGHTS[1]), "b": int(DEAD_BIAS)},
    }
