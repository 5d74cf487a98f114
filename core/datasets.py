"""The dataset catalogue: 2-D toys of the course and scikit-learn's bundled digits.

Each kind declares its parameters like a layer does; `load_dataset` turns a
name and validated parameters into arrays split into train and test, the
same arrays for the same seed on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.params import Param, ParamError, validate_params


@dataclass
class Data:
    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    input_shape: tuple[int, ...]
    num_classes: int  # 0 for regression
    class_names: list[str]

    @property
    def is_2d(self) -> bool:
        return self.input_shape == (2,)


@dataclass(frozen=True)
class DatasetKind:
    name: str
    help: str
    params: tuple[Param, ...]
    make: Callable[[dict, np.random.Generator], tuple[np.ndarray, np.ndarray, list[str]]]


_COMMON = (
    Param("test_ratio", "float", 0.3, "Share of samples held out for testing", 0.05, 0.9),
    Param("seed", "int", 0, "Random seed of the sampling and the split", 0, 2**31 - 1),
)
_N = Param("n_samples", "int", 400, "How many points to draw", 20, 100_000)
_NOISE = Param("noise", "float", 0.1, "Standard deviation of the jitter added to each point", 0.0, 2.0)


def _circle(p, rng):
    n = p["n_samples"]
    y = np.arange(n) % 2
    radius = np.where(y == 0, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], 1)
    return x + rng.normal(0, p["noise"], x.shape), y, ["inside", "outside"]


def _xor(p, rng):
    n = p["n_samples"]
    x = rng.uniform(-1, 1, (n, 2))
    x += np.sign(x) * 0.05  # a thin gap along the axes, as in the course's figure
    y = (x[:, 0] * x[:, 1] > 0).astype(int)
    return x + rng.normal(0, p["noise"], x.shape), y, ["different signs", "same signs"]


def _gaussian(p, rng):
    n, k = p["n_samples"], p["classes"]
    y = np.arange(n) % k
    angle = 2 * np.pi * y / k + np.pi / 4
    centres = 0.6 * np.stack([np.cos(angle), np.sin(angle)], 1)
    x = centres + rng.normal(0, 0.15 + p["noise"], (n, 2))
    return x, y, [f"cluster {i + 1}" for i in range(k)]


def _spiral(p, rng):
    n, k = p["n_samples"], p["classes"]
    y = np.arange(n) % k
    t = rng.uniform(0.05, 1.0, n)
    angle = t * p["turns"] * 2 * np.pi + 2 * np.pi * y / k
    x = np.stack([t * np.cos(angle), t * np.sin(angle)], 1)
    return x + rng.normal(0, p["noise"] * 0.5, x.shape), y, [f"arm {i + 1}" for i in range(k)]


def _moons(p, rng):
    from sklearn.datasets import make_moons

    x, y = make_moons(p["n_samples"], noise=p["noise"], random_state=int(rng.integers(2**31)))
    return (x - [0.5, 0.25]) / 1.2, y, ["upper moon", "lower moon"]


def _logic(p, rng):
    n = p["n_samples"]
    corners = rng.integers(0, 2, (n, 2))
    a, b = corners[:, 0], corners[:, 1]
    y = {"and": a & b, "or": a | b, "xor": a ^ b}[p["gate"]]
    x = (corners - 0.5) * 1.2 + rng.normal(0, p["noise"], (n, 2))
    return x, y, ["false", "true"]


def _digits(p, rng):
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = (digits.data / 16.0).reshape(-1, 1, 8, 8)
    return x, digits.target, [str(i) for i in range(10)]


_CLASSES = Param("classes", "int", 2, "Number of classes", 2, 8)

KINDS: dict[str, DatasetKind] = {
    k.name: k
    for k in [
        DatasetKind("circle", "A disc inside a ring: not separable by a line", (_N, _NOISE), _circle),
        DatasetKind("xor", "Quadrants: same-sign points against different-sign points", (_N, _NOISE), _xor),
        DatasetKind("gaussian", "Round clusters, one per class", (_N, _NOISE, _CLASSES), _gaussian),
        DatasetKind("spiral", "Interleaved spiral arms, one per class",
                    (_N, _NOISE, _CLASSES, Param("turns", "float", 1.0, "How many times each arm winds", 0.25, 3.0)), _spiral),
        DatasetKind("moons", "Two interleaving half circles", (_N, _NOISE), _moons),
        DatasetKind("logic", "The four corners of a logic gate's truth table (AND, OR, XOR)",
                    (_N, Param("noise", "float", 0.1, "Jitter around each corner", 0.0, 1.0),
                     Param("gate", "choice", "and", "Which gate labels the corners", choices=("and", "or", "xor"))), _logic),
        DatasetKind("digits", "scikit-learn's 1,797 handwritten digits, 8×8 pixels", (), _digits),
    ]
}


def dataset_params(name: str) -> tuple[Param, ...]:
    if name not in KINDS:
        raise ParamError(f"unknown dataset '{name}' (known: {', '.join(KINDS)})")
    return KINDS[name].params + _COMMON


def validate_dataset(name: str, params: dict) -> dict:
    return validate_params(f"dataset '{name}'", dataset_params(name), params)


def load_dataset(name: str, params: dict | None = None) -> Data:
    p = validate_dataset(name, params or {})
    rng = np.random.default_rng(p["seed"])
    x, y, classes = KINDS[name].make(p, rng)
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.int64)
    order = rng.permutation(len(x))
    n_test = max(1, int(round(len(x) * p["test_ratio"])))
    test, train = order[:n_test], order[n_test:]
    return Data(name, x[train], y[train], x[test], y[test], tuple(x.shape[1:]), len(classes), classes)
