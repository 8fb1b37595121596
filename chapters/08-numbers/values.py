"""What chapter 8 prints: where each float format loses a product through
depth, exactly and by multiplying in the format; the loss scales that keep
it normal in float16; and the audit's summary."""

import math
from collections import Counter

import sympy as sp

from derive.quantity import q
from derive.audit import VERDICTS
from derive.chain import fixed_point_factor
from derive.formats import FORMATS, deepest_scaled_depth, exact_depths, loss_scale_range, multiplied_depths
from derive.precision import DPS
from gradbook.claims import book_audit

FACTORS = (("sigmoid at its peak", sp.Rational(1, 4)), ("source 001's layer", sp.Rational(1, 5)),
           ("source 000's saturated layer", sp.Rational(1, 20)), ("w σ′ at the peak, w = 0.1", sp.Rational(1, 40)))
"""The per-layer factors the guide uses; the anchor network's settled factor is added below."""
ANCHOR_WEIGHT = sp.Rational(1, 10)
SATURATED, SATURATED_LAYERS = sp.Rational(1, 20), 20
"""Source 000's twenty layers with a slope of about 0.05."""
SCALED_FACTOR, SCALED_DEPTH = sp.Rational(1, 4), 10
"""Loss scaling's worked example: the sigmoid's best-case factor, ten layers down."""


def _formats() -> list[dict]:
    return [{"name": f.name, "precision": f.precision, "normal": q(f.smallest_normal),
             "normal_pow": f"2^{{{f.min_exponent}}}", "subnormal_pow": f"2^{{{f.min_exponent - f.precision + 1}}}",
             "normal_power": f.min_exponent, "subnormal": q(f.smallest_subnormal),
             "subnormal_power": f.min_exponent - f.precision + 1} for f in FORMATS.values()]


def _depths(factors) -> list[dict]:
    rows = []
    for label, factor, exact in factors:
        for f in FORMATS.values():
            found = exact_depths(exact, f)
            multiplied = multiplied_depths(float(factor.mp), f)
            rows.append({"label": label, "factor": factor, "format": f.name, **found,
                         "multiplied_subnormal": multiplied["subnormal"], "multiplied_zero": multiplied["zero"]})
    return rows


def _shown(row: dict) -> str:
    """A factor as prose names it: an exact one by its value; the anchor network's,
    which is not exact, with a fourth figure so that it is not read as 0.025."""
    factor = row["factor"]
    return f"${factor.latex()}$" if factor.is_exact else f"the anchor network's ${factor.latex(4)}$"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _by_format(rows: list[dict]) -> list[dict]:
    """`rows` grouped by format, in the formats' order, each with its factors as a phrase."""
    return [{"format": f.name, "factors": _and([_shown(r) for r in rows if r["format"] == f.name])}
            for f in FORMATS.values() if any(r["format"] == f.name for r in rows)]


def power(exponent) -> str:
    """A power of two as LaTeX, 2^{k}."""
    return f"2^{{{exponent}}}"


def _loss_scaling(factors, rows: list[dict]) -> dict:
    """Loss scaling in float16: the example's range of scales, how deep one scale
    reaches for each factor, and source 000's product, which no scale rescues."""
    half, brain = FORMATS["float16"], FORMATS["bfloat16"]
    example = loss_scale_range(SCALED_FACTOR, SCALED_DEPTH, half)
    saturated = loss_scale_range(SATURATED, SATURATED_LAYERS, half)
    unscaled = {(r["label"], r["format"]): r["subnormal"] - 1 for r in rows}
    return {
        "factor": q(SCALED_FACTOR), "depth": SCALED_DEPTH, "product": q(SCALED_FACTOR ** SCALED_DEPTH),
        "binades_per_layer": q(sp.log(1 / SCALED_FACTOR, 2)),
        "subnormal_from": exact_depths(SCALED_FACTOR, half)["subnormal"],
        "zero_from": exact_depths(SCALED_FACTOR, half)["zero"],
        "two_to_k": power("k"), "least": power(example.least), "greatest": power(example.greatest),
        "count": example.greatest - example.least + 1,
        "lifted": q(2 ** example.least * SCALED_FACTOR ** SCALED_DEPTH),
        "normal": power(half.min_exponent), "above_largest": power(half.max_exponent + 1),
        "largest": q(half.largest), "binades": half.max_exponent + 1 - half.min_exponent,
        "subnormal_binades": half.precision - 1,
        "bfloat16_normal": power(brain.min_exponent),
        "bfloat16_normal_to": unscaled[(FACTORS[0][0], "bfloat16")],
        "saturated_least": power(saturated.least), "saturated_layers": SATURATED_LAYERS, "saturated": q(SATURATED),
        "reach": [{"label": label, "factor": factor, "unscaled": unscaled[(label, "float16")],
                   "scaled": deepest_scaled_depth(exact, half), "bfloat16": unscaled[(label, "bfloat16")]}
                  for label, factor, exact in factors],
    }


