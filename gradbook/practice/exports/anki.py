"""An Anki deck (genanki): one note per problem, the statement on the front
(with the hint behind Anki's "show hint" link), and on the back each answer
with what the grader accepts, and the worked solution. Math is TeX between
\\( \\) and \\[ \\], which Anki typesets with MathJax. Symbolic answers are
shown too: a card is checked by the learner, not graded.

Anki knows a note type and a deck by their ids, and a note by its guid: the
ids are the constants below, never to be changed (a new id is a new note
type or deck), and a note's guid comes from its problem's id and the set's
seed, so importing a set again updates its notes instead of adding copies.

genanki stamps every note, card and the note type with a modification time,
and numbers notes and cards from that time in milliseconds. Here the time is
the fixed STAMP, and the zip's entries have fixed dates (archive.py), so the
same set gives the same bytes (with the same SQLite library). What a real
Anki (26.09, its Python library) did with these decks: importing the same set
again added nothing (every note reported a duplicate); another seed's set
added its own notes (Anki gives an imported note whose id it already has,
under another guid, a new id); a note changed under the same guid was updated
only when its modification time was later than the one Anki had, even with
"Update notes: Always". So STAMP is raised whenever what a set's notes or the
note type hold changes (a family's wording, the templates below), and a
re-import then updates the notes instead of keeping the old ones.
"""

import io
import tempfile
import zipfile
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
"""Every note's, card's and the note type's modification time (2026-01-01T00:00:00Z);
raised whenever the notes of a set or the note type change, so that Anki updates them."""
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


def make(problems: ProblemSet, pieces: dict[str, Pieces]) -> Made:
    deck = genanki.Deck(DECK_ID, "gradbook practice")
    for p in problems.problems:
        deck.add_note(note(p, problems.seed, pieces[p.id]))
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / DECK
        genanki.Package(deck).write_to_file(written, timestamp=STAMP)
        with zipfile.ZipFile(io.BytesIO(written.read_bytes())) as package:
            entries = {name: package.read(name) for name in package.namelist()}
    return Made({DECK: zipped(entries)})
