"""Working precision shared by every computation in derive."""

import mpmath

DPS = 60
"""Decimal digits mpmath works at: comfortably above the 50 we promise."""

CHECK_DIGITS = 40
"""Two high-precision values of one number must agree to this many digits."""

TOLERANCE = mpmath.mpf(10) ** -CHECK_DIGITS


def workdps():
    """Context manager that runs mpmath at the house precision."""
    return mpmath.workdps(DPS)
