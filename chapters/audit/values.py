"""What the audit appendix prints: every claim with its verdict, by source."""

from derive.audit import run

SOURCE_TITLES = {"000": "an interview answer", "001": "course notes with practice problems",
                 "002": "a review with an MNIST experiment", "003": "a blog post tracing a five-layer network",
                 "004": "an article on mitigations"}


def _cell(text: str, kind: str) -> str:
    """What a cell shows: an identity's two sides are in its verdict, not here."""
    return "" if kind == "identity" else text


def values() -> dict:
    verdicts = run()
    sources = []
    for prefix, title in SOURCE_TITLES.items():
        mine = [v for v in verdicts if v.claim.id.startswith(prefix)]
        sources.append({"number": prefix, "title": title, "file": mine[0].claim.source, "entries": [
            {"id": v.claim.id, "says": v.claim.says, "expression": v.claim.expression,
             "stated": _cell(v.claim.stated, v.claim.kind), "computed": _cell(v.computed, v.claim.kind),
             "printed": v.claim.kind == "printed",
             "verdict": v.verdict, "why": v.why} for v in mine]})
    return {"sources": sources}
