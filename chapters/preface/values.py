"""What the preface prints: how precisely the guide computes, and how it shows numbers."""

from derive.numbers import SIG_FIGS
from derive.precision import CHECK_DIGITS, DPS


def values() -> dict:
    return {"digits": DPS, "agree": CHECK_DIGITS, "figures": SIG_FIGS,
            "explore": {"activation": "sigmoid", "depth": 4, "w": "0.1", "at": "1", "start": "x"}}
