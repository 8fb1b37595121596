"""`gradbook practice --format …` with the exports: each writes the files
the registry declares, and the command says what was left out."""

import pytest

from gradbook.cli import main
from gradbook.practice import exports


@pytest.mark.parametrize("name", exports.REGISTRY)
def test_each_export_writes_the_files_it_declares(hand_set, name):
    assert set(exports.make(hand_set, {name}).files) == set(exports.REGISTRY[name].files)


def test_practice_writes_the_exports_and_says_what_it_left_out(tmp_path, capsys):
    out = tmp_path / "lms"
    code = main(["practice", "--family", "differentiate-scaled-sigmoid", "--family", "sigmoid-derivative",
                 "--count", "2", "--seed", "4", "--out", str(out), "--format", "json,moodle,qti,anki"])
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["canvas-qti.zip", "gradbook.apkg", "moodle.xml", "problems.json"]
    assert ("moodle: 1 answers not exported, symbolic (a numerical question takes a number): "
            "differentiate-scaled-sigmoid-4-0 derivative\n") in printed
    assert "qti: 1 sigfig answers exported as closed intervals" in printed


def test_an_unknown_format_names_the_exports_too(tmp_path, capsys):
    code = main(["practice", "--out", str(tmp_path / "o"), "--format", "json,xls"])
    _, err = capsys.readouterr()
    assert code == 2 and "json, html, pdf, moodle, qti, anki" in err and err.count("\n") == 1
