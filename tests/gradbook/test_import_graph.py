"""The import graph: the files a module needs are found from its source, in
every form of import, through parent packages and functions, and nothing else
is: a package that only re-exports names is followed by the names taken from
it. Their digest changes when one of them does, and only then."""

import pytest

from gradbook.import_graph import digest, files_imported_by, source_files

TREE = {
    "pkg/__init__.py": "",
    "pkg/leaf.py": "import json\n\nVALUE = 1\n",
    "pkg/sub/__init__.py": "",
    "pkg/sub/leaf.py": "VALUE = 2\n",
    "pkg/sub/relative.py": "from . import leaf\n",
    "pkg/sub/up.py": "from ..leaf import VALUE\n",
    "pkg/plain.py": "import pkg.sub.leaf\n",
    "pkg/aliased.py": "import pkg.sub.leaf as leaf\n",
    "pkg/from_submodule.py": "from pkg.sub import leaf\n",
    "pkg/from_name.py": "from pkg.leaf import VALUE\n",
    "pkg/in_function.py": "def later():\n    import pkg.leaf\n",
    "pkg/nested.py": ("class Late:\n    def method(self):\n        try:\n            pass\n        except ImportError:\n"
                      "            for _ in ():\n                with open('x'):\n                    match 1:\n"
                      "                        case 1:\n                            import pkg.leaf\n"),
    "pkg/chain.py": "import pkg.plain\n",
    "pkg/third_party.py": "import numpy\nfrom os import path\n",
    "pkg/unrelated.py": "import pkg.sub.leaf\n",
    "loud/__init__.py": "from . import setup\n\nsetup.configure()\n",
    "loud/setup.py": "def configure():\n    pass\n",
    "loud/inner.py": "",
    "api/__init__.py": '"""Names for users."""\n\nfrom api.small import SMALL\nfrom api.big import BIG\n\n__all__ = ["SMALL", "BIG"]\n',
    "api/small.py": "SMALL = 1\n",
    "api/big.py": "import api.heavy\n\nBIG = 2\n",
    "api/heavy.py": "",
    "api/user.py": "from api import SMALL\n",
    "api/whole.py": "import api\n",
    "api/star.py": "from api import *\n",
    "api/submodule_user.py": "import api.small\n",
    "api/chapter.py": "from api import BIG\n",
}
"""Three project packages: `loud`'s __init__ runs code of its own; `api`'s
only re-exports names from its modules."""


def write(folder, files: dict) -> dict:
    """The files written under `folder`, and the roots of their packages."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return {"pkg": folder / "pkg", "loud": folder / "loud", "api": folder / "api"}


@pytest.fixture
def roots(tmp_path):
    return write(tmp_path, TREE)


SUB_LEAF = {"pkg/__init__.py", "pkg/sub/__init__.py", "pkg/sub/leaf.py"}

CASES = [
    ("pkg.plain", {"pkg/plain.py", *SUB_LEAF}, "import-a-b"),
    ("pkg.aliased", {"pkg/aliased.py", *SUB_LEAF}, "import-a-b-as-c"),
    ("pkg.from_submodule", {"pkg/from_submodule.py", *SUB_LEAF}, "from-a-import-submodule"),
    ("pkg.from_name", {"pkg/__init__.py", "pkg/from_name.py", "pkg/leaf.py"}, "from-a-import-name"),
    ("pkg.sub.relative", {"pkg/sub/relative.py", *SUB_LEAF}, "from-dot-import"),
    ("pkg.sub.up", {"pkg/__init__.py", "pkg/sub/__init__.py", "pkg/sub/up.py", "pkg/leaf.py"},
     "from-dot-dot-module-import"),
    ("pkg.in_function", {"pkg/__init__.py", "pkg/in_function.py", "pkg/leaf.py"}, "import-in-a-function"),
    ("pkg.nested", {"pkg/__init__.py", "pkg/nested.py", "pkg/leaf.py"}, "import-deep-in-nested-blocks"),
    ("pkg.chain", {"pkg/chain.py", "pkg/plain.py", *SUB_LEAF}, "transitive"),
    ("pkg.third_party", {"pkg/__init__.py", "pkg/third_party.py"}, "other-libraries-not-followed"),
    ("loud.inner", {"loud/__init__.py", "loud/setup.py", "loud/inner.py"}, "parent-init-that-runs-code-and-its-imports"),
    ("api.user", {"api/__init__.py", "api/user.py", "api/small.py"}, "from-a-reexporting-package-import-one-name"),
    ("api.chapter", {"api/__init__.py", "api/chapter.py", "api/big.py", "api/heavy.py"},
     "the-name-taken-and-what-its-module-imports"),
    ("api.submodule_user", {"api/__init__.py", "api/submodule_user.py", "api/small.py"},
     "a-reexporting-parent-adds-only-its-file"),
    ("api.whole", {"api/__init__.py", "api/whole.py", "api/small.py", "api/big.py", "api/heavy.py"},
     "import-the-whole-reexporting-package"),
    ("api.star", {"api/__init__.py", "api/star.py", "api/small.py", "api/big.py", "api/heavy.py"},
     "from-a-reexporting-package-import-star"),
    ("pkg.sub", {"pkg/__init__.py", "pkg/sub/__init__.py"}, "a-package"),
]


@pytest.mark.parametrize("entry, expected", [case[:2] for case in CASES], ids=[case[2] for case in CASES])
def test_the_files_found_are_exactly_those_the_import_runs(roots, entry, expected):
    assert set(source_files([entry], roots)) == expected


def test_several_entries_give_the_union_of_their_files(roots):
    assert set(source_files(["pkg.from_name", "loud.inner"], roots)) == {
        "pkg/__init__.py", "pkg/from_name.py", "pkg/leaf.py", "loud/__init__.py", "loud/setup.py", "loud/inner.py"}


@pytest.mark.parametrize("edited, changes", [
    ("pkg/sub/leaf.py", True),
    ("pkg/sub/__init__.py", True),
    ("pkg/chain.py", True),
    ("pkg/unrelated.py", False),
    ("pkg/leaf.py", False),
], ids=["indirect-import", "indirect-parent-init", "the-entry-itself", "unrelated-module", "sibling-not-imported"])
def test_the_digest_changes_exactly_when_a_file_the_entry_runs_changes(roots, edited, changes):
    before = digest(source_files(["pkg.chain"], roots))
    with (roots["pkg"].parent / edited).open("a", encoding="utf-8") as file:
        file.write("# an edit\n")
    assert (digest(source_files(["pkg.chain"], roots)) != before) is changes


def test_the_digest_is_of_names_and_content_not_of_place_or_order(roots, tmp_path):
    files = source_files(["pkg.chain"], roots)
    elsewhere = source_files(["pkg.chain"], write(tmp_path / "elsewhere", TREE))
    assert digest(elsewhere) == digest(files) == digest(dict(reversed(files.items())))
    plain = files.pop("pkg/plain.py")
    assert digest(files | {"pkg/renamed.py": plain}) != digest(files | {"pkg/plain.py": plain})


def test_a_files_imports_count_as_a_modules_do(roots, tmp_path):
    """A chapter's values.py is a file, not a module of a package: what it imports counts the same way."""
    values = tmp_path / "values.py"
    values.write_text("from api import SMALL\nimport pkg.plain\n", encoding="utf-8")
    assert set(files_imported_by([values], roots)) == {"api/__init__.py", "api/small.py", "pkg/plain.py", *SUB_LEAF}
