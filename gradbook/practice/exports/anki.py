"""An Anki deck (genanki): one note per problem, the statement on the front
(with the hint behind Anki's "show hint" link), and on the back each answer
with what the grader accepts, and the worked solution. Math is TeX between
\\( \\) and \\[ \\], which Anki typesets with MathJax. Symbolic answers are
shown too: a card is checked by the learner, not graded.

Anki knows a note type and a deck by their ids, and a note by its guid: the
ids are the constants below, never to be changed (a new id is a new note
type or deck), and a note's guid comes from its problem's id and the set's
seed, so importing a set again updates its notes instead of adding copies.

genanki stamps every note and card with a modification time and gives them
ids counting up from that time in milliseconds. Here the time is the fixed
STAMP, and the ids start at STAMP in milliseconds plus a digest of the set
(below 10^9, about eleven days), so two different sets do not share note ids;
with the fixed times and the zip's fixed dates (archive.py), the same set
gives the same bytes with the same SQLite library. Anki updates a note it
already has only when the imported one is newer, so a note whose wording
changed in a later gradbook (same guid, same STAMP) is kept as it was unless
the import's "Update notes" is set to "Always".
"""

import hashlib
import itertools
import sqlite3
import tempfile
from pathlib import Path

import genanki

from gradbook.practice.exports import Made
from gradbook.practice.exports.archive import zipped
from gradbook.practice.exports.pieces import Pieces
from gradbook.practice.model import Problem, ProblemSet

DECK = "gradbook.apkg"
MODEL_ID = 1_718_204_577
"""The note type's id: drawn once from genanki's suggested range (2^30 to 2^31); fixed for good."""
DECK_ID = 2_043_816_311
"""The deck's id, drawn the same way; fixed for good."""
STAMP = 1_767_225_600
"""Every note's and card's modification time: 2026-01-01T00:00:00Z."""
SPREAD = 10**9
"""Note and card ids start this many milliseconds after STAMP at most."""
FIELDS = ("Statement", "Hint", "Answers", "Solution", "Problem")

MODEL = genanki.Model(
    MODEL_ID, "gradbook problem",
    fields=[{"name": name} for name in FIELDS],
    templates=[{
        "name": "Problem",
        "qfmt": "{{Statement}}{{#Hint}}<div class=\"hint\">{{hint:Hint}}</div>{{/Hint}}",
        "afmt": "{{FrontSide}}<hr id=\"answer\">{{Answers}}<div class=\"solution\">{{Solution}}</div>"
                "<div class=\"problem\">{{Problem}}</div>",
    }],
    css=".card { font-family: sans-serif; font-size: 18px; line-height: 1.4; }\n"
        ".problem { margin-top: 1em; font-size: 12px; color: #666; }\n"
        "table { border-collapse: collapse; } td, th { padding: 0 0.5em; }\n",
)


def guid(problem: Problem, seed: int) -> str:
    """The note's guid: the same problem of the same set is the same note."""
    return genanki.guid_for(problem.id, seed)


def note(problem: Problem, seed: int, pieces: Pieces) -> genanki.Note:
    fields = [pieces.statement, pieces.hint, "\n".join(pieces.answers), pieces.solution,
              f"{problem.id} · seed {seed}"]
    return genanki.Note(model=MODEL, fields=fields, guid=guid(problem, seed), sort_field=problem.id,
                        tags=[problem.family, f"difficulty-{problem.difficulty}"])


def first_id(problems: ProblemSet) -> int:
    digest = hashlib.sha256("/".join([str(problems.seed), *(p.id for p in problems.problems)]).encode()).digest()
    return STAMP * 1000 + int.from_bytes(digest[:8], "big") % SPREAD


def make(problems: ProblemSet, pieces: dict[str, Pieces]) -> Made:
    deck = genanki.Deck(DECK_ID, "gradbook practice")
    for p in problems.problems:
        deck.add_note(note(p, problems.seed, pieces[p.id]))
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(collection)
        genanki.Package(deck).write_to_db(connection.cursor(), STAMP, itertools.count(first_id(problems)))
        connection.commit()
        connection.close()
        data = collection.read_bytes()
    return Made({DECK: zipped({"collection.anki2": data, "media": b"{}"})})
