"""QTI 1.2 for Canvas: a zip holding imsmanifest.xml and one assessment,
made from the templates qti-manifest.xml.j2 and qti-assessment.xml.j2 in
gradbook/templates/ (not from a package: text2qti writes four decimal places
and refuses any accepted value below 10^-4).

Each numeric answer is a Canvas "numerical answer" with a range: <vargte>
and <varlte> hold the ends of what gradbook's grader accepts, as exact plain
decimals. Canvas's importer reads each end as a double (Ruby's to_f, in
gems/plugins/qti_exporter/lib/qti/numeric_interaction.rb) and grades with
BigDecimal, start <= x <= end: both ends included, each moved by at most half
a unit in the 17th significant figure. Symbolic answers, and any beyond the
range of doubles, are left out (questions.py). A family's variants of one
answer at one difficulty form a question group from which a quiz picks one.
The worked solution is the general feedback; Canvas has no hints, so the
hint is the feedback shown after a wrong answer.

The zip is the same bytes for the same set: its identifiers are digests of
the seed and the problems' ids, and its entries have fixed dates (archive.py).
"""

import hashlib
from dataclasses import dataclass

from gradbook.practice.exports import Made
from gradbook.practice.exports.archive import zipped
from gradbook.practice.exports.intervals import plain
from gradbook.practice.exports.pieces import Pieces
from gradbook.practice.exports.questions import NAMED, Asked, sorted_out
from gradbook.practice.model import ProblemSet
from gradbook.shells import shell

ARCHIVE = "canvas-qti.zip"


@dataclass(frozen=True)
class Item:
    ident: str
    answer_ident: str
    title: str
    text: str
    solution: str
    hint: str
    low: str
    high: str
    comment: str


@dataclass(frozen=True)
class Group:
    ident: str
    title: str
    items: list[Item]


def ident(*parts) -> str:
    """A QTI identifier from what names the thing: a letter and 32 hex digits."""
    return "g" + hashlib.sha256("/".join(map(str, parts)).encode("utf-8")).hexdigest()[:32]


def item(seed: int, asked: Asked, pieces: Pieces) -> Item:
    right = asked.accepted
    comment = (f"{asked.answer.name}: gradbook accepts {plain(right.low)} to {plain(right.high)} "
               f"({asked.answer.grading.describe()}); Canvas accepts the range, both ends included")
    note = right.note()
    return Item(ident(seed, asked.problem.id, asked.answer.name), ident(seed, asked.problem.id, asked.answer.name,
                "answer"), asked.name, asked.text(pieces.statement), pieces.solution, pieces.hint,
                plain(right.low), plain(right.high), f"{comment}. {note}" if note else comment)


def make(problems: ProblemSet, pieces: dict[str, Pieces]) -> Made:
    seed = problems.seed
    found = sorted_out(problems)
    sections = [Group(ident(seed, *group), f"{group[0]}, {group[1]}, difficulty {group[2]}",
                      [item(seed, asked, pieces[asked.problem.id]) for asked in members])
                for group, members in found.groups.items()]
    assessment = ident(seed, *(p.id for p in problems.problems))
    path = f"{assessment}/{assessment}.xml"
    files = {
        "imsmanifest.xml": shell("qti-manifest.xml.j2").render(manifest=ident(assessment, "manifest"),
                                                               assessment=assessment, path=path),
        path: shell("qti-assessment.xml.j2").render(assessment=assessment, groups=sections, notes=found.notes(),
                                                    title=f"gradbook practice, seed {seed}"),
    }
    archive = zipped({name: f"{text}\n".encode("utf-8") for name, text in files.items()})
    return Made({ARCHIVE: archive}, tuple(found.notes(NAMED)))
