"""What the experiments show, asserted as properties over every seed rather
than as exact values: the results are made by the code in this session."""

import math

import pytest

from gradbook.experiments.catalog import EXPERIMENTS


def histories(result, **match):
    chosen = []
    for run in result["runs"]:
        spec = run["spec"]
        facts = {**spec["data"], **spec["network"], "init": spec["network"]["init"]["kind"],
                 "mean": spec["network"]["init"].get("mean"), "depth": len(spec["network"]["hidden"]) + 1,
                 "dtype": spec["training"].get("dtype", "float64")}
        if all(facts.get(k) == v for k, v in match.items()):
            chosen.append(run["history"])
    assert len(chosen) >= 2, f"fewer than two seeds match {match}"
    return chosen


def test_every_experiment_ran_every_run(experiment_results):
    assert set(experiment_results) == set(EXPERIMENTS)
    for name, result in experiment_results.items():
        assert [r["spec"] for r in result["runs"]] == EXPERIMENTS[name].runs()


def test_source_002_sigmoid_with_n_1_1_stays_at_chance_while_relu_learns(experiment_results):
    result = experiment_results["source-002"]
    for h in histories(result, upsample=3, activation="sigmoid", init="normal", mean=1.0):
        assert h["test_accuracy"][-1] < 0.2
        assert h["train_loss"][-1] == pytest.approx(math.log(10), abs=0.01)
    for h in histories(result, upsample=3, activation="relu", init="normal", mean=1.0):
        assert h["test_accuracy"][-1] > 0.5


@pytest.mark.parametrize("upsample", [3, 1], ids=["576-inputs", "64-inputs"])
def test_source_002_sigmoid_learns_with_xavier_weights(experiment_results, upsample):
    for h in histories(experiment_results["source-002"], upsample=upsample, activation="sigmoid", init="xavier"):
        assert h["test_accuracy"][-1] > 0.85


def test_source_003_sigmoid_plateaus_while_tanh_and_relu_learn(experiment_results):
    result = experiment_results["source-003"]
    for h in histories(result, activation="sigmoid"):
        assert all(abs(loss - math.log(2)) < 0.1 for loss in h["train_loss"][1:])
    for activation in ("tanh", "relu"):
        for h in histories(result, activation=activation):
            assert h["train_loss"][-1] < 0.1


def first_over_last(h):
    return h["grad_norm_initial"][0] / h["grad_norm_initial"][-1]


def test_a_deep_sigmoid_networks_first_layer_gets_orders_of_magnitude_less(experiment_results):
    result = experiment_results["gradient-by-layer"]
    plain = histories(result, depth=20, activation="sigmoid", init="xavier", batch_norm=False, skip=False)
    normalized = histories(result, depth=20, activation="sigmoid", init="xavier", batch_norm=True)
    skipped = histories(result, depth=20, activation="sigmoid", init="xavier", skip=True)
    assert all(first_over_last(h) < 1e-6 for h in plain)
    for remedy in (normalized, skipped):
        assert all(first_over_last(h) > 1e3 * max(map(first_over_last, plain)) for h in remedy)


def test_in_float16_the_first_layers_gradient_is_exactly_zero(experiment_results):
    result = experiment_results["precision"]
    for h in histories(result, dtype="float16"):
        assert h["grad_zero_share_initial"][0] == 1.0
        assert h["grad_norm_initial"][-1] > 0
    wide = [histories(result, dtype=fmt) for fmt in ("float32", "float64")]
    for h32, h64 in zip(*wide):
        assert h32["grad_norm_initial"][0] == pytest.approx(h64["grad_norm_initial"][0], rel=1e-3)
        assert h32["grad_zero_share_initial"][0] < 1.0
