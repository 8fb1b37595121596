"""What chapter 7 prints: every number comes from the experiments' results
(gradbook experiments), which the build hands to values() and the figures;
runs are found by their facts (gradbook/experiments/results.py)."""

import math
from statistics import fmean, median

import sympy as sp

from derive import Measured, Quantity, activation
from derive.precision import DPS
from gradbook.experiments.network.optimizers import Adam
from gradbook.claims import book_audit
from gradbook.experiments.results import distinct, facts, histories, matching, unchanged_layers

EXPERIMENTS = ("source-002", "source-003", "gradient-by-layer", "precision")

GREY_LEVELS, SIDE = 16, 8
"""The digits as scikit-learn ships them: 8×8 pixels, 16 grey levels."""
MNIST_SIDE, MNIST_STEPS, MNIST_EPOCHS = 28, 469, 10
"""Source 002's MNIST: 28×28 pixels; its log shows 469 steps per epoch, for 10 epochs."""
SOURCE_002_LAST_LOSS = book_audit().stated("002-17")
"""Source 002's sigmoid network's loss after its last epoch, as the audit quotes it."""
INIT_NAMES = {"xavier": "Xavier", "he": "He"}
PLOT_INITS = {"N(1,1)": "N(1, 1)", "xavier": "Xavier", "he": "He"}
PLAIN = {"batch_norm": False, "skip": False}
PROFILES = (("sigmoid, Xavier", {"activation": "sigmoid", "init": "xavier", **PLAIN}),
            ("tanh, Xavier", {"activation": "tanh", "init": "xavier", **PLAIN}),
            ("ReLU, He", {"activation": "relu", "init": "he", **PLAIN}),
            ("sigmoid, Xavier, batch norm", {"activation": "sigmoid", "init": "xavier", "batch_norm": True}),
            ("sigmoid, Xavier, skips", {"activation": "sigmoid", "init": "xavier", "skip": True}))
"""The gradient profiles figure 7.3 draws (one seed)."""
VARIANTS = (("plain", {}), ("bn", {"batch_norm": True}), ("skip", {"skip": True}))
BARELY_TRAINED = 0.01
"""A layer in which fewer than this share of the weights changed in training was barely touched by it."""


def init_latex(init: dict) -> str:
    if init["kind"] == "normal":
        mean, std = (Quantity.exact(sp.Rational(repr(init[key]))).latex() for key in ("mean", "std"))
        return rf"$\mathcal{{N}}({mean}, {std}^2)$"
    return INIT_NAMES[init["kind"]]


def m(value: float) -> Measured:
    return Measured(value)


def setting(value: float) -> Quantity:
    """A setting chosen by hand (a learning rate), printed as the decimal it is."""
    return Quantity.exact(sp.Rational(repr(value)))


def percent(share: float) -> Measured:
    return Measured(100 * share)


def sigmoid_slope(z: float) -> Measured:
    """σ'(z) at a measured input, computed without cancellation for large z."""
    tail = math.exp(-abs(z))
    return m(tail / (1 + tail) ** 2)


def span(counts: list[int]) -> str:
    """A range of whole numbers over seeds, as math: "$21$–$22$", or "$0$" when all agree."""
    low, high = min(counts), max(counts)
    return f"${low}$" if low == high else f"${low}$–${high}$"


def _geometric_mean(values) -> float:
    return math.exp(fmean(math.log(v) for v in values))


