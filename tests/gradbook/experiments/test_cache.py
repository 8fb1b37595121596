"""The experiment cache: keyed by exactly what decides a result, re-running
only what changed, refusing damaged entries, and never half-written."""

import json

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


def test_the_code_digest_covers_the_network_and_the_runner():
    names = {path.name for path in cache.CODE}
    assert {"model.py", "elementwise.py", "training.py", "optimizers.py", "activations.py", "runs.py",
            "data.py"} <= names


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
