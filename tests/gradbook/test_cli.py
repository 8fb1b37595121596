import json
import shutil
import subprocess
import sys

import pytest
import sympy as sp

from derive import names
from gradbook.cli import main
from gradbook.present import reason_latex


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_every_derivation(capsys):
    code, out, err = run(capsys, "derive", "--list")
    assert code == 0 and not err
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == names()
    assert "c=1/10" in out


@pytest.mark.parametrize("name", names())
def test_every_derivation_prints_in_every_format(capsys, name):
    for fmt in ("text", "latex"):
        code, out, err = run(capsys, "derive", name, "--format", fmt)
        assert code == 0 and not err and out.strip()
    code, out, _ = run(capsys, "derive", name, "--format", "json")
    data = json.loads(out)
    assert data["name"] == name
    for s in data["steps"]:
        assert set(s) >= {"lhs", "rhs", "reason", "check"}
        assert s["check"] in ("symbolic", "numeric")
    assert set(data["result"]) >= {"exact", "value"}


def test_json_result_contract(capsys):
    code, out, _ = run(capsys, "derive", "saturation-threshold", "--param", "c=0.1", "--format", "json")
    result = json.loads(out)["result"]
    assert sp.sympify(result["exact"]) == sp.log(4 + sp.sqrt(15))
    mantissa = result["value"].split("e")[0].replace(".", "").lstrip("-")
    assert len(mantissa) >= 25
    assert float(result["value"]) == pytest.approx(float(sp.log(4 + sp.sqrt(15))), rel=1e-15)


def test_expression_results_have_no_value(capsys):
    _, out, _ = run(capsys, "derive", "sigmoid-derivative", "--format", "json")
    result = json.loads(out)["result"]
    assert result["value"] is None and result["exact"]


def test_text_output_shows_steps_and_result(capsys):
    code, out, _ = run(capsys, "derive", "sigmoid-max")
    assert "[symbolic]" in out
    assert "result: 1/4" in out


def test_latex_output_sets_reasons_as_text_and_math(capsys):
    _, out, _ = run(capsys, "derive", "xavier-variance", "--format", "latex")
    assert r"\begin{align*}" in out and r"\end{align*}" in out
    assert r"\text{evaluated at }n_{in} = 784\text{ and }n_{out} = 128" in out


@pytest.mark.parametrize("reason, expected", [
    (r"the slope is $\sigma'(0)$", r"\text{the slope is }\sigma'(0)"),
    (r"$e^{-z}$ over 100% & more", r"e^{-z}\text{ over 100\% \& more}"),
    ("no math_here", r"\text{no math\_here}"),
], ids=["prose-then-math", "math-then-escaped-prose", "prose-only"])
def test_a_reason_in_latex_keeps_its_math_and_escapes_its_prose(reason, expected):
    assert reason_latex(reason) == expected


@pytest.mark.parametrize("argv, message", [
    (["derive", "nope"], "unknown derivation 'nope'"),
    (["derive", "saturation-threshold", "--param", "c=0.3"], "between 0 and 1/4"),
    (["derive", "saturation-threshold", "--param", "c"], "NAME=VALUE"),
    (["derive", "saturation-threshold", "--param", "c=0.1", "--param", "c=0.2"], "given twice"),
    (["derive", "saturation-threshold", "--param", "c=1/0"], "divides by zero"),
    (["derive", "saturation-threshold", "--param", "c=__import__('os')"], "not a number"),
    (["derive", "layers-to-vanish", "--param", "layers=3"], "no parameter 'layers'"),
    (["derive", "sigmoid-max", "--format", "pdf"], "invalid choice"),
    (["derive"], "name a derivation"),
    (["derive", "sigmoid-max", "--list"], "--list takes no"),
    (["bogus"], "invalid choice"),
    ([], "required"),
], ids=["unknown-name", "out-of-range", "no-equals", "twice", "zero-division", "code",
        "unknown-param", "bad-format", "no-name", "list-and-name", "unknown-command", "no-command"])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


def _commands():
    """`python3 -m gradbook` always; the installed `gradbook` script too where it is on PATH."""
    found = shutil.which("gradbook")
    return [[sys.executable, "-m", "gradbook"]] + ([[found]] if found else [])


@pytest.mark.parametrize("command", _commands(), ids=lambda c: "script" if len(c) == 1 else "module")
def test_installed_command_runs_without_traceback(command):
    done = subprocess.run(command + ["derive", "saturation-threshold", "--param", "c=0.3"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    ok = subprocess.run(command + ["derive", "sigmoid-max-amgm"], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "1/4" in ok.stdout
