"""`gradbook audit`: the report, its JSON, and exit 1 when a value fails its check."""

import json

import pytest

from derive.audit import Audit, Source
from derive.audit.model import Claim
from derive.errors import CrossCheckError
from gradbook.claims import book_audit
from gradbook.cli import main
from gradbook.commands import audit


def test_the_json_is_reproducible_and_complete(capsys):
    assert main(["audit", "--json"]) == 0
    first = capsys.readouterr().out
    assert main(["audit", "--json"]) == 0
    assert capsys.readouterr().out == first
    report = json.loads(first)
    assert report["total"] == len(report["claims"]) >= 100
    assert sum(report["counts"].values()) == report["total"]
    assert {"id", "source", "claim", "expression", "stated", "computed", "value", "exact", "verdict",
            "why"} <= set(report["claims"][0])


def test_the_text_report_ends_with_the_counts(capsys):
    assert main(["audit"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith(f"{len(book_audit().claims)} claims:") and "wrong" in last


def test_a_value_failing_its_own_check_exits_1_after_the_report(capsys, monkeypatch):
    def broken():
        raise CrossCheckError("float64 gives 1.0 but the value is 2.0")

    bad = Claim("999-01", "999_x.txt", "a broken claim", "value", "x", "1", broken)
    broken_source = Source("999", "999_x.txt", "a broken source", (bad,))
    monkeypatch.setattr(audit, "book_audit", lambda: Audit((*book_audit().sources, broken_source)))
    assert main(["audit"]) == 1
    captured = capsys.readouterr()
    assert "999-01" in captured.out
    assert captured.err == "error: 1 computed values failed their own check: 999-01\n"


@pytest.mark.parametrize("argv", [["audit", "--bogus"]], ids=["unknown-option"])
def test_bad_input_is_one_line_and_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.count("\n") == 1
