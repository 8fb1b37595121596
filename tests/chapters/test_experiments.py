"""Chapter 7's explanations are computed from the experiments' histories: a
network stuck on one answer is recognized as such and its accuracies are that
answer's share of each split; σ' at a measured input is exact. The histories
here are made up so that the expected values are known by construction."""

import importlib.util
from pathlib import Path

import mpmath
import pytest

VALUES = Path(__file__).resolve().parents[2] / "chapters" / "07-experiments" / "values.py"
spec = importlib.util.spec_from_file_location("experiments_values", VALUES)
values = importlib.util.module_from_spec(spec)
spec.loader.exec_module(values)


def run(activation: str, train_accuracy: list[float], test_accuracy: list[float], seed: int = 1) -> dict:
    network = {"hidden": [4, 4], "activation": activation, "init": {"kind": "xavier"}, "batch_norm": False,
               "skip": False}
    history = {"train_loss": [0.7] * len(train_accuracy), "train_accuracy": train_accuracy,
               "test_accuracy": test_accuracy, "grad_norm_initial": [0.01, 1.0], "train_size": 200,
               "test_size": 50}
    return {"spec": {"data": {"classes": [3, 8]}, "network": network,
                     "training": {"epochs": len(train_accuracy) - 1, "batch": 10, "lr": 0.1}, "seed": seed},
            "history": history}


def source_003(sigmoid_runs: list[dict]) -> dict:
    learner = [run(act, [0.9, 1.0], [0.9, 1.0]) for act in ("tanh", "relu")]
    return values._source_003({"experiment": "source-003", "runs": sigmoid_runs + learner})


def test_a_network_stuck_on_one_answer_scores_that_answers_share():
    """110 of 200 training images and 20 of 50 test images belong to the class it
    answers; at one epoch it answered the other class."""
    stuck = source_003([run("sigmoid", [0.55, 0.45, 0.55], [0.4, 0.6, 0.4], seed=s) for s in (1, 2)])
    assert stuck["one_answer"]
    assert (stuck["train_count"], stuck["test_count"]) == (110, 20)
    assert float(stuck["other_share"]) == pytest.approx(60)


@pytest.mark.parametrize("train, test", [
    ([0.55, 0.7, 0.55], [0.4, 0.6, 0.4]),
    ([0.45, 0.45], [0.6, 0.6]),
], ids=["learned-something-once", "answers-the-smaller-class"])
def test_a_network_that_is_not_stuck_on_the_larger_class_is_not_called_so(train, test):
    assert not source_003([run("sigmoid", train, test)])["one_answer"]


@pytest.mark.parametrize("z", [0.5, 19.5, 58.6, -30], ids=["small", "shipped-images", "enlarged-images", "negative"])
def test_the_sigmoid_slope_at_a_measured_input_is_exact(z):
    with mpmath.workdps(40):
        s = 1 / (1 + mpmath.exp(-mpmath.mpf(z)))
        assert float(values.sigmoid_slope(z)) == pytest.approx(float(s * (1 - s)), rel=1e-12)
