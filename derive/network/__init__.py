"""A small numpy network library whose activations come from derive's catalog.

    from derive.network import Init, Network, train
    net = Network((64, 128, 10), "sigmoid", Init("normal", 1, 1))
"""

from derive.network.model import INITS, OUTPUTS, Init, Network
from derive.network.optimizers import OPTIMIZERS
from derive.network.training import Split, train, weight_gradients

__all__ = ["INITS", "OUTPUTS", "OPTIMIZERS", "Init", "Network", "Split", "train", "weight_gradients"]