def _audit() -> dict:
    audit = book_audit()
    verdicts = audit.run()
    counts = Counter(v.verdict for v in verdicts)
    by_source = []
    for source in audit.sources:
        mine = Counter(v.verdict for v in verdicts if v.claim.source == source.file)
        by_source.append({"source": f"source {source.number}", "total": sum(mine.values()),
                          **{key.replace(" ", "_"): mine[key] for key in VERDICTS}})
    flagged = [v for v in verdicts if v.verdict in ("wrong", "inconsistent")]
    return {"total": len(verdicts), "counts": {key.replace(" ", "_"): counts[key] for key in VERDICTS},
            "by_source": by_source, "flagged": len(flagged),
            "flagged_ids": [v.claim.id for v in flagged]}


def values() -> dict:
    anchor = fixed_point_factor(ANCHOR_WEIGHT)
    factors = [(label, q(f), f) for label, f in FACTORS] + [("anchor network, settled", anchor, anchor.mp)]
    rows = _depths(factors)
    differ = [r for r in rows if r["multiplied_zero"] != r["zero"]]
    straddle = [r for r in rows if r["zero"] != r["below_smallest"]]
    half = {f.name: q(f.smallest_subnormal / 2) for f in FORMATS.values()}
    rounded_factor = {f.name: q(sp.Rational(float(FORMATS[f.name].dtype(0.2)))) for f in FORMATS.values()}
    factor_rows = [{"label": label, "factor": factor, "cells": [r for r in rows if r["label"] == label]}
                   for label, factor, _ in factors]
    quarter = {r["format"]: r["zero"] for r in rows if r["factor"].exact_value == sp.Rational(1, 4)}
    saturated = [r for r in rows if r["factor"].exact_value == SATURATED]
    return {
        "quarter": {"factor": q(sp.Rational(1, 4)), **quarter}, "digits": DPS,
        "saturated": {"factor": q(SATURATED), "layers": SATURATED_LAYERS,
                      "product": q(SATURATED ** SATURATED_LAYERS),
                      "zero_in": _and([r["format"] for r in saturated if r["zero"] <= SATURATED_LAYERS]),
                      "held_in": _and([r["format"] for r in saturated if r["zero"] > SATURATED_LAYERS])},
        "formats": _formats(), "format": {f["name"]: f for f in _formats()}, "rows": rows, "factor_rows": factor_rows, "anchor": anchor, "anchor_w": q(ANCHOR_WEIGHT),
        "differ": differ, "straddle": _by_format(straddle), "half": half, "fifth": q(sp.Rational(1, 5)),
        "fifth_in": rounded_factor, "log_rows": [{"label": label, "log_factor": math.log10(float(f.mp))}
                                                 for label, f, _ in factors],
        "audit": _audit(), "scaling": _loss_scaling(factors, rows),
        "figure_formats": [{"name": f["name"], "normal": f["normal_power"] * math.log10(2),
                            "subnormal": f["subnormal_power"] * math.log10(2)} for f in _formats()],
    }
