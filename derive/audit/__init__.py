"""The audit's machinery: a claim from a source, how its verdict is reached,
and a folder of claims read as one audit. The claims themselves are content:
the book keeps them in chapters/audit/claims/, one module per source.

    audit = load(folder)      # every source_NNN.py in `folder`, in order
    audit.run()               # one Verdict per claim, in source order
    audit.stated("000-02")    # "≈ 0.045": what source 000 printed, to quote it

A source module defines FILE (the source text's file name, starting with its
number), TITLE (what kind of text it is) and CLAIMS (its claims, whose ids
start with the same number).
"""

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from derive.audit.model import KINDS, VERDICTS, Claim, Verdict, check

SOURCE_FILES = "source_*.py"


@dataclass(frozen=True)
class Source:
    number: str
    """The source's number, "003": its file name and its claims' ids start with it."""
    file: str
    title: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Audit:
    sources: tuple[Source, ...]

    @property
    def claims(self) -> list[Claim]:
        return [claim for source in self.sources for claim in source.claims]

    def run(self, claims=None) -> list[Verdict]:
        """The verdict on each of `claims` (every claim by default): a claim may refer to any other."""
        by_id = {c.id: c for c in self.claims}
        return [check(c, by_id) for c in (self.claims if claims is None else claims)]

    def stated(self, claim_id: str) -> str:
        """What the source printed, exactly, as claim `claim_id` records it; a
        KeyError if no claim with that id records a quotation."""
        found = {c.id: c.stated for c in self.claims if c.stated}
        if claim_id not in found:
            raise KeyError(f"no audit claim {claim_id!r} records what its source printed")
        return found[claim_id]


@cache
def load(folder: Path) -> Audit:
    """The audit of the sources whose claims `folder` holds; a ValueError
    naming the module for one that breaks the conventions above."""
    sources = tuple(_source(path) for path in sorted(Path(folder).glob(SOURCE_FILES)))
    if not sources:
        raise ValueError(f"no {SOURCE_FILES} in {folder}")
    ids = [c.id for source in sources for c in source.claims]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{folder}: claim {repeated[0]} is defined twice")
    return Audit(sources)


def _source(path: Path) -> Source:
    number = path.stem.removeprefix("source_")
    spec = importlib.util.spec_from_file_location(f"derive_audit_claims_{number}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = Source(number, module.FILE, module.TITLE, tuple(module.CLAIMS))
    stray = [c.id for c in source.claims if not c.id.startswith(f"{number}-") or c.source != source.file]
    if not source.file.startswith(number) or stray:
        raise ValueError(f"{path.name}: every claim's id must start with {number}- and cite {source.file}, "
                         f"and the file name with {number}" + (f" (claim {stray[0]} does not)" if stray else ""))
    return source


__all__ = ["KINDS", "VERDICTS", "Audit", "Claim", "Source", "Verdict", "check", "load"]
