"""Questions asked of an experiment's results, for chapters and tests alike.

A result, as the runner returns it, is {"experiment", "runs": [{"spec",
"history"}, ...]}. A training run is found by its facts, named as a reader
names them rather than as its description nests them:

    facts(spec) == {"upsample": 3, "hidden": [128], "activation": "sigmoid",
                    "init": "N(1,1)", "batch_norm": False, "skip": False,
                    "depth": 2, "dtype": "float64", "seed": 1}

    matching(result, activation="sigmoid", depth=20)   # those runs, in plan order
    histories(result, activation="sigmoid", depth=20)  # their histories
    distinct(result, "depth")                          # [10, 20]
"""

DEFAULT_DTYPE = "float64"
"""The format a run computes in when its description names none."""


def init_name(init: dict) -> str:
    """How a run's weights started, by name: the kind ("xavier", "he"), or for
    a normal distribution "small" when its mean is 0 and "N(mean,std)" otherwise."""
    if init["kind"] != "normal":
        return init["kind"]
    return "small" if init["mean"] == 0 else f"N({init['mean']:g},{init['std']:g})"


def facts(spec: dict) -> dict:
    """What a training run can be found by: its data's keys (upsample,
    classes), its network's (hidden, activation, batch_norm, skip), `init` by
    name (init_name), `depth` (its weight layers: the hidden ones and the
    output), `dtype` and `seed`."""
    network = spec["network"]
    return {**spec["data"], **network, "init": init_name(network["init"]), "depth": len(network["hidden"]) + 1,
            "dtype": spec["training"].get("dtype", DEFAULT_DTYPE), "seed": spec["seed"]}


def matching(result: dict, **match) -> list[dict]:
    """The runs ({"spec", "history"}) whose facts include every `match`, in
    the order the experiment planned them; LookupError when there is none."""
    chosen = [run for run in result["runs"] if _has(facts(run["spec"]), match)]
    if not chosen:
        raise LookupError(f"no run of {result['experiment']} matches {match}")
    return chosen


def histories(result: dict, **match) -> list[dict]:
    """The histories of the runs `matching` finds."""
    return [run["history"] for run in matching(result, **match)]


def distinct(result: dict, name: str) -> list:
    """The values the fact `name` takes over the runs, each once, in increasing order."""
    return sorted({facts(run["spec"])[name] for run in result["runs"]})


def unchanged_layers(history: dict, below: float = 0) -> int:
    """How many layers, counted from the input, ended training with no more than
    the share `below` of their weights changed (by default: not one weight)."""
    shares = history["changed_share"]
    return next((k for k, share in enumerate(shares) if share > below), len(shares))


def _has(found: dict, match: dict) -> bool:
    return all(name in found and found[name] == value for name, value in match.items())
