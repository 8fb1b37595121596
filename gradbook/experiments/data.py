"""The data every experiment uses: the handwritten digits that ship inside
scikit-learn (1,797 images of 8×8 pixels, 16 grey levels), so nothing is
downloaded. Pixels are scaled to [0, 1] as source 002 scales MNIST's.

The split into training and test sets is fixed by SPLIT_SEED. Two variants:
`upsample=k` repeats each pixel k×k times, which leaves the images unchanged
but multiplies the number of inputs a unit sums (k = 3 gives 576 inputs,
close to MNIST's 784); `classes=(a, b)` keeps two digits as a binary task
(label 1 for b).
"""

import hashlib
import importlib.metadata
import importlib.util
from functools import cache
from pathlib import Path

import numpy as np

from gradbook.experiments.network import Split

SPLIT_SEED = 0
TEST_SHARE = 0.25


@cache
def _digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits  # imported here: it takes a second or two

    digits = load_digits()
    return digits.images / 16.0, digits.target


def digits(upsample: int = 1, classes: tuple[int, int] | None = None) -> Split:
    images, labels = _digits()
    if classes is not None:
        keep = np.isin(labels, classes)
        images, labels = images[keep], (labels[keep] == classes[1]).astype(int)
    if upsample > 1:
        images = np.kron(images, np.ones((1, upsample, upsample)))
    inputs = images.reshape(len(labels), -1)
    order = np.random.default_rng(SPLIT_SEED).permutation(len(labels))
    cut = round(len(labels) * (1 - TEST_SHARE))
    train, test = order[:cut], order[cut:]
    return Split(inputs[train], labels[train], inputs[test], labels[test])


def fingerprint() -> str:
    """What identifies the data, without importing scikit-learn: the bytes of
    its digits file, or its version where that file is not where expected."""
    spec = importlib.util.find_spec("sklearn")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "datasets" / "data" / "digits.csv.gz"
        if path.is_file():
            return hashlib.sha256(path.read_bytes()).hexdigest()
    return f"scikit-learn {importlib.metadata.version('scikit-learn')}"
