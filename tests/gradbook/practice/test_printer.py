"""The key's printer and the learner's parser are a pair: every expression the
printer writes, the parser reads back (through the grader's own path, parse
and then sympy_expression) as the same expression, for every family's
symbolic answers and for expressions hypothesis builds; and what the grammar
cannot say is refused, never written as text the parser would misread."""

import sympy as sp
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from derive.symbols import sigma
from gradbook.practice.catalog import families
from gradbook.practice.grade import key_tree, sympy_expression
from gradbook.practice.model import KEY_LENGTH
from gradbook.practice.parse import parse
from gradbook.practice.printer import Unwritable, answer_text
from gradbook.practice.rules import Symbolic

FAMILIES = families()
SEEDS = range(40)
SYMBOLIC = [name for name in FAMILIES
            if any(isinstance(a.grading, Symbolic) for a in FAMILIES[name].generate(0).answers)]


def read_back(text: str, names, fixed=None) -> sp.Expr:
    """`text` as the grader reads a key: the safe parser's tree, built into sympy node by node."""
    return sympy_expression(parse(text, names, max_length=KEY_LENGTH), fixed or {})


def same(back: sp.Expr, expr: sp.Expr) -> bool:
    """The same expression: the same tree, or one sympy simplifies to it (a
    product sympy distributed as it read it back, 2*(a + z) -> 2*a + 2*z)."""
    return back == expr or sp.simplify(back - expr) == 0


def test_some_family_has_a_symbolic_answer():
    assert SYMBOLIC


@pytest.mark.parametrize("name", SYMBOLIC, ids=SYMBOLIC)
def test_every_familys_symbolic_key_reads_back_as_the_familys_expression(name):
    family = FAMILIES[name]
    for difficulty in family.difficulties:
        for seed in SEEDS:
            params = family.draw(seed, 0, 0, difficulty)
            solved = family.solve(params)
            for answer in family.problem(params, name, difficulty).answers:
                if isinstance(answer.grading, Symbolic):
                    expected = solved.answers[answer.name][0]
                    back = sympy_expression(key_tree(answer), answer.grading.fixed())
                    assert same(back, expected), (params, answer.exact)


Z, A = sp.Symbol("z", real=True), sp.Symbol("a", real=True)
"""The grader's symbols: sympy_expression makes every name a real symbol."""
WRITTEN = (sp.Add, sp.Mul, sp.Pow, sp.Rational, sp.Symbol, sp.exp, sp.log, sp.tanh, sigma)


def in_the_grammar(expr: sp.Expr) -> bool:
    """Every node one the answer grammar has: no i, infinity, absolute value, float or other function."""
    return all(isinstance(node, WRITTEN) or node in (sp.E, sp.pi) for node in sp.preorder_traversal(expr))


LEAVES = st.one_of(st.sampled_from([Z, A, sp.E, sp.pi]),
                   st.integers(-12, 12).map(sp.Integer),
                   st.fractions(min_value=-20, max_value=20, max_denominator=12).map(sp.Rational))
SMALL_POWERS = st.integers(-3, 3).map(sp.Integer) | st.sampled_from([sp.Rational(1, 2), sp.Rational(-1, 2),
                                                                       sp.Rational(2, 3), Z])


def _grow(inner):
    return st.one_of(
        st.tuples(inner, inner).map(lambda pair: pair[0] + pair[1]),
        st.tuples(inner, inner).map(lambda pair: pair[0] - pair[1]),
        st.tuples(inner, inner).map(lambda pair: pair[0] * pair[1]),
        st.tuples(inner, inner).map(lambda pair: pair[0] / pair[1]),
        st.tuples(inner, SMALL_POWERS).map(lambda pair: pair[0] ** pair[1]),
        st.tuples(st.sampled_from([sp.exp, sp.log, sp.tanh, sigma, sp.sqrt]), inner).map(lambda pair: pair[0](pair[1])),
        inner.map(lambda e: -e))


EXPRESSIONS = st.recursive(LEAVES, _grow, max_leaves=10)


@settings(max_examples=500, deadline=None)
@given(expr=EXPRESSIONS)
def test_hypothesis_every_expression_the_printer_writes_the_parser_reads_back(expr):
    assume(in_the_grammar(expr))
    text = answer_text(expr)
    assert same(read_back(text, {"z", "a"}), expr), text


WRITTEN_AS = {
    "euler": (sp.E * Z, "e*z"),
    "exp": (sp.exp(-Z) / 2, "exp(-z)/2"),
    "negative-base": ((-2) ** Z, "(-2)**z"),
    "fraction": (sp.Rational(-3, 4) * Z ** 2, "-3*z**2/4"),
    "root": (1 / sp.sqrt(Z + 1), "1/sqrt(z + 1)"),
    "sigma": (sp.pi * sigma(2 * Z), "pi*sigma(2*z)"),
}


@pytest.mark.parametrize("expr, text", WRITTEN_AS.values(), ids=WRITTEN_AS.keys())
def test_an_expression_is_written_as_a_learner_would_type_it(expr, text):
    assert answer_text(expr) == text and read_back(text, {"z"}) == expr


@pytest.mark.parametrize("expr", [
    sp.Float("0.5") * Z, sp.Abs(Z), sp.I * Z, sp.oo, sp.zoo, sp.nan, sp.sin(Z), sp.Symbol("pi"), sp.Symbol("exp"),
    sp.Symbol("σ"), sp.Symbol("2z"), sp.Dummy("z"), sp.Integer(3) < Z,
], ids=["float", "abs", "imaginary", "infinity", "complex-infinity", "nan", "sin", "name-pi", "name-exp",
        "name-not-ascii", "name-not-a-name", "dummy", "inequality"])
def test_what_the_grammar_cannot_say_is_refused(expr):
    with pytest.raises(Unwritable):
        answer_text(expr)
