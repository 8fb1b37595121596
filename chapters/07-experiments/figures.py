"""Chapter 7's figures, drawn from what values() read off the experiments."""

COLOURS = ("#c0392b", "#1f5fa8", "#2e8b57", "#d08a00", "#7b4ea3")


def _seeds(ax, curves, colour, label):
    """One line per seed, the label on the first only."""
    for i, curve in enumerate(curves):
        ax.plot(range(len(curve)), curve, color=colour, alpha=0.85, linewidth=1.3,
                label=label if i == 0 else None)


def source_002_curves(fig, values):
    """Training loss and test accuracy by epoch for source 002's settings."""
    s = values["s002"]
    loss_ax, accuracy_ax = fig.subplots(1, 2)
    for colour, curve in zip(COLOURS, s["curves"].values()):
        _seeds(loss_ax, curve["loss"], colour, curve["label"])
        _seeds(accuracy_ax, [[100 * a for a in run] for run in curve["accuracy"]], colour, None)
    loss_ax.axhline(s["chance_loss"], color="black", linestyle=":", linewidth=1.2, label="ln 10 (chance)", zorder=0)
    loss_ax.set_yscale("log")
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("training loss (log scale)")
    accuracy_ax.set_xlabel("epoch")
    accuracy_ax.set_ylabel("test accuracy (%)")
    fig.legend(loc="outside lower center", ncols=3, frameon=False)


def source_003_curves(fig, values):
    """Training loss by epoch of the five-layer networks."""
    s = values["s003"]
    ax = fig.subplots()
    ax.axhline(s["chance_loss"], color="black", linestyle=":", linewidth=1.2, label="ln 2 (chance)", zorder=0)
    for colour, (act, curves) in zip(COLOURS, s["curves"].items()):
        _seeds(ax, curves, colour, act)
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (log scale)")
    fig.legend(loc="outside right upper", frameon=False)


def gradient_profiles(fig, values):
    """‖∂L/∂W_k‖ against the layer k, at initialization and after training."""
    g = values["gbl"]
    axes = fig.subplots(1, 2, sharey=True)
    for ax, when, title in zip(axes, ("initial", "final"), ("at initialization", "after training")):
        for colour, profile in zip(COLOURS, g["profiles"]):
            norms = profile[when]
            ax.plot(range(1, len(norms) + 1), norms, marker="o", markersize=3, color=colour,
                    label=profile["label"] if when == "initial" else None)
        ax.set_yscale("log")
        ax.set_title(title)
        ax.set_xlabel("layer k (1 is next to the input)")
    axes[0].set_ylabel("gradient norm (log scale)")
    fig.set_figheight(4.4)
    fig.legend(loc="outside lower center", ncols=2, frameon=False)


def precision_profiles(fig, values):
    """The same network's layer gradients computed in three formats; a cross
    at the bottom marks a layer whose whole gradient is exactly zero."""
    profiles = values["fp"]["profiles"]
    ax = fig.subplots()
    styles = {"float16": ("#c0392b", "o", 6), "float32": ("#1f5fa8", "s", 4), "float64": ("#2e8b57", ".", 3)}
    floor = min(v for norms in profiles.values() for v in norms if v > 0) / 10
    for fmt, norms in profiles.items():
        colour, marker, size = styles[fmt]
        layers = range(1, len(norms) + 1)
        ax.plot([k for k, v in zip(layers, norms) if v > 0], [v for v in norms if v > 0], marker=marker,
                markersize=size, color=colour, linewidth=1, label=fmt)
        zeros = [k for k, v in zip(layers, norms) if v == 0]
        if zeros:
            ax.plot(zeros, [floor] * len(zeros), "x", color=colour, label=f"{fmt}: exactly zero")
    ax.set_yscale("log")
    ax.set_xlabel("layer k (1 is next to the input)")
    ax.set_ylabel("gradient norm (log scale)")
    fig.legend(loc="outside right upper", frameon=False)