def _data(result: dict) -> dict:
    small, upsampled = histories(result, upsample=1)[0], histories(result, upsample=3)[0]
    return {"images": upsampled["train_size"] + upsampled["test_size"], "train": upsampled["train_size"],
            "test": upsampled["test_size"], "classes": upsampled["classes"], "side": SIDE, "grey": GREY_LEVELS, "pixels": small["inputs"],
            "inputs": upsampled["inputs"], "factor": math.isqrt(upsampled["inputs"] // small["inputs"]),
            "upsampled_side": math.isqrt(upsampled["inputs"]), "mnist_side": MNIST_SIDE,
            "mnist_inputs": MNIST_SIDE**2, "sum_small": m(small["mean_input_sum"]),
            "slope_small": sigmoid_slope(small["mean_input_sum"]),
            "sum_upsampled": m(upsampled["mean_input_sum"])}


SETTINGS_002 = {"sigmoid_n": ("sigmoid", "N(1,1)"), "relu_n": ("relu", "N(1,1)"),
                "sigmoid_x": ("sigmoid", "xavier"), "relu_he": ("relu", "he")}
"""Source 002's two networks, then each with the initialization made for it."""


def _row_002(result: dict, upsample: int, act: str, init: str) -> dict:
    found = matching(result, upsample=upsample, activation=act, init=init)
    runs, spec = [r["history"] for r in found], found[0]["spec"]
    accuracy = [h["test_accuracy"][-1] for h in runs]
    return {"inputs": runs[0]["inputs"], "activation": act, "init": init_latex(spec["network"]["init"]),
            "start": m(fmean(h["train_loss"][0] for h in runs)), "loss": m(fmean(h["train_loss"][-1] for h in runs)),
            "accuracy": percent(fmean(accuracy)), "low": percent(min(accuracy)), "high": percent(max(accuracy)),
            "gradient": m(median(h["grad_norm_initial"][0] for h in runs))}


def _source_002(result: dict) -> dict:
    first = result["runs"][0]
    training = first["spec"]["training"]
    steps = math.ceil(first["history"]["train_size"] / training["batch"])
    big = {name: _row_002(result, 3, *setting) for name, setting in SETTINGS_002.items()}
    small = {name: _row_002(result, 1, *setting) for name, setting in SETTINGS_002.items()}
    stuck = histories(result, upsample=3, activation="sigmoid", init="N(1,1)")
    return {
        "rows": [*big.values(), *small.values()], "big": big, "small": small, "seeds": len(stuck),
        "hidden": first["spec"]["network"]["hidden"][0], "epochs": training["epochs"], "batch": training["batch"],
        "lr": setting(training["lr"]), "steps": steps, "total_steps": steps * training["epochs"],
        "mnist_steps": MNIST_STEPS, "mnist_total": MNIST_STEPS * MNIST_EPOCHS, "mnist_epochs": MNIST_EPOCHS,
        "stuck_loss_gap": m(max(abs(h["train_loss"][-1] - math.log(10)) for h in stuck)),
        "stuck_gradient_high": m(max(h["grad_norm_initial"][0] for h in stuck)),
        "stuck_last_layer": m(min(h["grad_norm_initial"][-1] for h in stuck)),
        "source_gap": m(float(SOURCE_002_LAST_LOSS) - math.log(10)),
        "curves": {name: {"label": f"{act}, {PLOT_INITS[init]}",
                          "loss": [h["train_loss"] for h in histories(result, upsample=3, activation=act, init=init)],
                          "accuracy": [h["test_accuracy"]
                                       for h in histories(result, upsample=3, activation=act, init=init)]}
                   for name, (act, init) in SETTINGS_002.items()},
        "chance_loss": math.log(10),
    }


def _source_003(result: dict) -> dict:
    first = result["runs"][0]["spec"]
    rows = []
    for act in ("sigmoid", "tanh", "relu"):
        runs = histories(result, activation=act)
        rows.append({"activation": act, "start": m(fmean(h["train_loss"][0] for h in runs)),
                     "loss": m(fmean(h["train_loss"][-1] for h in runs)),
                     "accuracy": percent(fmean(h["test_accuracy"][-1] for h in runs)),
                     "ratio": m(_geometric_mean(h["grad_norm_initial"][0] / h["grad_norm_initial"][-1]
                                                for h in runs))})
    sigmoid = histories(result, activation="sigmoid")
    sizes = sigmoid[0]
    train_share, test_share = sizes["train_accuracy"][-1], sizes["test_accuracy"][-1]
    answers = {(train_share, test_share), (1 - train_share, 1 - test_share)}
    one_answer = train_share > 0.5 and all(
        any(math.isclose(pair[0], a) and math.isclose(pair[1], b) for a, b in answers)
        for h in sigmoid for pair in zip(h["train_accuracy"], h["test_accuracy"])) and all(
        h["test_accuracy"][-1] == test_share for h in sigmoid)
    return {"rows": rows, "by": {r["activation"]: r for r in rows}, "classes": first["data"]["classes"],
            "class_count": len(first["data"]["classes"]),
            "width": first["network"]["hidden"][0], "hidden_layers": len(first["network"]["hidden"]),
            "layers": facts(first)["depth"], "epochs": first["training"]["epochs"],
            "batch": first["training"]["batch"], "lr": setting(first["training"]["lr"]),
            "seeds": len(sigmoid), "train": sizes["train_size"], "test": sizes["test_size"],
            "plateau_gap": m(max(abs(v - math.log(2)) for h in sigmoid for v in h["train_loss"][1:])),
            "best_sigmoid": percent(max(h["test_accuracy"][-1] for h in sigmoid)),
            "one_answer": one_answer, "train_share": percent(train_share),
            "train_count": round(train_share * sizes["train_size"]),
            "test_count": round(test_share * sizes["test_size"]), "other_share": percent(1 - test_share),
            "curves": {act: [h["train_loss"] for h in histories(result, activation=act)]
                       for act in ("sigmoid", "tanh", "relu")},
            "chance_loss": math.log(2)}


def _gradient_by_layer(result: dict) -> dict:
    first = result["runs"][0]["spec"]

    def ratio(when: str, **match) -> Measured:
        runs = histories(result, **match)
        return m(_geometric_mean(h[f"grad_norm_{when}"][0] / h[f"grad_norm_{when}"][-1] for h in runs))

    depths = distinct(result, "depth")
    inits = {name: init_latex(matching(result, init=name)[0]["spec"]["network"]["init"])
             for name in ("small", "xavier", "he")}
    rows = [{"activation": act, "init": label, **{f"d{d}": ratio("initial", activation=act, init=init, depth=d,
                                                              batch_norm=False, skip=False) for d in depths},
             **{name: ratio("initial", activation=act, init=init, depth=depths[-1], **dict(
                 {"batch_norm": False, "skip": False}, **variant)) for name, variant in VARIANTS},
             "trained": ratio("final", activation=act, init=init, depth=depths[-1], batch_norm=False, skip=False)}
            for act in ("sigmoid", "tanh", "relu") for init, label in inits.items()]
    deep = depths[-1]
    sig = {name: ratio("initial", activation="sigmoid", init="xavier", depth=deep,
                       **dict({"batch_norm": False, "skip": False}, **variant)) for name, variant in VARIANTS}
    per_seed = [h["grad_norm_initial"][0] / h["grad_norm_initial"][-1]
                for h in histories(result, activation="sigmoid", init="xavier", depth=deep,
                                   batch_norm=False, skip=False)]
    relu_skip = histories(result, activation="relu", init="he", depth=deep, skip=True)

    def first_norm(act: str, init: str) -> Measured:
        return m(_geometric_mean(h["grad_norm_initial"][0]
                                 for h in histories(result, activation=act, init=init, depth=deep, **PLAIN)))

    def collapse(act: str) -> dict:
        """What training did to the network with small weights: each end's gradient before and
        after, the layers it never changed, and how far the loss ends from ln(classes)."""
        runs = histories(result, activation=act, init="small", depth=deep, **PLAIN)

        def norm(when: str, layer: int) -> Measured:
            return m(_geometric_mean(h[f"grad_norm_{when}"][layer] for h in runs))
        return {"share": ratio("final", activation=act, init="small", depth=deep, **PLAIN),
                "first_before": norm("initial", 0), "first_after": norm("final", 0),
                "last_before": norm("initial", -1), "last_after": norm("final", -1),
                "untouched": span([unchanged_layers(h, BARELY_TRAINED) for h in runs]),
                "most_changed": percent(max(share for h in runs
                                            for share in h["changed_share"][:unchanged_layers(h, BARELY_TRAINED)])),
                "loss_gap": m(max(abs(h["train_loss"][-1] - math.log(h["classes"])) for h in runs))}

    def per_layer(depth: int) -> Measured:
        runs = histories(result, activation="sigmoid", init="xavier", depth=depth, **PLAIN)
        return m(_geometric_mean(h["grad_norm_initial"][0] / h["grad_norm_initial"][-1] for h in runs)
                 ** (1 / (depth - 1)))
    return {"rows": rows, "depths": depths, "deep": deep, "width": first["network"]["hidden"][0],
            "epochs": first["training"]["epochs"], "seeds": len(per_seed), "sigmoid": sig,
            "sigmoid_worst": m(min(per_seed)), "sigmoid_best": m(max(per_seed)),
            "relu_skip_last": m(fmean(h["grad_norm_initial"][-1] for h in relu_skip)),
            "factor": {f"d{d}": per_layer(d) for d in depths}, "peak_slope": activation("sigmoid").slope(0),
            "first": {f"{act}_{init}": first_norm(act, init) for act in ("tanh", "relu")
                      for init in ("small", "xavier", "he")},
            "lr": setting(first["training"]["lr"]),
            "collapse": {act: collapse(act) for act in ("tanh", "relu")}, "adam_epsilon": setting(Adam.epsilon),
            "profiles": [{"label": label, "initial": h["grad_norm_initial"], "final": h["grad_norm_final"]}
                         for label, match in PROFILES
                         for h in histories(result, depth=deep, seed=1, **match)]}


def _precision(result: dict) -> dict:
    first = result["runs"][0]["spec"]
    rows = []
    for fmt in ("float16", "float32", "float64"):
        runs = histories(result, dtype=fmt)
        zero_layers = [sum(share == 1.0 for share in h["grad_zero_share_initial"]) for h in runs]
        unchanged = [unchanged_layers(h) for h in runs]
        rows.append({"format": fmt, "zero": span(zero_layers),
                     "first_norm": m(fmean(h["grad_norm_initial"][0] for h in runs)), "unchanged": span(unchanged)})
    return {"rows": rows, "by": {r["format"]: r for r in rows}, "depth": facts(first)["depth"],
            "width": first["network"]["hidden"][0], "epochs": first["training"]["epochs"],
            "lr": setting(first["training"]["lr"]), "seeds": len(histories(result, dtype="float64")),
            "dead_pixels": percent(histories(result, dtype="float64")[0]["grad_zero_share_initial"][0]),
            "profiles": {fmt: histories(result, dtype=fmt, seed=1)[0]["grad_norm_initial"]
                         for fmt in ("float16", "float32", "float64")}}


def values(results: dict) -> dict:
    return {
        "data": _data(results["source-002"]),
        "s002": _source_002(results["source-002"]),
        "s003": _source_003(results["source-003"]),
        "gbl": _gradient_by_layer(results["gradient-by-layer"]),
        "fp": _precision(results["precision"]),
        "ln10": Quantity.exact(sp.log(10)), "ln2": Quantity.exact(sp.log(2)), "digits": DPS,
    }
