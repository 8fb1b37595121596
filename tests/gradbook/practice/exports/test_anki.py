"""The Anki deck, read back: a zip whose collection is SQLite, one note per
problem of the fixed note type in the fixed deck, the statement on the front
and the answers and solution on the back; guids stable across exports and
different across problems and seeds; the same bytes each time."""

import io
import sqlite3
import zipfile

import pytest

from gradbook.practice import exports
from gradbook.practice.exports import anki


@pytest.fixture
def notes(made, catalog_set, tmp_path):
    """The catalog's deck as rows of (guid, model id, fields, tags), and its cards' deck ids."""
    with zipfile.ZipFile(io.BytesIO(made["catalog"].files["gradbook.apkg"])) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    rows = connection.execute("select guid, mid, flds, tags from notes order by id").fetchall()
    decks = {deck for (deck,) in connection.execute("select did from cards")}
    connection.close()
    return rows, decks


def test_one_note_per_problem_with_its_statement_answers_and_solution(notes, catalog_set, made):
    rows, decks = notes
    assert decks == {anki.DECK_ID} and len(rows) == len(catalog_set.problems)
    for (guid, model, fields, tags), problem in zip(rows, catalog_set.problems):
        statement, hint, answers, solution, named = fields.split("\x1f")
        assert (guid, model) == (anki.guid(problem, catalog_set.seed), anki.MODEL_ID)
        assert statement.startswith("<p>") and problem.id in named and problem.family in tags.split()
        assert [f"<strong>{a.name}</strong>" in answers for a in problem.answers] == [True] * len(problem.answers)
        assert "accepted" in answers and solution and hint
        assert "$" not in statement + answers + solution, "math is left as TeX in \\( \\), not $"


def test_guids_are_stable_and_differ_across_problems_and_seeds(catalog_set):
    guids = [anki.guid(p, catalog_set.seed) for p in catalog_set.problems]
    assert len(set(guids)) == len(guids)
    assert guids == [anki.guid(p, catalog_set.seed) for p in catalog_set.problems]
    assert not set(guids) & {anki.guid(p, catalog_set.seed + 1) for p in catalog_set.problems}


def test_the_deck_is_the_same_bytes_each_time(hand_set, made):
    again = exports.make(hand_set, {"anki"}).files["gradbook.apkg"]
    assert again == made["hand"].files["gradbook.apkg"]
