"""`gradbook audit [--json]`: every checkable claim in the sources, its
computed value and its verdict; exit 1 if a value fails its own check."""

import json
from collections import Counter

from derive.audit import VERDICTS
from gradbook.claims import book_audit
from gradbook.errors import CheckFailed


def run(args) -> str:
    verdicts = book_audit().run()
    counts = Counter(v.verdict for v in verdicts)
    counts = {name: counts[name] for name in VERDICTS if counts[name]}
    if args.json:
        output = json.dumps({"claims": [v.to_dict() for v in verdicts], "counts": counts, "total": len(verdicts)},
                            indent=2, ensure_ascii=False)
    else:
        lines = []
        for v in verdicts:
            stated = f"states {v.claim.stated}; " if v.claim.stated else ""
            computed = f"computed {v.computed}; " if v.computed else ""
            lines.append(f"{v.claim.id}  {v.verdict:<18}  {v.claim.says}\n{'':8}{stated}{computed}{v.why}")
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        output = "\n".join(lines + [f"{len(verdicts)} claims: {summary}"])
    failed = [v.claim.id for v in verdicts if v.verdict == "check failed"]
    if failed:
        raise CheckFailed(f"{len(failed)} computed values failed their own check: {', '.join(failed)}", output)
    return output
