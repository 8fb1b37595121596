"""A small numpy network library whose activations come from derive's catalog.

    from gradbook.experiments.network import Init, Network, train
    net = Network((64, 128, 10), "sigmoid", Init("normal", 1, 1))
"""

from gradbook.experiments.network.model import INITS, OUTPUTS, Init, Network
from gradbook.experiments.network.optimizers import OPTIMIZERS
from gradbook.experiments.network.training import Split, train, weight_gradients

__all__ = ["INITS", "OUTPUTS", "OPTIMIZERS", "Init", "Network", "Split", "train", "weight_gradients"]
