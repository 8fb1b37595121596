"""The results API (gradbook/experiments/results.py), on a made-up result
whose answers are known by construction; then what the experiments show,
found through that API and asserted as properties over every seed rather
than as exact values: the results are made by the code in this session."""

import math

import pytest

from gradbook.experiments import results
from gradbook.experiments.catalog import EXPERIMENTS
from gradbook.experiments.runs import spec

N_1_1 = {"kind": "normal", "mean": 1.0, "std": 1.0}
N_0_SMALL = {"kind": "normal", "mean": 0.0, "std": 0.01}


def made_up(name: str, *, data: dict, hidden: list[int], activation: str = "sigmoid", init: dict | None = None,
            seed: int = 1, dtype: str | None = None, skip: bool = False) -> dict:
    """A run whose history is only its name, so that a query's answer reads as the names it found."""
    training = {"epochs": 1, "batch": 8, "method": "sgd", "lr": 0.1} | ({"dtype": dtype} if dtype else {})
    return {"spec": spec(data=data, hidden=hidden, activation=activation, init=init or {"kind": "xavier"},
                         training=training, seed=seed, skip=skip),
            "history": {"name": name}}


MADE_UP = {"experiment": "made-up", "runs": [
    made_up("n11", data={"upsample": 3}, hidden=[8], init=N_1_1),
    made_up("n11-seed-2", data={"upsample": 3}, hidden=[8], init=N_1_1, seed=2),
    made_up("relu-he", data={"upsample": 1}, hidden=[8], activation="relu", init={"kind": "he"}),
    made_up("tanh-small-skip", data={}, hidden=[4, 4], activation="tanh", init=N_0_SMALL, skip=True),
    made_up("binary-float16", data={"classes": [3, 8]}, hidden=[4, 4], dtype="float16"),
    made_up("n-half", data={"upsample": 1}, hidden=[8], init={"kind": "normal", "mean": 0.5, "std": 0.1}),
]}


def test_a_runs_facts_are_named_as_a_reader_names_them():
    assert results.facts(MADE_UP["runs"][3]["spec"]) == {
        "activation": "tanh", "hidden": [4, 4], "init": "small", "batch_norm": False, "skip": True,
        "depth": 3, "dtype": "float64", "seed": 1}


@pytest.mark.parametrize("match, names", [
    ({"init": "N(1,1)"}, ["n11", "n11-seed-2"]),
    ({"init": "N(1,1)", "seed": 2}, ["n11-seed-2"]),
    ({"init": "he"}, ["relu-he"]),
    ({"init": "small"}, ["tanh-small-skip"]),
    ({"init": "N(0.5,0.1)"}, ["n-half"]),
    ({"depth": 3}, ["tanh-small-skip", "binary-float16"]),
    ({"depth": 3, "dtype": "float64"}, ["tanh-small-skip"]),
    ({"upsample": 1}, ["relu-he", "n-half"]),
    ({"classes": [3, 8]}, ["binary-float16"]),
    ({"skip": True}, ["tanh-small-skip"]),
    ({}, ["n11", "n11-seed-2", "relu-he", "tanh-small-skip", "binary-float16", "n-half"]),
], ids=["init-normal-by-its-parameters", "and-seed", "init-by-kind", "mean-zero-is-small", "small-std-is-not-small",
        "depth-counts-the-output-layer", "dtype-defaults-to-float64", "data-key", "a-fact-only-some-runs-have",
        "network-key", "nothing-asked-all-in-plan-order"])
def test_matching_finds_the_runs_whose_facts_include_the_match(match, names):
    assert [run["history"]["name"] for run in results.matching(MADE_UP, **match)] == names
    assert [history["name"] for history in results.histories(MADE_UP, **match)] == names


@pytest.mark.parametrize("match", [
    {"activation": "gelu"},
    {"upsample": None},
    {"epochs": 1},
], ids=["no-such-value", "a-missing-fact-is-not-none", "training-settings-are-not-facts"])
def test_a_match_no_run_has_is_an_error_that_says_so(match):
    with pytest.raises(LookupError, match="no run of made-up matches"):
        results.matching(MADE_UP, **match)


