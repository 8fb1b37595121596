"""`gradbook experiments` with an output folder it cannot write to: a one-line
error and exit 2 before any training, and a one-line error too when a result
cannot be written once its runs are done."""

import os
import sys
from pathlib import Path

import pytest

from gradbook.build import EXPERIMENT_CACHE
from gradbook.cli import main
from gradbook.experiments import runner


def a_file(tmp_path: Path) -> Path:
    (tmp_path / "file").write_text("x")
    return tmp_path / "file"


def below_a_file(tmp_path: Path) -> Path:
    return a_file(tmp_path) / "out"


def a_read_only_folder(tmp_path: Path) -> Path:
    (tmp_path / "read-only").mkdir(mode=0o555)
    return tmp_path / "read-only"


def a_folder_that_refuses_files_even_to_root(tmp_path: Path) -> Path:
    return Path("/sys/out")


@pytest.mark.parametrize("out", [
    a_file,
    below_a_file,
    pytest.param(a_read_only_folder, marks=pytest.mark.skipif(
        os.geteuid() == 0, reason="root may write into a folder whatever its permissions say")),
    pytest.param(a_folder_that_refuses_files_even_to_root, marks=pytest.mark.skipif(
        sys.platform != "linux", reason="/sys is Linux's")),
], ids=lambda out: out.__name__.replace("_", "-"))
def test_an_unwritable_out_is_a_one_line_error_before_any_training(tmp_path, capsys, monkeypatch, out):
    def trained(*args):
        raise AssertionError("the experiments ran before the output folder was checked")

    monkeypatch.setattr(runner, "_carry_out", trained)
    assert main(["experiments", "--out", str(out(tmp_path)), "--quiet"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: cannot write to ") and error.count("\n") == 1


def test_a_result_that_cannot_be_written_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(runner, "run", lambda spec: {"train_loss": [0.0]})  # forked workers see it too
    (tmp_path / EXPERIMENT_CACHE / "precision.json").mkdir(parents=True)  # a folder where the file goes
    assert main(["experiments", "--only", "precision", "--out", str(tmp_path), "--quiet"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: cannot write to ") and error.count("\n") == 1
