"""Universal approximation, seen: a network's fitted curve over x beside the points of a function
of one variable, and, for one hidden layer, what each hidden unit adds to it.

A network Input → Linear(h) → activation → Linear(1) → Output computes
f(x) = b + Σᵢ wᵢ·hᵢ(x), where hᵢ is hidden unit i's activation and wᵢ its weight into the output:
the fit is the output bias plus h curves, one per unit. With ReLU each curve is a hinge (flat, then
a straight line from the unit's kink at x = −bias/weight), with tanh a smoothed step; enough of
them, placed and scaled by training, approach any continuous function on an interval. The probe
reads the curves from the model's own forward pass (the activation node's output, tapped) and the
output layer's own weights, so their sum plus the bias is the output the model gives.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.layers import has_trait
from core.probes.base import Probe
from core.words import translate

GRID = 256  # points along x where the fit is drawn
MAX_POINTS = 2000  # training and test points sent for drawing
MAX_UNITS = 64  # hidden units whose curves are sent
FIT_INTERVAL = 0.1  # seconds between pictures while training runs: cheap, so live


@dataclass
class Approximation:
    step: int
    xs: np.ndarray  # (GRID,) where the fit is evaluated, over the data's range and a margin
    fit: np.ndarray  # (GRID,) the network's output there
    x_train: np.ndarray  # (≤ MAX_POINTS,) training inputs
    y_train: np.ndarray  # their targets
    x_test: np.ndarray
    y_test: np.ndarray
    train_mse: float  # mean squared error of the fit over all training points
    test_mse: float  # ... and over all test points (nan without any)
    hidden: str  # the hidden Linear node; "" when the network is not of the one-hidden-layer shape
    activation: str  # the activation's kind ("ReLU", "Tanh"…), or ""
    units: int  # hidden units in all
    contributions: np.ndarray  # (min(units, MAX_UNITS), GRID) each unit's w_out·h(x); (0, GRID) when none
    bias: float  # the output layer's bias (0 without one)


def one_hidden_layer(graph, model) -> tuple[str, str, str] | None:
    """(hidden Linear, activation, output Linear) when the network is exactly Input → Linear →
    activation → Linear(1) → Output, each fed by the one before; else None."""
    order = model.order
    if len(order) != 5:
        return None
    kinds = [graph.nodes[n].kind for n in order]
    if kinds[0] != "Input" or kinds[1] != "Linear" or kinds[3] != "Linear" or kinds[4] != "Output":
        return None
    if not has_trait(kinds[2], "activation") or kinds[2] == "Softmax":
        return None
    if any(model.sources[order[i]] != [order[i - 1]] for i in range(1, 5)) or model.shapes[order[3]] != (1,):
        return None
    return order[1], order[2], order[3]


def _flat(values: np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=np.float32).reshape(len(values), -1)[:, 0]


def approximation(trainer, grid: int = GRID) -> Approximation:
    import torch

    data, model = trainer.data, trainer.model
    if data.input_shape != (1,) or data.num_classes or trainer.out_width != 1:
        raise ValueError(
            translate(
                "probes",
                "this view fits one number from one number: choose the dataset 'A function of x' "
                "(1-D regression) and a network with a single output",
            )
        )
    xs_all = np.concatenate([_flat(data.x_train), _flat(data.x_test)])
    low, high = float(xs_all.min()), float(xs_all.max())
    margin = 0.05 * max(high - low, 1e-3)
    xs = np.linspace(low - margin, high + margin, grid, dtype=np.float32)
    shape = one_hidden_layer(trainer.project.graph, model)
    device = next(model.parameters(), torch.zeros(0)).device
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            points = torch.as_tensor(xs[:, None], device=device)
            if shape is None:
                fit, taps = model(points), {}
            else:
                fit, taps = model(points, taps=[shape[1]])
            train_mse = _mse(trainer, trainer.x_train, trainer.y_train)
            test_mse = _mse(trainer, trainer.x_test, trainer.y_test)
    finally:
        model.train(was_training)
    contributions, bias, units = np.zeros((0, grid), np.float32), 0.0, 0
    hidden = activation = ""
    if shape is not None:
        hidden, act, out = shape
        activation = trainer.project.graph.nodes[act].kind
        layer = model.layer(out)
        weight = layer.weight.detach().float()[0]  # (units,)
        h = taps[act].float()  # (grid, units)
        units = int(h.shape[1])
        contributions = (h * weight[None]).T[:MAX_UNITS].cpu().numpy()
        bias = float(layer.bias.detach()[0]) if layer.bias is not None else 0.0
    return Approximation(
        step=trainer.step_count,
        xs=xs,
        fit=fit.float()[:, 0].cpu().numpy(),
        x_train=_flat(data.x_train)[:MAX_POINTS],
        y_train=_flat(data.y_train)[:MAX_POINTS],
        x_test=_flat(data.x_test)[:MAX_POINTS],
        y_test=_flat(data.y_test)[:MAX_POINTS],
        train_mse=train_mse,
        test_mse=test_mse,
        hidden=hidden,
        activation=activation,
        units=units,
        contributions=contributions,
        bias=bias,
    )


def _mse(trainer, x, y) -> float:
    if len(x) == 0:
        return float("nan")
    out = trainer.predict(x).float()[:, 0]
    return float(((out - y.float().reshape(len(y), -1)[:, 0]) ** 2).mean())


class ApproximationProbe(Probe):
    """The fit over x and each hidden unit's share of it (core.probes.approximation)."""

    interval = FIT_INTERVAL

    def compute(self, grid: int = GRID) -> Approximation:
        return approximation(self.trainer, grid)
