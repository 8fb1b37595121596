"""The parser never evaluates what it is given: hostile text is refused or
read as arithmetic, never run, and never crashes."""

import builtins
from contextlib import ExitStack, contextmanager
from unittest.mock import patch

import sympy
import sympy.parsing.sympy_parser

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gradbook.practice.grade import grade
from gradbook.practice.model import Answer
from gradbook.practice.rules import Relative, Symbolic
from gradbook.practice.evaluate import number
from gradbook.practice.parse import MAX_LENGTH, AnswerError, parse, tokens

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="0123456789.eE+-*/^()% x×·σzsigmaexptanh_[]{}'\"\\:;,=<>!@#$&|~`", max_size=120),
    st.sampled_from([
        "__import__('os').system('true')", "().__class__.__bases__[0]", "lambda: 1", "exec('1')", "eval('1')",
        "open('/etc/passwd')", "globals()", "9**9**9**9", "10^10^10", "exp(exp(exp(exp(10))))",
        "1e309999", "(" * 500, "1" + "+1" * 5000, "sigma(" * 40 + "z" + ")" * 40, "ｅｘｐ(1)", "\u0435xp(1)",
        "2 ⁄ 3", "\x00", "0x1F", "1_000", "1..2", "--1", "2**-1000", "z.real", "a[0]",
    ]),
)
ANSWER = Answer("x", "1/4", "2.5e-1", Relative(0.01))
SYMBOLIC = Answer("d", "3*exp(-3*z)/(1 + exp(-3*z))**2", None, Symbolic(["z"], {"a": "3"}))


@contextmanager
def refusing_evaluation():
    """Inside, any call to eval, exec, sympify or parse_expr is a failure."""
    def refuse(*args, **kwargs):
        raise AssertionError("the parser evaluated text")
    with ExitStack() as stack:
        for target in (builtins, "eval"), (builtins, "exec"), (sympy, "sympify"), \
                      (sympy.parsing.sympy_parser, "parse_expr"):
            stack.enter_context(patch.object(*target, refuse))
        yield


def test_the_guard_catches_evaluation():
    with pytest.raises(AssertionError, match="evaluated"), refusing_evaluation():
        eval("1")


@settings(max_examples=2000, deadline=None)
@given(HOSTILE)
def test_hostile_text_is_graded_without_evaluating_or_crashing(text):
    with refusing_evaluation():
        verdicts = [grade(answer, text).verdict for answer in (ANSWER, SYMBOLIC)]
    assert set(verdicts) <= {"correct", "incorrect", "invalid"}


def test_long_text_is_refused_before_it_is_read():
    with pytest.raises(AnswerError, match=f"at most {MAX_LENGTH}"):
        tokens("1" * 1_000_000)


@pytest.mark.parametrize("text, tree", [
    ("2^3^2", ("^", ("num", "2"), ("^", ("num", "3"), ("num", "2")))),
    ("-2^2", ("neg", ("^", ("num", "2"), ("num", "2")))),
    ("2z", ("*", ("num", "2"), ("name", "z"))),
    ("25%", ("pct", ("num", "25"))),
], ids=["power-is-right-associative", "minus-binds-looser-than-power", "implicit-product", "percent"])
def test_the_tree_follows_the_usual_precedence(text, tree):
    assert parse(text, {"z"}) == tree


@pytest.mark.parametrize("text", [".0", ".00", ".0e1", "-.0"])
def test_a_zero_written_from_its_point_is_zero(text):
    """mpmath reads ".25" but not ".0"; hypothesis found the crash."""
    assert number(text) == 0


def test_a_fraction_is_read_exactly():
    assert number("1/3") * 3 == 1
