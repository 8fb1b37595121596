"""The audit of every checkable claim in the five sources.

    from derive.audit import CLAIMS, run
    verdicts = run()          # one Verdict per claim, in source order
    stated("000-02")          # "≈ 0.045": what source 000 printed, to quote it
"""

from derive.audit import source_000, source_001, source_002, source_003, source_004
from derive.audit.model import KINDS, VERDICTS, Claim, Verdict, check

CLAIMS: list[Claim] = [*source_000.CLAIMS, *source_001.CLAIMS, *source_002.CLAIMS, *source_003.CLAIMS,
                       *source_004.CLAIMS]


def stated(claim_id: str) -> str:
    """What the source printed, exactly, as claim `claim_id` records it; a
    KeyError if no claim with that id records a quotation."""
    found = {c.id: c.stated for c in CLAIMS if c.stated}
    if claim_id not in found:
        raise KeyError(f"no audit claim {claim_id!r} records what its source printed")
    return found[claim_id]


def run(claims=None) -> list[Verdict]:
    chosen = CLAIMS if claims is None else claims
    by_id = {c.id: c for c in CLAIMS}
    return [check(c, by_id) for c in chosen]


__all__ = ["CLAIMS", "KINDS", "VERDICTS", "Claim", "Verdict", "check", "run", "stated"]
