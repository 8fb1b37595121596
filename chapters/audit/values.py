"""What the audit appendix prints: every claim with its verdict, by source."""

from gradbook.claims import book_audit


def _cell(text: str, kind: str) -> str:
    """What a cell shows: an identity's two sides are in its verdict, not here."""
    return "" if kind == "identity" else text


def values() -> dict:
    audit, sources = book_audit(), []
    verdicts = audit.run()
    for source in audit.sources:
        mine = [v for v in verdicts if v.claim.source == source.file]
        sources.append({"number": source.number, "title": source.title, "file": source.file, "entries": [
            {"id": v.claim.id, "says": v.claim.says, "expression": v.claim.expression,
             "stated": _cell(v.claim.stated, v.claim.kind), "computed": _cell(v.computed, v.claim.kind),
             "printed": v.claim.kind == "printed",
             "verdict": v.verdict, "why": v.why} for v in mine]})
    return {"sources": sources}