@pytest.mark.parametrize("name, expected", [
    ("depth", [2, 3]),
    ("init", ["N(0.5,0.1)", "N(1,1)", "he", "small", "xavier"]),
    ("dtype", ["float16", "float64"]),
], ids=["depth", "init", "dtype"])
def test_distinct_lists_each_value_of_a_fact_once_in_order(name, expected):
    assert results.distinct(MADE_UP, name) == expected


@pytest.mark.parametrize("shares, below, expected", [
    ([0, 0, 0.5, 1], 0, 2),
    ([0, 0.001, 0, 0.5, 1], 0, 1),
    ([0, 0.001, 0, 0.5, 1], 0.01, 3),
    ([0, 0], 0, 2),
], ids=["untouched", "one-weight-moved", "barely-trained", "all-untouched"])
def test_layers_training_never_reached_are_counted_from_the_input(shares, below, expected):
    assert results.unchanged_layers({"changed_share": shares}, below) == expected


def seeds(result: dict, **match) -> list[dict]:
    """The histories of the runs `match` finds, which must be at least two seeds."""
    chosen = results.histories(result, **match)
    assert len(chosen) >= 2, f"fewer than two seeds match {match}"
    return chosen


def test_every_experiment_ran_every_run(experiment_results):
    assert set(experiment_results) == set(EXPERIMENTS)
    for name, result in experiment_results.items():
        assert [r["spec"] for r in result["runs"]] == EXPERIMENTS[name].runs()


def test_source_002_sigmoid_with_n_1_1_stays_at_chance_while_relu_learns(experiment_results):
    result = experiment_results["source-002"]
    for h in seeds(result, upsample=3, activation="sigmoid", init="N(1,1)"):
        assert h["test_accuracy"][-1] < 0.2
        assert h["train_loss"][-1] == pytest.approx(math.log(10), abs=0.01)
    for h in seeds(result, upsample=3, activation="relu", init="N(1,1)"):
        assert h["test_accuracy"][-1] > 0.5


@pytest.mark.parametrize("upsample", [3, 1], ids=["576-inputs", "64-inputs"])
def test_source_002_sigmoid_learns_with_xavier_weights(experiment_results, upsample):
    for h in seeds(experiment_results["source-002"], upsample=upsample, activation="sigmoid", init="xavier"):
        assert h["test_accuracy"][-1] > 0.85


def test_source_003_sigmoid_plateaus_while_tanh_and_relu_learn(experiment_results):
    result = experiment_results["source-003"]
    for h in seeds(result, activation="sigmoid"):
        assert all(abs(loss - math.log(2)) < 0.1 for loss in h["train_loss"][1:])
    for activation in ("tanh", "relu"):
        for h in seeds(result, activation=activation):
            assert h["train_loss"][-1] < 0.1


def first_over_last(h):
    return h["grad_norm_initial"][0] / h["grad_norm_initial"][-1]


def test_a_deep_sigmoid_networks_first_layer_gets_orders_of_magnitude_less(experiment_results):
    result = experiment_results["gradient-by-layer"]
    plain = seeds(result, depth=20, activation="sigmoid", init="xavier", batch_norm=False, skip=False)
    normalized = seeds(result, depth=20, activation="sigmoid", init="xavier", batch_norm=True)
    skipped = seeds(result, depth=20, activation="sigmoid", init="xavier", skip=True)
    assert all(first_over_last(h) < 1e-6 for h in plain)
    for remedy in (normalized, skipped):
        assert all(first_over_last(h) > 1e3 * max(map(first_over_last, plain)) for h in remedy)


def test_in_float16_the_first_layers_gradient_is_exactly_zero(experiment_results):
    result = experiment_results["precision"]
    for h in seeds(result, dtype="float16"):
        assert h["grad_zero_share_initial"][0] == 1.0
        assert h["grad_norm_initial"][-1] > 0
    wide = [seeds(result, dtype=fmt) for fmt in ("float32", "float64")]
    for h32, h64 in zip(*wide):
        assert h32["grad_norm_initial"][0] == pytest.approx(h64["grad_norm_initial"][0], rel=1e-3)
        assert h32["grad_zero_share_initial"][0] < 1.0
