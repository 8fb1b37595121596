"""The experiment cache: keyed by exactly what decides a result, re-running
only what changed, refusing damaged entries, and never half-written."""

import json
import shutil

import pytest

from gradbook.experiments import cache, runner
from gradbook.experiments.catalog import Experiment
from gradbook.experiments.runs import spec


def tiny_plan(hidden, seeds):
    return [spec(data={}, hidden=[hidden], activation="tanh", init={"kind": "xavier"}, seed=seed,
                 training={"epochs": 1, "batch": 256, "method": "sgd", "lr": 0.1}) for seed in seeds]


def tiny(name: str, hidden: int = 4, seeds=(1,)) -> Experiment:
    return Experiment(name, name, "a tiny test experiment", tiny_plan, {"hidden": hidden, "seeds": list(seeds)})


@pytest.fixture
def catalog(monkeypatch):
    experiments = {"one": tiny("one"), "two": tiny("two", seeds=(1, 2))}
    monkeypatch.setattr(runner, "EXPERIMENTS", experiments)
    return experiments


def test_a_second_call_reads_the_cache_and_gets_the_same_numbers(tmp_path, catalog):
    first = runner.results(tmp_path)
    second = runner.results(tmp_path)
    assert first.ran == ("one", "two") and second.ran == ()
    assert second.results == first.results


def test_a_changed_experiment_reruns_alone(tmp_path, catalog, monkeypatch):
    runner.results(tmp_path)
    catalog["two"] = tiny("two", hidden=5, seeds=(1, 2))
    assert runner.results(tmp_path).ran == ("two",)


def test_force_reruns_and_reproduces_every_digit(tmp_path, catalog):
    first = runner.results(tmp_path)
    again = runner.results(tmp_path, ["one"], force=True)
    assert again.ran == ("one",)
    assert again.results["one"]["runs"] == first.results["one"]["runs"]


@pytest.mark.parametrize("damage", ["truncated", "edited-number", "other-key", "not-json"])
def test_a_damaged_entry_is_a_miss_and_is_rebuilt(tmp_path, catalog, damage):
    good = runner.results(tmp_path, ["one"]).results["one"]
    path = tmp_path / "one.json"
    text = path.read_text()
    broken = {"truncated": text[: len(text) // 2],
              "edited-number": json.dumps(good | {"runs": [{**good["runs"][0], "history": {
                  **good["runs"][0]["history"], "train_loss": [0.5]}}]}),
              "other-key": json.dumps(good | {"key": "0" * 64}),
              "not-json": "\x00\x01"}[damage]
    path.write_text(broken)
    assert cache.load(tmp_path, "one", good["key"]) is None
    again = runner.results(tmp_path, ["one"])
    assert again.ran == ("one",) and again.results["one"]["runs"] == good["runs"]


def test_the_key_changes_with_the_runs_the_code_and_the_data():
    runs = tiny("x").runs()
    base = cache.key(runs, "code", "data")
    assert base == cache.key(runs, "code", "data")
    assert len({base, cache.key(tiny("x", hidden=5).runs(), "code", "data"),
                cache.key(runs, "other code", "data"), cache.key(runs, "code", "other data")}) == 4


INDIRECT = {"derive/__init__.py", "derive/activations.py", "derive/symbols.py", "derive/derivations/initialization.py",
            "gradbook/__init__.py", "gradbook/experiments/__init__.py", "gradbook/experiments/network/model.py",
            "gradbook/experiments/network/elementwise.py", "gradbook/experiments/network/training.py",
            "gradbook/experiments/network/optimizers.py"}
"""Files a run executes that runs.py and data.py do not import themselves."""


def test_the_code_key_covers_what_a_run_imports_indirectly_and_not_the_rest():
    found = set(cache.code_files())
    assert INDIRECT | {"gradbook/experiments/runs.py", "gradbook/experiments/data.py"} <= found
    assert not found & {"gradbook/cli.py", "gradbook/experiments/cache.py", "derive/audit/__init__.py"}


def copy_of_code(folder) -> dict:
    """The experiments' code, and an unrelated module, copied under `folder`:
    the roots of the copy."""
    sources = cache.code_files() | {"gradbook/cli.py": cache.ROOTS["gradbook"] / "cli.py"}
    for name, path in sources.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / name)
    return {top: folder / top for top in cache.ROOTS}


@pytest.mark.parametrize("edited, changes", [
    ("gradbook/experiments/network/elementwise.py", True),
    ("derive/activations.py", True),
    ("derive/__init__.py", True),
    ("gradbook/experiments/runs.py", True),
    ("gradbook/cli.py", False),
], ids=["network-module-imported-by-model", "activations", "parent-init", "runs-itself", "unrelated-module"])
def test_the_key_changes_when_code_a_run_executes_changes(tmp_path, monkeypatch, edited, changes):
    experiments = [tiny("x")]
    real = cache.keys(experiments)
    monkeypatch.setattr(cache, "ROOTS", copy_of_code(tmp_path))
    assert cache.keys(experiments) == real  # the copy is faithful: the key is of names and content
    with (tmp_path / edited).open("a", encoding="utf-8") as file:
        file.write("# an edit\n")
    assert (cache.keys(experiments) != real) is changes


def test_a_stored_entry_reads_back_exactly(tmp_path):
    result = {"experiment": "x", "key": "k", "runs": [{"spec": {"seed": 1}, "history": {"loss": [0.1, 1e-300]}}]}
    stored = cache.store(tmp_path, result)
    assert cache.load(tmp_path, "x", "k") == stored
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_an_unknown_experiment_is_a_usage_error(tmp_path):
    from gradbook.errors import UsageError

    with pytest.raises(UsageError, match="unknown experiment 'nope'"):
        runner.results(tmp_path, ["nope"])


def test_the_command_runs_then_reads_the_cache(tmp_path, catalog, capsys):
    from gradbook.cli import main

    assert main(["experiments", "--only", "one", "--out", str(tmp_path), "--quiet"]) == 0
    assert "one                ran" in capsys.readouterr().out
    assert main(["experiments", "--only", "one", "--out", str(tmp_path), "--quiet"]) == 0
    assert "one                cached" in capsys.readouterr().out
    assert (tmp_path / "cache" / "experiments" / "one.json").is_file()


@pytest.mark.parametrize("argv, message", [
    (["experiments", "--only", "nope"], "error: unknown experiment 'nope'"),
    (["experiments", "--bogus"], "error: unrecognized arguments: --bogus"),
], ids=["unknown-name", "unknown-option"])
def test_bad_input_to_the_command_is_one_line_and_exit_2(argv, message, capsys):
    from gradbook.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_the_command_lists_every_experiment(capsys):
    from gradbook.cli import main
    from gradbook.experiments.catalog import EXPERIMENTS

    assert main(["experiments", "--list"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == list(EXPERIMENTS)
