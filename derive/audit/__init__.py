"""The audit's machinery: a claim from a source, how its verdict is reached,
and the claims of several sources taken as one audit. The claims themselves
are content, which the book keeps in chapters/audit/claims/ (gradbook.claims
reads them):

    audit.run()               # one Verdict per claim, in source order
    audit.stated("000-02")    # "≈ 0.045": what source 000 printed, to quote it
"""

from dataclasses import dataclass
from functools import cached_property

from derive.audit.model import KINDS, VERDICTS, Claim, Verdict, check


@dataclass(frozen=True)
class Source:
    number: str
    """The source's number, "003": its text's file name and its claims' ids start with it."""
    file: str
    title: str
    """What kind of text it is: "a blog post tracing a five-layer network"."""
    claims: tuple[Claim, ...]

    def __post_init__(self):
        stray = [c.id for c in self.claims if not c.id.startswith(f"{self.number}-") or c.source != self.file]
        if not self.file.startswith(self.number) or stray:
            raise ValueError(f"every claim's id must start with {self.number}- and cite {self.file}, and the "
                             f"file name with {self.number}" + (f" (claim {stray[0]} does not)" if stray else ""))


@dataclass(frozen=True)
class Audit:
    sources: tuple[Source, ...]

    def __post_init__(self):
        ids = [c.id for c in self.claims]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"claim {repeated[0]} is defined twice")

    @property
    def claims(self) -> list[Claim]:
        return [claim for source in self.sources for claim in source.claims]

    def run(self, claims=None) -> list[Verdict]:
        """The verdict on each of `claims` (every claim by default): a claim may refer to any other."""
        if claims is None:
            return list(self._verdicts)
        by_id = {c.id: c for c in self.claims}
        return [check(c, by_id) for c in claims]

    @cached_property
    def _verdicts(self) -> tuple[Verdict, ...]:
        """Every claim's verdict, reached once however many parts ask."""
        by_id = {c.id: c for c in self.claims}
        return tuple(check(c, by_id) for c in self.claims)

    def stated(self, claim_id: str) -> str:
        """What the source printed, exactly, as claim `claim_id` records it; a
        KeyError if no claim with that id records a quotation."""
        found = {c.id: c.stated for c in self.claims if c.stated}
        if claim_id not in found:
            raise KeyError(f"no audit claim {claim_id!r} records what its source printed")
        return found[claim_id]


__all__ = ["KINDS", "VERDICTS", "Audit", "Claim", "Source", "Verdict", "check"]
