"""The toy datasets of the course: points in the plane to classify or to fit, and points of a
function of one variable to fit (universal approximation).

Each maker takes its validated parameters and a seeded generator and
returns (points, labels, class names), or (points, targets) for regression;
the catalogue in `datasets.py` names them.
"""

from __future__ import annotations

import numpy as np


def circle(p, rng):
    n = p["n_samples"]
    y = np.arange(n) % 2
    radius = np.where(y == 0, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], 1)
    return x + rng.normal(0, p["noise"], x.shape), y, ["inside", "outside"]


def xor(p, rng):
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    x += np.sign(x) * 0.05  # a thin gap along the axes, as in the course's figure
    y = (x[:, 0] * x[:, 1] > 0).astype(int)
    return x + rng.normal(0, p["noise"], x.shape), y, ["different signs", "same signs"]


def gaussian(p, rng):
    n, k = p["n_samples"], p["classes"]
    y = np.arange(n) % k
    angle = 2 * np.pi * y / k + np.pi / 4
    centres = 0.6 * np.stack([np.cos(angle), np.sin(angle)], 1)
    return centres + rng.normal(0, 0.15 + p["noise"], (n, 2)), y, [f"cluster {i + 1}" for i in range(k)]


def spiral(p, rng):
    n, k = p["n_samples"], p["classes"]
    y = np.arange(n) % k
    t = rng.uniform(0.05, 1.0, n)
    angle = t * p["turns"] * 2 * np.pi + 2 * np.pi * y / k
    x = np.stack([t * np.cos(angle), t * np.sin(angle)], 1)
    return x + rng.normal(0, p["noise"] * 0.5, x.shape), y, [f"arm {i + 1}" for i in range(k)]


def moons(p, rng):
    from sklearn.datasets import make_moons

    x, y = make_moons(p["n_samples"], noise=p["noise"], random_state=int(rng.integers(2**31)))
    return (x - [0.5, 0.25]) / 1.2, y, ["upper moon", "lower moon"]


def logic(p, rng):
    corner = np.arange(p["n_samples"]) % 4  # equally many points at each corner
    a, b = corner // 2, corner % 2
    y = {"and": a & b, "or": a | b, "xor": a ^ b}[p["gate"]]
    x = (np.stack([a, b], 1) - 0.5) * 1.2 + rng.normal(0, p["noise"], (len(corner), 2))
    return x, y, ["false", "true"]


CURVES = {
    "sine": lambda t: 0.5 * np.sin(3 * t),
    "cubic": lambda t: 1.5 * t**3 - t,
    "abs": lambda t: np.abs(t) - 0.5,
}


def boundary(p, rng):
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    y = (x[:, 1] > CURVES[p["curve"]](x[:, 0])).astype(int)
    return x + rng.normal(0, p["noise"], x.shape), y, ["below", "above"]


def plane(p, rng):
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    return x, 0.6 * x[:, 0] - 0.4 * x[:, 1] + rng.normal(0, p["noise"], len(x))


def bumps(p, rng):
    """A smooth surface made of Gaussian bumps and dips (their places fixed by the seed)."""
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    centres, heights = rng.uniform(-0.8, 0.8, (p["bumps"], 2)), rng.choice([-1.0, 1.0], p["bumps"])
    distance = ((x[:, None, :] - centres[None]) ** 2).sum(-1)
    y = (heights * np.exp(-distance / (2 * 0.3**2))).sum(1)
    return x, y + rng.normal(0, p["noise"], len(x))


FUNCTIONS = {  # the 1-D targets a network approximates, on x in [-1, 1]
    "sine": lambda x: np.sin(2 * np.pi * x),
    "step": lambda x: np.where(x < 0, -1.0, 1.0),
    "abs": lambda x: np.abs(x),
    "bump": lambda x: np.exp(-8 * x**2),
    "cubic": lambda x: 3 * (x**3 - x),
}


def function(p, rng):
    """Points of the chosen function of x with noise on the target: inputs of shape (1,)."""
    x = rng.uniform(-1, 1, (p["n_samples"], 1))
    return x, FUNCTIONS[p["function"]](x[:, 0]) + rng.normal(0, p["noise"], len(x))
