"""Any activation's steepest slope, from the catalog (numeric where sympy has no closed form)."""

import sympy as sp

from derive import printing
from derive.activations import CATALOG
from derive.derivation import Derivation, step
from derive.quantity import Quantity
from derive.registry import Param, choice, derivation
from derive.symbols import z


@derivation("activation-slope", "The largest slope of an activation, and where it is reached",
            Param("activation", choice(*CATALOG), "silu", ", ".join(CATALOG)))
def activation_slope(activation: str) -> Derivation:
    act = CATALOG[activation]
    sup = act.slope_sup
    steps = [step(sp.Derivative(act.expr, z), act.derivative, f"differentiate {act.title}")]
    points = list(sup.attained) if isinstance(sup.attained, sp.FiniteSet) else []
    details = {}
    for point in points:
        how = "a root found by mpmath at 60 digits" if sup.numeric else "a root sympy solves exactly"
        steps.append(step(sp.Subs(sp.Derivative(act.expr, (z, 2)), z, point), 0,
                          f"the slope is flat there: {how}"))
        steps.append(step(sp.Subs(sp.Derivative(act.expr, z), z, point), sup.value.exact_value
                          if sup.value.is_exact else sp.Float(sup.value.mp, 60), "the slope there"))
        details["attained at z"] = Quantity.exact(point) if not sup.numeric else Quantity.numeric(
            point, float64=float(point))
    where = ("nowhere: it is approached as z → " + ", ".join(printing.text(a) for a in sup.approached)
             if sup.attained is sp.S.EmptySet else f"at z in {printing.text(sup.attained)}")
    return Derivation("activation-slope", f"Largest slope of {act.title}, reached {where}",
                      tuple(steps), sup.value, params={"activation": activation}, details=details)
