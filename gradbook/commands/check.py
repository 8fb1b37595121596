"""`gradbook check KEY ANSWERS [--json]`: grade, and say why. ANSWERS is a
JSON answers file, or, for a class's key, an answers CSV (a row per
student), which can also write the grades, each student's feedback and the
instructor's summary (--csv, --feedback, --summary)."""

import json
from pathlib import Path

from gradbook.errors import UsageError
from gradbook.output import check_writable, publish
from gradbook.practice import classreport
from gradbook.practice.check import check, load_key
from gradbook.practice.classcheck import grade_class, read_answers, read_partial, summary

CLASS_ONLY = ("csv", "feedback", "summary", "partial")


def run(args) -> str:
    if Path(args.answers).suffix.lower() == ".csv":
        return _class(args)
    given = [f"--{name}" for name in CLASS_ONLY if getattr(args, name)]
    if given:
        raise UsageError(f"{given[0]} is for grading a class's answers CSV; {args.answers} is a JSON answers file")
    results, score, total = check(Path(args.key), Path(args.answers))
    if args.json:
        return json.dumps({"results": [vars(r) for r in results], "score": score, "total": total},
                          indent=2, ensure_ascii=False)
    width = max([len(f"{r.id} {r.answer}") for r in results] + [10])
    lines = [f"{f'{r.id} {r.answer}':<{width}}  {r.verdict:<9}  {r.feedback}" for r in results]
    return "\n".join(lines + [f"score: {score}/{total}"])


def _class(args) -> str:
    """A class's answers CSV graded; every output written only once all of it is graded."""
    key_path, answers_path = Path(args.key), Path(args.answers)
    targets = {name: Path(getattr(args, name)) for name in ("csv", "feedback", "summary") if getattr(args, name)}
    for name, target in targets.items():
        check_writable(target.parent if name == "csv" else target)
    partial = read_partial(args.partial)
    key = load_key(key_path)
    graded = grade_class(key, read_answers(answers_path, key), partial)
    tallies = summary(graded)
    outputs = classreport.outputs(graded, tallies, **targets)
    inputs = {key_path.resolve(), answers_path.resolve()}
    clash = next((folder / name for folder, files in outputs.items() for name in files
                  if (folder / name).resolve() in inputs), None)
    if clash:
        raise UsageError(f"writing {clash} would overwrite an input; choose another place")
    for folder, files in outputs.items():
        publish(folder, files)
    if args.json:
        return json.dumps(classreport.as_json(graded, tallies), indent=2, ensure_ascii=False)
    missing = len(key.students) - len(graded)
    lines = [f"graded {len(graded)} students ({classreport.counts_line(graded)} answers); "
             f"{classreport.mean_score(graded)}"
             + (f"; {missing} students of the key have no row" if missing else "")]
    lines += [f"  {t.name}: {t.mistake} ({t.times})" for t in tallies if t.scope == "question" and t.times]
    lines += [f"wrote {target}" for target in targets.values()]
    return "\n".join(lines)

