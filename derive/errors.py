"""Errors raised by the math engine.

`ParameterError` is the user's mistake (a bad parameter); the others mean the
mathematics itself failed a check, which is a defect in a derivation.
"""


class DeriveError(Exception):
    """Base class for everything derive raises on purpose."""


class ParameterError(DeriveError, ValueError):
    """A parameter is malformed, unknown or out of range."""


class VerificationError(DeriveError):
    """A derivation step is false."""


class CrossCheckError(DeriveError):
    """The exact, mpmath and float64 values of a quantity disagree."""
