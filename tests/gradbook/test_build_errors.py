"""Bad input to `gradbook build`: a one-line error, exit 2, and the previous
output left exactly as it was."""

from pathlib import Path

import pytest

from gradbook.build import build
from gradbook.cli import main
from gradbook.errors import CheckFailed, UsageError

CHAPTER = "01-only"


def small_book(root: Path, template: str, values: str | None = None) -> Path:
    """A one-chapter book under `root`, for breaking on purpose."""
    root.mkdir(parents=True)
    (root / "book.toml").write_text(f'title = "T"\nchapters = ["{CHAPTER}"]\n', encoding="utf-8")
    folder = root / "chapters" / CHAPTER
    folder.mkdir(parents=True)
    (folder / "chapter.md.j2").write_text(template, encoding="utf-8")
    if values is not None:
        (folder / "values.py").write_text(values, encoding="utf-8")
    return root


def previous_guide(out: Path) -> dict:
    (out / "html").mkdir(parents=True)
    (out / "html" / "index.html").write_text("the previous guide", encoding="utf-8")
    (out / "gradbook.pdf").write_bytes(b"%PDF previous")
    return snapshot(out)


def snapshot(out: Path) -> dict:
    """The published files; the build cache under cache/ may gain entries from
    the stages that did succeed, and publishes nothing."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "cache" not in p.relative_to(out).parts}


BROKEN = {
    "undefined-value": ("# Title\n\nSome text.\n\n{{ missing_value }}\n", None, UsageError,
                        f"chapters/{CHAPTER}/chapter.md.j2 line 5: UndefinedError: 'missing_value' is undefined"),
    "undefined-attribute": ("# Title\n\n{{ d.nope }}\n", "def values():\n    return {'d': {'yes': 1}}\n", UsageError,
                            f"chapters/{CHAPTER}/chapter.md.j2 line 3: UndefinedError: 'dict object' has no attribute 'nope'"),
    "syntax-error": ("# Title\n\n{% for x in %}\n", None, UsageError, f"chapters/{CHAPTER}/chapter.md.j2 line 3"),
    "no-title": ("No heading here.\n", None, UsageError, "must start with '# Title'"),
    "unknown-reference": ("# Title\n\nSee {{ ref('fig:nowhere') }}.\n", None, UsageError, "fig:nowhere"),
    "values-raises": ("# Title\n", "def values():\n    return {'x': 1 / 0}\n", UsageError,
                      f"chapters/{CHAPTER}/values.py line 2"),
    "bad-derive-parameter": ("# Title\n", "from derive import derive\n\ndef values():\n"
                             "    return {'d': derive('saturation-threshold', c='1')}\n",
                             UsageError, "c must lie strictly between 0 and 1/4"),
    "unknown-family": ("# Title\n\n{{ worked('nope', 'x', {}) }}\n", None, UsageError, "no problem family 'nope'"),
    "unknown-experiment": ("# Title\n", "EXPERIMENTS = ('nope',)\n\ndef values(results):\n    return {}\n",
                           UsageError, f"chapters/{CHAPTER}/values.py: no experiment 'nope'"),
    "explorer-in-a-chapter": ("# Title\n\n{{ explorer() }}\n", None, UsageError,
                              f"chapters/{CHAPTER}/chapter.md.j2 line 3: ValueError: the explorer is interactive"),
    "explorer-link-out-of-range": ("# Title\n\n{{ explorer_note('x', 'y', activation='tanh', depth=80, w='1', at='0') }}\n",
                                   None, UsageError, "the depth must be 1 to 50, got 80"),
    "explorer-link-with-a-fraction": ("# Title\n\n{{ explorer_link('x', activation='tanh', depth=3, w='1/2', at='0') }}\n",
                                      None, UsageError, "w must be a decimal such as 0.5"),
    "unprintable-value": ("# Title\n\n{{ d }}\n", "def values():\n    return {'d': {}}\n", UsageError,
                          f"chapters/{CHAPTER}/chapter.md.j2 line 3: TypeError: {{{{ d }}}} cannot be printed: it is a dict"),
    "printed-boolean": ("# Title\n\nTanh is odd, ${{ f.odd }}$, and {{ 'x' }}.\n",
                        "import sympy as sp\n\ndef values():\n    z = sp.Symbol('z')\n"
                        "    return {'f': {'odd': sp.Eq(sp.tanh(-z), -sp.tanh(z))}}\n", UsageError,
                        f"chapters/{CHAPTER}/chapter.md.j2 line 3: TypeError: {{{{ f.odd }}}} cannot be printed: "
                        "it is True, a boolean"),
    "printed-none": ("# Title\n\n{% if true %}\nA {{ 'b' }} and {{ d.get('nope') if true else 'c' }}.\n{% endif %}\n",
                     "def values():\n    return {'d': {}}\n", UsageError,
                     f"chapters/{CHAPTER}/chapter.md.j2 line 4: TypeError: {{{{ d.get('nope') if true else 'c' }}}} "
                     "cannot be printed: it is None"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_chapter_names_itself_and_leaves_the_previous_guide(tmp_path, case):
    template, values, error, where = BROKEN[case]
    root = small_book(tmp_path / "book", template, values)
    out = tmp_path / "out"
    before = previous_guide(out)
    with pytest.raises(error) as caught:
        build(out, "all", root=root)
    message = caught.value.message
    assert where in message and "\n" not in message
    assert caught.value.exit_code == 2
    assert snapshot(out) == before
    assert not any(p.name.startswith(".gradbook-") for p in out.iterdir())


def test_a_failed_cross_check_exits_1(tmp_path):
    values = ("from derive.errors import CrossCheckError\n\n"
              "def values():\n    raise CrossCheckError('float64 disagrees')\n")
    root = small_book(tmp_path / "book", "# Title\n", values)
    with pytest.raises(CheckFailed) as caught:
        build(tmp_path / "out", "html", root=root)
    assert caught.value.exit_code == 1 and "float64 disagrees" in caught.value.message


def test_an_unknown_format_is_a_usage_error(capsys):
    assert main(["build", "--format", "docx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "docx" in err and err.count("\n") == 1


def test_an_unwritable_out_is_a_usage_error_before_any_work(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["build", "--out", str(blocker / "guide")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write to") and err.count("\n") == 1


def test_a_good_small_book_builds_html_only_and_leaves_the_pdf(tmp_path):
    root = small_book(tmp_path / "book", "# Title\n\nThe value is ${{ v }}$.\n",
                      "from derive import derive\n\ndef values():\n    return {'v': derive('sigmoid-max').result}\n")
    out = tmp_path / "out"
    previous_guide(out)
    build(out, "html", root=root)
    assert "0.25" in (out / "html" / f"{CHAPTER}.html").read_text(encoding="utf-8")
    assert (out / "gradbook.pdf").read_bytes() == b"%PDF previous"
    assert not (out / "html" / "index.html").read_text(encoding="utf-8") == "the previous guide"


def test_an_answer_section_that_does_not_exist_is_one_line(tmp_path):
    root = small_book(tmp_path / "book", "# Title\n\n## A section\n\nText.\n")
    (root / "book.toml").write_text(f'title = "T"\nanswer = "{CHAPTER}#no-such-section"\nchapters = ["{CHAPTER}"]\n',
                                    encoding="utf-8")
    with pytest.raises(UsageError, match=f"book.toml: answer = '{CHAPTER}#no-such-section', but no chapter") as caught:
        build(tmp_path / "out", "html", root=root, use_cache=False)
    assert "\n" not in str(caught.value) and not (tmp_path / "out" / "html").exists()
