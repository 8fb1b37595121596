"""derive: the mathematics of gradbook, derived by sympy and checked by mpmath.

Pure functions and values: no files, no printing, nothing from gradbook.

    from derive import derive
    d = derive("saturation-threshold", c="0.1")
    d.result.exact_value      # log(sqrt(15) + 4)
    d.result.latex()          # '2.06'
"""

from derive.activations import CATALOG, Activation, activation
from derive.chain import ChainTrace, trace_chain
from derive.derivation import Derivation, Step, step
from derive.errors import CrossCheckError, DeriveError, ParameterError, VerificationError
from derive.measured import Measured
from derive.named import REGISTRY, derive, names
from derive.quantity import Quantity

__all__ = [
    "CATALOG", "Activation", "activation", "ChainTrace", "trace_chain", "Derivation", "Step",
    "step", "CrossCheckError", "DeriveError", "ParameterError", "VerificationError", "Measured", "Quantity",
    "REGISTRY", "derive", "names",
]
