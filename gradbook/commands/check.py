"""`gradbook check KEY.json ANSWERS.json [--json]`: grade, and say why."""

import json
from pathlib import Path

from gradbook.practice.check import check


def run(args) -> str:
    results, score, total = check(Path(args.key), Path(args.answers))
    if args.json:
        return json.dumps({"results": [vars(r) for r in results], "score": score, "total": total},
                          indent=2, ensure_ascii=False)
    width = max([len(f"{r.id} {r.answer}") for r in results] + [10])
    lines = [f"{f'{r.id} {r.answer}':<{width}}  {r.verdict:<9}  {r.feedback}" for r in results]
    return "\n".join(lines + [f"score: {score}/{total}"])
