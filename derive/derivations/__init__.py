"""The named derivations. Importing this package registers every one of them."""

from derive.derivations import (  # noqa: F401  (imported to register)
    activation,
    anchor,
    depth,
    expected_tanh,
    initialization,
    jacobian,
    normalization,
    residual,
    sigmoid,
    tanh,
)
